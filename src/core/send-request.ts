/**
 * One logical request: attempts, retries with backoff (pure policy in retry-policy.ts), redirects, and
 * the mapping of failures to typed errors. Resolves with a 2xx response whose body is still unread.
 */
import { APIUserAbortError, NotFoundError, createAPIError, type APIError, type APIErrorDetails } from '../errors.js'
import type { ParsedProviderError, ProviderAdapter } from './provider-adapter.js'
import { retryDelayMs, shouldRetry, type HeaderLookup } from './retry-policy.js'
import { sleep } from './sleep.js'
import type { Transport, TransportResponse } from './transport.js'

export interface SendOptions {
  readonly transport: Transport
  readonly provider: ProviderAdapter
  readonly method: 'GET' | 'POST'
  readonly url: string
  readonly headers: Record<string, string>
  readonly body: string | undefined
  readonly signal: AbortSignal | undefined
  readonly timeoutMs: number
  readonly maxRetries: number
  /** Adds context to an API error's message (e.g. the model id on a 404). */
  /** Rewrites an error's message; `modelNotFound` when the provider says the model id is not served. */
  readonly describeError?: ((status: number, message: string, modelNotFound: boolean) => string) | undefined
  /** Removes the API key from text received (error bodies, header values). */
  readonly redact: (text: string) => string
  /** The provider's credential headers (lower-case names): dropped on a redirect to another origin. */
  readonly secretHeaders: readonly string[]
  /** Waits out a backoff; rejects when `signal` aborts. Default: a real timer (tests pass a recording clock). */
  readonly sleep?: ((ms: number, signal: AbortSignal | undefined) => Promise<void>) | undefined
}

const MAX_REDIRECTS = 5

export async function sendRequest(options: SendOptions): Promise<TransportResponse> {
  let url = options.url
  let headers = options.headers
  let redirects = 0
  const wait = options.sleep ?? sleep
  for (let attempt = 0; ;) {
    let response: TransportResponse
    try {
      response = await options.transport({
        url,
        method: options.method,
        headers,
        body: options.body,
        signal: options.signal,
        timeoutMs: options.timeoutMs,
      })
    } catch (error) {
      if (!canRetry(error, attempt, options)) throw error
      await wait(retryDelayMs({ attempt }), options.signal)
      attempt++
      continue
    }
    if (response.status >= 200 && response.status < 300) return response
    const location = redirectLocation(response, url)
    if (location !== undefined && redirects < MAX_REDIRECTS) {
      response.cancel()
      redirects++
      headers = redirectHeaders(headers, url, location, options.secretHeaders)
      url = location
      continue
    }
    const error = await readAPIError(response, options)
    const lookup: HeaderLookup = (name) => response.header(name)
    if (
      !shouldRetry({
        attempt,
        maxRetries: options.maxRetries,
        status: response.status,
        headers: lookup,
        aborted: options.signal?.aborted === true,
      })
    ) {
      throw error
    }
    await wait(retryDelayMs({ attempt, headers: lookup }), options.signal)
    attempt++
  }
}

function canRetry(error: unknown, attempt: number, options: SendOptions): boolean {
  if (error instanceof APIUserAbortError) return false
  return shouldRetry({ attempt, maxRetries: options.maxRetries, aborted: options.signal?.aborted === true })
}

/** Only 307/308 keep method and body, which an API call needs; other redirects are errors. */
function redirectLocation(response: TransportResponse, from: string): string | undefined {
  if (response.status !== 307 && response.status !== 308) return undefined
  const location = response.header('location')
  if (location === undefined) return undefined
  const target = new URL(location, from)
  return target.protocol === 'https:' || target.protocol === 'http:' ? target.href : undefined
}

/** Credentials never follow a redirect to another origin: the provider names the headers that carry them. */
function redirectHeaders(
  headers: Record<string, string>,
  from: string,
  to: string,
  secretHeaders: readonly string[],
): Record<string, string> {
  if (new URL(from).origin === new URL(to).origin) return headers
  const rest = { ...headers }
  for (const name of secretHeaders) delete rest[name]
  return rest
}

/** Reads an error response into the matching APIError subclass. */
export async function readAPIError(response: TransportResponse, options: SendOptions): Promise<APIError> {
  let raw = ''
  try {
    raw = options.redact(await response.text())
  } catch {
    // The status is what matters; a body cut short just leaves the message shorter.
  }
  let body: unknown = raw
  try {
    body = raw === '' ? undefined : JSON.parse(raw)
  } catch {
    // Not JSON (an HTML page from a proxy): the provider parser describes the text.
  }
  const parsed = options.provider.parseError(response.status, body, raw)
  const modelNotFound = isModelNotFound(options.provider, response.status, parsed)
  const message = options.describeError?.(response.status, parsed.message, modelNotFound) ?? parsed.message
  // openai-node's class for a model the API does not serve is NotFoundError (OpenAI answers 404
  // `model_not_found`); a provider that answers it with another status (Mistral: 400) gets the same class.
  const details: APIErrorDetails = {
    status: response.status,
    headers: redactHeaders(response.headers(), options.redact),
    body,
    provider: options.provider.id,
    code: parsed.code,
    type: parsed.type,
    param: parsed.param,
    // Read back from a header too, so redacted like the rest of what was received.
    requestId: findRequestId(response, options.provider, options.redact),
  }
  return modelNotFound ? new NotFoundError(message, details) : createAPIError(message, details)
}

function isModelNotFound(provider: ProviderAdapter, status: number, parsed: ParsedProviderError): boolean {
  return provider.isModelNotFound?.(status, parsed) ?? status === 404
}

function findRequestId(
  response: TransportResponse,
  provider: ProviderAdapter,
  redact: (text: string) => string,
): string | undefined {
  for (const name of provider.requestIdHeaders) {
    const value = response.header(name)
    if (value !== undefined) return redact(value)
  }
  return undefined
}

function redactHeaders(headers: Record<string, string>, redact: (text: string) => string): Record<string, string> {
  for (const name of Object.keys(headers)) headers[name] = redact(headers[name] as string)
  return headers
}
