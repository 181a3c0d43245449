/**
 * The async iterable `create({ stream: true })` resolves to. Bytes are pushed from the transport into
 * the SSE decoder and the provider's chunk mapper, and queued until the consumer pulls them; the socket
 * is paused while the queue is full. Stopping early (break, return, throw, abort) cancels the request
 * and releases the connection. A stream that ends before the provider finished is an error, never a
 * short success.
 */
import type { TokenJSWarning } from './warnings.js'
import { APIConnectionError, APIError, ResponseParseError } from '../errors.js'
import type { ChatCompletion, ChatCompletionChunk } from '../types.js'
import type { ProviderAdapter, StreamEvent, StreamFraming, StreamMapper } from './provider-adapter.js'
import { ChunkAccumulator } from './accumulate-chunks.js'
import { SSEDecoder } from './sse-decoder.js'
import type { TransportResponse } from './transport.js'

const HIGH_WATER_MARK = 64

/** What the stream reads of a chunk: its choices' index and finish reason (chat and text-completion chunks both fit). */
export interface StreamedChunk {
  readonly choices: ReadonlyArray<{ readonly index: number; readonly finish_reason: string | null }>
}

export interface StreamOptions<Chunk extends StreamedChunk = ChatCompletionChunk> {
  readonly response: TransportResponse
  /** How the body is framed (the provider's choice; `sse` is the one framing so far, decoded by SSEDecoder). */
  readonly framing: StreamFraming
  readonly mapper: StreamMapper<Chunk>
  readonly provider: ProviderAdapter
  readonly idleTimeoutMs: number
  /** Removes the API key from text received, before it reaches an error. */
  readonly redact: (text: string) => string
  /** What was dropped from the request (`dropUnsupportedParams`); undefined when nothing was. */
  readonly warnings?: readonly TokenJSWarning[] | undefined
}

/**
 * What `chat.completions.create({ stream: true })` resolves to: iterate it once with `for await` to get
 * OpenAI chunks; `controller.abort()` / `abort()` stop it; `finalCompletion()` collects it. Generic over
 * the chunk type only so `completions.create({ stream: true })` reuses it (completion-stream.ts).
 */
export class ChatCompletionStream<Chunk extends StreamedChunk = ChatCompletionChunk> implements AsyncIterable<Chunk> {
  private readonly queue: Chunk[] = []
  private head = 0
  private failure: Error | undefined
  private ended = false
  private started = false
  private paused = false
  private sawDone = false
  private readonly open = new Set<number>()
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
  /** The one event object the mapper sees, refilled per event (no allocation per event). */
  private readonly current: { event: string; data: string; json(): unknown }

  constructor(private readonly options: StreamOptions<Chunk>) {
    const { provider, redact } = options
    this.current = {
      event: '',
      data: '',
      json() {
        try {
          return JSON.parse(this.data)
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

  /** Stops the stream; a pending or later `next()` ends the loop. */
  abort(): void {
    this.finishWith(undefined)
    this.options.response.cancel()
  }

  /** The chunks, in order. A stream can be iterated once; stopping early releases the connection. */
  [Symbol.asyncIterator](): AsyncIterator<Chunk> {
    if (this.started) throw new Error('A token.js stream can be iterated only once.')
    this.start()
    return {
      next: () => this.next(),
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

  /** Reads the whole stream and returns the ChatCompletion it adds up to (tool calls and usage assembled). */
  async finalCompletion(this: ChatCompletionStream<ChatCompletionChunk>): Promise<ChatCompletion> {
    const accumulator = new ChunkAccumulator()
    for await (const chunk of this) accumulator.add(chunk)
    return accumulator.result()
  }

  private start(): void {
    this.started = true
    this.options.response.stream(
      {
        onData: (bytes) => this.onBytes(bytes, false),
        onEnd: () => {
          this.onBytes(undefined, true)
          this.onEnd()
        },
        onError: (error) => this.finishWith(this.sawDone ? undefined : error),
      },
      this.options.idleTimeoutMs,
    )
  }

  private next(): Promise<IteratorResult<Chunk>> {
    if (this.head < this.queue.length) return Promise.resolve(this.take())
    if (this.failure !== undefined) return Promise.reject(this.takeFailure())
    if (this.ended) return Promise.resolve({ done: true, value: undefined })
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
    }
    return { done: false, value }
  }

  private takeFailure(): Error {
    const failure = this.failure as Error
    this.failure = undefined
    return failure
  }

  /** Decodes a piece of the body (or, at the end, what the decoder still holds) straight into the queue. */
  private onBytes(bytes: Uint8Array | undefined, end: boolean): void {
    if (this.ended) return
    try {
      // The decoder calls onEvent per event, with no event object or array in between (hot path).
      if (end) this.decoder.endTo(this.onEvent)
      else this.decoder.pushTo(bytes as Uint8Array, this.onEvent)
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
    const current = this.current
    current.event = event
    current.data = data
    const signal = this.options.mapper(current as StreamEvent, this.emit)
    if (signal === 'done') this.sawDone = true
    else if (signal === 'error') throw this.streamError(data)
  }

  /** Queues one mapped chunk and tracks which choices are still open. */
  private readonly emit = (chunk: Chunk): void => {
    for (const choice of chunk.choices) {
      if (choice.finish_reason === null) this.open.add(choice.index)
      else this.open.delete(choice.index)
    }
    if (chunk.choices.length > 0 && this.open.size === 0) this.sawFinish = true
    this.queue.push(chunk)
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
    if (error !== undefined) this.failure = error
    this.wake()
  }

  /** Settles a waiting `next()` directly with its result (no re-entry, no extra promise), if there is one yet. */
  private wake(): void {
    const waiting = this.waiting
    if (waiting === undefined) return
    if (this.head < this.queue.length) waiting.resolve(this.take())
    else if (this.failure !== undefined) waiting.reject(this.takeFailure())
    else if (this.ended) waiting.resolve({ done: true, value: undefined })
    else return
    this.waiting = undefined
    if (!this.consumerWoken) {
      this.consumerWoken = true
      queueMicrotask(this.clearConsumerWoken)
    }
  }
}
