/**
 * One logical request: attempts, retries with backoff (pure policy in retry-policy.ts), and the hand-off
 * of anything but a 2xx to response-failure.ts (redirect policy, error bodies), which is loaded only
 * when a request does not simply succeed. Resolves with a 2xx response whose body is still unread.
 */
import { APIUserAbortError } from '../errors.js'
import type { ExchangeObserver } from './observe-call.js'
import type { ProviderAdapter, SignableRequest } from './provider-adapter.js'
import { retryDelayMs, shouldRetry, type HeaderLookup } from './retry-policy.js'
import { sleep } from './sleep.js'
import { isStaleConnection, type Transport, type TransportResponse } from './transport.js'

export interface SendOptions {
  readonly transport: Transport
  readonly provider: ProviderAdapter
  readonly method: 'GET' | 'POST'
  readonly url: string
  readonly headers: Record<string, string>
  readonly body: string | undefined
  readonly signal: AbortSignal | undefined
  readonly timeoutMs: number
  /** Largest body read, in decoded bytes. Default 64 MiB (the client's default). */
  readonly maxResponseSize?: number | undefined
  readonly maxRetries: number
  /** Rewrites an error's message; `modelNotFound` when the provider says the model id is not served. */
  readonly describeError?: ((status: number, message: string, modelNotFound: boolean) => string) | undefined
  /** Removes the API key from text received (error bodies, header values). */
  readonly redact: (text: string) => string
  /**
   * The provider's credential headers (lower-case names): dropped on a redirect to another origin
   * (so is any header whose value holds the key).
   */
  readonly secretHeaders: readonly string[]
  /** Waits out a backoff; rejects when `signal` aborts. Default: a real timer (tests pass a recording clock). */
  readonly sleep?: ((ms: number, signal: AbortSignal | undefined) => Promise<void>) | undefined
  /** The provider's per-attempt signer (`ProviderAuth.sign`); undefined for static keys (nothing per attempt). */
  readonly sign?: ((request: SignableRequest) => Promise<Readonly<Record<string, string>>>) | undefined
  /** Told of each attempt and retry when the call is observed (hooks, logs, telemetry); undefined otherwise. */
  readonly observer?: ExchangeObserver | undefined
}

/** Signs one attempt: its headers with the signer's added, and options that redact and strip them too. */
export interface AttemptSigner {
  (url: string, headers: Record<string, string>): Promise<{ headers: Record<string, string>; options: SendOptions }>
  /** Every signature value made so far for this request (secrets: scrubbed from what is reported). */
  readonly signatures: readonly string[]
}

export function sendRequest(options: SendOptions): Promise<TransportResponse> {
  if (options.sign === undefined) return sendAttempts(options, undefined)
  // Only providers whose credentials sign per request load the signing code (signed-request.ts).
  return import('./signed-request.js').then((signed) => signed.sendSigned(options, sendAttempts))
}

async function sendAttempts(options: SendOptions, signer: AttemptSigner | undefined): Promise<TransportResponse> {
  let url = options.url
  let headers = options.headers
  let redirects = 0
  const wait = options.sleep ?? sleep
  // Off after a redirect to another origin: a signature is never made for a host the caller did not name.
  let signing = signer
  const observer = options.observer
  for (let attempt = 0; ;) {
    let sent = headers
    let current = options
    if (signing !== undefined) ({ headers: sent, options: current } = await signing(url, headers))
    let response: TransportResponse
    // The headers as sent (signed ones too), redacted with this attempt's secrets.
    observer?.request(attempt + 1, url, sent, current)
    try {
      response = await options.transport({
        url,
        method: options.method,
        headers: sent,
        body: options.body,
        signal: options.signal,
        timeoutMs: options.timeoutMs,
        maxResponseSize: options.maxResponseSize ?? 64 * 1024 * 1024,
      })
    } catch (error) {
      if (!canRetry(error, attempt, options)) throw error
      // A reused keep-alive socket the server had closed, before any byte came back: the request never
      // reached the server's application, so a backoff would only add latency.
      const delay = isStaleConnection(error) ? 0 : retryDelayMs({ attempt })
      await observer?.retry(attempt + 2, delay, error, signer?.signatures)
      if (delay > 0) await wait(delay, options.signal)
      attempt++
      continue
    }
    if (response.status >= 200 && response.status < 300) return response
    const failure = await import('./response-failure.js')
    if (failure.isRedirect(response.status)) {
      const next = failure.followRedirect(response, { url, headers, redirects }, current)
      if (signing !== undefined && new URL(next.url).origin !== new URL(url).origin) signing = undefined
      url = next.url
      headers = next.headers
      redirects++
      continue
    }
    const error = await failure.readAPIError(response, current)
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
    const delay = retryDelayMs({ attempt, headers: lookup })
    await observer?.retry(attempt + 2, delay, error, signer?.signatures)
    await wait(delay, options.signal)
    attempt++
  }
}

function canRetry(error: unknown, attempt: number, options: SendOptions): boolean {
  if (error instanceof APIUserAbortError) return false
  // Input errors and size errors say nothing a second attempt would change.
  if (error instanceof Error && (error.name === 'InputError' || error.name === 'ResponseTooLargeError')) return false
  return shouldRetry({ attempt, maxRetries: options.maxRetries, aborted: options.signal?.aborted === true })
}
