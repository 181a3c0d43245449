/**
 * The Gemini provider (Gemini Developer API, generativelanguage.googleapis.com v1beta): data plus pure
 * mapping. The model and the action are in the path; the key goes in `x-goog-api-key` (what Google's SDK
 * sends: googleapis/js-genai `src/node/_node_auth.ts`). Embeddings are loaded on first use.
 */
import type { ProviderAdapter } from '../../core/provider-adapter.js'
import { createGeminiChunkMapper } from './chunks.js'
import { geminiEmbeddingModels } from './embedding-models.js'
import type { geminiEmbeddings } from './embeddings.js'
import { parseGeminiError } from './errors.js'
import { geminiInfo } from './info.js'
import { geminiChatChecks } from './options.js'
import { toGeminiRequest } from './request.js'
import { fromGeminiResponse } from './response.js'

export const geminiProvider = {
  ...geminiInfo,
  requestIdHeaders: ['x-request-id'],
  auth: { secretHeaders: ['x-goog-api-key'], headers: (apiKey) => ({ 'x-goog-api-key': apiKey }) },
  chat: {
    prepare: toGeminiRequest,
    fromResponse: fromGeminiResponse,
    streamFraming: 'sse',
    createStreamMapper: createGeminiChunkMapper,
    checks: geminiChatChecks,
  },
  embeddings: {
    models: geminiEmbeddingModels,
    load: (): Promise<typeof geminiEmbeddings> => import('./embeddings.js').then((section) => section.geminiEmbeddings),
  },
  parseError: parseGeminiError,
} as const satisfies ProviderAdapter

export type { GeminiModelId } from './models.js'
export type { GeminiEmbeddingModelId } from './embedding-models.js'
