/**
 * What every `create` / `list` returns: a Promise of the parsed result with openai-node's two extras,
 * `withResponse()` and `asResponse()`, and `_request_id` on the result. The shape follows openai-node's
 * `APIPromise` (github.com/openai/openai-node, src/core/api-promise.ts and src/internal/parse.ts,
 * v6, checked 2026-12-02): a Promise subclass, here settled by the pipeline's promise. The Response
 * objects are built only on demand, by a module loaded on first use (with-response.ts), so a plain
 * `await` costs one object and one promise more.
 */
import type { ProviderAdapter } from './provider-adapter.js'
import type { TransportResponse } from './transport.js'

/** Which provider and model produced a result: the first attempt, or a fallback (`attempt` > 0). */
export interface AnsweredBy {
  /** The provider that answered, e.g. `'openai'`. */
  readonly provider: string
  /** The model id sent to it (the response's own `model` field may name a dated version). */
  readonly model: string
  /** 0 for the request as given, 1 for `fallbacks[0]`, 2 for `fallbacks[1]`, and so on. */
  readonly attempt: number
}

/** The results `_request_id` is put on (openai-node's `WithRequestID`): objects, not arrays. */
export type WithRequestID<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? T & {
        /**
         * The provider's request id (its `requestIdHeaders`, e.g. Mistral's `mistral-correlation-id`,
         * OpenAI's `x-request-id`), or null when the response had none. Not enumerable: JSON and
         * equality checks see the result as before. As openai-node's `_request_id`.
         */
        _request_id?: string | null
        /** Which provider and model answered (see `fallbacks`). Not enumerable. */
        _answered_by?: AnsweredBy
      }
    : T

/** What `withResponse()` resolves to. */
export interface WithResponse<T> {
  /** The parsed result (a stream for `stream: true`): what `await` gives. */
  readonly data: T
  /**
   * A standard `Response` with the provider's status and headers. Its body: the JSON text that was
   * parsed into `data` (already read by token.js, so reading it again is fine); for a stream, null (the
   * stream reads it). When a middleware answered without a network call, a 200 with `data` as JSON.
   */
  readonly response: Response
  /** The provider's request id, or null (as openai-node's `request_id`). */
  readonly request_id: string | null
  /** Which provider and model answered (see `fallbacks`). */
  readonly answered_by: AnsweredBy | undefined
}

/** What the pipeline records about the network response of one call (the last one, after fallbacks). */
export interface RawCall {
  /** The 2xx response the result was read from; undefined when no request was sent (a middleware answered). */
  response?: TransportResponse | undefined
  /** The provider that sent it (for its request-id header names). */
  provider?: ProviderAdapter | undefined
  /** The JSON text of a non-streaming response. */
  body?: string | undefined
  /** The model sent to that provider. */
  model?: string | undefined
  /** 0 for the request as given, n for `fallbacks[n - 1]`. */
  attempt?: number | undefined
  /** Removes the API key from text received (the request id is a header value). */
  redact?: ((text: string) => string) | undefined
}

/**
 * A Promise of `T` with `withResponse()` and `asResponse()`, as openai-node's `APIPromise`. `await` gives
 * exactly what `create` gave before these methods existed.
 */
export class APIPromise<T> extends Promise<WithRequestID<T>> {
  readonly #result: Promise<WithRequestID<T>>
  readonly #raw: RawCall

  /** @internal */
  constructor(result: Promise<T>, raw: RawCall) {
    // Settled by the pipeline's promise itself: a rejection is handled wherever this promise is awaited.
    super((resolve) => resolve(result as Promise<WithRequestID<T>>))
    this.#result = result as Promise<WithRequestID<T>>
    this.#raw = raw
  }

  /** `then` on an APIPromise gives a plain Promise (the derived promise has no response of its own). */
  static override get [Symbol.species](): PromiseConstructor {
    return Promise
  }

  /**
   * The parsed result with the HTTP response it came from and the provider's request id. For a stream,
   * `data` is the stream (not yet read) and the response's body is null.
   */
  withResponse(): Promise<WithResponse<WithRequestID<T>>> {
    return this.#load('toWithResponse') as Promise<WithResponse<WithRequestID<T>>>
  }

  /**
   * The HTTP response alone, as a standard `Response`. For a non-streaming call its body is the JSON text
   * received; for `stream: true` it is the provider's raw stream bytes (server-sent events as the
   * provider framed them), not mapped to OpenAI chunks: do not iterate the stream object as well.
   */
  asResponse(): Promise<Response> {
    return this.#load('toResponse') as Promise<Response>
  }

  async #load(name: 'toWithResponse' | 'toResponse'): Promise<unknown> {
    const [data, module] = await Promise.all([this.#result, import('./with-response.js')])
    return module[name](data, this.#raw)
  }
}

/** The value of the first of the provider's request-id headers present, or null. */
export function requestIdOf(
  response: TransportResponse,
  provider: ProviderAdapter,
  redact: ((text: string) => string) | undefined,
): string | null {
  for (const name of provider.requestIdHeaders) {
    const value = response.header(name)
    if (value !== undefined) return redact === undefined ? value : redact(value)
  }
  return null
}

/**
 * Puts `_request_id` and `_answered_by` on a result, not enumerable (openai-node's `addRequestID`), so
 * JSON, spreads and deep equality see the result exactly as before.
 */
export function addResultMetadata(result: unknown, raw: RawCall): void {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) return
  const { response, provider } = raw
  if (response === undefined || provider === undefined) return
  // Not enumerable (the default of defineProperty): JSON, spreads and deep equality are unchanged. Two
  // defineProperty calls cost less than one defineProperties (no descriptor map to walk), on every call.
  Object.defineProperty(result, '_request_id', { value: requestIdOf(response, provider, raw.redact), writable: true })
  Object.defineProperty(result, '_answered_by', {
    value: { provider: provider.id, model: raw.model ?? '', attempt: raw.attempt ?? 0 },
    writable: true,
  })
}
