/**
 * The `fetch` transport: browsers, edge runtimes, and any `fetch` the user passes. The caller's signal
 * and the timeout are combined only when both exist (AbortSignal.any), so a plain call pays for one
 * controller and one timer.
 */
import { APIConnectionError, APIConnectionTimeoutError } from '../errors.js'
import { userAbortError } from './abort-errors.js'
import type { BodySink, Transport, TransportRequest, TransportResponse } from './transport.js'

/** A `fetch` implementation (the global one, undici's, a proxy-aware one, Tauri's…). */
export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>

export function createFetchTransport(fetchFunction: FetchFunction): Transport {
  return async (request) => {
    if (request.signal?.aborted === true) throw userAbortError(request.signal)
    const controller = new AbortController()
    const onAbort = (): void => controller.abort(request.signal?.reason)
    request.signal?.addEventListener('abort', onAbort, { once: true })
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, request.timeoutMs)
    const release = (): void => {
      clearTimeout(timer)
      request.signal?.removeEventListener('abort', onAbort)
    }
    try {
      const response = await fetchFunction(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body ?? null,
        signal: controller.signal,
      })
      // The timer keeps running while `text()` reads the body (a body that stalls must time out, as on
      // the node transport); `stream()` replaces it with the idle timeout.
      return new FetchResponse(
        response,
        controller,
        release,
        () => timedOut,
        request,
        () => clearTimeout(timer),
      )
    } catch (error) {
      release()
      throw toError(error, timedOut, request)
    }
  }
}

function toError(error: unknown, timedOut: boolean, request: TransportRequest): Error {
  if (timedOut) return new APIConnectionTimeoutError()
  if (request.signal?.aborted === true) return userAbortError(request.signal)
  const message = error instanceof Error ? error.message : String(error)
  return new APIConnectionError(`Connection error: ${message}`, { cause: error })
}

class FetchResponse implements TransportResponse {
  readonly status: number
  private paused = false
  private wake: (() => void) | undefined
  private finished = false

  constructor(
    private readonly response: Response,
    private readonly controller: AbortController,
    private readonly release: () => void,
    private readonly timedOut: () => boolean,
    private readonly request: TransportRequest,
    private readonly stopRequestTimer: () => void,
  ) {
    this.status = response.status
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
    try {
      return await this.response.text()
    } catch (error) {
      throw toError(error, this.timedOut(), this.request)
    } finally {
      this.finish()
    }
  }

  stream(sink: BodySink, idleTimeoutMs: number): void {
    this.stopRequestTimer()
    void this.pump(sink, idleTimeoutMs)
  }

  private async pump(sink: BodySink, idleTimeoutMs: number): Promise<void> {
    const body = this.response.body
    if (body === null) {
      this.finish()
      sink.onEnd()
      return
    }
    const reader = body.getReader()
    let idleTimedOut = false
    try {
      for (;;) {
        if (this.paused) await new Promise<void>((resolve) => (this.wake = resolve))
        const timer =
          idleTimeoutMs > 0
            ? setTimeout(() => {
                idleTimedOut = true
                this.controller.abort()
              }, idleTimeoutMs)
            : undefined
        const { done, value } = await reader.read().finally(() => clearTimeout(timer))
        if (done) break
        sink.onData(value)
      }
      this.finish()
      sink.onEnd()
    } catch (error) {
      if (this.finished) return
      this.finish()
      sink.onError(
        idleTimedOut
          ? new APIConnectionTimeoutError('Stream idle timeout.')
          : toError(error, this.timedOut(), this.request),
      )
    }
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
    if (this.finished) return
    this.finish()
    this.controller.abort()
  }

  private finish(): void {
    this.finished = true
    this.release()
  }
}
