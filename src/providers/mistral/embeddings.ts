/** Mistral's embeddings mapping: loaded on demand by `mistralProvider.embeddings.load()` (its own chunk). */
import type { ProviderEmbeddingsMapping } from '../../core/provider-adapter.js'
import { MISTRAL_EMBEDDING_BATCH_TOKENS } from './embedding-models.js'
import { toMistralEmbeddingsRequest } from './embeddings-request.js'
import { fromMistralEmbeddingsResponse } from './embeddings-response.js'

export const mistralEmbeddings = {
  path: '/embeddings',
  maxBatchTokens: MISTRAL_EMBEDDING_BATCH_TOKENS,
  toRequest: toMistralEmbeddingsRequest,
  fromResponse: fromMistralEmbeddingsResponse,
} as const satisfies ProviderEmbeddingsMapping
