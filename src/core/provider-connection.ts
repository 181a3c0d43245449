/**
 * Resolves, once per client and provider, what every request to that provider shares: the endpoint
 * URL and the headers (auth included). Bad keys, headers or base URLs fail here, before any I/O.
 */
import { InputError } from '../errors.js'
import { VERSION } from '../version.js'
import type { ClientOptions, ProviderSettings } from './client-options.js'
import { isBrowser, isNode, readEnvironment } from './environment.js'
import type { ProviderAdapter, SignableRequest } from './provider-adapter.js'

export interface ProviderConnection {
  readonly baseURL: string
  /** Whether the base URL is the provider's own (retired ids are refused there). */
  readonly isDefaultBaseURL: boolean
  readonly jsonHeaders: Readonly<Record<string, string>>
  readonly streamHeaders: Readonly<Record<string, string>>
  /** The provider's credential headers (lower-case): never sent on to another origin by a redirect. */
  readonly secretHeaders: readonly string[]
  /** Replaces the key and every secret header value in text we did not write (an error body from a proxy that echoes headers). */
  readonly redact: (text: string) => string
  /** The key and the auth header values made from it: every form of them is scrubbed from errors. */
  readonly secrets: readonly string[]
  /** The provider's per-attempt signer bound to the key (`ProviderAuth.sign`); undefined for static keys. */
  readonly sign?: ((request: SignableRequest) => Promise<Readonly<Record<string, string>>>) | undefined
}

const keepText = (text: string): string => text

/** Replaces each secret by `***` (secrets shorter than 4 characters would mangle ordinary text). */
function redactorOf(secrets: readonly string[]): (text: string) => string {
  const kept = secrets.filter((secret) => secret.length >= 4)
  if (kept.length === 0) return keepText
  return (text) => {
    for (const secret of kept) text = text.split(secret).join('***')
    return text
  }
}

/** RFC 9110 section 5.1: a field name is a token. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
/** RFC 9110 section 5.5: field-value characters (VCHAR, SP, HTAB, obs-text 0x80–0xFF); nothing beyond Latin-1. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/

function firstSet(names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = readEnvironment(name)
    if (value !== undefined) return value
  }
  return undefined
}

export function resolveProviderConnection(provider: ProviderAdapter, options: ClientOptions): ProviderConnection {
  if (provider.unavailable !== undefined) throw new InputError(provider.unavailable, 'provider')
  // Typed by provider id for the caller (a typo is a compile error); read here by the adapter's id.
  const settings: Partial<Record<string, ProviderSettings>> | undefined = options.providers
  const specific = settings?.[provider.id]
  const envVars = provider.apiKeyEnvVars ?? [provider.apiKeyEnvVar]
  const given = specific?.apiKey ?? options.apiKey ?? firstSet(envVars)
  // An empty key would go out as `Bearer ` and come back a 401 naming nothing: it counts as no key (an
  // InputError below, unless the provider needs none).
  const apiKey = given?.trim() === '' ? undefined : given
  if (apiKey === undefined && !provider.apiKeyOptional) {
    throw new InputError(
      `${given === undefined ? 'No' : 'An empty'} API key for ${provider.displayName}: set the ${envVars.join(' or ')} environment variable ` +
        `(e.g. in a .env file read with node --env-file=.env) or pass apiKey to new TokenJS({ apiKey }); to run without one, ` +
        `point ${provider.baseURLEnvVar} and ${envVars[0] ?? ''} at a local emulator from @tokenjs/emulator (in a clone of token.js, npm start -- <file> does it).`,
      'apiKey',
    )
  }
  if (apiKey !== undefined && !HEADER_VALUE.test(apiKey)) {
    // Never echo the key: say only what is wrong with it.
    throw new InputError(
      'The API key holds a character an HTTP header cannot carry (a line break, a control character, or one beyond Latin-1 such as a curly quote); check how it was read.',
      'apiKey',
    )
  }
  if (apiKey !== undefined) refuseKeyInBrowser(options)
  const baseURL = resolveBaseURL(provider, specific?.baseURL ?? options.baseURL)
  const common: Record<string, string> = { 'content-type': 'application/json' }
  if (isNode()) common['user-agent'] = `token.js/${VERSION}`
  if (provider.headers !== undefined) Object.assign(common, provider.headers)
  Object.assign(common, checkHeaders(options.defaultHeaders, 'defaultHeaders'))
  Object.assign(common, checkHeaders(specific?.defaultHeaders, `providers.${provider.id}.defaultHeaders`))
  const secretHeaders = provider.auth.secretHeaders
  const secrets: string[] = []
  if (apiKey !== undefined) {
    const auth = provider.auth.headers(apiKey)
    Object.assign(common, auth)
    secrets.push(apiKey)
    // A secret header built around the key (`Bearer <key>`) is covered by the key; any other (a derived token) goes whole.
    for (const name of secretHeaders) {
      const value = auth[name]
      if (value !== undefined && !value.includes(apiKey)) secrets.push(value)
    }
  }
  const signer = provider.auth.sign?.bind(provider.auth)
  return {
    baseURL,
    isDefaultBaseURL: baseURL === provider.defaultBaseURL,
    jsonHeaders: { ...common, accept: 'application/json' },
    streamHeaders: { ...common, accept: 'text/event-stream' },
    secretHeaders,
    redact: redactorOf(secrets),
    secrets,
    sign: signer === undefined ? undefined : (request) => signer(request, apiKey),
  }
}

/** An API key in a browser is readable by anyone using the page: refused unless the caller says it is public. */
export function refuseKeyInBrowser(options: ClientOptions): void {
  if (!isBrowser() || options.dangerouslyAllowBrowser === true) return
  throw new InputError(
    'token.js refuses to run with an API key in a browser, where anyone using the page can read the key. ' +
      'Call the provider from your backend, or pass dangerouslyAllowBrowser: true if the key is meant to be public.',
    'dangerouslyAllowBrowser',
  )
}

function resolveBaseURL(provider: ProviderAdapter, given: string | undefined): string {
  const configured = given ?? readEnvironment(provider.baseURLEnvVar) ?? provider.defaultBaseURL
  if (configured === undefined) {
    throw new InputError(
      `Provider '${provider.id}' has no default URL: pass baseURL to new TokenJS({ baseURL }) ` +
        `(e.g. http://localhost:11434/v1 for Ollama) or set ${provider.baseURLEnvVar}.`,
      'baseURL',
    )
  }
  let url: URL
  try {
    url = new URL(configured)
  } catch {
    throw new InputError(
      `baseURL '${configured}' is not a valid URL (expected e.g. ${provider.defaultBaseURL ?? 'http://localhost:8000/v1'}).`,
      'baseURL',
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(`baseURL must use http: or https:, got '${url.protocol}'.`, 'baseURL')
  }
  const trimmed = configured.replace(/\/+$/, '')
  const version = provider.versionPath
  // The default URL ends with the version path already.
  return version === undefined || trimmed.endsWith(version) ? trimmed : trimmed + version
}

/** Header names and values may not carry CR, LF or NUL (header injection). */
export function checkHeaders(headers: Record<string, string> | undefined, param: string): Record<string, string> {
  if (headers === undefined) return {}
  const checked: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    // RFC 9110 names and values; the value is never quoted (a header may carry a credential).
    const why = !HEADER_NAME.test(name)
      ? "its name is not an HTTP token (letters, digits, !#$%&'*+-.^_`|~; no space, colon or control character)"
      : typeof value !== 'string' || !HEADER_VALUE.test(value)
        ? "its value must be a string without line breaks, control characters or characters beyond Latin-1 (such as '€'); encode it first"
        : undefined
    if (why !== undefined)
      throw new InputError(`Header ${JSON.stringify(name)} in ${param}: ${why}.`, `${param}.${name}`)
    checked[name.toLowerCase()] = value
  }
  return checked
}
