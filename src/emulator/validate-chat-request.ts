/**
 * `validateChatCompletionRequest`: the whole of Mistral's request validation as one pure
 * function, in the API's order: 422 schema (all issues at once), then 404 model, then 400 model
 * capabilities, then 400 message rules.
 */
import type { ModelRow } from '../capabilities.js'
import { apiErrorBody, invalidModelBody, validationErrorBody } from './error-bodies.js'
import type { IssueSink } from './pydantic-issues.js'
import { checkRequestShape } from './request-shape.js'
import { checkMessageRules } from './validate-message-rules.js'
import { checkModelCapabilities, findServedModel } from './validate-model-capabilities.js'
import type { WireChatRequest } from './wire-request.js'

/** What the validator needs to know about the world. */
export interface ChatValidationContext {
  /** The model catalogue: id → capability row. */
  readonly models: Readonly<Record<string, ModelRow>>
  /** Current time in ms since the epoch, for retirement dates. */
  readonly now: number
}

export type ChatValidationResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly status: number; readonly body: unknown }

/**
 * Validates a parsed JSON body (`undefined` = no body) as Mistral's `POST /v1/chat/completions`
 * does, returning the exact status and error body the API would send.
 */
export function validateChatCompletionRequest(body: unknown, context: ChatValidationContext): ChatValidationResult {
  const issues: IssueSink = []
  checkRequestShape(body, issues)
  if (issues.length > 0) return { ok: false, status: 422, body: validationErrorBody(issues) }
  const request = body as WireChatRequest
  const row = findServedModel(context.models, request.model, context.now)
  if (row === undefined) return { ok: false, status: 404, body: invalidModelBody(request.model) }
  const failure = checkModelCapabilities(request, row) ?? checkMessageRules(request.messages)
  if (failure === undefined) return { ok: true }
  return { ok: false, status: failure.status, body: apiErrorBody(failure.status, failure.message, failure.type, failure.code) }
}
