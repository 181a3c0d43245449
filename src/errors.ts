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
 *   ├─ ResponseTooLargeError      a body (or one stream event) over `maxResponseSize`
 *   └─ FinishReasonError          the model stopped with `finish_reason: "error"`; carries the partial result
 *
 * No error ever holds the API key or the request headers.
 */

/** @internal Marks token.js errors across duplicated installs of the package. */
const brand = Symbol.for('token.js.error')

/** Base class of every error token.js throws. Use `isTokenJSError` to check across duplicated installs. */
export class TokenJSError extends Error {
  // Every class sets `name` on the instance (not the prototype), so minifiers cannot rename it and
  // serialisers and loggers that read own properties show it.
  /** Always `'TokenJSError'` (survives minification, shows in logs). */
  override name = 'TokenJSError'
  /** @internal */
  readonly [brand] = true

  // eslint-disable-next-line @typescript-eslint/no-useless-constructor -- declares the public signature (message required), which Error's own leaves optional
  constructor(
    message: string,
    options?: {
      /** The error that led to this one, kept as `error.cause` (never serialized by `toJSON`). */
      cause?: unknown
    },
  ) {
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
  /** Always `'InputError'` (survives minification, shows in logs). */
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
  /** HTTP status; `undefined` for an error event inside a stream. */
  status: number | undefined
  /** Response headers (lower-case names), the API key redacted. */
  headers: Record<string, string> | undefined
  /** The parsed error body (or the raw text when it is not JSON). */
  body: unknown
  /** Provider id, e.g. `'mistral'`. */
  provider: string
  /** The provider's error code (Mistral sends strings like `"3230"`, numbers, or null). */
  code?: string | number | null | undefined
  /** The provider's error type, e.g. `invalid_request_message_order`. */
  type?: string | null | undefined
  /** The parameter the provider blames, when it names one. */
  param?: string | null | undefined
  /** The provider's request id, for support tickets. */
  requestId?: string | undefined
}

/** The provider answered with an error status (or sent an error inside a stream: `status` undefined). */
export class APIError extends TokenJSError {
  /** Always `'APIError'` (survives minification, shows in logs). */
  override name = 'APIError'
  /** HTTP status; `undefined` for an error event inside a stream. */
  readonly status: number | undefined
  /** Response headers (lower-case names), the API key redacted. */
  readonly headers: Record<string, string> | undefined
  /** The parsed error body (or the raw text when it is not JSON). */
  readonly body: unknown
  /** Provider id, e.g. `'mistral'`. */
  readonly provider: string
  /** The provider's error code (string, number or null, as the provider sent it). */
  readonly code: string | number | null | undefined
  /** The provider's error type, e.g. `invalid_request_error`. */
  readonly type: string | null | undefined
  /** The parameter the provider blames, when it names one. */
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

/** 400: the provider refused the request (Mistral: role order, tool-call ids, unsupported values). */
export class BadRequestError extends APIError {
  /** Always `'BadRequestError'` (survives minification, shows in logs). */
  override name = 'BadRequestError'
}
/** 401: missing or wrong API key. */
export class AuthenticationError extends APIError {
  /** Always `'AuthenticationError'` (survives minification, shows in logs). */
  override name = 'AuthenticationError'
}
/** 403: no access to this model or feature (Mistral: also a triggered guardrail). */
export class PermissionDeniedError extends APIError {
  /** Always `'PermissionDeniedError'` (survives minification, shows in logs). */
  override name = 'PermissionDeniedError'
}
/**
 * A model the provider does not serve (OpenAI: 404 `model_not_found`; Mistral: 400 `invalid_model`, so
 * `status` can be 400), or a 404 for an unknown path. The message names the model and, for an id the
 * table lists as retired, its replacement.
 */
export class NotFoundError extends APIError {
  /** Always `'NotFoundError'` (survives minification, shows in logs). */
  override name = 'NotFoundError'
}
/** 409: conflict; retried by default. */
export class ConflictError extends APIError {
  /** Always `'ConflictError'` (survives minification, shows in logs). */
  override name = 'ConflictError'
}
/** 422: the body failed the provider's schema validation (Mistral: unknown keys, `extra_forbidden`). */
export class UnprocessableEntityError extends APIError {
  /** Always `'UnprocessableEntityError'` (survives minification, shows in logs). */
  override name = 'UnprocessableEntityError'
}
/** 429: rate limited; retried by default, honouring `retry-after-ms` / `Retry-After`. */
export class RateLimitError extends APIError {
  /** Always `'RateLimitError'` (survives minification, shows in logs). */
  override name = 'RateLimitError'
}
/** 5xx: the provider failed; retried by default. */
export class InternalServerError extends APIError {
  /** Always `'InternalServerError'` (survives minification, shows in logs). */
  override name = 'InternalServerError'
}

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
  /** Always `'APIConnectionError'` (survives minification, shows in logs). */
  override name = 'APIConnectionError'
  constructor(
    message = 'Connection error.',
    options?: {
      /** The network error underneath (e.g. Node's `ECONNRESET` error), kept as `error.cause`. */
      cause?: unknown
    },
  ) {
    super(message, options)
  }
}

/** The request (or the wait between stream chunks) took longer than the configured timeout. */
export class APIConnectionTimeoutError extends APIConnectionError {
  /** Always `'APIConnectionTimeoutError'` (survives minification, shows in logs). */
  override name = 'APIConnectionTimeoutError'
  constructor(message = 'Request timed out.') {
    super(message)
  }
}

/** The caller's AbortSignal fired; `cause` is the signal's reason. */
export class APIUserAbortError extends TokenJSError {
  /** Always `'APIUserAbortError'` (survives minification, shows in logs). */
  override name = 'APIUserAbortError'
  constructor(
    message = 'Request was aborted.',
    options?: {
      /** The abort signal's `reason`, kept as `error.cause`. */
      cause?: unknown
    },
  ) {
    super(message, options)
  }
}

/** A response body or stream chunk could not be parsed. `raw` keeps the text received. */
export class ResponseParseError extends TokenJSError {
  /** Always `'ResponseParseError'` (survives minification, shows in logs). */
  override name = 'ResponseParseError'
  /** The text received (cut at 10,000 characters), the API key redacted. */
  readonly raw: string
  constructor(
    message: string,
    raw: string,
    options?: {
      /** The parser's error (e.g. the `SyntaxError` of `JSON.parse`), kept as `error.cause`. */
      cause?: unknown
    },
  ) {
    super(message, options)
    this.raw = raw.length > 10_000 ? `${raw.slice(0, 10_000)}…` : raw
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), raw: this.raw }
  }
}

/**
 * A response body, or one event of a stream, was larger than `maxResponseSize`. The connection was
 * closed as soon as the limit was passed; nothing beyond it was kept in memory. Not retried.
 */
export class ResponseTooLargeError extends TokenJSError {
  /** Always `'ResponseTooLargeError'` (survives minification, shows in logs). */
  override name = 'ResponseTooLargeError'
  /** The limit that was passed, in bytes (for a stream event: characters of its data). */
  readonly limit: number
  constructor(message: string, limit: number) {
    super(message)
    this.limit = limit
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), limit: this.limit }
  }
}

/**
 * The provider refused the prompt itself, so no answer was generated (Gemini: no candidates and
 * `promptFeedback.blockReason`). `reason` is the provider's code, e.g. `SAFETY`, `PROHIBITED_CONTENT`.
 */
export class PromptBlockedError extends TokenJSError {
  /** Always `'PromptBlockedError'` (survives minification, shows in logs). */
  override name = 'PromptBlockedError'
  /** The provider's block reason. */
  readonly reason: string
  /** The provider's raw response or chunk text. */
  readonly raw: string
  constructor(message: string, reason: string, raw: string) {
    super(message)
    this.reason = reason
    this.raw = raw
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), reason: this.reason }
  }
}

/** The model ended with `finish_reason: "error"`. `partial` holds what was generated before. */
export class FinishReasonError extends TokenJSError {
  /** Always `'FinishReasonError'` (survives minification, shows in logs). */
  override name = 'FinishReasonError'
  /** What was generated before the error: a ChatCompletion (non-streaming) or the last chunk (streaming). */
  readonly partial: unknown
  /** The provider's raw response or chunk text. */
  readonly raw: string
  constructor(message: string, partial: unknown, raw: string) {
    super(message)
    this.partial = partial
    this.raw = raw
  }
}
