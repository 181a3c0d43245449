/**
 * A stream made of chunks a middleware produced (`wrapStream` returning an async iterable): the chunks are
 * framed as server-sent events on an in-memory response and read by the ordinary stream machinery, so the
 * result has every method and rule of a provider's stream (backpressure, abort, `finalCompletion`, an
 * iterable that ends without a finish reason is an error). Loaded only with middleware.
 */
import type { StreamOptions, StreamedChunk } from './chunk-stream.js'
import type { ProviderAdapter, StreamMapper } from './provider-adapter.js'
import type { TransportResponse } from './transport.js'

/** Stream options reading `chunks` in place of a provider's body. */
export function chunkStreamOptions<Chunk extends StreamedChunk>(
  chunks: AsyncIterable<Chunk>,
  provider: ProviderAdapter,
  signal: AbortSignal | undefined,
): StreamOptions<Chunk> {
  const mapper: StreamMapper<Chunk> = (event, emit) => {
    if (event.data === '[DONE]') return 'done'
    emit(event.json() as Chunk)
    return 'more'
  }
  return {
    response: chunkResponse(chunks),
    framing: 'sse',
    mapper,
    provider,
    idleTimeoutMs: 0,
    maxEventSize: Number.MAX_SAFE_INTEGER,
    signal,
    redact: (text) => text,
  }
}

function chunkResponse<Chunk>(chunks: AsyncIterable<Chunk>): TransportResponse {
  const encoder = new TextEncoder()
  let iterator: AsyncIterator<Chunk> | undefined
  let paused = false
  let cancelled = false
  let pumping = false
  let sink: Parameters<TransportResponse['stream']>[0] | undefined
  const pump = async (): Promise<void> => {
    if (pumping || iterator === undefined || sink === undefined) return
    pumping = true
    try {
      while (!paused && !cancelled) {
        const step = await iterator.next()

        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- cancel() may run while next() is pending
        if (cancelled) return
        if (step.done === true) {
          sink.onData(encoder.encode('data: [DONE]\n\n'))
          sink.onEnd()
          cancelled = true
          return
        }
        sink.onData(encoder.encode(`data: ${JSON.stringify(step.value)}\n\n`))
      }
    } catch (error) {
      if (!cancelled) sink.onError(error instanceof Error ? error : new Error(String(error)))
      cancelled = true
    } finally {
      pumping = false
    }
  }
  return {
    status: 200,
    header: () => undefined,
    headers: () => ({}),
    text: () => Promise.reject(new Error('A middleware stream has no text body.')),
    stream(receiver) {
      sink = receiver
      iterator = chunks[Symbol.asyncIterator]()
      void pump()
    },
    pause() {
      paused = true
    },
    resume() {
      paused = false
      void pump()
    },
    cancel() {
      if (cancelled) return
      cancelled = true
      // Stops the middleware's iterable, and through it the provider's stream it was reading.
      void iterator?.return?.().catch(() => undefined)
    },
  }
}
