/**
 * Gemini embeddings (`:batchEmbedContents`, one request per input): loaded on demand by
 * `geminiProvider.embeddings.load()`. `dimensions` → `outputDimensionality`; the Gemini option `task_type`
 * → `taskType`; `encoding_format` is never sent (token.js encodes base64 itself). Gemini reports no token
 * usage for embeddings, so `usage` is 0.
 */
import { refuseUnsupported, requireNumberInRange } from '../../core/feature-gate.js'
import type {
  GenerationRequestContext,
  EmbeddingsRequestContext,
  EmbeddingsResponseContext,
  ProviderEmbeddingsMapping,
} from '../../core/provider-adapter.js'
import { float32Base64 } from '../../core/float32-base64.js'
import { ResponseParseError } from '../../errors.js'
import type { CreateEmbeddingResponse } from '../../types.js'
import { GEMINI_EMBEDDING_BATCH_INPUTS, GEMINI_EMBEDDING_BATCH_TOKENS } from './embedding-models.js'
import { modelPath } from './request.js'

const CORE_KEYS = new Set(['provider', 'model', 'input', 'encoding_format'])

function gate(context: EmbeddingsRequestContext): GenerationRequestContext {
  return {
    provider: context.provider,
    model: context.model,
    row: undefined,
    models: {},
    dropUnsupportedParams: context.dropUnsupportedParams,
    dropped: context.dropped,
  }
}

function toRequest(
  params: Readonly<Record<string, unknown>>,
  input: readonly string[],
  context: EmbeddingsRequestContext,
): Record<string, unknown> {
  const shared: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(params)) {
    if (CORE_KEYS.has(key) || value === undefined || value === null) continue
    if (key === 'dimensions') {
      requireNumberInRange(gate(context), 'dimensions', value as number, {
        min: 1,
        integer: true,
        ...(context.row?.maxDimensions === undefined ? {} : { max: context.row.maxDimensions }),
      })
      shared.outputDimensionality = value
    } else if (key === 'task_type') shared.taskType = value
    else if (key === 'user') refuseUnsupported(gate(context), 'user', 'Gemini has no end-user id field.')
    else refuseUnsupported(gate(context), key, 'it is not an embeddings parameter token.js knows.')
  }
  const model = `models/${context.model.replace(/^models\//, '')}`
  return { requests: input.map((text) => ({ model, content: { parts: [{ text }] }, ...shared })) }
}

function fromResponse(json: unknown, raw: string, context: EmbeddingsResponseContext): CreateEmbeddingResponse {
  const embeddings = (json as { embeddings?: unknown } | null)?.embeddings
  if (!Array.isArray(embeddings))
    throw new ResponseParseError(`${context.provider} returned an embeddings response without 'embeddings'.`, raw)
  return {
    object: 'list',
    data: embeddings.map((entry: { values?: unknown }, position) => {
      const values = (entry as { values?: unknown } | null | undefined)?.values // a list may hold null
      if (!Array.isArray(values) || !values.every((value) => typeof value === 'number'))
        throw new ResponseParseError(
          `${context.provider} returned an embedding that is not a list of numbers (embeddings[${position}]).`,
          raw,
        )
      return {
        object: 'embedding',
        index: position + context.indexOffset,
        embedding: context.encodingFormat === 'base64' ? float32Base64(values) : values,
      }
    }),
    model: context.model,
    usage: { prompt_tokens: 0, total_tokens: 0 },
  }
}

export const geminiEmbeddings = {
  path: (model: string) => modelPath(model, 'batchEmbedContents'),
  maxBatchTokens: GEMINI_EMBEDDING_BATCH_TOKENS,
  maxBatchInputs: GEMINI_EMBEDDING_BATCH_INPUTS,
  toRequest,
  fromResponse,
} as const satisfies ProviderEmbeddingsMapping
