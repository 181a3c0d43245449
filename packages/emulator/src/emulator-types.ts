/** Public types of the Mistral emulator: options, scripted replies, the request log. */
import type { EmbeddingModelRow, ModelRow } from './model-types.js'
import type { FinishReason } from './answer-types.js'

/** Options of `startMistralEmulator`; every one is optional. */
export interface MistralEmulatorOptions {
  /** TCP port to listen on. Default `0`: a free port chosen by the OS. */
  readonly port?: number
  /** Interface to bind. Default `'127.0.0.1'` (loopback only). */
  readonly host?: string
  /** The only API key accepted as `Authorization: Bearer <key>`. Default `DEFAULT_EMULATOR_API_KEY`. */
  readonly apiKey?: string
  /** Content characters (UTF-16 units, surrogate pairs kept whole) per streamed content chunk. Default `8`. */
  readonly chunkSize?: number
  /** Milliseconds to wait between streamed chunks. Default `0`. */
  readonly chunkDelayMs?: number
  /** Largest accepted request body in bytes; larger bodies get 413. Default 10 MiB (10 485 760). */
  readonly maxBodyBytes?: number
  /** Model catalogue (id → capability row). Default: the emulator's own `mistralServedModels` (not token.js's table). */
  readonly models?: Readonly<Record<string, ModelRow>>
  /** Embedding-model catalogue (id → row), served by `/v1/embeddings` and listed in `/v1/models`. Default: `mistralServedEmbeddingModels` (the emulator's own rows, mistral-embedding-models.ts). */
  readonly embeddingModels?: Readonly<Record<string, EmbeddingModelRow>>
  /** Clock in ms since the epoch, used for retirement dates and `created`. Default `Date.now`. */
  readonly now?: () => number
  /** Add Mistral's top-level `p` padding field to every stream chunk. Default `true`. */
  readonly padding?: boolean
  /** Record every request in `emulator.requests`. Default `true`. */
  readonly logRequests?: boolean
  /**
   * Called once per request when its answer has ended (or its connection closed), with what a log line
   * needs (the CLI prints `POST /v1/chat/completions 200 mistral-large-latest 12 ms stream`). Default: none,
   * so an emulator started from code prints nothing.
   */
  readonly onRequest?: (event: RequestLogEvent) => void
}

/** One finished request, as `onRequest` receives it. */
export interface RequestLogEvent {
  /** The HTTP method, e.g. `POST`. */
  readonly method: string
  /** Path including any query string, e.g. `/v1/chat/completions`. */
  readonly path: string
  /** The status sent; `0` when the connection closed before any was. */
  readonly status: number
  /** The body's `model` when it named one. */
  readonly model?: string
  /** Milliseconds from the request's arrival to the end of its answer (the last chunk of a stream). */
  readonly durationMs: number
  /** Whether the body asked for a stream (`stream: true`). */
  readonly stream: boolean
}

/** One request as the emulator saw it. */
export interface RecordedRequest {
  /** The HTTP method, e.g. `POST`. */
  readonly method: string
  /** Path including any query string, e.g. `/v1/chat/completions`. */
  readonly path: string
  /** Lower-case header names; the Authorization value is replaced by `'Bearer ***'`. */
  readonly headers: Readonly<Record<string, string>>
  /** The body parsed as JSON; `undefined` when absent or not JSON. */
  readonly body: unknown
  /** The body as text when it was not empty (invalid UTF-8 is replaced by U+FFFD). */
  readonly rawBody?: string
  /** The status sent; `0` while unanswered or when the connection was cut before headers. */
  status: number
}

/** The request passed to a `setHandler` function (the log entry without its status). */
export type ScriptedRequest = Readonly<Omit<RecordedRequest, 'status'>>

/** A function that scripts replies per request; return `undefined` to answer normally. */
export type ScriptHandler = (request: ScriptedRequest) => ScriptedReply | undefined

/** Fields every scripted reply may carry. */
export interface ScriptedReplyBase {
  /** Answer even if the request is invalid (otherwise the validation error is sent and this reply is still used up). Default `false`. */
  readonly skipValidation?: boolean
  /** Only requests to this route consume the reply. Default: any emulated route. */
  readonly route?: 'chat' | 'models' | 'embeddings' | 'fim'
}

/** A tool call in a `'reply'` override. */
export interface ScriptedToolCall {
  /** The function's name. */
  readonly name: string
  /** JSON text or an object (stringified on the wire). */
  readonly arguments: string | Readonly<Record<string, unknown>>
  /** Default: a deterministic 9-character id. */
  readonly id?: string
}

/**
 * A scripted reply, consumed by one request. Queued replies (`enqueue`) come first, then the
 * handler (`setHandler`).
 */
export type ScriptedReply = ScriptedReplyBase &
  /** Any status with any body and headers, e.g. 429 with `Retry-After`, or 500/502/503/504. */
  (
    | {
        /** Any status with any body and headers. */
        readonly kind: 'http'
        /** The status to send, e.g. 429 or 503. */
        readonly status: number
        /** An object is sent as JSON; a string as is. Default: a Mistral error body for the status. */
        readonly body?: string | Readonly<Record<string, unknown>> | readonly unknown[]
        /** Response headers, e.g. `{ 'retry-after': '1' }`. */
        readonly headers?: Readonly<Record<string, string>>
      }
    /** Replaces parts of the generated answer; sent as JSON or SSE according to `stream`. */
    | {
        /** Replaces parts of the generated answer. */
        readonly kind: 'reply'
        /** The answer's text. */
        readonly content?: string
        /** Tool calls to answer with (`finish_reason` becomes `tool_calls` unless given). */
        readonly toolCalls?: readonly ScriptedToolCall[]
        /** Reasoning text, sent as Mistral `thinking` content before the answer's text. */
        readonly reasoning?: string
        /** The choice's `finish_reason`. */
        readonly finishReason?: FinishReason
        /** Usage numbers to send instead of the counted ones. */
        readonly usage?: {
          /** Tokens in the prompt. */
          readonly prompt_tokens?: number
          /** Tokens in the answer. */
          readonly completion_tokens?: number
          /** Prompt tokens served from the prompt cache. */
          readonly cached_tokens?: number
        }
      }
    /** Exactly these bytes as a 200 `text/event-stream`, optionally split and paced. */
    | {
        /** Exactly these bytes as a 200 `text/event-stream`. */
        readonly kind: 'sse-raw'
        /** The bytes (a string is sent as UTF-8). */
        readonly data: string | Uint8Array
        /** Byte offsets at which to cut the writes. */
        readonly splitAt?: readonly number[]
        /** Write this many bytes at a time (ignored when `splitAt` is given). */
        readonly chunkBytes?: number
        /** Milliseconds between writes. Default: the emulator's `chunkDelayMs`. */
        readonly delayMs?: number
      }
    /** Destroys the socket before any header is sent. */
    | {
        /** Destroys the socket before any header is sent. */
        readonly kind: 'reset'
      }
    /** Never answers; the socket is released when the client gives up or the emulator closes. */
    | {
        /** Never answers. */
        readonly kind: 'hang'
      }
    /** Streams the first `chunks` SSE events of the generated answer, then destroys the socket. */
    | {
        /** Streams some events, then destroys the socket. */
        readonly kind: 'drop-after-chunks'
        /** How many SSE events are sent before the socket is destroyed. */
        readonly chunks: number
      }
    /** The generated answer (SSE or JSON) written in pieces cut at arbitrary byte offsets. */
    | {
        /** The generated answer written in pieces. */
        readonly kind: 'split'
        /** Byte offsets at which to cut the writes. */
        readonly splitAt?: readonly number[]
        /** Write this many bytes at a time. Default `1` when neither this nor `splitAt` is given. */
        readonly chunkBytes?: number
        /** Milliseconds between writes. Default: the emulator's `chunkDelayMs`. */
        readonly delayMs?: number
      }
    /** 200 with a truncated JSON body, or (streaming) one good event then an event with broken JSON and `[DONE]`. */
    | {
        /** A truncated JSON body, or a stream with one broken event. */
        readonly kind: 'malformed-json'
      }
    /** An HTML error page with `content-type: text/html`. Status default `502`. */
    | {
        /** An HTML error page. */
        readonly kind: 'html-error'
        /** The status. Default `502`. */
        readonly status?: number
        /** The page. Default: Cloudflare's "502 Bad Gateway" page. */
        readonly html?: string
      }
    /** A stream that sends `afterChunks` events (default 2), then a chunk with `finish_reason: "error"` and `[DONE]`. Non-streaming: a 200 whose choice has `finish_reason: "error"`. */
    | {
        /** Ends with `finish_reason: "error"`. */
        readonly kind: 'stream-error'
        /** Events sent before the error chunk. Default `2`. */
        readonly afterChunks?: number
      }
    /** Waits `ms` milliseconds, then answers normally. */
    | {
        /** Waits, then answers normally. */
        readonly kind: 'delay'
        /** Milliseconds to wait before answering. */
        readonly ms: number
      }
  )

/** A running emulator: the handle every emulator of the kit returns, `R` being its scripted-reply type. */
export interface EmulatorHandle<R> {
  /** Base URL including the API version (`/v1`, or `/v1beta` for Gemini), e.g. `http://127.0.0.1:41234/v1`; use it as `baseURL`. */
  readonly url: string
  /** Scheme, host and port, e.g. `http://127.0.0.1:41234`. */
  readonly origin: string
  /** The accepted API key. */
  readonly apiKey: string
  /** Recorded requests, oldest first (empty when `logRequests` is false). */
  readonly requests: readonly RecordedRequest[]
  /** The newest recorded request. */
  lastRequest(): RecordedRequest | undefined
  /** Clears the request log, the scripted queue, the handler and the prompt cache. */
  reset(): void
  /** Queues scripted replies, first in first out. */
  enqueue(...replies: readonly R[]): void
  /** Sets (or with `undefined` removes) the per-request script function. */
  setHandler(handler: ((request: ScriptedRequest) => R | undefined) | undefined): void
  /** Sockets currently open (keep-alive ones included). */
  openConnections(): number
  /** Stops listening and destroys open sockets. Safe to call more than once. */
  close(): Promise<void>
}

/** A running Mistral emulator. */
export type MistralEmulator = EmulatorHandle<ScriptedReply>
