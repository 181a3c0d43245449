import type { ModelRow } from '../capabilities.js'
import type { TokenJSWarning } from './warnings.js'
import type { FetchFunction } from './fetch-transport.js'
import type { Transport } from './transport.js'
import type { Middleware } from './middleware-types.js'
import type { ProviderId } from '../providers/index.js'
import type { Hooks } from './hooks.js'
import type { LogLevel, Logger } from './logger.js'
import type { TelemetryOptions } from '../telemetry/telemetry-options.js'

/** Options of `new TokenJS(options)`. Every option can be omitted. */
export interface ClientOptions {
  /**
   * API key for the provider you call. Default: the provider's environment variable
   * (`MISTRAL_API_KEY` for Mistral). Never appears in errors or logs.
   */
  apiKey?: string | undefined
  /**
   * Base URL of the provider's API, with its version path (e.g. `https://api.mistral.ai/v1`).
   * Default: the provider's environment variable (`MISTRAL_BASE_URL`), else the provider's own URL.
   * With a custom base URL, retired model ids are sent (self-hosted servers may still serve them).
   */
  baseURL?: string | undefined
  /**
   * Deadline of each attempt, ms: connect, headers and whole body (a stream: connect and headers).
   * Past it: APIConnectionTimeoutError, retried. Default 600000 (as openai-node).
   */
  timeout?: number | undefined
  /**
   * Longest silence in a stream between two complete SSE lines, ms (comments count, bytes of an
   * unfinished line do not; not counted while the consumer is slow). Default: `timeout`.
   */
  idleTimeout?: number | undefined
  /**
   * Largest body (bytes after decoding) and stream event (characters) read; past it the connection
   * is closed: ResponseTooLargeError. Default 67108864 (64 MiB).
   */
  maxResponseSize?: number | undefined
  /**
   * `http://` or `https://` proxy URL for the built-in node transport (CONNECT for https APIs).
   * Default: none, or HTTP(S)_PROXY/NO_PROXY with `NODE_USE_ENV_PROXY=1`.
   */
  proxy?: string | undefined
  /** Retries on connection errors, 408, 409, 429 and 5xx, with exponential backoff. Default 2. */
  maxRetries?: number | undefined
  /** Headers sent with every request (a request's own `headers` win). */
  defaultHeaders?: Record<string, string> | undefined
  /**
   * A `fetch` implementation to use instead of the default transport (on Node, a keep-alive
   * `node:http` client; elsewhere the global `fetch`). Useful for proxies, Tauri, tests.
   */
  fetch?: FetchFunction | undefined
  /**
   * Drop OpenAI parameters (and message fields) the provider has no place for, instead of failing with
   * an InputError naming them. Default false: nothing is ever dropped silently. What is dropped is
   * listed in the result's `warnings` (a stream's `warnings`) and passed to `onWarning`.
   */
  dropUnsupportedParams?: boolean | undefined
  /**
   * Called once per warning, before the request is sent: today, each parameter or message field dropped
   * under `dropUnsupportedParams`. Use it to log (`onWarning: (w) => console.warn(w.param, w.details)`).
   * Default: none (the warnings are still on the result). An exception it throws fails the call.
   */
  onWarning?: ((warning: TokenJSWarning) => void) | undefined
  /**
   * Allow an API key in a browser, where any user of the page can read it. Default false: the client
   * refuses to run with a key in a browser (use a backend, or a key meant to be public).
   */
  dangerouslyAllowBrowser?: boolean | undefined
  /** Advanced: a custom transport (the seam both built-in transports implement). */
  transport?: Transport | undefined
  /**
   * Opt-in: gate features for model ids token.js's table does not know (a model newer than this version,
   * a fine-tune) using the provider's own model list (Mistral: `GET /v1/models`), as `models.list()`
   * returns it. The list is fetched on first need (one extra request) and cached per client for `ttlMs`
   * milliseconds (default 3600000, one hour); `models.list()` refreshes it too. Features the provider does
   * not report (for Mistral: JSON mode, JSON schema, n, prediction, prefix) are not gated, and a failed
   * fetch leaves the model ungated (it is retried on the next call). Ids in the table always use the
   * table. Default: off — unknown ids are sent as they are, nothing gated.
   */
  liveModelCapabilities?:
    | boolean
    | {
        /** How long the fetched model list is trusted, in milliseconds. Default 3600000 (one hour). */
        ttlMs?: number | undefined
      }
    | undefined
  /**
   * Settings for one provider, winning over the top-level `apiKey`, `baseURL` and `defaultHeaders`
   * (which apply to every provider). Use it when one client talks to several providers:
   * `new TokenJS({ providers: { mistral: { apiKey: '…' }, openai: { apiKey: '…' } } })`. Keys are provider
   * ids: a mistyped one is a compile error and, from JavaScript, an InputError with a "did you mean".
   */
  providers?: { [P in ProviderId]?: ProviderSettings | undefined } | undefined
  /**
   * Middleware around every call of this client (`chat.completions.create`, `completions.create`,
   * `embeddings.create`, `models.list`): transform params, results and chunks, or answer without a
   * network call. Runs before a request's own `middleware`, each list in array order; the first
   * middleware transforms the params first and sees the result last (see `Middleware`). Default: none.
   */
  middleware?: readonly Middleware[] | undefined
  /**
   * Default fallbacks of chat and text completions (a request's own `fallbacks` replace them; `[]` turns
   * them off): when a call fails with an error a retry cannot fix here (see `fallbackOn`) after its
   * retries, the same call is sent to each entry in order. Streams fall back only until their first
   * chunk. Every entry is validated before anything is sent. Default: none.
   */
  fallbacks?: readonly FallbackTarget[] | undefined
  /**
   * Error classes that also move a call on to its fallbacks, besides the defaults: `RateLimitError` (429
   * after the retries), `InternalServerError` (5xx after the retries), `APIConnectionError` (timeouts
   * included) and `NotFoundError` (a retired or unknown model). Never: `InputError` and
   * `APIUserAbortError`. Default: none (the defaults only).
   */
  fallbackOn?: readonly FallbackErrorClass[] | undefined
  /**
   * Observers of every call of this client: `onRequest` (each attempt, with the final provider body and the
   * headers, secrets as `***`), `onRetry` (attempt, delay, cause), `onResponse` (status, headers, request id,
   * duration, usage), `onError`, and for streams `onFirstChunk` (time to first chunk) and `onFinish` (chunk
   * count, usage). A hook that throws is logged at `warn` and changes nothing. A request's own `hooks` run
   * after these. Default: none (no observation work at all).
   */
  hooks?: Hooks | undefined
  /**
   * What the client logs through `logger`: `'off'`, `'error'`, `'warn'` (hooks that threw), `'info'` (one
   * line per response, retry, failure and stream end), `'debug'` (also each request's method, URL, headers
   * with secrets as `***`, and body, and each response's headers). The API key is never logged.
   * Default: the `TOKENJS_LOG` environment variable, else `'warn'` (openai-node's names and default).
   */
  logLevel?: LogLevel | undefined
  /**
   * Where log lines go: any object with `error`, `warn`, `info` and `debug` methods (console, pino,
   * winston). Each line is a message string and, at `debug`, an object of details. Default: `console`.
   */
  logger?: Logger | undefined
  /**
   * OpenTelemetry spans and metrics for every call, following the GenAI semantic conventions (v1.37.0): a
   * CLIENT span `{operation} {model}` with provider, request parameters, response id, model, finish reasons,
   * token usage and `error.type`, and the `gen_ai.client.operation.duration` and `gen_ai.client.token.usage`
   * histograms. `true` uses the global tracer and meter of `@opentelemetry/api` (an optional peer dependency,
   * loaded on the first call: install it); `{ tracer, meter }` uses those. Prompts and answers are never
   * recorded. Default: off (nothing loaded, nothing recorded).
   */
  telemetry?: boolean | TelemetryOptions | undefined
}

/**
 * One fallback: another provider and model for the same call, and params to override for it (an
 * override of `undefined` removes a param the provider does not take). Not overridable: `stream`,
 * `messages`, `prompt`, `suffix`.
 */
export interface FallbackTarget {
  /** The provider to send the call to. */
  readonly provider: ProviderId
  /** The model id to send. */
  readonly model: string
  /** Params that replace the call's own for this fallback, e.g. `max_tokens`. */
  readonly [param: string]: unknown
}

/** An error class named in `fallbackOn` (e.g. `AuthenticationError`). */
export type FallbackErrorClass = abstract new (...args: never[]) => Error

/** Per-provider connection settings. */
export interface ProviderSettings {
  /** API key for this provider. Default: the provider's environment variable. */
  apiKey?: string | undefined
  /** Base URL for this provider. Default: its environment variable, else its own URL. */
  baseURL?: string | undefined
  /** Headers sent with every request to this provider. */
  defaultHeaders?: Record<string, string> | undefined
}

/** The second argument of `create`: options for one request. */
export interface RequestOptions {
  /** Aborts the request (and a stream) at any stage; the error's `cause` is the signal's reason. */
  signal?: AbortSignal | undefined
  /** Deadline of each attempt of this request, in milliseconds (see the client's `timeout`). Default: the client's. */
  timeout?: number | undefined
  /** Longest silence between two complete stream lines, in milliseconds. Default: the client's `idleTimeout`. */
  idleTimeout?: number | undefined
  /** Size cap of this request's response, in bytes (see the client's `maxResponseSize`). Default: the client's. */
  maxResponseSize?: number | undefined
  /** Retries for this request. Default: the client's `maxRetries`. */
  maxRetries?: number | undefined
  /** Extra headers for this request. */
  headers?: Record<string, string> | undefined
  /** Per-request override of the client's `dropUnsupportedParams`. */
  dropUnsupportedParams?: boolean | undefined
  /** Middleware for this request only, run inside the client's `middleware` (see `Middleware`). Default: none. */
  middleware?: readonly Middleware[] | undefined
  /** Fallbacks of this request, replacing the client's `fallbacks` (`[]`: none). Default: the client's. */
  fallbacks?: readonly FallbackTarget[] | undefined
  /** Error classes that also trigger this request's fallbacks (see the client's `fallbackOn`). Default: the client's. */
  fallbackOn?: readonly FallbackErrorClass[] | undefined
  /** Observers of this request only, run after the client's `hooks` (see `Hooks`). Default: none. */
  hooks?: Hooks | undefined
}

/**
 * Token.js-style feature flags for `extendModelList`, or a model id of the same provider to copy.
 * Flags not given are treated as supported.
 */
export type ExtendedModelFeatures =
  | string
  | (Partial<Omit<ModelRow, 'label' | 'retirement' | 'aliasOf'>> & {
      /** Token.js name for `jsonMode`. */
      json?: boolean
      /** Token.js name for `tools`. */
      toolCalls?: boolean
    })
