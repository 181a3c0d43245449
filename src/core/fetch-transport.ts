/**
 * The `fetch` transport: browsers, edge runtimes, and any `fetch` the user passes. One controller and
 * one deadline timer per request; the caller's abort listener is detached when the exchange ends.
 * Redirects are never followed by fetch itself (`redirect: 'manual'`): send-request.ts applies one
 * policy for both transports. Bodies are read through the reader so the size cap counts decoded bytes
 * as they arrive (fetch decodes Content-Encoding itself: a gzip bomb stops at the cap).
 */
import { APIConnectionError, APIConnectionTimeoutError, ResponseTooLargeError } from '../errors.js'
import { userAbortError } from './abort-errors.js'
import type { BodySink, Transport, TransportRequest, TransportResponse } from './transport.js'

/** A `fetch` implementation (the global one, undici's, a proxy-aware one, Tauri's…). */
export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>

export function createFetchTransport(fetchFunction: FetchFunction): Transport {
  return async (request) => {
    if (request.signal?.aborted === true) throw userAbortError(request.signal)
    const exchange = new FetchExchange(request)
    try {
      const response = await fetchFunction(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body ?? null,
        signal: exchange.controller.signal,
        redirect: 'manual',
      })
      if (exchange.failure !== undefined) {
        void response.body?.cancel().catch(ignore)
        throw exchange.failure
      }
      return new FetchResponse(response, exchange)
    } catch (error) {
      const failure = exchange.failure ?? toConnectionError(error)
      exchange.end()
      throw failure
    }
  }
}

const ignore = (): void => {}

/** One request's controller, deadline and abort listener; `failure` says why we cut it. */
class FetchExchange {
  readonly controller = new AbortController()
  failure: Error | undefined
  done = false
  /** Whether the exchange was cut; a method so a check after an await reads the current state. */
  isCut(): boolean {
    return this.failure !== undefined
  }
  /** Called when the exchange is cut: stops a body read that a custom fetch would not abort. */
  onCut: (() => void) | undefined
  private timer: ReturnType<typeof setTimeout> | undefined
  private readonly onAbort: (() => void) | undefined

  constructor(readonly request: TransportRequest) {
    this.timer = setTimeout(
      () => this.cut(new APIConnectionTimeoutError(`Request timed out after ${request.timeoutMs} ms (timeout).`)),
      request.timeoutMs,
    )
    const signal = request.signal
    if (signal !== undefined) {
      const onAbort = (): void => this.cut(userAbortError(signal))
      signal.addEventListener('abort', onAbort, { once: true })
      this.onAbort = onAbort
    }
  }

  stopDeadline(): void {
    clearTimeout(this.timer)
  }

  /** Stops the exchange with `error` (kept for whoever reads next). */
  cut(error: Error): void {
    if (this.done) return
    this.failure ??= error
    this.end()
    this.controller.abort(error)
    this.onCut?.()
  }

  /** Releases the timer and the abort listener. */
  end(): void {
    if (this.done) return
    this.done = true
    clearTimeout(this.timer)
    if (this.onAbort !== undefined) this.request.signal?.removeEventListener('abort', this.onAbort)
  }
}

function toConnectionError(error: unknown): Error {
  if (error instanceof APIConnectionError) return error
  const message = error instanceof Error ? error.message : String(error)
  return new APIConnectionError(`Connection error: ${message}`, { cause: error })
}

class FetchResponse implements TransportResponse {
  readonly status: number
  private paused = false
  private wake: (() => void) | undefined
  private reader: ReadableStreamDefaultReader<Uint8Array> | undefined

  constructor(
    private readonly response: Response,
    private readonly exchange: FetchExchange,
  ) {
    // A browser's manual redirect is opaque (status 0): send-request.ts refuses it by status.
    this.status = response.type === 'opaqueredirect' ? 0 : response.status
  }

  header(name: string): string | undefined {
    return this.response.headers.get(name) ?? undefined
  }

  headers(): Record<string, string> {
    const result: Record<string, string> = {}
    this.response.headers.forEach((value, name) => {
      result[name] = value
    })
    return result
  }

  async text(): Promise<string> {
    const limit = this.exchange.request.maxResponseSize
    const decoder = new TextDecoder()
    let text = ''
    let size = 0
    await this.pump({
      onData: (chunk) => {
        size += chunk.length
        if (size > limit) {
          this.exchange.cut(
            new ResponseTooLargeError(
              `The response body is larger than maxResponseSize (${limit} bytes); the connection was closed.`,
              limit,
            ),
          )
          return
        }
        text += decoder.decode(chunk, { stream: true })
      },
      onEnd: ignore,
      onError: ignore,
    })
    if (this.exchange.failure !== undefined) throw this.exchange.failure
    // TextDecoder drops a leading BOM (ignoreBOM is false by default), as response.text() does.
    return text + decoder.decode()
  }

  stream(sink: BodySink): void {
    this.exchange.stopDeadline()
    void this.pump(sink)
  }

  private async pump(sink: BodySink): Promise<void> {
    const exchange = this.exchange
    const body = this.response.body
    if (body === null) {
      exchange.end()
      sink.onEnd()
      return
    }
    const reader: ReadableStreamDefaultReader<Uint8Array> = body.getReader()
    this.reader = reader
    exchange.onCut = () => void reader.cancel().catch(ignore)
    try {
      for (;;) {
        if (this.paused) await new Promise<void>((resolve) => (this.wake = resolve))
        if (exchange.failure !== undefined) break
        const { done, value } = await reader.read()
        if (exchange.isCut()) break // cut by a timer or an abort while the read was pending
        if (done) {
          exchange.end()
          sink.onEnd()
          return
        }
        sink.onData(value)
      }
    } catch (error) {
      if (exchange.failure === undefined) exchange.cut(toConnectionError(error))
    }
    void reader.cancel().catch(ignore)
    if (exchange.failure !== undefined && exchange.failure !== CANCELLED) sink.onError(exchange.failure)
  }

  pause(): void {
    this.paused = true
  }

  resume(): void {
    this.paused = false
    const wake = this.wake
    this.wake = undefined
    wake?.()
  }

  cancel(): void {
    this.exchange.cut(CANCELLED)
    this.resume()
    void this.reader?.cancel().catch(ignore)
  }
}

/** Marks a cancel by the caller: no sink callback follows it. */
const CANCELLED = new Error('cancelled')
