/**
 * The public types of middleware (the `middleware` option): types only, so the client options can name
 * them without loading the middleware runner (middleware.ts, imported on first use).
 */
import type { ChatCompletionCreateParams, CompletionCreateParams, EmbeddingCreateParams, TokenJS } from '../client.js'
import type { ProviderId } from '../providers/index.js'
import type { ChatCompletion, ChatCompletionChunk, Completion, CreateEmbeddingResponse, ModelsPage } from '../types.js'
import type { ChatCompletionStream } from './chat-completion-stream.js'
import type { RequestOptions } from './client-options.js'
import type { CompletionStream } from './completion-stream.js'

/** What each endpoint takes and gives, by the `operation` name middleware sees. */
export interface MiddlewareOperations {
  /** `chat.completions.create` */
  chat: {
    /** What `create` takes. */
    params: ChatCompletionCreateParams
    /** What `create` resolves to without streaming. */
    result: ChatCompletion
    /** One streamed chunk. */
    chunk: ChatCompletionChunk
    /** What `create` resolves to with `stream: true`. */
    stream: ChatCompletionStream
  }
  /** `completions.create` */
  completions: {
    /** What `create` takes. */
    params: CompletionCreateParams
    /** What `create` resolves to without streaming. */
    result: Completion
    /** One streamed chunk (a `Completion` with the new text). */
    chunk: Completion
    /** What `create` resolves to with `stream: true`. */
    stream: CompletionStream
  }
  /** `embeddings.create` (never streamed) */
  embeddings: {
    /** What `create` takes. */
    params: EmbeddingCreateParams
    /** What `create` resolves to. */
    result: CreateEmbeddingResponse
    /** None: embeddings are not streamed. */
    chunk: never
    /** None: embeddings are not streamed. */
    stream: never
  }
  /** `models.list` (never streamed) */
  models: {
    /** What `list` takes. */
    params: {
      /** The provider whose models are listed. */
      provider: ProviderId
    }
    /** What `list` resolves to. */
    result: ModelsPage
    /** None: the model list is not streamed. */
    chunk: never
    /** None: the model list is not streamed. */
    stream: never
  }
}

/** The endpoint a middleware call is for. */
export type MiddlewareOperation = keyof MiddlewareOperations

/** What every middleware function receives about the call, one member per operation (narrow on `operation`). */
export type MiddlewareCall = {
  [O in MiddlewareOperation]: {
    /** The endpoint: `'chat'`, `'completions'`, `'embeddings'` or `'models'`. */
    readonly operation: O
    /** The params as the earlier middleware left them. */
    readonly params: MiddlewareOperations[O]['params']
    /** The request options of the call (signal, headers, timeout…); read-only. */
    readonly options: RequestOptions
    /** The client the call was made on (for a middleware that needs another call). */
    readonly client: TokenJS
  }
}[MiddlewareOperation]

/** `wrapGenerate`'s argument: the call, and `next` to run the rest of the chain (the later middleware, then the request). */
export type GenerateCall = {
  [O in MiddlewareOperation]: Extract<MiddlewareCall, { operation: O }> & {
    /** Runs the later middleware and the request, with `params` (default: this call's params). */
    next(params?: MiddlewareOperations[O]['params']): Promise<MiddlewareOperations[O]['result']>
  }
}[MiddlewareOperation]

/** `wrapStream`'s argument: the call (chat or text completion with `stream: true`), and `next`. */
export type StreamCall = {
  [O in 'chat' | 'completions']: Extract<MiddlewareCall, { operation: O }> & {
    /** Runs the later middleware and the request; resolves once the stream's headers arrived. */
    next(params?: MiddlewareOperations[O]['params']): Promise<MiddlewareOperations[O]['stream']>
  }
}['chat' | 'completions']

/** Any non-streaming result. */
export type MiddlewareResult = MiddlewareOperations[MiddlewareOperation]['result']

// Modelled on vercel/ai's `LanguageModelV2Middleware` (`transformParams`, `wrapGenerate`, `wrapStream`;
// packages/ai/src/middleware/wrap-language-model.ts).
/**
 * A middleware: up to three optional functions around every call of a client (the client's `middleware`)
 * or of one request (`create(params, { middleware })`), as vercel/ai's `LanguageModelV2Middleware`.
 *
 * Order: the client's middleware, then the request's, each list in array order. Each middleware is one
 * layer: its `transformParams` runs, then its `wrapGenerate` (or `wrapStream`) whose `next()` enters the
 * next layer; so the first middleware transforms the params first and sees the result last. A middleware
 * that returns without calling `next()` answers the call with no network request (a cache). Params
 * a middleware returns are validated like the caller's (InputError before any I/O).
 */
export interface Middleware {
  /** A name for messages about this middleware (e.g. `'cache'`). Default: its index. */
  readonly name?: string | undefined
  /** Returns the params to use (a new object; do not mutate the one received). Runs before this layer's wrap. */
  transformParams?(call: MiddlewareCall): MiddlewareCall['params'] | Promise<MiddlewareCall['params']>
  /**
   * Wraps a non-streaming call: return `await call.next()` (optionally changed), or a result of your
   * own without calling `next()`. The result must have the operation's shape (narrow on `call.operation`).
   */
  wrapGenerate?(call: GenerateCall): Promise<MiddlewareResult>
  /**
   * Wraps a call with `stream: true` (chat and text completions). Return the stream `next()` gave, or any
   * async iterable of chunks (an `async function*` that maps `await call.next()`, or chunks of your own):
   * token.js turns it into a stream with the usual methods (`controller`, `abort`, `finalCompletion`);
   * stopping it early returns the iterable, which stops the inner stream.
   */
  wrapStream?(
    call: StreamCall,
  ): Promise<ChatCompletionStream | CompletionStream | AsyncIterable<ChatCompletionChunk> | AsyncIterable<Completion>>
}
