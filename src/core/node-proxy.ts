/**
 * HTTP proxies for the node transport: an `https:` target is reached through a CONNECT tunnel (TLS runs
 * end to end, the proxy sees only host and port), an `http:` target is forwarded (the request goes to
 * the proxy with its absolute URL, RFC 9112 section 3.2.2). The proxy itself may be `http://` or `https://`;
 * credentials in its URL become `Proxy-Authorization: Basic`. Without the `proxy` option, the
 * environment is read the way Node 22.21+/24.5+ reads it for its global agent under
 * `NODE_USE_ENV_PROXY=1` (`https_proxy`/`HTTPS_PROXY`, `http_proxy`/`HTTP_PROXY`, `no_proxy`/`NO_PROXY`,
 * lower case winning; https://nodejs.org/api/http.html#built-in-proxy-support) — on Node 20 too, because
 * our keep-alive agents are not Node's global one and Node applies the variables to that one only.
 */
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import tls from 'node:tls'
import type { Duplex } from 'node:stream'
import { APIConnectionError, InputError } from '../errors.js'

/** How one target URL is reached through the proxy. */
export interface ProxyHop {
  /** CONNECT tunnel (https target): the agent makes the tunnel, the request is unchanged. */
  readonly tunnel: boolean
  readonly agent: http.Agent
  readonly secureProxy: boolean
  readonly hostname: string
  readonly port: number
  /** Proxy-Authorization, for plain-http forwarding. */
  readonly headers: Readonly<Record<string, string>> | undefined
}

/** The hop for a URL, or undefined to connect directly. */
export type ProxyRoute = (url: URL) => ProxyHop | undefined

interface ProxyEndpoint {
  readonly secure: boolean
  readonly hostname: string
  readonly port: number
  readonly authorization: string | undefined
}

/** A route from the `proxy` option, else from the environment; undefined when no proxy applies. */
export function createProxyRoute(
  proxy: string | undefined,
  environment: Readonly<Record<string, string | undefined>> | undefined,
  tlsOptions: tls.ConnectionOptions = {},
): ProxyRoute | undefined {
  if (proxy !== undefined) {
    const endpoint = parseProxy(proxy, 'proxy')
    const hops = hopsFor(endpoint, tlsOptions)
    return (url) => (url.protocol === 'https:' ? hops.tunnel : hops.forward)
  }
  if (environment === undefined || !usesEnvironmentProxy(environment)) return undefined
  const httpsProxy = pick(environment, 'https_proxy')
  const httpProxy = pick(environment, 'http_proxy')
  if (httpsProxy === undefined && httpProxy === undefined) return undefined
  const httpsHops = httpsProxy === undefined ? undefined : hopsFor(parseProxy(httpsProxy, 'HTTPS_PROXY'), tlsOptions)
  const httpHops = httpProxy === undefined ? undefined : hopsFor(parseProxy(httpProxy, 'HTTP_PROXY'), tlsOptions)
  const bypass = noProxyMatcher(pick(environment, 'no_proxy'))
  return (url) => {
    if (bypass(url)) return undefined
    return url.protocol === 'https:' ? httpsHops?.tunnel : httpHops?.forward
  }
}

/** `NODE_USE_ENV_PROXY=1`, or Node's `--use-env-proxy` flag in NODE_OPTIONS. */
function usesEnvironmentProxy(environment: Readonly<Record<string, string | undefined>>): boolean {
  return environment.NODE_USE_ENV_PROXY === '1' || (environment.NODE_OPTIONS ?? '').includes('--use-env-proxy')
}

/** Lower case wins over upper case, as in Node. */
function pick(environment: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const value = environment[name] ?? environment[name.toUpperCase()]
  return value === undefined || value.trim() === '' ? undefined : value.trim()
}

function parseProxy(proxy: string, param: string): ProxyEndpoint {
  let url: URL
  try {
    url = new URL(proxy)
  } catch {
    throw new InputError(`${param} is not a valid URL (expected e.g. http://proxy.example.com:3128).`, param)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(`${param} must be an http:// or https:// URL, got '${url.protocol}'.`, param)
  }
  const secure = url.protocol === 'https:'
  const user = decodeURIComponent(url.username)
  const password = decodeURIComponent(url.password)
  return {
    secure,
    hostname: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port === '' ? (secure ? 443 : 80) : Number(url.port),
    authorization:
      user === '' && password === '' ? undefined : `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
  }
}

function hopsFor(endpoint: ProxyEndpoint, tlsOptions: tls.ConnectionOptions): { tunnel: ProxyHop; forward: ProxyHop } {
  const base = { secureProxy: endpoint.secure, hostname: endpoint.hostname, port: endpoint.port }
  const forwardAgent = endpoint.secure
    ? new https.Agent({ keepAlive: true, scheduling: 'lifo' })
    : new http.Agent({ keepAlive: true, scheduling: 'lifo' })
  return {
    tunnel: { ...base, tunnel: true, agent: new TunnelAgent(endpoint, tlsOptions), headers: undefined },
    forward: {
      ...base,
      tunnel: false,
      agent: forwardAgent,
      headers: endpoint.authorization === undefined ? undefined : { 'proxy-authorization': endpoint.authorization },
    },
  }
}

/** A keep-alive https agent whose sockets are TLS over a CONNECT tunnel through the proxy. */
class TunnelAgent extends https.Agent {
  constructor(
    private readonly endpoint: ProxyEndpoint,
    tlsOptions: tls.ConnectionOptions,
  ) {
    // The TLS settings of the transport's https agent (ca, cert, rejectUnauthorized…) apply through the tunnel.
    super({ ...tlsOptions, keepAlive: true, scheduling: 'lifo' })
  }

  // The callback form: Node's agent waits for it (the tunnel takes a round trip to the proxy).
  override createConnection(
    options: tls.ConnectionOptions & { host?: string; port?: number },
    callback?: (error: Error | null, socket: Duplex) => void,
  ): Duplex | undefined {
    openTunnel(this.endpoint, options.host ?? 'localhost', options.port ?? 443).then(
      (socket) => callback?.(null, tls.connect({ ...this.options, ...options, socket })),
      (error: unknown) => callback?.(error as Error, undefined as never), // openTunnel rejects with Errors only
    )
    return undefined
  }
}

/** Asks the proxy for a tunnel to host:port; resolves with the raw socket once it answers 2xx. */
function openTunnel(endpoint: ProxyEndpoint, host: string, port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const authority = `${host.includes(':') ? `[${host}]` : host}:${port}`
    const headers: Record<string, string> = { host: authority }
    if (endpoint.authorization !== undefined) headers['proxy-authorization'] = endpoint.authorization
    const request = (endpoint.secure ? https.request : http.request)({
      hostname: endpoint.hostname,
      port: endpoint.port,
      method: 'CONNECT',
      path: authority,
      headers,
      agent: false,
    })
    request.once('connect', (response: http.IncomingMessage, socket: net.Socket) => {
      if (response.statusCode !== undefined && response.statusCode >= 200 && response.statusCode < 300) {
        resolve(socket)
        return
      }
      socket.destroy()
      reject(
        new APIConnectionError(
          `The proxy ${endpoint.hostname}:${endpoint.port} refused the tunnel to ${authority}: ${response.statusCode} ${response.statusMessage ?? ''}`.trim() +
            (response.statusCode === 407 ? ' (check the credentials in the proxy URL).' : '.'),
        ),
      )
    })
    request.once('error', (error) =>
      reject(
        new APIConnectionError(`Could not reach the proxy ${endpoint.hostname}:${endpoint.port}: ${error.message}`, {
          cause: error,
        }),
      ),
    )
    request.end()
  })
}

/**
 * NO_PROXY as Node reads it: comma-separated entries; `*` bypasses everything; an entry matches the
 * host itself and its subdomains (a leading `.` or `*.` is optional); `host:port` also checks the port.
 */
function noProxyMatcher(noProxy: string | undefined): (url: URL) => boolean {
  if (noProxy === undefined) return () => false
  const entries = noProxy
    .split(/[,\s]+/)
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '')
  if (entries.includes('*')) return () => true
  return (url) => {
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase()
    const port = url.port === '' ? (url.protocol === 'https:' ? '443' : '80') : url.port
    return entries.some((entry) => {
      const [name, entryPort] = splitHostPort(entry)
      if (entryPort !== undefined && entryPort !== port) return false
      return host === name || host.endsWith(`.${name}`)
    })
  }
}

/** `host`, `host:port`, `[v6]:port` or a bare IPv6 address → [host without `*.`/`.` prefix, port]. */
function splitHostPort(entry: string): [string, string | undefined] {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry)
  if (bracketed !== null) return [bracketed[1] as string, bracketed[2]]
  const colons = entry.split(':').length - 1
  if (colons > 1) return [entry, undefined]
  const [host, port] = entry.split(':')
  return [(host as string).replace(/^\*?\./, ''), port]
}
