/**
 * Gemini embedding models. `gemini-embedding-2`/`-2-preview` return 3072 values, or `outputDimensionality`
 * of them (recorded: pydantic/pydantic-ai cassettes `TestGoogle.test_query`, `test_query_with_dimensions`);
 * `gemini-embedding-001` the same (https://ai.google.dev/gemini-api/docs/embeddings); inputs up to 2048
 * tokens (recorded `GET /v1beta/models`: yuv-man/habeat-server `models.json`). Data only; sources in model-evidence.ts.
 */
import type { EmbeddingModelRow } from '../../capabilities.js'

const row = (label: string): EmbeddingModelRow => ({
  label,
  defaultDimensions: 3072,
  maxDimensions: 3072,
  outputDtypes: [],
  contextLength: 2048,
})

export const geminiEmbeddingModels = {
  'gemini-embedding-2': row('Gemini Embedding 2'),
  'gemini-embedding-2-preview': row('Gemini Embedding 2 (preview)'),
  'gemini-embedding-001': row('Gemini Embedding 001'),
  'text-embedding-004': {
    label: 'Text Embedding 004',
    defaultDimensions: 768,
    maxDimensions: 768,
    outputDtypes: [],
    contextLength: 2048,
    retirement: {
      retiresOn: '2026-01-14',
      replacement: 'gemini-embedding-001',
      evidence: { source: 'https://ai.google.dev/gemini-api/docs/deprecations', checked: '2026-12-01' },
    },
  },
} as const satisfies Record<string, EmbeddingModelRow>

export type GeminiEmbeddingModelId = keyof typeof geminiEmbeddingModels

/** `batchEmbedContents` takes at most 100 requests (recorded: vercel/ai `google-embedding-batch-limit-error.json`). */
export const GEMINI_EMBEDDING_BATCH_INPUTS = 100
/** 100 inputs of at most 2048 tokens each. */
export const GEMINI_EMBEDDING_BATCH_TOKENS = 204_800
