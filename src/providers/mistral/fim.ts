/** Mistral's fill-in-the-middle (`completions.create`): loaded on demand by `mistralProvider.completions()` (its own chunk). */
import type { ProviderCompletions } from '../../core/provider-adapter.js'
import { createMistralFimChunkMapper } from './fim-chunks.js'
import { toMistralFimRequest } from './fim-request.js'
import { fromMistralFimResponse } from './fim-response.js'

export const mistralCompletions = {
  path: '/fim/completions',
  toRequest: toMistralFimRequest,
  fromResponse: fromMistralFimResponse,
  createChunkMapper: createMistralFimChunkMapper,
} as const satisfies ProviderCompletions
