/**
 * Mistral's embedding models, one row per API id (aliases included). Data only.
 *
 * Sources (each with its check date in `mistralEmbeddingEvidence`, model-evidence.ts): Mistral's cards
 * `mistral-embed-23-12` and `codestral-embed-25-05` (apiNames, GA, 8k context) and its embeddings pages in
 * `mistralai/platform-docs-public` ("Text Embeddings": dimension 1024; "Code Embeddings": `output_dtype`
 * float/int8/uint8/binary/ubinary, `output_dimension` up to 3072, default 1536).
 */
import type { EmbeddingModelRow } from '../../capabilities.js'

const mistralEmbed = {
  label: 'Mistral Embed',
  defaultDimensions: 1024,
  outputDtypes: [],
  contextLength: 8192,
} as const satisfies EmbeddingModelRow

const codestralEmbed = {
  label: 'Codestral Embed',
  defaultDimensions: 1536,
  maxDimensions: 3072,
  outputDtypes: ['int8', 'uint8', 'binary', 'ubinary'],
  contextLength: 8192,
} as const satisfies EmbeddingModelRow

/**
 * Mistral's embedding models: id → vector length, accepted `dimensions` and `output_dtype` values, context
 * length, aliases. `embeddings.create` checks `dimensions` against it before any I/O.
 */
export const mistralEmbeddingModels = {
  'mistral-embed-2312': mistralEmbed,
  'mistral-embed': { ...mistralEmbed, aliasOf: 'mistral-embed-2312' },
  'codestral-embed-2505': codestralEmbed,
  'codestral-embed': { ...codestralEmbed, aliasOf: 'codestral-embed-2505' },
} as const satisfies Record<string, EmbeddingModelRow>

/** A Mistral embedding model id from our table. */
export type MistralEmbeddingModelId = keyof typeof mistralEmbeddingModels

/**
 * Largest estimated token count token.js puts in one embeddings request; bigger inputs are split into
 * several requests and the results re-joined in order. Mistral caps a request's total tokens at 16,384
 * (an API limit that langchain-ai/langchain's `langchain_mistralai/embeddings.py` batches under with
 * `MAX_TOKENS = 16_000`); we keep the same margin.
 */
export const MISTRAL_EMBEDDING_BATCH_TOKENS = 16_000
