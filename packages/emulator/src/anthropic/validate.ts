/** Validates a `POST /v1/messages` (or count_tokens) body as the Messages API does: shape, model, conversation, options. */
import { atPath, invalidRequest, type AnthropicErrorReply } from './errors.js'
import { requestShape, type ApiVersion } from './request-schema.js'
import { checkShape } from './shape.js'
import type { AnthropicModelCard } from './types.js'
import { checkConversation } from './validate-messages.js'
import { checkOptions } from './validate-options.js'
import type { WireRequest } from './wire.js'

/** What `validateAnthropicRequest` needs besides the body. */
export interface AnthropicValidationContext {
  /** The request's `anthropic-version`; it selects the schema (2026-10-21 has no sampling parameters). */
  readonly version: ApiVersion
  /** The models served; another id answers 404 `not_found_error`. */
  readonly models: readonly AnthropicModelCard[]
  /** Alias → model id (e.g. `claude-sonnet-4-5` → its dated id). Default: none. */
  readonly aliases?: Readonly<Record<string, string>>
  /** Validate for `/v1/messages/count_tokens` (no `max_tokens`, `stream`…). Default `false`. */
  readonly countTokens?: boolean
}

/** The verdict: the request as read and its model, or the error answer the API would send. */
export type AnthropicValidationResult =
  | {
      /** The body is valid. */
      readonly ok: true
      /** The body, typed. */
      readonly request: WireRequest
      /** The model it names (an alias resolved). */
      readonly card: AnthropicModelCard
    }
  | ({
      /** The body is refused; the other fields are the error answer. */
      readonly ok: false
    } & AnthropicErrorReply)

/** Finds a model by id or alias. */
export function findModel(
  id: string,
  models: readonly AnthropicModelCard[],
  aliases: Readonly<Record<string, string>> = {},
): AnthropicModelCard | undefined {
  const resolved = Object.hasOwn(aliases, id) ? aliases[id] : id
  return models.find((card) => card.id === resolved)
}

/** The API's verdict on `body`: the first problem as Anthropic reports it, or the parsed request. */
export function validateAnthropicRequest(
  body: unknown,
  context: AnthropicValidationContext,
): AnthropicValidationResult {
  const countTokens = context.countTokens ?? false
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, ...invalidRequest('Input should be a valid dictionary or object to extract fields from') }
  const problem = checkShape(requestShape(context.version, countTokens), body)
  if (problem !== undefined) return { ok: false, ...atPath(problem.path, problem.message) }
  const request = body as WireRequest
  const card = findModel(request.model, context.models, context.aliases)
  if (card === undefined) return { ok: false, status: 404, type: 'not_found_error', message: `model: ${request.model}` }
  const failure =
    checkConversation(request, card, context.version) ?? checkOptions(request, card, context.version, countTokens)
  return failure === undefined ? { ok: true, request, card } : { ok: false, ...failure }
}
