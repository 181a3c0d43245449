/** One HTTP exchange of the Anthropic emulator: read, log, route, authenticate, check the version, validate, script, answer. Never throws. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { hexId } from '../deterministic-ids.js'
import type { RecordedRequest, ScriptedReply, ScriptHandler } from '../emulator-types.js'
import { runScript, type Exchange } from '../faults.js'
import { sendJson } from '../http-send.js'
import { jsonReply } from '../normal-reply.js'
import { readBody } from '../read-body.js'
import { composeAnthropicAnswer, cachePrefix, inputTokens } from './compose.js'
import { defaultErrorBody, errorBody, type AnthropicErrorReply } from './errors.js'
import { messageId, requestId as makeRequestId } from './ids.js'
import { modelInfo, modelPage } from './model-info.js'
import { anthropicReply } from './reply.js'
import { API_VERSIONS, type ApiVersion } from './request-schema.js'
import type { AnthropicModelCard } from './types.js'
import { findModel, validateAnthropicRequest } from './validate.js'

export interface AnthropicSettings {
  readonly apiKey: string
  readonly chunkSize: number
  readonly chunkDelayMs: number
  readonly maxBodyBytes: number
  readonly models: readonly AnthropicModelCard[]
  readonly aliases: Readonly<Record<string, string>>
  readonly defaultPageSize: number
  readonly ping: boolean
  readonly logRequests: boolean
}

export interface AnthropicState {
  readonly settings: AnthropicSettings
  readonly log: RecordedRequest[]
  readonly queue: ScriptedReply[]
  handler: ScriptHandler | undefined
  /** Cache prefix key → tokens written under it. */
  readonly promptCache: Map<string, number>
  sequence: number
}

interface Context {
  readonly state: AnthropicState
  readonly exchange: Exchange
  readonly request: IncomingMessage
  readonly entry: RecordedRequest
  readonly requestId: string
}

type Route =
  | { kind: 'messages' }
  | { kind: 'count' }
  | { kind: 'models' }
  | { kind: 'model'; id: string }
  | { kind: 'preflight' }
  | { kind: 'method' }
  | { kind: 'unknown' }

function route(method: string, url: string): Route {
  if (method === 'OPTIONS') return { kind: 'preflight' }
  const path = url.split('?')[0] ?? ''
  const post = (kind: 'messages' | 'count'): Route => (method === 'POST' ? { kind } : { kind: 'method' })
  if (path === '/v1/messages') return post('messages')
  if (path === '/v1/messages/count_tokens') return post('count')
  const get = (found: Route): Route => (method === 'GET' || method === 'HEAD' ? found : { kind: 'method' })
  if (path === '/v1/models') return get({ kind: 'models' })
  const match = /^\/v1\/models\/([^/]+)$/.exec(path)
  if (match?.[1] !== undefined) {
    try {
      return get({ kind: 'model', id: decodeURIComponent(match[1]) })
    } catch {
      return { kind: 'unknown' }
    }
  }
  return { kind: 'unknown' }
}

function headersFor(requestId: string, requested: string | undefined): Record<string, string> {
  return {
    'access-control-allow-origin': '*',
    'access-control-allow-headers':
      requested ?? 'x-api-key, authorization, anthropic-version, anthropic-beta, content-type, *',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-expose-headers': '*, request-id, retry-after, x-should-retry',
    'request-id': requestId,
    'anthropic-organization-id': '00000000-0000-4000-8000-000000000000',
    'anthropic-ratelimit-requests-limit': '4000',
    'anthropic-ratelimit-requests-remaining': '3999',
    'anthropic-ratelimit-input-tokens-limit': '2000000',
    'anthropic-ratelimit-output-tokens-limit': '400000',
    via: '1.1 google',
  }
}

function redacted(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue
    const text = Array.isArray(value) ? value.join(', ') : value
    headers[name] = name === 'x-api-key' ? '***' : name === 'authorization' ? 'Bearer ***' : text
  }
  return headers
}

function sendError(context: Context, reply: AnthropicErrorReply): number {
  sendJson(context.exchange.response, reply.status, errorBody(reply.type, reply.message, context.requestId), {
    ...context.exchange.headers,
    ...reply.headers,
  })
  return reply.status
}

/** `x-api-key` wins when both it and `Authorization: Bearer` are sent (as the API does). */
function authenticate(state: AnthropicState, request: IncomingMessage): AnthropicErrorReply | undefined {
  const header = request.headers['x-api-key']
  const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim()
  const given = typeof header === 'string' ? header : bearer
  if (given === undefined || given === '')
    return { status: 401, type: 'authentication_error', message: 'x-api-key header is required' }
  return given === state.settings.apiKey
    ? undefined
    : { status: 401, type: 'authentication_error', message: 'invalid x-api-key' }
}

function apiVersion(request: IncomingMessage): ApiVersion | AnthropicErrorReply {
  const version = request.headers['anthropic-version']
  if (typeof version !== 'string' || version === '')
    return { status: 400, type: 'invalid_request_error', message: 'anthropic-version: header is required' }
  return (API_VERSIONS as readonly string[]).includes(version)
    ? (version as ApiVersion)
    : { status: 400, type: 'invalid_request_error', message: `anthropic-version: invalid version '${version}'` } // (wording assumed)
}

function take(state: AnthropicState, kind: 'chat' | 'models', entry: RecordedRequest): ScriptedReply | undefined {
  const position = state.queue.findIndex((reply) => reply.route === undefined || reply.route === kind)
  if (position >= 0) return state.queue.splice(position, 1)[0]
  return state.handler?.(entry)
}

/** Scripted faults speak Anthropic: `http` gets its error body, `stream-error` on JSON becomes a 529. */
function anthropicScript(
  script: ScriptedReply | undefined,
  stream: boolean,
  requestId: string,
): ScriptedReply | undefined {
  if (script?.kind === 'http' && script.body === undefined)
    return { ...script, body: defaultErrorBody(script.status, requestId) }
  if (script?.kind === 'stream-error' && !stream)
    return { kind: 'http', status: 529, body: defaultErrorBody(529, requestId), headers: { 'x-should-retry': 'true' } }
  return script
}

async function answerMessages(context: Context, version: ApiVersion, count: boolean): Promise<number> {
  const { state, exchange, entry } = context
  const body = entry.body
  const stream = !count && typeof body === 'object' && body !== null && (body as { stream?: unknown }).stream === true
  const script = anthropicScript(take(state, 'chat', entry), stream, context.requestId)
  if (entry.rawBody !== undefined && body === undefined && script?.skipValidation !== true)
    return sendError(context, {
      status: 400,
      type: 'invalid_request_error',
      message: 'There was an error parsing the body',
    }) // (wording assumed)
  const verdict = validateAnthropicRequest(body, {
    version,
    models: state.settings.models,
    aliases: state.settings.aliases,
    countTokens: count,
  })
  if (!verdict.ok && script?.skipValidation !== true) return sendError(context, verdict)
  const fallback = state.settings.models[0] as AnthropicModelCard
  const request = verdict.ok
    ? verdict.request
    : {
        model: fallback.id,
        max_tokens: 1024,
        messages: [{ role: 'user' as const, content: '' }],
        thinking: { type: 'disabled' as const },
        stream,
      }
  const card = verdict.ok ? verdict.card : fallback
  if (count) {
    await runScript(exchange, script, jsonReply({ input_tokens: inputTokens(request) }))
    return exchange.response.headersSent ? exchange.response.statusCode : 0
  }
  const { stream: _stream, ...answerKey } = request
  const key = hexId(JSON.stringify(answerKey))
  const prefix = cachePrefix(request)
  const cached = prefix === undefined ? undefined : state.promptCache.get(prefix.key)
  const cache =
    prefix === undefined
      ? { written: 0, read: 0 }
      : cached === undefined
        ? { written: prefix.tokens, read: 0 }
        : { written: 0, read: cached }
  if (prefix !== undefined) state.promptCache.set(prefix.key, prefix.tokens)
  const answer = composeAnthropicAnswer(request, card, key, cache, script)
  // The API answers with the resolved id when the request names an alias.
  const meta = { id: messageId(key, String(state.sequence++)), model: card.id }
  const errorAfter = script?.kind === 'stream-error' ? (script.afterChunks ?? 2) : undefined
  const reply = anthropicReply(
    meta,
    answer,
    stream,
    { chunkSize: state.settings.chunkSize, ping: state.settings.ping },
    errorAfter,
    context.requestId,
  )
  await runScript(exchange, script, reply)
  return exchange.response.headersSent ? exchange.response.statusCode : 0
}

async function answerModels(context: Context, id: string | undefined): Promise<number> {
  const { state, exchange, entry } = context
  const script = anthropicScript(take(state, 'models', entry), false, context.requestId)
  if (id !== undefined) {
    const card = findModel(id, state.settings.models, state.settings.aliases)
    if (card === undefined && script === undefined)
      return sendError(context, { status: 404, type: 'not_found_error', message: `model: ${id}` })
    await runScript(exchange, script, jsonReply(card === undefined ? {} : modelInfo(card)))
  } else {
    const query = new URLSearchParams(entry.path.split('?')[1] ?? '')
    const page = modelPage(state.settings.models, query, state.settings.defaultPageSize)
    if ('error' in page && script === undefined) return sendError(context, page.error)
    await runScript(exchange, script, jsonReply('page' in page ? page.page : {}))
  }
  return exchange.response.headersSent ? exchange.response.statusCode : 0
}

async function answer(context: Context, found: Route): Promise<number> {
  switch (found.kind) {
    case 'messages':
    case 'count':
    case 'models':
    case 'model': {
      const denied = authenticate(context.state, context.request)
      if (denied !== undefined) return sendError(context, denied)
      const version = apiVersion(context.request)
      if (typeof version !== 'string') return sendError(context, version)
      if (found.kind === 'messages' || found.kind === 'count')
        return answerMessages(context, version, found.kind === 'count')
      return answerModels(context, found.kind === 'model' ? found.id : undefined)
    }
    case 'method':
      return sendError(context, { status: 405, type: 'invalid_request_error', message: 'Method Not Allowed' })
    case 'preflight':
    case 'unknown':
      return sendError(context, { status: 404, type: 'not_found_error', message: 'Not Found' })
    default: {
      const unknown: never = found
      throw new Error(`unknown route ${JSON.stringify(unknown)}`)
    }
  }
}

function parseJson(bytes: Buffer): unknown {
  if (bytes.length === 0) return undefined
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown
  } catch {
    return undefined
  }
}

async function dispatch(
  state: AnthropicState,
  exchange: Exchange,
  request: IncomingMessage,
  requestId: string,
): Promise<void> {
  const method = request.method ?? 'GET'
  const url = request.url ?? '/'
  const found = route(method, url)
  if (found.kind === 'preflight') {
    exchange.response.writeHead(204, { ...exchange.headers, 'content-length': '0' }).end()
    return
  }
  const read = await readBody(request, state.settings.maxBodyBytes)
  const entry: RecordedRequest = {
    method,
    path: url,
    headers: redacted(request),
    body: read.ok ? parseJson(read.bytes) : undefined,
    ...(read.ok && read.bytes.length > 0 ? { rawBody: read.bytes.toString('utf8') } : {}),
    status: 0,
  }
  if (state.settings.logRequests) state.log.push(entry)
  const context: Context = { state, exchange, request, entry, requestId }
  if (!read.ok) {
    if (read.reason === 'too-large')
      entry.status = sendError(context, {
        status: 413,
        type: 'request_too_large',
        message: 'Request exceeds the maximum allowed number of bytes.',
      })
    return
  }
  entry.status = await answer(context, found)
}

/** The `node:http` request listener of an Anthropic emulator. */
export function createAnthropicRequestListener(
  state: AnthropicState,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const requestId = makeRequestId(String(state.sequence), String(process.hrtime.bigint()))
    response.on('error', () => undefined)
    request.on('error', () => undefined)
    const exchange: Exchange = {
      response,
      headers: headersFor(requestId, request.headers['access-control-request-headers']),
      chunkDelayMs: state.settings.chunkDelayMs,
    }
    dispatch(state, exchange, request, requestId).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error)
      if (!response.headersSent)
        sendJson(response, 500, errorBody('api_error', `Emulator error: ${message}`, requestId), exchange.headers)
      else response.destroy()
    })
  }
}
