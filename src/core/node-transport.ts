/**
 * The `node:http`/`node:https` transport with keep-alive agents. Loaded only on Node (never imported by
 * the main entry at top level, so browser and edge bundles stay free of `node:` modules).
 * Per request: one parse of the URL (cached), one deadline timer, one abort listener (only with a
 * signal), detached as soon as the exchange ends so a pooled socket never carries it.
 */
import http from 'node:http'
import https from 'node:https'
import { urlToHttpOptions } from 'node:url'
import { APIConnectionError, APIConnectionTimeoutError, ResponseTooLargeError } from '../errors.js'
import { userAbortError } from './abort-errors.js'
import { decodeContent } from './node-content-decoding.js'
import { createProxyRoute, type ProxyRoute } from './node-proxy.js'
import {
  markStaleConnection,
  type BodySink,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from './transport.js'

export interface NodeTransportOptions {
  /** Agent for http: URLs. Default: a keep-alive agent shared by this transport. */
  httpAgent?: http.Agent
  /** Agent for https: URLs. Default: a keep-alive agent shared by this transport. */
  httpsAgent?: https.Agent
  /** `http://` or `https://` proxy URL (credentials in it are sent as Proxy-Authorization). */
  proxy?: string | undefined
  /** Proxy settings read from the environment (`NODE_USE_ENV_PROXY=1`); `proxy` wins. */
  environment?: Readonly<Record<string, string | undefined>> | undefined
}

export function createNodeTransport(options: NodeTransportOptions = {}): Transport {
  const httpAgent = options.httpAgent ?? new http.Agent({ keepAlive: true, scheduling: 'lifo' })
  const httpsAgent = options.httpsAgent ?? new https.Agent({ keepAlive: true, scheduling: 'lifo' })
  const route = createProxyRoute(options.proxy, options.environment, tlsSettings(httpsAgent))
  // A client calls one or two URLs over and over: parse each once, not per request (http.request(url)
  // would build a URL object every time).
  const targets = new Map<string, Target>()
  return (request) => {
    let target = targets.get(request.url)
    if (target === undefined) {
      if (targets.size >= MAX_CACHED_TARGETS) targets.clear()
      target = toTarget(request.url, route)
      targets.set(request.url, target)
    }
    const agent = target.agent ?? (target.secure ? httpsAgent : httpAgent)
    return send(request, target, agent)
  }
}

const MAX_CACHED_TARGETS = 32

/** The TLS settings given to an https agent (`agent.options` is public but untyped). */
function tlsSettings(agent: https.Agent): import('node:tls').ConnectionOptions {
  const given = (agent as unknown as { options?: Record<string, unknown> }).options ?? {}
  const picked: Record<string, unknown> = {}
  for (const name of [
    'ca',
    'cert',
    'key',
    'pfx',
    'passphrase',
    'rejectUnauthorized',
    'ciphers',
    'minVersion',
    'maxVersion',
  ]) {
    if (given[name] !== undefined) picked[name] = given[name]
  }
  return picked
}

/** The parts of a URL that http.request needs, parsed once (and, through a proxy, where to connect). */
interface Target {
  readonly secure: boolean
  readonly request: typeof http.request
  readonly protocol: string
  readonly hostname: string
  readonly port: number | string | undefined
  readonly path: string
  readonly auth: string | undefined
  /** Set when a proxy carries this URL: the agent that reaches it. */
  readonly agent: http.Agent | undefined
  /** Headers the proxy needs on every request (plain-http forwarding). */
  readonly proxyHeaders: Readonly<Record<string, string>> | undefined
}

function toTarget(url: string, route: ProxyRoute | undefined): Target {
  const parsed = new URL(url)
  const options = urlToHttpOptions(parsed)
  const secure = options.protocol === 'https:'
  const direct: Target = {
    secure,
    request: secure ? https.request : http.request,
    protocol: options.protocol ?? 'http:',
    hostname: options.hostname ?? 'localhost',
    port: options.port === '' ? undefined : (options.port ?? undefined),
    path: options.path ?? '/',
    auth: options.auth ?? undefined,
    agent: undefined,
    proxyHeaders: undefined,
  }
  const hop = route?.(parsed)
  if (hop === undefined) return direct
  if (hop.tunnel) return { ...direct, agent: hop.agent }
  // Plain-http forwarding: the request goes to the proxy, with the absolute URL as its target.
  return {
    ...direct,
    request: hop.secureProxy ? https.request : http.request,
    protocol: hop.secureProxy ? 'https:' : 'http:',
    hostname: hop.hostname,
    port: hop.port,
    path: parsed.href,
    agent: hop.agent,
    proxyHeaders: hop.headers,
  }
}

function send(request: TransportRequest, target: Target, agent: http.Agent): Promise<TransportResponse> {
  return new Promise((resolve, reject) => {
    const signal = request.signal
    if (signal?.aborted === true) {
      reject(userAbortError(signal))
      return
    }
    const outgoing = target.request({
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      path: target.path,
      auth: target.auth,
      method: request.method,
      headers: target.proxyHeaders === undefined ? request.headers : { ...request.headers, ...target.proxyHeaders },
      agent,
    })
    const exchange = new Exchange(outgoing, request, reject)
    outgoing.on('error', (error) => exchange.fail(toConnectionError(error, exchange.staleSocket())))
    outgoing.on('response', (incoming) => {
      if (exchange.done) {
        incoming.destroy()
        return
      }
      resolve(new NodeResponse(exchange, incoming))
    })
    outgoing.end(request.body)
  })
}

/**
 * The life of one request: its deadline, its abort listener, and who hears about a failure (the
 * pending promise before the headers, the body's reader after). Everything is released once, when the
 * exchange ends for any reason.
 */
class Exchange {
  done = false
  /**
   * Set once the body is read: failures go to its sink. The sink itself, not a closure calling it: with a
   * closure made per request here, every request's objects survived the young-generation collections
   * (measured: ~11 KB promoted per request and a full GC every ~1,000 requests, +15 % instructions).
   */
  reader: BodySink | undefined
  responded = false
  /** The body decoder, when the response has a Content-Encoding: destroyed with the exchange. */
  decoder: { destroy(): unknown } | undefined
  private timer: ReturnType<typeof setTimeout> | undefined
  private readonly onAbort: (() => void) | undefined
  private socketBytesAtStart = -1
  /** The body is streamed: its silence is the stream's idle timeout to bound, not the deadline. */
  private streaming = false

  constructor(
    readonly outgoing: http.ClientRequest,
    readonly request: TransportRequest,
    private readonly rejectRequest: (error: Error) => void,
  ) {
    const signal = request.signal
    if (signal !== undefined) {
      const onAbort = (): void => this.fail(userAbortError(signal))
      signal.addEventListener('abort', onAbort, { once: true })
      this.onAbort = onAbort
    }
    // The deadline starts when the agent hands out a socket (before connecting): time spent queued
    // behind a custom agent's maxSockets is the application's choice, not the server's slowness.
    outgoing.once('socket', (socket) => {
      this.socketBytesAtStart = socket.bytesRead
      if (this.done || this.streaming) return
      this.timer = setTimeout(
        () => this.fail(new APIConnectionTimeoutError(timeoutMessage(request.timeoutMs))),
        request.timeoutMs,
      )
    })
  }

  /** A failure on a reused keep-alive socket before any byte of the response: safe to resend at once. */
  staleSocket(): boolean {
    const socket = this.outgoing.socket
    return (
      !this.responded &&
      this.outgoing.reusedSocket &&
      socket !== null &&
      this.socketBytesAtStart >= 0 &&
      socket.bytesRead === this.socketBytesAtStart
    )
  }

  stopDeadline(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    this.streaming = true
  }

  /** Ends the exchange normally (body complete): the socket goes back to the pool. */
  finish(): void {
    if (this.done) return
    this.done = true
    this.release()
  }

  /** Ends the exchange with `error`: the socket is destroyed, whoever waits hears the error once. */
  fail(error: Error): void {
    if (this.done) return
    this.done = true
    this.release()
    // No error argument: destroying with one would emit it on a socket that may have no listener left.
    this.outgoing.destroy()
    this.decoder?.destroy()
    if (this.reader !== undefined) this.reader.onError(error)
    else if (!this.responded) this.rejectRequest(error)
  }

  /** Ends the exchange silently (the caller cancelled). */
  cancel(): void {
    if (this.done) return
    this.done = true
    this.release()
    this.outgoing.destroy()
    this.decoder?.destroy()
  }

  private release(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    if (this.onAbort !== undefined) this.request.signal?.removeEventListener('abort', this.onAbort)
  }
}

function timeoutMessage(ms: number): string {
  return `Request timed out after ${ms} ms (timeout).`
}

function toConnectionError(error: Error, stale: boolean): Error {
  if (error instanceof APIConnectionError || error.name === 'APIUserAbortError') return error
  const wrapped = new APIConnectionError(`Connection error: ${error.message}`, { cause: error })
  return stale ? markStaleConnection(wrapped) : wrapped
}

/**
 * Emits now the body data that arrived with the headers. `on('data')` only schedules the flow for a
 * later tick, and Node runs all pending ticks (the rest of the response, the keep-alive bookkeeping
 * at its end) before the microtasks in which the consumer resumes: reading the buffer here, in the
 * microtask that started the stream, hands the first chunk over sooner (time to first chunk).
 * `read()` in flowing mode is what the stream's own flow loop does; it stops once paused (backpressure).
 */
function deliverBuffered(
  // read() returns null once the buffer is empty (Node's ReadableStream type leaves that out).
  source: { readableFlowing: boolean | null; readableLength: number; read(): unknown },
): void {
  while (source.readableFlowing === true && source.readableLength > 0 && source.read() !== null);
}

const BOM = [0xef, 0xbb, 0xbf] as const

class NodeResponse implements TransportResponse {
  readonly status: number
  private started = false
  private source: (NodeJS.ReadableStream & { pause(): unknown; resume(): unknown }) | undefined

  constructor(
    private readonly exchange: Exchange,
    private readonly incoming: http.IncomingMessage,
  ) {
    this.status = incoming.statusCode ?? 0
    exchange.responded = true
  }

  header(name: string): string | undefined {
    const value = this.incoming.headers[name]
    return Array.isArray(value) ? value.join(', ') : value
  }

  headers(): Record<string, string> {
    const result: Record<string, string> = {}
    for (const [name, value] of Object.entries(this.incoming.headers)) {
      if (value !== undefined) result[name] = Array.isArray(value) ? value.join(', ') : value
    }
    return result
  }

  text(): Promise<string> {
    return new Promise((resolve, reject) => {
      const limit = this.exchange.request.maxResponseSize
      const pieces: Buffer[] = []
      let size = 0
      this.read(
        {
          onData: (chunk) => {
            size += chunk.length
            if (size > limit) {
              this.exchange.fail(tooLarge(limit))
              return
            }
            pieces.push(chunk as Buffer)
          },
          onEnd: () => {
            try {
              resolve(toText(pieces))
            } catch (error) {
              // ERR_STRING_TOO_LONG and the like: into the promise, never out of an event handler.
              reject(
                new APIConnectionError(`Could not read the response body: ${(error as Error).message}`, {
                  cause: error,
                }),
              )
            }
          },
          onError: reject,
        },
        false,
      )
    })
  }

  stream(sink: BodySink): void {
    this.read(sink, true)
  }

  private read(sink: BodySink, streaming: boolean): void {
    if (this.started) throw new Error('A response body can be read once.')
    this.started = true
    const exchange = this.exchange
    if (streaming) exchange.stopDeadline()
    if (exchange.done) {
      // Cut between the headers and this call (abort, deadline): the error was already delivered.
      return
    }
    let source: NodeJS.ReadableStream & { pause(): unknown; resume(): unknown }
    try {
      source = decodeContent(this.incoming, this.header('content-encoding'))
    } catch (error) {
      exchange.reader = sink
      exchange.fail(error as Error)
      return
    }
    this.source = source
    if (source !== this.incoming) exchange.decoder = source as unknown as { destroy(): unknown }
    exchange.reader = sink
    source.on('data', (chunk: Buffer) => {
      if (!exchange.done) sink.onData(chunk)
    })
    source.on('end', () => {
      if (exchange.done) return
      exchange.finish()
      sink.onEnd()
    })
    if (source !== this.incoming) {
      source.on('error', (error: Error) =>
        exchange.fail(new APIConnectionError(`Could not decode the response body: ${error.message}`, { cause: error })),
      )
    }
    // 'close' without 'end' when the server drops the connection mid-body.
    this.incoming.on('close', () => {
      if (!this.incoming.complete)
        exchange.fail(new APIConnectionError('Connection closed before the response body was complete.'))
    })
    this.incoming.on('error', (error) => exchange.fail(toConnectionError(error, false)))
    deliverBuffered(source as never)
  }

  pause(): void {
    this.source?.pause()
  }

  resume(): void {
    this.source?.resume()
  }

  cancel(): void {
    this.exchange.cancel()
  }
}

function tooLarge(limit: number): ResponseTooLargeError {
  return new ResponseTooLargeError(
    `The response body is larger than maxResponseSize (${limit} bytes); the connection was closed.`,
    limit,
  )
}

/** UTF-8 text of the body, without a leading byte order mark (RFC 8259 section 8.1 allows a parser to skip it). */
function toText(pieces: Buffer[]): string {
  const body = pieces.length === 1 ? (pieces[0] as Buffer) : Buffer.concat(pieces)
  const start = body[0] === BOM[0] && body[1] === BOM[1] && body[2] === BOM[2] ? 3 : 0
  return body.toString('utf8', start)
}
