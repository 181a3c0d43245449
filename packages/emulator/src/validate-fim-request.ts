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

export interface FimValidationContext {
  readonly models: Readonly<Record<string, ModelRow>>
  readonly embeddingModels: Readonly<Record<string, EmbeddingModelRow>>
  readonly now: number
}

export type FimValidationResult =
  | { readonly ok: true; readonly row: ModelRow }
  | { readonly ok: false; readonly status: number; readonly body: unknown }

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
