/**
 * What every pipeline (chat, embeddings, completions, model list) shares: finding the provider, naming
 * the replacement of a retired id the provider refused, sending one request with the client's timeouts and retries, and reading a JSON body.
 * Kept apart from lazy-pipeline-helpers.ts so the chat path (loaded up front) carries only what it uses.
 */
import type { ModelRetirement } from '../capabilities.js'
import { serializeBody } from './serialize-body.js'
import { InputError, ResponseParseError } from '../errors.js'
import type { RequestOptions } from './client-options.js'
import type { ExchangeObserver } from './observe-call.js'
import type { ProviderAdapter } from './provider-adapter.js'
import { checkHeaders, type ProviderConnection } from './provider-connection.js'
import type { ClientInternals } from './client-internals.js'
import { sendRequest } from './send-request.js'
import { isRecord } from './shape-checks.js'
import type { TransportResponse } from './transport.js'
import type { RawCall } from './api-promise.js'

/** openai-node's defaults. */
const DEFAULT_TIMEOUT_MS = 600_000
const DEFAULT_MAX_RETRIES = 2
/** 64 MiB: far above any chat, embeddings or model-list answer, far below what would hurt a process. */
export const DEFAULT_MAX_RESPONSE_SIZE = 64 * 1024 * 1024

/** The params object and its provider, or an InputError naming what is missing. */
export function resolveProvider(
  client: ClientInternals,
  params: unknown,
  call: string,
  expected: string,
): { record: Record<string, unknown>; provider: ProviderAdapter } {
  if (!isRecord(params)) throw new InputError(`${call}() expects a params object with ${expected}.`)
  const provider = client.findProvider(params.provider)
  if (provider === undefined) {
    throw new InputError(
      `Unknown provider ${JSON.stringify(params.provider)}; token.js knows ${client
        .providerIds()
        .map((id) => `'${id}'`)
        .join(', ')}.`,
      'provider',
    )
  }
  return { record: params, provider }
}

/**
 * The message of an error that says the model is not served. A retired id is sent like any other (the
 * API decides: documented retirement dates have not always been kept); when the provider refuses it,
 * the message names the replacement our table knows.
 */
export function describeModelNotFound(
  provider: Pick<ProviderAdapter, 'id' | 'displayName'>,
  model: string,
  row: { readonly retirement?: ModelRetirement | undefined } | undefined,
): (status: number, message: string, modelNotFound: boolean) => string {
  return (_status, message, modelNotFound) => {
    if (!modelNotFound) return message
    const described = `${message} (model '${model}', provider ${provider.id}).`
    const retirement = row?.retirement
    if (retirement === undefined) return described
    const replacement = retirement.replacement === undefined ? '' : `; use '${retirement.replacement}' instead`
    return `${described} ${provider.displayName} lists '${model}' as retired on ${retirement.retiresOn}${replacement}.`
  }
}

export interface ProviderCall {
  readonly client: ClientInternals
  readonly provider: ProviderAdapter
  readonly connection: ProviderConnection
  readonly method: 'GET' | 'POST'
  /** Appended to the base URL. */
  readonly path: string
  /** Query parameters (the provider's request description). */
  readonly query?: Readonly<Record<string, string>> | undefined
  /** The provider's headers for this request; the caller's `options.headers` win over them. */
  readonly headers?: Readonly<Record<string, string>> | undefined
  /** Serialised as JSON; `undefined` sends no body. */
  readonly body: unknown
  readonly stream: boolean
  readonly options: RequestOptions
  readonly describeError?: ((status: number, message: string, modelNotFound: boolean) => string) | undefined
  /** Where the response is recorded for `withResponse()` / `_request_id`. */
  readonly raw?: RawCall | undefined
  /** The observer of this request when the call is observed (hooks, logs, telemetry). */
  readonly observer?: ExchangeObserver | undefined
}

/** The per-attempt timeout of a call (also the default idle timeout of a stream). */
export function timeoutOf(client: ClientInternals, options: RequestOptions): number {
  return options.timeout ?? client.options.timeout ?? DEFAULT_TIMEOUT_MS
}

/** The size cap of a call: bytes of a whole body, characters of one stream event. */
export function maxResponseSizeOf(client: ClientInternals, options: RequestOptions): number {
  return options.maxResponseSize ?? client.options.maxResponseSize ?? DEFAULT_MAX_RESPONSE_SIZE
}

/** Sends one logical request (retries included); resolves with a 2xx response whose body is unread. */
export async function callProvider(call: ProviderCall): Promise<TransportResponse> {
  const { client, connection, options } = call
  const body = call.body === undefined ? undefined : serializeBody(call.body)
  const extraHeaders = options.headers === undefined ? undefined : checkHeaders(options.headers, 'headers')
  const baseHeaders = call.stream ? connection.streamHeaders : connection.jsonHeaders
  const query =
    call.query === undefined ? '' : `?${new URLSearchParams(call.query as Record<string, string>).toString()}`
  const response = await sendRequest({
    transport: await client.transport(),
    provider: call.provider,
    method: call.method,
    url: connection.baseURL + call.path + query,
    // No copy when there is nothing to add: sendRequest never mutates headers (redirects build new ones).
    headers:
      extraHeaders === undefined && call.headers === undefined
        ? baseHeaders
        : { ...baseHeaders, ...call.headers, ...extraHeaders },
    body,
    signal: options.signal,
    timeoutMs: timeoutOf(client, options),
    maxResponseSize: maxResponseSizeOf(client, options),
    maxRetries: options.maxRetries ?? client.options.maxRetries ?? DEFAULT_MAX_RETRIES,
    describeError: call.describeError,
    redact: connection.redact,
    secretHeaders: connection.secretHeaders,
    sign: connection.sign,
    observer: call.observer,
  })
  const raw = call.raw
  if (raw !== undefined) {
    raw.response = response
    raw.provider = call.provider
    raw.redact = connection.redact
    raw.body = undefined
  }
  return response
}

/** Reads a response body as JSON; text that is not JSON is a ResponseParseError (key redacted). */
export async function readJsonBody(
  response: TransportResponse,
  provider: ProviderAdapter,
  connection: ProviderConnection,
  rawCall?: RawCall,
): Promise<{ json: unknown; raw: string }> {
  const raw = await response.text()
  if (rawCall !== undefined) rawCall.body = raw
  try {
    return { json: JSON.parse(raw), raw }
  } catch (error) {
    throw new ResponseParseError(
      `${provider.displayName} returned a response that is not JSON.`,
      connection.redact(raw),
      { cause: error },
    )
  }
}
