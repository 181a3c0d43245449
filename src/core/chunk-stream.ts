/**
 * The machinery of every stream `create({ stream: true })` resolves to (ChatCompletionStream for chat,
 * CompletionStream for text completions). Bytes are pushed from the transport into
 * the SSE decoder and the provider's chunk mapper, and queued until the consumer pulls them; the socket
 * is paused while the queue is full. Stopping early (break, return, throw, abort) cancels the request
 * and releases the connection. A stream that ends before the provider finished is an error, never a
 * short success.
 */
import type { TokenJSWarning } from './warnings.js'
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  ResponseParseError,
  ResponseTooLargeError,
} from '../errors.js'
import { userAbortError } from './abort-errors.js'
import { scrubError } from './scrub-error.js'
import type { ChatCompletionChunk } from '../types.js'
import type { ProviderAdapter, StreamFraming, StreamMapper } from './provider-adapter.js'
import { SSEDecoder } from './sse-decoder.js'
import type { TransportResponse } from './transport.js'
import type { CallObserver } from './observe-call.js'

const HIGH_WATER_MARK = 64

/** The key of the method fallbacks (fallback.ts) use to read a stream up to its first chunk. */
export const firstChunk: unique symbol = Symbol('firstChunk')

/** What the stream reads of a chunk: its choices' index and finish reason (chat and text-completion chunks both fit). */
export interface StreamedChunk {
  /** The chunk's choices; the stream tracks which are still open. */
  readonly choices: ReadonlyArray<{
    /** The choice's position. */
    readonly index: number
    /** Set on the choice's last chunk; the stream ends cleanly once every open choice has one. */
    readonly finish_reason: string | null
  }>
}

/** What the core gives a stream when it creates one (streams are created by `create`, not by users). */
export interface StreamOptions<Chunk extends StreamedChunk = ChatCompletionChunk> {
  /** The provider's response, status and headers read; the body is read as the consumer iterates. */
  readonly response: TransportResponse
  /** How the body is framed (the provider's choice; `sse` is the one framing so far, decoded by SSEDecoder). */
  readonly framing: StreamFraming
  /** The provider's mapper for this stream: provider events in, OpenAI chunks out. */
  readonly mapper: StreamMapper<Chunk>
  /** The provider, for its error parsing (an error event inside the stream becomes an APIError). */
  readonly provider: ProviderAdapter
  /** Silence allowed between two complete SSE lines, in milliseconds (0 = none). */
  readonly idleTimeoutMs: number
  /** Largest event (its data, or one open line), in characters. */
  readonly maxEventSize: number
  /** The caller's signal: aborting it stops delivery at once, whatever is buffered. */
  readonly signal?: AbortSignal | undefined
  /** Removes the API key from text received, before it reaches an error. */
  readonly redact: (text: string) => string
  /** What was dropped from the request (`dropUnsupportedParams`); undefined when nothing was. */
  readonly warnings?: readonly TokenJSWarning[] | undefined
  /** Secrets scrubbed (in every form) from an error before the consumer sees it. */
  readonly secrets?: readonly string[] | undefined
  /** Told of each chunk and of the end when the call is observed (hooks, logs, telemetry). */
  readonly observer?: CallObserver | undefined
}

/**
 * A stream of provider chunks: iterate it once with `for await`; `controller.abort()` / `abort()` stop
 * it. Chat and text-completion streams extend it with the `finalCompletion()` of their result type.
 */
export class ChunkStream<Chunk extends StreamedChunk> implements AsyncIterable<Chunk> {
  private readonly queue: Chunk[] = []
  private head = 0
  private failure: Error | undefined
  private ended = false
  private started = false
  private paused = false
  private sawDone = false
  private readonly open = new Set<number>()
  /** The index of the one choice the last chunk carried, open then; -1 otherwise (emit's shortcut). */
  private lastOpen = -1
  private readonly decoder = new SSEDecoder()
  /** The pending `next()` of a consumer waiting for data: settled by wake(). */
  private waiting: { resolve: (result: IteratorResult<Chunk>) => void; reject: (error: Error) => void } | undefined
  /**
   * A waiting consumer was handed data in the current I/O callback: its microtasks run only after that
   * callback, which may deliver more data first (one socket read holds several HTTP chunks). Data
   * arriving then does not mean the consumer is slow. Cleared in the first microtask after the callback.
   */
  private consumerWoken = false
  private readonly clearConsumerWoken = (): void => {
    this.consumerWoken = false
  }
  private abortController: AbortController | undefined
  private sawFinish = false
  /** Read ahead by `[firstChunk]()` and handed to the consumer's first `next()`. */
  private peeked: IteratorResult<Chunk> | undefined
  /** Started by `[firstChunk]()`: the consumer may still iterate once. */
  private primed = false
  /** The one event object the mapper sees, refilled per event (no allocation per event). */
  private readonly current: { event: string; data: string; json(): unknown }

  /** Lines the decoder had completed when the idle clock last restarted, and when that was. */
  private linesAtLastLife = 0
  private lastLifeAt = 0
  private idleTimer: ReturnType<typeof setTimeout> | undefined
  private readonly onSignalAbort = (): void => {
    const signal = this.options.signal as AbortSignal
    this.stop(userAbortError(signal))
  }

  // Read once per chunk: own fields, one load each instead of two through `options`.
  private readonly maxEventSize: number
  private readonly mapper: StreamMapper<Chunk>
  private readonly observer: CallObserver | undefined

  constructor(private readonly options: StreamOptions<Chunk>) {
    const { provider, redact, signal } = options
    this.maxEventSize = options.maxEventSize
    this.mapper = options.mapper
    this.observer = options.observer
    if (signal !== undefined) {
      if (signal.aborted) this.stop(userAbortError(signal))
      else signal.addEventListener('abort', this.onSignalAbort, { once: true })
    }
    this.current = {
      event: '',
      data: '',
      json() {
        try {
          return JSON.parse(this.data) as unknown
        } catch (error) {
          throw new ResponseParseError(
            `${provider.displayName} sent a stream event that is not JSON.`,
            redact(this.data),
            { cause: error },
          )
        }
      },
    }
  }

  /**
   * What token.js dropped from the request before sending it (only with `dropUnsupportedParams`), known
   * before the first chunk; an empty array when nothing was dropped.
   */
  get warnings(): readonly TokenJSWarning[] {
    return this.options.warnings ?? []
  }

  /** Aborting this controller stops the stream and releases the connection (as in openai-node). */
  get controller(): AbortController {
    if (this.abortController === undefined) {
      const controller = new AbortController()
      controller.signal.addEventListener('abort', () => this.abort(), { once: true })
      this.abortController = controller
    }
    return this.abortController
  }

  /** Stops the stream at once (chunks already received are dropped); a pending or later `next()` ends the loop. */
  abort(): void {
    this.stop(undefined)
  }

  /** Drops what is queued, ends the stream with `error` (or a plain end) and cancels the request. */
  private stop(error: Error | undefined): void {
    if (error === undefined) this.detachSignal()
    this.queue.length = 0
    this.head = 0
    if (!this.ended) this.finishWith(error)
    else if (error !== undefined && this.failure === undefined) {
      this.failure = error
      this.wake()
    }
    this.options.response.cancel()
  }

  /** The chunks, in order. A stream can be iterated once; stopping early releases the connection. */
  [Symbol.asyncIterator](): AsyncIterator<Chunk> {
    if (this.primed) this.primed = false
    else if (this.started) throw new Error('A token.js stream can be iterated only once.')
    else this.start()
    return {
      // The arrow itself, not a wrapper calling it: one call less per chunk.
      next: this.next,
      return: () => {
        this.abort()
        return Promise.resolve({ done: true, value: undefined })
      },
      throw: (error?: unknown) => {
        this.abort()
        return Promise.reject(error)
      },
    }
  }

  private start(): void {
    this.started = true
    if (this.ended) return
    this.restartIdleClock()
    this.options.response.stream({
      onData: (bytes) => this.onBytes(bytes, false),
      onEnd: () => {
        this.onBytes(undefined, true)
        this.onEnd()
      },
      onError: (error) => {
        if (error instanceof APIUserAbortError) this.stop(error)
        else this.finishWith(this.sawDone ? undefined : error)
      },
    })
  }

  /**
   * The idle clock: one timer per stream, not one per chunk. It restarts lazily: when it fires, it
   * checks when the last complete line arrived and sleeps again for the rest of the time.
   */
  private restartIdleClock(): void {
    const idle = this.options.idleTimeoutMs
    if (idle <= 0 || this.ended) return
    this.lastLifeAt = performance.now()
    clearTimeout(this.idleTimer)
    this.idleTimer = setTimeout(this.checkIdle, idle)
  }

  private readonly checkIdle = (): void => {
    if (this.ended || this.paused) return
    const idle = this.options.idleTimeoutMs
    const silent = performance.now() - this.lastLifeAt
    if (silent < idle) {
      this.idleTimer = setTimeout(this.checkIdle, idle - silent)
      return
    }
    this.finishWith(
      new APIConnectionTimeoutError(`Stream idle timeout: no complete line for ${idle} ms (idleTimeout).`),
    )
    this.options.response.cancel()
  }

  /** Called after each read: a new complete line (a comment too) is a sign of life; bytes alone are not. */
  private noteLife(): void {
    const lines = this.decoder.lines
    if (lines === this.linesAtLastLife) return
    this.linesAtLastLife = lines
    if (this.options.idleTimeoutMs > 0) this.lastLifeAt = performance.now()
  }

  /**
   * @internal Fallbacks: starts reading and resolves once the first chunk arrived (kept for the consumer's
   * first `next()`) or the stream ended; rejects with the error that came first, so another provider can
   * still answer.
   */
  async [firstChunk](): Promise<void> {
    this.start()
    this.primed = true
    this.peeked = await this.next()
  }

  private readonly next = (): Promise<IteratorResult<Chunk>> => {
    const peeked = this.peeked
    if (peeked !== undefined) {
      this.peeked = undefined
      return Promise.resolve(peeked)
    }
    if (this.head < this.queue.length) return Promise.resolve(this.take())
    if (this.failure !== undefined) return this.scrubbed(this.takeFailure())
    if (this.ended) return Promise.resolve(this.done())
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject }
    })
  }

  /** Dequeues the next chunk (the queue must not be empty); resumes the socket once the backlog is half gone. */
  private take(): IteratorResult<Chunk> {
    const value = this.queue[this.head++] as Chunk
    if (this.head === this.queue.length) {
      this.queue.length = 0
      this.head = 0
    }
    if (this.paused && this.queue.length - this.head < HIGH_WATER_MARK / 2) {
      this.paused = false
      this.options.response.resume()
      // The consumer was slow, not the server: the silence while paused does not count.
      this.restartIdleClock()
    }
    return { done: false, value }
  }

  /**
   * The failure, handed to the consumer once. The caller's signal is heard until the consumer has seen
   * the end: chunks already received but not yet read are dropped by an abort.
   */
  private takeFailure(): Error {
    const failure = this.failure as Error
    this.failure = undefined
    this.detachSignal()
    return failure
  }

  /** Rejects with `failure` once every form of the key is gone from it. */
  private scrubbed(failure: Error): Promise<never> {
    return scrubError(failure, this.options.secrets ?? []).then((error) => Promise.reject(error))
  }

  private done(): IteratorResult<Chunk> {
    this.detachSignal()
    return { done: true, value: undefined }
  }

  private detachSignal(): void {
    this.options.signal?.removeEventListener('abort', this.onSignalAbort)
  }

  /** Decodes a piece of the body (or, at the end, what the decoder still holds) straight into the queue. */
  private onBytes(bytes: Uint8Array | undefined, end: boolean): void {
    if (this.ended) return
    try {
      // The decoder calls onEvent per event, with no event object or array in between (hot path).
      if (end) this.decoder.endTo(this.onEvent)
      else {
        this.decoder.pushTo(bytes as Uint8Array, this.onEvent)
        if (this.decoder.bufferedLength > this.options.maxEventSize) throw this.eventTooLarge()
        this.noteLife()
      }
    } catch (error) {
      this.finishWith(error as Error)
      this.options.response.cancel()
      return
    }
    // A consumer that is waiting, or was just woken, drains the queue in the microtasks after this I/O
    // callback: pausing now would only cost a pause/resume (and syscalls) per read. Pause only when data
    // piles up while the consumer is busy elsewhere.
    const consumerKeepsUp = this.waiting !== undefined || this.consumerWoken
    if (!this.paused && !consumerKeepsUp && this.queue.length - this.head >= HIGH_WATER_MARK) {
      this.paused = true
      this.options.response.pause()
    }
    this.wake()
  }

  /** One SSE event, through the provider's mapper into the queue. An arrow so the decoder can call it unbound. */
  private readonly onEvent = (data: string, event: string): void => {
    // After the provider's end marker nothing more is read (a proxy may append junk).
    if (this.sawDone) return
    if (data.length > this.maxEventSize) throw this.eventTooLarge()
    const current = this.current
    current.event = event
    current.data = data
    const signal = this.mapper(current, this.emit)
    if (signal === 'done') this.sawDone = true
    else if (signal === 'error') throw this.streamError(data)
  }

  /** Queues one mapped chunk and tracks which choices are still open. */
  private readonly emit = (chunk: Chunk): void => {
    const choices = chunk.choices
    const count = choices.length
    const only = count === 1 ? (choices[0] as Chunk['choices'][number]) : undefined
    // Most chunks: the one choice that was open in the previous chunk, still open. Nothing to track.
    if (only === undefined || only.finish_reason !== null || only.index !== this.lastOpen) {
      this.lastOpen = -1
      // Indexed: for…of makes an iterator per chunk, which code not yet optimised (a fresh process) pays for.
      for (let position = 0; position < count; position++) {
        const choice = choices[position] as Chunk['choices'][number]
        if (choice.finish_reason === null) this.open.add(choice.index)
        else this.open.delete(choice.index)
      }
      if (count > 0 && this.open.size === 0) this.sawFinish = true
      if (only !== undefined && only.finish_reason === null) this.lastOpen = only.index
    }
    this.queue.push(chunk)
    // The observer guards its hooks: nothing it does can throw into the decoder.
    this.observer?.chunk(chunk)
  }

  private eventTooLarge(): ResponseTooLargeError {
    const limit = this.options.maxEventSize
    return new ResponseTooLargeError(
      `${this.options.provider.displayName} sent a stream event larger than maxResponseSize (${limit} characters); the connection was closed.`,
      limit,
    )
  }

  private streamError(data: string): APIError {
    const raw = this.options.redact(data)
    let json: unknown = raw
    try {
      json = JSON.parse(raw)
    } catch {
      // Not JSON: the provider's parser describes the text.
    }
    const parsed = this.options.provider.parseError(undefined, json, raw)
    return new APIError(parsed.message, {
      status: undefined,
      headers: undefined,
      body: json,
      provider: this.options.provider.id,
      code: parsed.code,
      type: parsed.type,
      param: parsed.param,
    })
  }

  private onEnd(): void {
    if (this.ended) return
    if (this.sawDone || (this.sawFinish && this.open.size === 0)) this.finishWith(undefined)
    else {
      this.finishWith(
        new APIConnectionError(
          `${this.options.provider.displayName} ended the stream before it was complete (no end-of-stream event and no final finish_reason).`,
        ),
      )
    }
  }

  private finishWith(error: Error | undefined): void {
    if (this.ended) return
    this.ended = true
    clearTimeout(this.idleTimer)
    if (error !== undefined) this.failure = error
    this.wake()
    // Ended without the provider's end (or a final finish_reason): the consumer stopped it.
    this.options.observer?.endStream(error, this.sawDone || this.sawFinish)
  }

  /** Settles a waiting `next()` directly with its result (no re-entry, no extra promise), if there is one yet. */
  private wake(): void {
    const waiting = this.waiting
    if (waiting === undefined) return
    if (this.head < this.queue.length) waiting.resolve(this.take())
    else if (this.failure !== undefined) this.scrubbed(this.takeFailure()).catch(waiting.reject)
    else if (this.ended) waiting.resolve(this.done())
    else return
    this.waiting = undefined
    if (!this.consumerWoken) {
      this.consumerWoken = true
      // A plain promise job: Node's queueMicrotask wraps each callback in an AsyncResource.
      void Promise.resolve().then(this.clearConsumerWoken)
    }
  }
}
