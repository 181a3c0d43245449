/**
 * Pure retry decisions for HTTP requests, with the semantics of the official OpenAI SDK
 * (openai-node): which failures to retry, and how long to wait before the next attempt.
 * No timers and no I/O: the caller sleeps and sends.
 */

/** Backoff before the first retry, in milliseconds; it doubles with every further retry. */
export const INITIAL_RETRY_DELAY_MS = 500

/** Upper bound of the exponential backoff, in milliseconds (before jitter). */
export const MAX_RETRY_DELAY_MS = 8_000

/**
 * Longest server-requested delay (`retry-after-ms` / `Retry-After`) that is honoured, in
 * milliseconds. A longer, negative or unparseable request is ignored in favour of backoff.
 */
export const MAX_RETRY_AFTER_MS = 60_000

/** Largest fraction of the backoff that jitter removes (so a delay is 75–100% of it). */
const MAX_JITTER = 0.25

/**
 * Reads one response header by name; returns `null` or `undefined` when it is absent.
 * Names are always passed in lower case, so a fetch `Headers` adapts as
 * `(name) => headers.get(name)` and a Node headers object as `(name) => headers[name]`
 * (join array values first).
 */
export type HeaderLookup = (name: string) => string | null | undefined

/** Input of {@link shouldRetry}. */
export interface ShouldRetryInput {
  /** Retries already done for this request: 0 after the first attempt failed. */
  attempt: number
  /** Retries allowed in total (openai-node's default is 2). */
  maxRetries: number
  /** HTTP status of the failed response; `undefined` for a connection error or timeout. */
  status?: number | undefined
  /** The failed response's headers, if there was a response. */
  headers?: HeaderLookup | undefined
  /** The caller aborted the request. */
  aborted?: boolean | undefined
  /** A streamed response already delivered a chunk to the caller. */
  streamStarted?: boolean | undefined
}

/** Input of {@link retryDelayMs}. */
export interface RetryDelayInput {
  /** Retries already done for this request: 0 before the first retry. */
  attempt: number
  /** The failed response's headers, if there was a response. */
  headers?: HeaderLookup | undefined
  /** Source of jitter, returning a number in [0, 1); defaults to `Math.random`. */
  random?: (() => number) | undefined
  /** Current time in milliseconds since the epoch, for an HTTP-date `Retry-After`; defaults to `Date.now()`. */
  now?: number | undefined
}

/**
 * Whether an HTTP status is worth retrying: 408 Request Timeout, 409 Conflict (lock
 * timeouts), 429 Too Many Requests, and every 5xx (or higher) server error.
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500
}

/**
 * Whether to retry a failed request.
 *
 * Never after the caller aborted, after a stream already delivered a chunk (a retry would
 * repeat output), or once `attempt >= maxRetries`. Otherwise an `x-should-retry: true` or
 * `false` response header decides; without one, connection errors (no `status`) and
 * {@link isRetryableStatus retryable statuses} are retried. As in openai-node, the header
 * cannot extend the retry budget.
 */
export function shouldRetry(input: ShouldRetryInput): boolean {
  if (input.aborted === true || input.streamStarted === true) return false
  if (!(input.attempt < input.maxRetries)) return false
  const explicit = input.headers?.('x-should-retry')?.trim().toLowerCase()
  if (explicit === 'true') return true
  if (explicit === 'false') return false
  return input.status === undefined || isRetryableStatus(input.status)
}

/**
 * How long to wait before the next retry, in milliseconds.
 *
 * The server's request wins if it is between 0 and {@link MAX_RETRY_AFTER_MS} inclusive:
 * first `retry-after-ms` (milliseconds, fractions allowed), then `Retry-After` as seconds
 * (fractions allowed) or as an HTTP date (relative to `now`). Otherwise the exponential
 * backoff {@link INITIAL_RETRY_DELAY_MS} × 2^attempt, capped at {@link MAX_RETRY_DELAY_MS},
 * minus a random jitter of up to 25%.
 */
export function retryDelayMs(input: RetryDelayInput): number {
  const requested = requestedDelayMs(input.headers, input.now)
  if (requested !== undefined) return requested
  const attempt = Number.isFinite(input.attempt) && input.attempt > 0 ? input.attempt : 0
  const backoff = Math.min(INITIAL_RETRY_DELAY_MS * 2 ** attempt, MAX_RETRY_DELAY_MS)
  const random = Math.min(Math.max((input.random ?? Math.random)(), 0), 1)
  return backoff * (1 - random * MAX_JITTER)
}

/** The first in-range delay the server asked for, in milliseconds, if any. */
function requestedDelayMs(headers: HeaderLookup | undefined, now: number | undefined): number | undefined {
  if (headers === undefined) return undefined
  const milliseconds = parseDecimal(headers('retry-after-ms'))
  if (isHonouredDelay(milliseconds)) return milliseconds
  const retryAfter = headers('retry-after')?.trim()
  if (!retryAfter) return undefined
  const seconds = parseDecimal(retryAfter)
  const delay = seconds !== undefined ? seconds * 1000 : Date.parse(retryAfter) - (now ?? Date.now())
  return isHonouredDelay(delay) ? delay : undefined
}

function isHonouredDelay(delay: number | undefined): delay is number {
  return delay !== undefined && delay >= 0 && delay <= MAX_RETRY_AFTER_MS
}

// Stricter than parseFloat ("5s" is not 5) and Number ("" is not 0, "0x10" is not 16).
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)$/

/** Parses a plain decimal number such as `"2"`, `"1.5"` or `"-3"`; `undefined` otherwise. */
function parseDecimal(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined
  const trimmed = value.trim()
  return DECIMAL.test(trimmed) ? Number(trimmed) : undefined
}
