/** The Mistral provider: data plus pure mapping functions. */
import type { ProviderAdapter } from '../../core/provider-adapter.js'
import { createMistralChunkMapper } from './chunks.js'
import { MISTRAL_EMBEDDING_BATCH_TOKENS, mistralEmbeddingModels } from './embedding-models.js'
import { toMistralEmbeddingsRequest } from './embeddings-request.js'
import { fromMistralEmbeddingsResponse } from './embeddings-response.js'
import { parseMistralError } from './errors.js'
import { createMistralFimChunkMapper } from './fim-chunks.js'
import { toMistralFimRequest } from './fim-request.js'
import { fromMistralFimResponse } from './fim-response.js'
import { fromMistralModelList } from './model-cards.js'
import { mistralModels } from './models.js'
import { toMistralRequest } from './request.js'
import { fromMistralResponse } from './response.js'

export const mistralProvider = {
  id: 'mistral',
  displayName: 'Mistral',
  defaultBaseURL: 'https://api.mistral.ai/v1',
  apiKeyEnvVar: 'MISTRAL_API_KEY',
  baseURLEnvVar: 'MISTRAL_BASE_URL',
  apiKeyOptional: false,
  models: mistralModels,
  requestIdHeaders: ['mistral-correlation-id', 'x-kong-request-id', 'x-request-id'],
  authHeaders: (apiKey) => ({ authorization: `Bearer ${apiKey}` }),
  chat: {
    path: '/chat/completions',
    toRequest: toMistralRequest,
    fromResponse: fromMistralResponse,
    createChunkMapper: createMistralChunkMapper,
  },
  embeddings: {
    path: '/embeddings',
    models: mistralEmbeddingModels,
    maxBatchTokens: MISTRAL_EMBEDDING_BATCH_TOKENS,
    toRequest: toMistralEmbeddingsRequest,
    fromResponse: fromMistralEmbeddingsResponse,
  },
  completions: {
    path: '/fim/completions',
    toRequest: toMistralFimRequest,
    fromResponse: fromMistralFimResponse,
    createChunkMapper: createMistralFimChunkMapper,
  },
  modelList: {
    path: '/models',
    fromResponse: fromMistralModelList,
  },
  parseError: parseMistralError,
} as const satisfies ProviderAdapter

export type { MistralModelId } from './models.js'
export type { MistralEmbeddingModelId } from './embedding-models.js'
