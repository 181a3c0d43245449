/**
 * The transport seam: one HTTP exchange, no retries, no provider knowledge. Two implementations pass
 * the same tests: `node:http` (default on Node: ~3× less CPU per request than fetch) and `fetch`
 * (browsers, edge runtimes, and any custom fetch the user passes).
 */

/** One HTTP exchange as the core asks a transport for it. */
export interface TransportRequest {
  /** Full URL (base URL + path). */
  readonly url: string
  /** As the core asks for it (`GET` for model lists, `POST` for generations); a transport never changes it. */
  readonly method: 'GET' | 'POST'
  /** Request headers, lower-case names, authentication included (already validated). */
  readonly headers: Readonly<Record<string, string>>
  /** JSON body, or undefined for GET. */
  readonly body: string | undefined
  /** The caller's signal, if any. */
  readonly signal: AbortSignal | undefined
  /**
   * Deadline in milliseconds from the call: connect, request, response headers, and for `text()` the
   * whole body. `stream()` stops it (the stream's idle timeout takes over).
   */
  readonly timeoutMs: number
  /** Largest body `text()` accepts, in bytes after Content-Encoding is decoded. */
  readonly maxResponseSize: number
}

/** Receives a streamed body. Exactly one of `onEnd` / `onError` is called, once. */
export interface BodySink {
  /** A piece of the body (decoded from its Content-Encoding), in arrival order. */
  onData(chunk: Uint8Array): void
  /** The body ended normally. */
  onEnd(): void
  /** The body was cut short (connection error, abort, cancel). */
  onError(error: Error): void
}

/** A response whose body is still unread. */
export interface TransportResponse {
  // send-request.ts follows redirects, a transport never does.
  /** Status as received (redirects are not followed); 0 for a browser's opaque manual redirect. */
  readonly status: number
  /** A response header by lower-case name. */
  header(name: string): string | undefined
  /** All response headers, lower-case names. */
  headers(): Record<string, string>
  /**
   * Reads the whole body as UTF-8 text (a leading BOM removed). Rejects with ResponseTooLargeError past
   * the request's `maxResponseSize`, and with APIConnectionTimeoutError past its deadline.
   */
  text(): Promise<string>
  /** Streams the body into `sink`; stops the request's deadline (silence is the stream's to bound). */
  stream(sink: BodySink): void
  /** Stops delivering data until `resume()` (backpressure). */
  pause(): void
  /** Delivers data again after `pause()`. */
  resume(): void
  /** Aborts the exchange and releases the connection. Idempotent; no sink callback follows. */
  cancel(): void
}

/** Performs one HTTP exchange; resolves when the response headers arrive. */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>

/** Errors a transport raised on a reused keep-alive connection before any byte of the response. */
const staleConnectionErrors = new WeakSet<Error>()

/**
 * Marks `error` as a failure on a reused keep-alive connection that the server had closed, before any
 * byte of the response arrived: the request never reached the server's application, so it is retried
 * at once (still counted as an attempt).
 */
export function markStaleConnection(error: Error): Error {
  staleConnectionErrors.add(error)
  return error
}

/** Whether `error` was marked by {@link markStaleConnection}. */
export function isStaleConnection(error: unknown): boolean {
  return error instanceof Error && staleConnectionErrors.has(error)
}
