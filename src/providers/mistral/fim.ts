/** Mistral's fill-in-the-middle (`completions.create`): loaded on demand by `mistralProvider.completions()` (its own chunk). */
import type { ProviderCompletions } from '../../core/provider-adapter.js'
import { createMistralFimChunkMapper } from './fim-chunks.js'
import { toMistralFimRequest } from './fim-request.js'
import { fromMistralFimResponse } from './fim-response.js'

export const mistralCompletions = {
  prepare: (params, context) => ({ path: '/fim/completions', body: toMistralFimRequest(params, context) }),
  fromResponse: fromMistralFimResponse,
  streamFraming: 'sse',
  createStreamMapper: createMistralFimChunkMapper,
} as const satisfies ProviderCompletions
