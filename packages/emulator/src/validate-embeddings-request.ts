/**
 * `POST /v1/embeddings` validation, in the API's order: 422 schema (SPEC `EmbeddingRequest`,
 * `additionalProperties: false`), then 404 model, then 400 model capabilities and limits.
 * The 400 wordings are assumed (see the emulator README).
 */
import type { EmbeddingDtype, EmbeddingModelRow, ModelRow } from './model-types.js'
import { apiErrorBody, invalidModelBody, validationErrorBody } from './error-bodies.js'
import type { IssueSink } from './pydantic-issues.js'
import { array, dict, integer, literal, nullable, object, optional, required, string, union } from './schema-checks.js'
import { invalidArgsError, type SemanticError } from './semantic-error.js'
import { countTokens } from './count-tokens.js'
import { findServedModel } from './validate-model-capabilities.js'

/** Largest total token count of one embeddings request (the limit token.js batches under). */
export const MAX_EMBEDDING_BATCH_TOKENS = 16_384

const DTYPES = ['float', 'int8', 'uint8', 'binary', 'ubinary'] as const

const embeddingRequest = object({
  model: required(string),
  input: required(
    union([
      { kind: 'string', label: 'str', check: string },
      { kind: 'array', label: 'list[str]', check: array(string) },
    ]),
  ),
  output_dimension: optional(nullable(integer({ gt: 0 }))),
  output_dtype: optional(literal(DTYPES)),
  encoding_format: optional(literal(['float', 'base64'])),
  metadata: optional(nullable(dict)),
})

export interface WireEmbeddingRequest {
  readonly model: string
  readonly input: string | readonly string[]
  readonly output_dimension?: number | null
  readonly output_dtype?: EmbeddingDtype
  readonly encoding_format?: 'float' | 'base64'
}

/** What `validateEmbeddingRequest` needs besides the body. */
export interface EmbeddingValidationContext {
  /** The chat models served: naming one answers 400 `does not support embeddings` instead of `invalid_model`. */
  readonly models: Readonly<Record<string, ModelRow>>
  /** The embedding models served: id → row (dimensions, dtypes). */
  readonly embeddingModels: Readonly<Record<string, EmbeddingModelRow>>
  /** Current time in ms since the epoch, for retirement dates. */
  readonly now: number
}

/** The verdict: the model's row, or the status and error body Mistral would send. */
export type EmbeddingValidationResult =
  | {
      /** The body is valid. */
      readonly ok: true
      /** The embedding model's row. */
      readonly row: EmbeddingModelRow
    }
  | {
      /** The body is refused. */
      readonly ok: false
      /** 400 or 422, as Mistral answers. */
      readonly status: number
      /** Mistral's error body for it. */
      readonly body: unknown
    }

function semantic(request: WireEmbeddingRequest, row: EmbeddingModelRow): SemanticError | undefined {
  const inputs = typeof request.input === 'string' ? [request.input] : request.input
  if (inputs.length === 0) return invalidArgsError('Input list must not be empty.')
  const dimension = request.output_dimension
  if (dimension !== undefined && dimension !== null) {
    if (row.maxDimensions === undefined)
      return invalidArgsError(`Model ${request.model} does not support output_dimension.`)
    if (dimension > row.maxDimensions)
      return invalidArgsError(`output_dimension must be at most ${row.maxDimensions} for model ${request.model}.`)
  }
  const dtype = request.output_dtype ?? 'float'
  if (dtype !== 'float' && !row.outputDtypes.includes(dtype)) {
    return invalidArgsError(`Model ${request.model} does not support output_dtype '${dtype}'.`)
  }
  const tokens = inputs.reduce((sum, text) => sum + countTokens(text), 0)
  if (tokens > MAX_EMBEDDING_BATCH_TOKENS) {
    return invalidArgsError(
      `Too many tokens in batch: ${tokens} > ${MAX_EMBEDDING_BATCH_TOKENS}. Split the input into smaller batches.`,
    )
  }
  return undefined
}

/**
 * Validates a parsed JSON body (`undefined` = no body) as Mistral's `POST /v1/embeddings` does: shape
 * (422), model (400), `output_dimension`, `output_dtype` and the batch's token total.
 */
export function validateEmbeddingRequest(
  body: unknown,
  context: EmbeddingValidationContext,
): EmbeddingValidationResult {
  const issues: IssueSink = []
  if (body === undefined) issues.push({ type: 'missing', loc: ['body'], msg: 'Field required', input: null })
  else embeddingRequest(body, ['body'], issues)
  if (issues.length > 0) return { ok: false, status: 422, body: validationErrorBody(issues) }
  const request = body as WireEmbeddingRequest
  const row = findServedModel(context.embeddingModels, request.model, context.now)
  if (row === undefined) {
    if (findServedModel(context.models, request.model, context.now) === undefined) {
      return { ok: false, status: 400, body: invalidModelBody(request.model) }
    }
    const failure = invalidArgsError(`Model ${request.model} does not support embeddings.`)
    return {
      ok: false,
      status: failure.status,
      body: apiErrorBody(failure.status, failure.message, failure.type, failure.code),
    }
  }
  const failure = semantic(request, row)
  if (failure === undefined) return { ok: true, row }
  return {
    ok: false,
    status: failure.status,
    body: apiErrorBody(failure.status, failure.message, failure.type, failure.code),
  }
}
