/**
 * `validateChatCompletionRequest`: the whole of Mistral's request validation as one pure
 * function, in the API's order: 422 schema (all issues at once, then the image-URL rule), then 404 model,
 * then 400 limits (`top_p: 0`, tool count, function names), then 400 model capabilities, then 400 message rules.
 */
import type { EmbeddingModelRow, ModelRow } from './model-types.js'
import { apiErrorBody, invalidModelBody, validationErrorBody } from './error-bodies.js'
import type { IssueSink } from './pydantic-issues.js'
import { checkRequestShape } from './request-shape.js'
import { checkMessageRules } from './validate-message-rules.js'
import { notAChatModel } from './semantic-error.js'
import { checkModelCapabilities, findServedModel } from './validate-model-capabilities.js'
import { checkContextWindow, checkToolCount, checkTopP } from './validate-request-limits.js'
import { checkImageUrls } from './validate-image-urls.js'
import { checkToolNames } from './validate-tool-names.js'
import { promptTokens } from './compose-answer.js'
import type { WireChatRequest } from './wire-request.js'

/** What the validator needs to know about the world. */
export interface ChatValidationContext {
  /** The model catalogue: id → capability row. */
  readonly models: Readonly<Record<string, ModelRow>>
  /** Current time in ms since the epoch, for retirement dates. */
  readonly now: number
  /** Embedding models the server also serves: naming one answers 400 (not a chat model) instead of 404. */
  readonly embeddingModels?: Readonly<Record<string, EmbeddingModelRow>>
}

/** The verdict: valid, or the status and error body Mistral would send. */
export type ChatValidationResult =
  | {
      /** The body is valid. */
      readonly ok: true
    }
  | {
      /** The body is refused. */
      readonly ok: false
      /** 400, 404 or 422, as Mistral answers. */
      readonly status: number
      /** Mistral's error body for it (a 422 lists every issue, as its validation does). */
      readonly body: unknown
    }

/**
 * Validates a parsed JSON body (`undefined` = no body) as Mistral's `POST /v1/chat/completions`
 * does, returning the exact status and error body the API would send.
 */
export function validateChatCompletionRequest(body: unknown, context: ChatValidationContext): ChatValidationResult {
  const issues: IssueSink = []
  checkRequestShape(body, issues)
  if (issues.length > 0) return { ok: false, status: 422, body: validationErrorBody(issues) }
  const request = body as WireChatRequest
  // A request-level validator: runs only once every field passed, still in the 422 layer.
  const imageIssue = checkImageUrls(request, body)
  if (imageIssue !== undefined) return { ok: false, status: 422, body: validationErrorBody([imageIssue]) }
  const row = findServedModel(context.models, request.model, context.now)
  if (row === undefined) {
    if (
      context.embeddingModels !== undefined &&
      findServedModel(context.embeddingModels, request.model, context.now) !== undefined
    ) {
      const failure = notAChatModel(request.model)
      return {
        ok: false,
        status: failure.status,
        body: apiErrorBody(failure.status, failure.message, failure.type, failure.code),
      }
    }
    return { ok: false, status: 400, body: invalidModelBody(request.model) }
  }
  const topP = checkTopP((body as { top_p?: unknown }).top_p)
  if (topP !== undefined) return { ok: false, ...topP }
  const failure =
    checkToolCount(request.tools) ??
    checkToolNames(request.tools) ??
    checkModelCapabilities(request, row) ??
    checkMessageRules(request.messages) ??
    checkContextWindow(promptTokens(request), row.contextLength)
  if (failure === undefined) return { ok: true }
  return {
    ok: false,
    status: failure.status,
    body: apiErrorBody(failure.status, failure.message, failure.type, failure.code),
  }
}
