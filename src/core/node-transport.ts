/**
 * The `node:http`/`node:https` transport with keep-alive agents. Loaded only on Node (never imported by
 * the main entry at top level, so browser and edge bundles stay free of `node:` modules).
 * Costs are kept per request minimal: no AbortController, no timers (the socket's own timeout does it),
 * no URL object beyond one parse.
 */
import http from 'node:http'
import https from 'node:https'
import { urlToHttpOptions } from 'node:url'
import { APIConnectionError, APIConnectionTimeoutError } from '../errors.js'
import { userAbortError } from './abort-errors.js'
import type { BodySink, Transport, TransportRequest, TransportResponse } from './transport.js'

export interface NodeTransportOptions {
  /** Agent for http: URLs. Default: a keep-alive agent shared by this transport. */
  httpAgent?: http.Agent
  /** Agent for https: URLs. Default: a keep-alive agent shared by this transport. */
  httpsAgent?: https.Agent
}

export function createNodeTransport(options: NodeTransportOptions = {}): Transport {
  const httpAgent = options.httpAgent ?? new http.Agent({ keepAlive: true, scheduling: 'lifo' })
  const httpsAgent = options.httpsAgent ?? new https.Agent({ keepAlive: true, scheduling: 'lifo' })
  // A client calls one or two URLs over and over: parse each once, not per request (http.request(url)
  // would build a URL object every time).
  const targets = new Map<string, Target>()
  return (request) => {
    let target = targets.get(request.url)
    if (target === undefined) {
      if (targets.size >= MAX_CACHED_TARGETS) targets.clear()
      target = toTarget(request.url)
      targets.set(request.url, target)
    }
    return send(request, target, target.secure ? https.request : http.request, target.secure ? httpsAgent : httpAgent)
  }
}

const MAX_CACHED_TARGETS = 32

/** The parts of a URL that http.request needs, parsed once. */
interface Target {
  readonly secure: boolean
  readonly protocol: string
  readonly hostname: string
  readonly port: number | string | undefined
  readonly path: string
  readonly auth: string | undefined
}

function toTarget(url: string): Target {
  const options = urlToHttpOptions(new URL(url))
  return {
    secure: options.protocol === 'https:',
    protocol: options.protocol ?? 'http:',
    hostname: options.hostname ?? 'localhost',
    port: options.port === '' ? undefined : (options.port ?? undefined),
    path: options.path ?? '/',
    auth: options.auth ?? undefined,
  }
}

function send(
  request: TransportRequest,
  target: Target,
  requestFunction: typeof http.request,
  agent: http.Agent,
): Promise<TransportResponse> {
  return new Promise((resolve, reject) => {
    const signal = request.signal
    if (signal?.aborted === true) {
      reject(userAbortError(signal))
      return
    }
    let settled = false
    // Why the exchange was cut short by us (abort or timeout): wins over the generic "closed" error.
    const cause: CutCause = { error: undefined }
    const outgoing = requestFunction({
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      path: target.path,
      auth: target.auth,
      method: request.method,
      headers: request.headers,
      agent,
      timeout: request.timeoutMs,
    })
    // Abort wiring only when the caller passed a signal: a plain call allocates nothing for it.
    let release = noRelease
    if (signal !== undefined) {
      const onAbort = (): void => {
        cause.error = userAbortError(signal)
        outgoing.destroy(cause.error)
      }
      signal.addEventListener('abort', onAbort, { once: true })
      release = () => signal.removeEventListener('abort', onAbort)
    }
    outgoing.on('timeout', () => {
      cause.error = new APIConnectionTimeoutError(settled ? 'Stream idle timeout.' : 'Request timed out.')
      outgoing.destroy(cause.error)
    })
    outgoing.on('error', (error) => {
      if (settled) return
      settled = true
      release()
      reject(cause.error ?? toConnectionError(error))
    })
    outgoing.on('response', (incoming) => {
      settled = true
      resolve(new NodeResponse(outgoing, incoming, release, cause))
    })
    outgoing.end(request.body)
  })
}

const noRelease = (): void => {}

interface CutCause {
  error: Error | undefined
}

function toConnectionError(error: Error): Error {
  if (error instanceof APIConnectionError || error.name === 'APIUserAbortError') return error
  return new APIConnectionError(`Connection error: ${error.message}`, { cause: error })
}

/**
 * Emits now the body data that arrived with the headers. `on('data')` only schedules the flow for a
 * later tick, and Node runs all pending ticks (the rest of the response, the keep-alive bookkeeping
 * at its end) before the microtasks in which the consumer resumes: reading the buffer here, in the
 * microtask that started the stream, hands the first chunk over sooner (time to first chunk).
 * `read()` in flowing mode is what the stream's own flow loop does; it stops once paused (backpressure).
 */
function deliverBuffered(incoming: http.IncomingMessage): void {
  while (incoming.readableFlowing === true && incoming.readableLength > 0 && incoming.read() !== null);
}

class NodeResponse implements TransportResponse {
  readonly status: number
  private finished = false
  private idleTimeoutMs = 0

  constructor(
    private readonly outgoing: http.ClientRequest,
    private readonly incoming: http.IncomingMessage,
    private readonly release: () => void,
    private readonly cause: CutCause,
  ) {
    this.status = incoming.statusCode ?? 0
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
      const pieces: Buffer[] = []
      this.stream(
        {
          onData: (chunk) => pieces.push(chunk as Buffer),
          onEnd: () =>
            resolve(
              pieces.length === 1 ? (pieces[0] as Buffer).toString('utf8') : Buffer.concat(pieces).toString('utf8'),
            ),
          onError: reject,
        },
        0,
      )
    })
  }

  stream(sink: BodySink, idleTimeoutMs: number): void {
    const incoming = this.incoming
    this.idleTimeoutMs = idleTimeoutMs
    // From here on the socket timeout measures silence between chunks, not the wait for headers. Both
    // are inactivity timeouts: when the request's is already this long (the default), re-arming it
    // would only cost a new timer per stream.
    if (idleTimeoutMs > 0 && incoming.socket?.timeout !== idleTimeoutMs) this.outgoing.setTimeout(idleTimeoutMs)
    incoming.on('data', (chunk: Buffer) => sink.onData(chunk))
    incoming.on('end', () => {
      this.finish()
      sink.onEnd()
    })
    // 'aborted' fires (and 'close' without 'end') when the server drops the connection mid-body.
    const fail = (error: Error): void => {
      if (this.finished) return
      this.finish()
      sink.onError(this.cause.error ?? error)
    }
    // 'close' also follows every complete body: build the error only when the body was cut short.
    incoming.on('close', () => {
      if (!this.finished) fail(new APIConnectionError('Connection closed before the response body was complete.'))
    })
    incoming.on('error', (error) => fail(toConnectionError(error)))
    this.outgoing.on('error', (error) => fail(toConnectionError(error)))
    deliverBuffered(incoming)
  }

  pause(): void {
    this.incoming.pause()
    // The consumer is slow, not the server: stop the idle clock while paused.
    this.incoming.socket?.setTimeout(0)
  }

  resume(): void {
    this.incoming.resume()
    // Restart the idle clock that pause() stopped.
    if (this.idleTimeoutMs > 0) this.incoming.socket?.setTimeout(this.idleTimeoutMs)
  }

  cancel(): void {
    if (this.finished) return
    this.finish()
    this.outgoing.destroy()
  }

  private finish(): void {
    this.finished = true
    this.release()
  }
}
