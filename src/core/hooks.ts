/**
 * The hook events: what a call tells its observers (`new TokenJS({ hooks })`, `create(params, { hooks })`).
 * Hooks observe, they do not steer: a hook's return value is ignored, and a hook that throws (or returns a
 * promise that rejects) is reported through the client's logger at `warn` and changes nothing, so a bug in
 * a hook never changes the outcome of a request nor leaves a connection open. To change a request, use
 * middleware. Named as the ecosystem names observers: `onRequest`/`onResponse` as ofetch
 * (github.com/unjs/ofetch src/types.ts), `onError`/`onFinish` and `msToFirstChunk` as vercel/ai
 * (github.com/vercel/ai packages/ai/src/generate-text/stream-text.ts); ky's `beforeRequest`/`beforeRetry`
 * (github.com/sindresorhus/ky source/types/hooks.ts) may modify the request, which these cannot, hence `on`.
 * Types only: nothing here is loaded at run time.
 */

/** What every event says about the call it belongs to. */
export interface HookCallInfo {
  /**
   * The operation, named as the OpenTelemetry GenAI conventions name it (`gen_ai.operation.name`):
   * `'chat'` (`chat.completions.create`), `'text_completion'` (`completions.create`), `'embeddings'`
   * (`embeddings.create`); `'list_models'` for `models.list`.
   */
  readonly operation: 'chat' | 'text_completion' | 'embeddings' | 'list_models'
  /** The provider id the request goes to (`'mistral'`, `'openai'`, …). */
  readonly provider: string
  /** The model id of the request as the caller wrote it; undefined for `models.list`. */
  readonly model: string | undefined
  /** Whether the call streams. */
  readonly stream: boolean
}

/** `onRequest`: one HTTP attempt is about to be sent (once per attempt: a retry sends again). */
export interface RequestHookEvent extends HookCallInfo {
  /** The attempt number, from 1 (the first send); a retry is 2, 3, … */
  readonly attempt: number
  /** `POST` for generation and embeddings, `GET` for `models.list`. */
  readonly method: 'GET' | 'POST'
  /** The full URL (any secret in it replaced by `***`). */
  readonly url: string
  /**
   * The headers as sent, lower-case names, with the provider's credential headers (its `auth.secretHeaders`)
   * and any value holding the key replaced by `***`. A copy: changing it changes nothing.
   */
  readonly headers: Readonly<Record<string, string>>
  /**
   * The provider body, the JSON value token.js serialised (after mapping from OpenAI's format); undefined
   * for a GET. Read it, do not change it: the bytes were already serialised.
   */
  readonly body: unknown
}

/** `onRetry`: an attempt failed with an error a retry may fix; the next attempt follows after `delayMs`. */
export interface RetryHookEvent extends HookCallInfo {
  /** The attempt about to be sent after the delay: 2 on the first retry. */
  readonly attempt: number
  /** The backoff before it, in milliseconds (0 for a keep-alive socket the server had closed). */
  readonly delayMs: number
  /** What failed: an APIError subclass (with `status`) or a connection error; every form of the key removed. */
  readonly cause: Error
}

/** `onResponse`: a 2xx response arrived (for a JSON answer: read and mapped; for a stream: its headers). */
export interface ResponseHookEvent extends HookCallInfo {
  /** The attempt that succeeded, from 1. */
  readonly attempt: number
  /** The HTTP status. */
  readonly status: number
  /** The response headers, lower-case names (values holding a secret replaced by `***`). */
  readonly headers: Readonly<Record<string, string>>
  /** The provider's request id header (`x-request-id`, `request-id`, …) when it sent one. */
  readonly requestId: string | undefined
  /** Milliseconds since the call started (its first attempt), retries and backoff included. */
  readonly durationMs: number
  /**
   * Token usage as the result reports it (`ChatCompletion.usage`, `CreateEmbeddingResponse.usage`); undefined
   * for a stream (its usage comes with `onFinish`) and when the provider reported none.
   */
  readonly usage: unknown
}

/** `onError`: the call failed (after its retries), or a stream failed while it was read. */
export interface ErrorHookEvent extends HookCallInfo {
  /** The error the caller receives (every form of the key removed). */
  readonly error: Error
  /** Milliseconds since the call started. */
  readonly durationMs: number
}

/** `onFirstChunk`: the first chunk of a stream was mapped (before the consumer reads it). */
export interface FirstChunkHookEvent extends HookCallInfo {
  /** Time to first chunk: milliseconds since the call started (retries included). */
  readonly msToFirstChunk: number
}

/** `onFinish`: a stream ended without an error (its end-of-stream marker, or the consumer stopped early). */
export interface FinishHookEvent extends HookCallInfo {
  /** Chunks the stream produced (mapped OpenAI chunks, read or not). */
  readonly chunks: number
  /** The usage of the last chunk that carried one (OpenAI: with `stream_options.include_usage`), else undefined. */
  readonly usage: unknown
  /** The finish reason of each choice, in choice order (empty when none arrived). */
  readonly finishReasons: readonly string[]
  /** Time to first chunk in milliseconds; undefined when no chunk arrived. */
  readonly msToFirstChunk: number | undefined
  /** Milliseconds since the call started. */
  readonly durationMs: number
  /** True when the consumer stopped early (`break`, `stream.abort()`), false when the provider finished. */
  readonly aborted: boolean
}

/**
 * Observers of a client's calls (`new TokenJS({ hooks })`) or of one request (`create(params, { hooks })`);
 * with both, the client's run first. Each is called synchronously at its point and its return value is
 * ignored; an exception (or a rejected promise) is logged at `warn` (see `logger`) and the request goes on
 * unchanged. Every hook is optional. Default: none.
 */
export interface Hooks {
  /** Before each HTTP attempt is sent, with the final provider body and the headers (secrets as `***`). */
  onRequest?: ((event: RequestHookEvent) => unknown) | undefined
  /** Before the backoff of each retry, with the attempt about to be made, the delay and the failure. */
  onRetry?: ((event: RetryHookEvent) => unknown) | undefined
  /** After a 2xx response: status, headers, request id, duration and (for a JSON answer) usage. */
  onResponse?: ((event: ResponseHookEvent) => unknown) | undefined
  /** When the call fails (once its retries are spent) or its stream fails. */
  onError?: ((event: ErrorHookEvent) => unknown) | undefined
  /** A stream's first chunk: time to first chunk. */
  onFirstChunk?: ((event: FirstChunkHookEvent) => unknown) | undefined
  /** A stream's end: chunk count, usage, finish reasons, timing. */
  onFinish?: ((event: FinishHookEvent) => unknown) | undefined
}
