/**
 * The Mistral provider: data plus pure mapping functions. Chat is loaded with the adapter; embeddings,
 * fill-in-the-middle and the model list are loaded on first use (dynamic imports, separate chunks).
 */
import type { ProviderAdapter } from '../../core/provider-adapter.js'
import { createMistralChunkMapper } from './chunks.js'
import { mistralEmbeddingModels } from './embedding-models.js'
import type { mistralEmbeddings } from './embeddings.js'
import { isMistralModelNotFound, parseMistralError } from './errors.js'
import type { mistralCompletions } from './fim.js'
import type { mistralModelList } from './model-list.js'
import { mistralModels } from './models.js'
import { mistralChatChecks, type MistralOptionTypes } from './options.js'
import { toMistralRequest } from './request.js'
import { fromMistralResponse } from './response.js'

export const mistralProvider = {
  id: 'mistral',
  displayName: 'Mistral',
  defaultBaseURL: 'https://api.mistral.ai/v1',
  apiKeyEnvVar: 'MISTRAL_API_KEY',
  baseURLEnvVar: 'MISTRAL_BASE_URL',
  apiKeyOptional: false,
  optionTypes: undefined as MistralOptionTypes | undefined,
  models: mistralModels,
  requestIdHeaders: ['mistral-correlation-id', 'x-kong-request-id', 'x-request-id'],
  auth: { secretHeaders: ['authorization'], headers: (apiKey) => ({ authorization: `Bearer ${apiKey}` }) },
  chat: {
    prepare: (params, context) => ({ path: '/chat/completions', body: toMistralRequest(params, context) }),
    fromResponse: fromMistralResponse,
    streamFraming: 'sse',
    createStreamMapper: createMistralChunkMapper,
    checks: mistralChatChecks,
  },
  embeddings: {
    models: mistralEmbeddingModels,
    load: (): Promise<typeof mistralEmbeddings> =>
      import('./embeddings.js').then((section) => section.mistralEmbeddings),
  },
  completions: (): Promise<typeof mistralCompletions> =>
    import('./fim.js').then((section) => section.mistralCompletions),
  modelList: (): Promise<typeof mistralModelList> =>
    import('./model-list.js').then((section) => section.mistralModelList),
  parseError: parseMistralError,
  isModelNotFound: isMistralModelNotFound,
} as const satisfies ProviderAdapter

export type { MistralModelId } from './models.js'
export type { MistralEmbeddingModelId } from './embedding-models.js'
