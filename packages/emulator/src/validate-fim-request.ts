/**
 * `POST /v1/fim/completions` validation, in the API's order: 422 schema (mistralai/platform-docs-public
 * `openapi-public-doc.yaml` `FIMCompletionRequest`, `additionalProperties: false`), then 404 model, then
 * 400 (`top_p: 0`, a model without FIM). The 400 wording for a model without FIM is assumed.
 */
import type { EmbeddingModelRow, ModelRow } from './model-types.js'
import { apiErrorBody, invalidModelBody, validationErrorBody } from './error-bodies.js'
import type { IssueSink } from './pydantic-issues.js'
import {
  array,
  boolean,
  dict,
  integer,
  nullable,
  number,
  object,
  optional,
  required,
  string,
  union,
} from './schema-checks.js'
import { invalidArgsError } from './semantic-error.js'
import { findServedModel } from './validate-model-capabilities.js'
import { checkTopP } from './validate-request-limits.js'

const fimRequest = object({
  model: required(string),
  prompt: required(string),
  suffix: optional(nullable(string)),
  temperature: optional(nullable(number({ ge: 0, le: 1.5 }))),
  top_p: optional(number({ ge: 0, le: 1 })),
  max_tokens: optional(nullable(integer({ ge: 0 }))),
  min_tokens: optional(nullable(integer({ ge: 0 }))),
  stream: optional(boolean),
  stop: optional(
    nullable(
      union([
        { kind: 'string', label: 'str', check: string },
        { kind: 'array', label: 'list[str]', check: array(string) },
      ]),
    ),
  ),
  random_seed: optional(nullable(integer({ ge: 0 }))),
  metadata: optional(nullable(dict)),
  prompt_cache_key: optional(nullable(string)),
})

export interface WireFimRequest {
  readonly model: string
  readonly prompt: string
  readonly suffix?: string | null
  readonly max_tokens?: number | null
  readonly min_tokens?: number | null
  readonly stream?: boolean
  readonly stop?: string | readonly string[] | null
  readonly prompt_cache_key?: string | null
}

/** What `validateFimRequest` needs besides the body. */
export interface FimValidationContext {
  /** The chat models served: id → row; only rows with `fim` accept a FIM request. */
  readonly models: Readonly<Record<string, ModelRow>>
  /** The embedding models served: naming one answers `does not support fill-in-the-middle`, not `invalid_model`. */
  readonly embeddingModels: Readonly<Record<string, EmbeddingModelRow>>
  /** Current time in ms since the epoch, for retirement dates. */
  readonly now: number
}

/** The verdict: the model's row, or the status and error body Mistral would send. */
export type FimValidationResult =
  | {
      /** The body is valid. */
      readonly ok: true
      /** The model's row. */
      readonly row: ModelRow
    }
  | {
      /** The body is refused. */
      readonly ok: false
      /** 400 or 422, as Mistral answers. */
      readonly status: number
      /** Mistral's error body for it. */
      readonly body: unknown
    }

/**
 * Validates a parsed JSON body (`undefined` = no body) as Mistral's `POST /v1/fim/completions` does: shape
 * (422), model (400), `top_p`, and whether the model does fill-in-the-middle.
 */
export function validateFimRequest(body: unknown, context: FimValidationContext): FimValidationResult {
  const issues: IssueSink = []
  if (body === undefined) issues.push({ type: 'missing', loc: ['body'], msg: 'Field required', input: null })
  else fimRequest(body, ['body'], issues)
  if (issues.length > 0) return { ok: false, status: 422, body: validationErrorBody(issues) }
  const request = body as WireFimRequest
  const row = findServedModel(context.models, request.model, context.now)
  const embedder = findServedModel(context.embeddingModels, request.model, context.now)
  if (row === undefined && embedder === undefined)
    return { ok: false, status: 400, body: invalidModelBody(request.model) }
  const topP = checkTopP((body as { top_p?: unknown }).top_p)
  if (topP !== undefined) return { ok: false, ...topP }
  if (row === undefined || !row.fim) {
    const failure = invalidArgsError(`Model ${request.model} does not support fill-in-the-middle completions.`)
    return {
      ok: false,
      status: failure.status,
      body: apiErrorBody(failure.status, failure.message, failure.type, failure.code),
    }
  }
  return { ok: true, row }
}
