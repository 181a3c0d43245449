/**
 * The transport seam: one HTTP exchange, no retries, no provider knowledge. Two implementations pass
 * the same tests: `node:http` (default on Node: ~3× less CPU per request than fetch) and `fetch`
 * (browsers, edge runtimes, and any custom fetch the user passes).
 */

/** One HTTP exchange as the core asks a transport for it. */
export interface TransportRequest {
  /** Full URL (base URL + path). */
  readonly url: string
  /** HTTP method. */
  readonly method: 'GET' | 'POST'
  /** Request headers, lower-case names, authentication included. */
  readonly headers: Readonly<Record<string, string>>
  /** JSON body, or undefined for GET. */
  readonly body: string | undefined
  /** The caller's signal, if any. */
  readonly signal: AbortSignal | undefined
  /** Milliseconds to wait for the response headers (and, for `text()`, the whole body). */
  readonly timeoutMs: number
}

/** Receives a streamed body. Exactly one of `onEnd` / `onError` is called, once. */
export interface BodySink {
  /** A piece of the body, in arrival order. */
  onData(chunk: Uint8Array): void
  /** The body ended normally. */
  onEnd(): void
  /** The body was cut short (connection error, timeout, abort). */
  onError(error: Error): void
}

/** A response whose body is still unread. */
export interface TransportResponse {
  /** HTTP status. */
  readonly status: number
  /** A response header by lower-case name. */
  header(name: string): string | undefined
  /** All response headers, lower-case names. */
  headers(): Record<string, string>
  /** Reads the whole body as UTF-8 text. */
  text(): Promise<string>
  /**
   * Streams the body into `sink`. `idleTimeoutMs` bounds the silence between two pieces of data
   * (0 = none); it does not run while the stream is paused.
   */
  stream(sink: BodySink, idleTimeoutMs: number): void
  /** Stops delivering data until `resume()` (backpressure). */
  pause(): void
  /** Delivers data again after `pause()`. */
  resume(): void
  /** Aborts the exchange and releases the connection. Idempotent. */
  cancel(): void
}

/** Performs one HTTP exchange; resolves when the response headers arrive. */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>
