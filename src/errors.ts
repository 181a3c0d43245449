/**
 * One error tree for every provider. Names follow openai-node, so code written for it reads the same.
 *
 *   TokenJSError
 *   ├─ InputError                 bad or unsupported request, thrown before any I/O
 *   ├─ APIError                   the provider answered with an error (or an error inside a stream)
 *   │   ├─ BadRequestError 400 · AuthenticationError 401 · PermissionDeniedError 403
 *   │   ├─ NotFoundError 404 · ConflictError 409 · UnprocessableEntityError 422
 *   │   └─ RateLimitError 429 · InternalServerError ≥500
 *   ├─ APIConnectionError         no response (reset, refused, DNS…) ── APIConnectionTimeoutError
 *   ├─ APIUserAbortError          the caller's AbortSignal fired
 *   ├─ ResponseParseError         a response or stream chunk that is not what the provider documents
 *   └─ FinishReasonError          the model stopped with `finish_reason: "error"`; carries the partial result
 *
 * No error ever holds the API key or the request headers.
 */

const brand = Symbol.for('token.js.error')

/** Base class of every error token.js throws. Use `isTokenJSError` to check across duplicated installs. */
export class TokenJSError extends Error {
  override name = 'TokenJSError'
  readonly [brand] = true

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
  }

  /** Serialises without `cause` chains or headers, so logs never carry more than the message. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message }
  }
}

/** True for any token.js error, even from another copy of the package. */
export function isTokenJSError(value: unknown): value is TokenJSError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true
}

/** A request token.js refuses before any network call. `param` is the path of the bad parameter. */
export class InputError extends TokenJSError {
  override name = 'InputError'
  /** Path of the offending parameter, e.g. `messages[2].content[0].image_url`. */
  readonly param: string | undefined

  constructor(message: string, param?: string) {
    super(message)
    this.param = param
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), param: this.param }
  }
}

/** Fields an APIError carries. */
export interface APIErrorDetails {
  status: number | undefined
  headers: Record<string, string> | undefined
  /** The parsed error body (or the raw text when it is not JSON). */
  body: unknown
  provider: string
  code?: string | number | null | undefined
  type?: string | null | undefined
  param?: string | null | undefined
  requestId?: string | undefined
}

/** The provider answered with an error status (or sent an error inside a stream: `status` undefined). */
export class APIError extends TokenJSError {
  override name = 'APIError'
  readonly status: number | undefined
  readonly headers: Record<string, string> | undefined
  readonly body: unknown
  readonly provider: string
  readonly code: string | number | null | undefined
  readonly type: string | null | undefined
  readonly param: string | null | undefined
  /** The provider's request id (Mistral: `mistral-correlation-id`), for support tickets. */
  readonly requestId: string | undefined

  constructor(message: string, details: APIErrorDetails) {
    super(details.status === undefined ? message : `${details.status} ${message}`)
    this.status = details.status
    this.headers = details.headers
    this.body = details.body
    this.provider = details.provider
    this.code = details.code
    this.type = details.type
    this.param = details.param
    this.requestId = details.requestId
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      status: this.status,
      provider: this.provider,
      code: this.code,
      type: this.type,
      param: this.param,
      requestId: this.requestId,
    }
  }
}

export class BadRequestError extends APIError { override name = 'BadRequestError' }
export class AuthenticationError extends APIError { override name = 'AuthenticationError' }
export class PermissionDeniedError extends APIError { override name = 'PermissionDeniedError' }
export class NotFoundError extends APIError { override name = 'NotFoundError' }
export class ConflictError extends APIError { override name = 'ConflictError' }
export class UnprocessableEntityError extends APIError { override name = 'UnprocessableEntityError' }
export class RateLimitError extends APIError { override name = 'RateLimitError' }
export class InternalServerError extends APIError { override name = 'InternalServerError' }

/** The one status → class function. */
export function createAPIError(message: string, details: APIErrorDetails): APIError {
  const status = details.status
  if (status === undefined) return new APIError(message, details)
  if (status === 400) return new BadRequestError(message, details)
  if (status === 401) return new AuthenticationError(message, details)
  if (status === 403) return new PermissionDeniedError(message, details)
  if (status === 404) return new NotFoundError(message, details)
  if (status === 409) return new ConflictError(message, details)
  if (status === 422) return new UnprocessableEntityError(message, details)
  if (status === 429) return new RateLimitError(message, details)
  if (status >= 500) return new InternalServerError(message, details)
  return new APIError(message, details)
}

/** No response arrived: connection refused or reset, DNS failure, socket closed mid-body. */
export class APIConnectionError extends TokenJSError {
  override name = 'APIConnectionError'
  constructor(message = 'Connection error.', options?: { cause?: unknown }) {
    super(message, options)
  }
}

/** The request (or the wait between stream chunks) took longer than the configured timeout. */
export class APIConnectionTimeoutError extends APIConnectionError {
  override name = 'APIConnectionTimeoutError'
  constructor(message = 'Request timed out.') {
    super(message)
  }
}

/** The caller's AbortSignal fired; `cause` is the signal's reason. */
export class APIUserAbortError extends TokenJSError {
  override name = 'APIUserAbortError'
  constructor(message = 'Request was aborted.', options?: { cause?: unknown }) {
    super(message, options)
  }
}

/** A response body or stream chunk could not be parsed. `raw` keeps the text received. */
export class ResponseParseError extends TokenJSError {
  override name = 'ResponseParseError'
  readonly raw: string
  constructor(message: string, raw: string, options?: { cause?: unknown }) {
    super(message, options)
    this.raw = raw.length > 10_000 ? `${raw.slice(0, 10_000)}…` : raw
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), raw: this.raw }
  }
}

/** The model ended with `finish_reason: "error"`. `partial` holds what was generated before. */
export class FinishReasonError extends TokenJSError {
  override name = 'FinishReasonError'
  readonly partial: unknown
  readonly raw: string
  constructor(message: string, partial: unknown, raw: string) {
    super(message)
    this.partial = partial
    this.raw = raw
  }
}
