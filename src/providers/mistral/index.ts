/** The Mistral provider: data plus pure mapping functions. */
import type { ProviderAdapter } from '../../core/provider-adapter.js'
import { createMistralChunkMapper } from './chunks.js'
import { parseMistralError } from './errors.js'
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
  parseError: parseMistralError,
} as const satisfies ProviderAdapter

export type { MistralModelId } from './models.js'
