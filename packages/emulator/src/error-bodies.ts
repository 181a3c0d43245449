/**
 * Mistral's error bodies (the shapes quoted in ../providers/shared/error-body.ts), one builder per shape,
 * so every route answers in the
 * same wire format.
 */
import type { ValidationIssue } from './pydantic-issues.js'

/**
 * The 400/404 shape seen in 2026 captures:
 * `{object:"error", message, type, param:null, code:"3230", raw_status_code}`.
 */
export function apiErrorBody(
  status: number,
  message: string,
  type: string,
  code: string | null,
): Record<string, unknown> {
  return { object: 'error', message, type, param: null, code, raw_status_code: status }
}

/**
 * The newest 422 shape (partITech/php-mistral#76, 2025-11): the pydantic `detail` list twice,
 * under `detail` (what the official SDK's HTTPValidationError reads) and under `message`.
 */
export function validationErrorBody(issues: readonly ValidationIssue[]): Record<string, unknown> {
  return { object: 'Error', detail: issues, message: issues, type: 'invalid_request_error', code: 3001 }
}

/** The gateway's 401 body: `{message:"Unauthorized", request_id}`. */
export function unauthorizedBody(requestId: string): Record<string, unknown> {
  return { message: 'Unauthorized', request_id: requestId }
}

/** Documented error shape without Mistral's numeric codes (their live codes for these are unknown). */
export function plainErrorBody(message: string, type = 'invalid_request_error'): Record<string, unknown> {
  return { object: 'error', message, type, param: null, code: null }
}

/**
 * An id the API does not serve (unknown, or retired on the emulator's clock): 400 with
 * `raw_status_code` as recorded in mistralai/mistral-vibe#617 (2026-04-21); the same body without
 * `raw_status_code` in lfnovo/open-notebook#441 (2026-01-16). `GET /v1/models/{id}` keeps 404 (not recorded).
 */
export function invalidModelBody(model: string, status = 400): Record<string, unknown> {
  return apiErrorBody(status, `Invalid model: ${model}`, 'invalid_model', '1500')
}
