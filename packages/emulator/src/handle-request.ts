/** One HTTP exchange end to end: read, log, route, authenticate, script, answer. Never throws. */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { handleChat } from './chat-route.js'
import { handleEmbeddings } from './embeddings-route.js'
import { handleFim } from './fim-route.js'
import { invalidModelBody, plainErrorBody, unauthorizedBody } from './error-bodies.js'
import type { RecordedRequest } from './emulator-types.js'
import { takeScript, type EmulatorState } from './emulator-state.js'
import { runScript, type Exchange } from './faults.js'
import { commonHeaders, sendJson } from './http-send.js'
import { modelCards, modelListBody } from './model-cards.js'
import { jsonReply } from './normal-reply.js'
import { parseJsonBody, type ParsedBody } from './parse-json-body.js'
import { readBody } from './read-body.js'
import { routeRequest, type RouteMatch } from './route-request.js'

function redactedHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue
    headers[name] = name === 'authorization' ? 'Bearer ***' : Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}

function isAuthorized(request: IncomingMessage, apiKey: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')
  return match?.[1]?.trim() === apiKey
}

function record(state: EmulatorState, request: IncomingMessage, bytes: Buffer, parsed: ParsedBody): RecordedRequest {
  const isJson = parsed.ok && typeof parsed.value !== 'string'
  const entry: RecordedRequest = {
    method: request.method ?? 'GET',
    path: request.url ?? '/',
    headers: redactedHeaders(request),
    body: isJson ? parsed.value : undefined,
    ...(bytes.length > 0 ? { rawBody: bytes.toString('utf8') } : {}),
    status: 0,
  }
  if (state.settings.logRequests) state.log.push(entry)
  return entry
}

async function answerModels(
  state: EmulatorState,
  exchange: Exchange,
  route: RouteMatch,
  entry: RecordedRequest,
): Promise<number> {
  const now = state.settings.now()
  const script = takeScript(state, 'models', entry)
  if (route.kind === 'model') {
    const card = modelCards(state.settings.models, now, state.settings.embeddingModels).find(
      (candidate) => candidate['id'] === route.id,
    )
    if (card === undefined && script === undefined) return send(exchange, 404, invalidModelBody(route.id, 404))
    await runScript(exchange, script, jsonReply(card ?? invalidModelBody(route.id)))
  } else
    await runScript(
      exchange,
      script,
      jsonReply(modelListBody(state.settings.models, now, state.settings.embeddingModels)),
    )
  return exchange.response.headersSent ? exchange.response.statusCode : 0
}

function send(exchange: Exchange, status: number, body: unknown): number {
  sendJson(exchange.response, status, body, exchange.headers)
  return status
}

/** What the request log needs from the body, filled in once it is read. */
interface Trace {
  body: unknown
}

async function dispatch(
  state: EmulatorState,
  exchange: Exchange,
  request: IncomingMessage,
  requestId: string,
  trace: Trace,
): Promise<number> {
  const route = routeRequest(request.method ?? 'GET', request.url ?? '/')
  if (route.kind === 'preflight') {
    exchange.response.writeHead(204, { ...exchange.headers, 'content-length': '0' }).end()
    return 204
  }
  const body = await readBody(request, state.settings.maxBodyBytes)
  if (!body.ok)
    return body.reason === 'too-large' ? send(exchange, 413, plainErrorBody('Request body is too large')) : 0
  const parsed = parseJsonBody(body.bytes, request.headers['content-type'])
  const entry = record(state, request, body.bytes, parsed)
  trace.body = entry.body
  entry.status = await answerRoute(state, exchange, request, route, requestId, entry, parsed)
  return entry.status
}

async function answerRoute(
  state: EmulatorState,
  exchange: Exchange,
  request: IncomingMessage,
  route: RouteMatch,
  requestId: string,
  entry: RecordedRequest,
  parsed: ParsedBody,
): Promise<number> {
  switch (route.kind) {
    case 'not-found':
      return send(exchange, 404, plainErrorBody('Not Found'))
    case 'method-not-allowed':
      return send(exchange, 405, plainErrorBody('Method Not Allowed'))
    case 'preflight':
      return 204
    case 'chat':
    case 'embeddings':
    case 'fim':
    case 'models':
    case 'model':
      if (!isAuthorized(request, state.settings.apiKey))
        return send(exchange, 401, unauthorizedBody(requestId.replaceAll('-', '')))
      if (route.kind === 'models' || route.kind === 'model') return answerModels(state, exchange, route, entry)
      if (route.kind === 'embeddings')
        return handleEmbeddings(state, exchange, parsed, entry.rawBody ?? '', takeScript(state, 'embeddings', entry))
      if (route.kind === 'fim')
        return handleFim(state, exchange, parsed, entry.rawBody ?? '', takeScript(state, 'fim', entry))
      return handleChat(state, exchange, parsed, entry.rawBody ?? '', takeScript(state, 'chat', entry))
    default: {
      const unknown: never = route
      throw new Error(`unknown route ${JSON.stringify(unknown)}`)
    }
  }
}

/** The `node:http` request listener of an emulator. */
export function createRequestListener(
  state: EmulatorState,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const requestId = randomUUID()
    // A client that leaves mid-write must not crash the emulator.
    response.on('error', () => undefined)
    request.on('error', () => undefined)
    const exchange: Exchange = {
      response,
      headers: commonHeaders(requestId, request.headers['access-control-request-headers']),
      chunkDelayMs: state.settings.chunkDelayMs,
    }
    const trace: Trace = { body: undefined }
    const onRequest = state.settings.onRequest
    if (onRequest !== undefined) {
      const started = performance.now()
      response.once('close', () => {
        const body = (typeof trace.body === 'object' && trace.body !== null ? trace.body : {}) as Record<
          string,
          unknown
        >
        onRequest({
          method: request.method ?? 'GET',
          path: request.url ?? '/',
          status: response.headersSent ? response.statusCode : 0,
          ...(typeof body.model === 'string' ? { model: body.model } : {}),
          durationMs: performance.now() - started,
          stream: body.stream === true,
        })
      })
    }
    dispatch(state, exchange, request, requestId, trace).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error)
      if (!response.headersSent)
        sendJson(response, 500, plainErrorBody(`Emulator error: ${message}`, 'internal_server_error'), exchange.headers)
      else response.destroy()
    })
  }
}
