/**
 * The embedding models the Mistral emulator serves by default, one row per API id (aliases included).
 *
 * Sources (rows copied on 2026-12-02 from token.js's table as checked against them): Mistral's model cards `mistral-embed-23-12` and `codestral-embed-25-05`
 * in mistralai/platform-docs-public (API names, 8k context) and its embeddings pages there ("Text
 * Embeddings": dimension 1024; "Code Embeddings": `output_dtype` float/int8/uint8/binary/ubinary,
 * `output_dimension` up to 3072, default 1536).
 */
import type { EmbeddingModelRow } from './model-types.js'

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

/** Embedding-model id → row, as the Mistral emulator serves them by default. */
export const mistralServedEmbeddingModels: Readonly<Record<string, EmbeddingModelRow>> = {
  'mistral-embed-2312': mistralEmbed,
  'mistral-embed': { ...mistralEmbed, aliasOf: 'mistral-embed-2312' },
  'codestral-embed-2505': codestralEmbed,
  'codestral-embed': { ...codestralEmbed, aliasOf: 'codestral-embed-2505' },
}
