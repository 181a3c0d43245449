/**
 * Anthropic's error bodies and statuses (https://platform.claude.com/docs/en/api/errors):
 * `{"type":"error","error":{"type","message"},"request_id"}`; the status decides the type.
 */

/** The `error.type` values of Anthropic's error bodies. */
export type AnthropicErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'billing_error'
  | 'permission_error'
  | 'not_found_error'
  | 'request_too_large'
  | 'rate_limit_error'
  | 'api_error'
  | 'timeout_error'
  | 'overloaded_error'

/** An error answer the emulator sends: the status and the parts of Anthropic's error body. */
export interface AnthropicErrorReply {
  /** HTTP status, e.g. 400, 404, 413, 529. */
  readonly status: number
  /** `error.type` of the body; `errorTypeFor(status)` gives the one the API sends. */
  readonly type: AnthropicErrorType
  /** `error.message` of the body, worded as the API words it. */
  readonly message: string
  /** Extra response headers (e.g. `retry-after`). */
  readonly headers?: Readonly<Record<string, string>>
}

/** The error type Anthropic sends with each status. */
export function errorTypeFor(status: number): AnthropicErrorType {
  switch (status) {
    case 400:
      return 'invalid_request_error'
    case 401:
      return 'authentication_error'
    case 402:
      return 'billing_error'
    case 403:
      return 'permission_error'
    case 404:
      return 'not_found_error'
    case 413:
      return 'request_too_large'
    case 429:
      return 'rate_limit_error'
    case 504:
      return 'timeout_error'
    case 529:
      return 'overloaded_error'
    default:
      return status >= 500 ? 'api_error' : 'invalid_request_error'
  }
}

export function errorBody(type: string, message: string, requestId?: string): Record<string, unknown> {
  return { type: 'error', error: { type, message }, ...(requestId === undefined ? {} : { request_id: requestId }) }
}

export function invalidRequest(message: string): AnthropicErrorReply {
  return { status: 400, type: 'invalid_request_error', message }
}

/** Pydantic-style wording the API uses for body-shape problems: `<path>: <problem>`. */
export function atPath(path: readonly (string | number)[], problem: string): AnthropicErrorReply {
  return invalidRequest(path.length === 0 ? problem : `${path.join('.')}: ${problem}`)
}

const DEFAULT_MESSAGES: Readonly<Record<number, string>> = {
  400: 'Scripted invalid request',
  401: 'invalid x-api-key',
  402: 'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.',
  403: 'Your API key does not have permission to use the specified resource.',
  404: 'Not Found',
  413: 'Request exceeds the maximum allowed number of bytes.',
  429: 'This request would exceed the rate limit for your organization of 50 requests per minute. Please reduce the prompt length or the maximum tokens requested, or try again later.',
  500: 'Internal server error',
  504: 'Request timed out',
  529: 'Overloaded',
}

/** The body a scripted `http` fault without a body sends. */
export function defaultErrorBody(status: number, requestId?: string): Record<string, unknown> {
  return errorBody(errorTypeFor(status), DEFAULT_MESSAGES[status] ?? `Scripted error ${status}`, requestId)
}
