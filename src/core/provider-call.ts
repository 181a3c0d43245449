/**
 * What the embeddings, completions and model-list pipelines share with the chat pipeline: finding the
 * provider, refusing retired ids, sending one request with the client's timeouts and retries, and
 * reading a JSON body. (run-chat-completion.ts keeps its own inline copy of the send path.)
 */
import { isRetired, type ModelRetirement } from '../capabilities.js'
import { serializeBody } from './serialize-body.js'
import { InputError, ResponseParseError } from '../errors.js'
import type { RequestOptions } from './client-options.js'
import type { ProviderAdapter } from './provider-adapter.js'
import { checkHeaders, type ProviderConnection } from './provider-connection.js'
import type { ClientInternals } from './run-chat-completion.js'
import { sendRequest } from './send-request.js'
import { isRecord } from './shape-checks.js'
import type { TransportResponse } from './transport.js'

/** Same defaults as the chat pipeline. */
const DEFAULT_TIMEOUT_MS = 600_000
const DEFAULT_MAX_RETRIES = 2

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
      `Unknown provider ${JSON.stringify(params.provider)}; token.js knows ${client.providerIds().map((id) => `'${id}'`).join(', ')}.`,
      'provider',
    )
  }
  return { record: params, provider }
}

/** `params.model` as a non-empty string. */
export function requireModelId(record: Record<string, unknown>, example: string): string {
  const model = record.model
  if (typeof model !== 'string' || model.trim() === '') {
    throw new InputError(`'model' must be a non-empty string, e.g. '${example}'.`, 'model')
  }
  return model
}

/** A retired id fails before sending — against the provider's own endpoint only. */
export function refuseRetiredModel(
  provider: ProviderAdapter,
  model: string,
  row: { readonly retirement?: ModelRetirement | undefined } | undefined,
  connection: ProviderConnection,
): void {
  if (row === undefined || !connection.isDefaultBaseURL || !isRetired(row)) return
  const retirement = row.retirement
  const replacement = retirement?.replacement === undefined ? '' : ` Use '${retirement.replacement}' instead.`
  throw new InputError(
    `Model '${model}' was retired by ${provider.displayName} on ${retirement?.retiresOn ?? 'an earlier date'}.${replacement}`,
    'model',
  )
}

export interface ProviderCall {
  readonly client: ClientInternals
  readonly provider: ProviderAdapter
  readonly connection: ProviderConnection
  readonly method: 'GET' | 'POST'
  readonly path: string
  /** Serialised as JSON; `undefined` sends no body. */
  readonly body: unknown
  readonly stream: boolean
  readonly options: RequestOptions
  readonly describeError?: ((status: number, message: string) => string) | undefined
}

/** The per-attempt timeout of a call (also the default idle timeout of a stream). */
export function timeoutOf(client: ClientInternals, options: RequestOptions): number {
  return options.timeout ?? client.options.timeout ?? DEFAULT_TIMEOUT_MS
}

/** Sends one logical request (retries included); resolves with a 2xx response whose body is unread. */
export async function callProvider(call: ProviderCall): Promise<TransportResponse> {
  const { client, connection, options } = call
  const body = call.body === undefined ? undefined : serializeBody(call.body)
  const extraHeaders = options.headers === undefined ? undefined : checkHeaders(options.headers, 'headers')
  const baseHeaders = call.stream ? connection.streamHeaders : connection.jsonHeaders
  return sendRequest({
    transport: await client.transport(),
    provider: call.provider,
    method: call.method,
    url: connection.baseURL + call.path,
    headers: extraHeaders === undefined ? { ...baseHeaders } : { ...baseHeaders, ...extraHeaders },
    body,
    signal: options.signal,
    timeoutMs: timeoutOf(client, options),
    maxRetries: options.maxRetries ?? client.options.maxRetries ?? DEFAULT_MAX_RETRIES,
    describeError: call.describeError,
    redact: connection.redact,
  })
}

/** Reads a response body as JSON; text that is not JSON is a ResponseParseError (key redacted). */
export async function readJsonBody(
  response: TransportResponse,
  provider: ProviderAdapter,
  connection: ProviderConnection,
): Promise<{ json: unknown; raw: string }> {
  const raw = await response.text()
  try {
    return { json: JSON.parse(raw), raw }
  } catch (error) {
    throw new ResponseParseError(`${provider.displayName} returned a response that is not JSON.`, connection.redact(raw), { cause: error })
  }
}

/** A 404 names the model and provider. */
export function describeNotFound(model: string, provider: string): (status: number, message: string) => string {
  return (status, message) => (status === 404 ? `${message} (model '${model}', provider ${provider}).` : message)
}
