/**
 * What send-request.ts does with anything but a 2xx, loaded on first need (a request that succeeds
 * never loads it): one redirect policy for both transports, and reading an error response into the
 * matching APIError. Redirects (RFC 9110 section 15.4): 307/308 keep method and body and are followed; a
 * 301/302/303 would turn a POST into a GET without the user's messages (what fetch does by itself), so
 * it is refused for a POST and followed for a GET; credentials never follow to another origin; at most
 * MAX_REDIRECTS hops.
 */
import { APIConnectionError, NotFoundError, createAPIError, type APIError, type APIErrorDetails } from '../errors.js'
import type { ParsedProviderError, ProviderAdapter } from './provider-adapter.js'
import type { SendOptions } from './send-request.js'
import type { TransportResponse } from './transport.js'

/** Most redirects followed for one request. */
export const MAX_REDIRECTS = 5

/** Headers that carry credentials for the providers token.js knows, whatever the provider declares. */
const CREDENTIAL_HEADERS = ['authorization', 'x-api-key', 'x-goog-api-key', 'api-key', 'proxy-authorization']

/** 3xx redirect statuses, and 0: a browser's opaque manual redirect. */
export function isRedirect(status: number): boolean {
  return status === 0 || status === 301 || status === 302 || status === 303 || status === 307 || status === 308
}

interface Hop {
  readonly url: string
  readonly headers: Record<string, string>
  readonly redirects: number
}

/** The next hop of a redirect, or a clear error saying why it is not followed. */
export function followRedirect(
  response: TransportResponse,
  hop: Hop,
  options: SendOptions,
): { url: string; headers: Record<string, string> } {
  const status = response.status
  const location = response.header('location')
  response.cancel()
  if (status === 0) {
    throw new APIConnectionError(
      `${new URL(hop.url).origin} answered with an opaque redirect; set baseURL to the final location.`,
    )
  }
  const refuse = (why: string): never => {
    // createAPIError puts the status first: "301 Redirect from https://…: why".
    throw createAPIError(`Redirect from ${describe(hop.url)}: ${why}`, {
      status,
      headers: redactHeaders(response.headers(), options.redact),
      body: undefined,
      provider: options.provider.id,
    })
  }
  if (location === undefined || location === '') return refuse('a redirect without a Location header.')
  let target: URL
  try {
    target = new URL(location, hop.url)
  } catch {
    return refuse('the Location header is not a URL.')
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:')
    return refuse(`cannot follow to a ${target.protocol} URL.`)
  if (hop.redirects >= MAX_REDIRECTS) return refuse(`more than ${MAX_REDIRECTS} redirects; not following further.`)
  if (options.method === 'POST' && status !== 307 && status !== 308) {
    return refuse(
      `redirected to ${describe(target.href)}; token.js does not follow a ${status} for a POST (it would become a GET without the body). Set baseURL to it.`,
    )
  }
  return { url: target.href, headers: redirectHeaders(hop.headers, hop.url, target, options) }
}

/** A URL without its query or credentials, for messages. */
function describe(url: string): string {
  const parsed = new URL(url)
  return `${parsed.origin}${parsed.pathname}`
}

/** Credentials never follow a redirect to another origin (scheme, host or port). */
function redirectHeaders(
  headers: Record<string, string>,
  from: string,
  to: URL,
  options: SendOptions,
): Record<string, string> {
  if (new URL(from).origin === to.origin) return headers
  const secret = new Set([...CREDENTIAL_HEADERS, ...options.secretHeaders])
  const rest: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    // Also any header whose value holds the key, whatever its name.
    if (!secret.has(name) && options.redact(value) === value) rest[name] = value
  }
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
