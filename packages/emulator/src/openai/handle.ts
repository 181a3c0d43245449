/** One HTTP exchange of the OpenAI-format emulator: read, log, route, authenticate, validate, script, answer. Never throws. */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { isRetired, type ModelRow } from '../model-types.js'
import { hexId } from '../deterministic-ids.js'
import type { RecordedRequest, ScriptedReply, ScriptHandler } from '../emulator-types.js'
import { runScript, type Exchange } from '../faults.js'
import { sendJson } from '../http-send.js'
import { jsonReply } from '../normal-reply.js'
import { parseJsonBody } from '../parse-json-body.js'
import { readBody } from '../read-body.js'
import { routeRequest } from '../route-request.js'
import { alphanumericId, composeOpenAIAnswer, PERMISSIVE_ROW } from './compose.js'
import {
  defaultErrorBody,
  errorBody,
  invalidApiKey,
  modelNotFound,
  withoutCode,
  type OpenAIErrorReply,
} from './errors.js'
import { openAIReply, type ReplyShape } from './reply.js'
import type { OpenAIEmulatorQuirks } from './types.js'
import { validateOpenAIChatRequest } from './validate.js'

export interface OpenAISettings {
  readonly apiKey: string
  readonly requireApiKey: boolean
  readonly chunkSize: number
  readonly chunkDelayMs: number
  readonly maxBodyBytes: number
  readonly models: Readonly<Record<string, ModelRow>>
  readonly extraModels: ReadonlySet<string>
  readonly now: () => number
  readonly logRequests: boolean
  readonly quirks: OpenAIEmulatorQuirks
}

export interface OpenAIState {
  readonly settings: OpenAISettings
  readonly log: RecordedRequest[]
  readonly queue: ScriptedReply[]
  handler: ScriptHandler | undefined
  readonly promptCache: Map<string, number>
  sequence: number
}

type Json = Record<string, unknown>

function takeScript(
  state: OpenAIState,
  route: 'chat' | 'models',
  request: Omit<RecordedRequest, 'status'>,
): ScriptedReply | undefined {
  const position = state.queue.findIndex((reply) => reply.route === undefined || reply.route === route)
  if (position >= 0) return state.queue.splice(position, 1)[0]
  return state.handler?.(request)
}

function headersFor(requestId: string, requestedHeaders: string | undefined): Record<string, string> {
  return {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': requestedHeaders ?? 'authorization, content-type, *',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-expose-headers': '*, x-request-id, retry-after, retry-after-ms, x-should-retry',
    'x-request-id': `req_${requestId.replaceAll('-', '')}`,
    'openai-version': '2020-10-01',
    'openai-organization': 'user-emulator',
    'openai-processing-ms': '1',
    'x-ratelimit-limit-requests': '10000',
    'x-ratelimit-remaining-requests': '9999',
    'x-ratelimit-reset-requests': '6ms',
    'x-ratelimit-limit-tokens': '30000000',
    'x-ratelimit-remaining-tokens': '29999000',
    'x-ratelimit-reset-tokens': '2ms',
  }
}

function redactedHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue
    headers[name] = name === 'authorization' ? 'Bearer ***' : Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}

function sendError(state: OpenAIState, exchange: Exchange, reply: OpenAIErrorReply): number {
  const body = state.settings.quirks.errorCode === 'absent' ? withoutCode(reply.body) : reply.body
  sendJson(exchange.response, reply.status, body, exchange.headers)
  return reply.status
}

function authorized(state: OpenAIState, request: IncomingMessage): OpenAIErrorReply | undefined {
  if (!state.settings.requireApiKey) return undefined
  const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')
  const given = match?.[1]?.trim()
  return given === state.settings.apiKey ? undefined : invalidApiKey(given)
}

/** A scripted `http` fault without a body gets OpenAI's body; `stream-error` on a JSON request is a 500. */
function openAIScript(script: ScriptedReply | undefined, stream: boolean): ScriptedReply | undefined {
  if (script?.kind === 'http' && script.body === undefined) return { ...script, body: defaultErrorBody(script.status) }
  if (script?.kind === 'stream-error' && !stream) return { kind: 'http', status: 500, body: defaultErrorBody(500) }
  return script
}

function serviceTier(body: Json): string {
  const tier = body.service_tier
  if (tier === 'priority' || tier === 'fast') return 'priority'
  if (tier === 'flex' || tier === 'scale') return tier
  return 'default'
}

async function answerChat(
  state: OpenAIState,
  exchange: Exchange,
  bytes: Buffer,
  request: IncomingMessage,
  entry: RecordedRequest,
): Promise<number> {
  const parsed = parseJsonBody(bytes, request.headers['content-type'])
  const raw = bytes.toString('utf8')
  const value = parsed.ok ? parsed.value : undefined
  const stream = typeof value === 'object' && value !== null && (value as Json).stream === true
  const script = openAIScript(takeScript(state, 'chat', entry), stream)
  const { settings } = state
  const verdict = validateOpenAIChatRequest(value, {
    models: settings.models,
    extraModels: settings.extraModels,
    quirks: settings.quirks,
    now: settings.now(),
  })
  if (!verdict.ok && script?.skipValidation !== true) return sendError(state, exchange, verdict)
  const body: Json = verdict.ok
    ? (value as Json)
    : { model: 'unknown', messages: [{ role: 'user', content: '' }], stream }
  const row = (verdict.ok ? verdict.row : undefined) ?? PERMISSIVE_ROW
  // Ids derive from the request minus its stream flags, so a streamed answer matches the JSON one.
  const { stream: _stream, stream_options: _options, ...answerKey } = body
  const requestKey = hexId(JSON.stringify(answerKey))
  const cacheKey = body.prompt_cache_key
  const cached = typeof cacheKey === 'string' ? (state.promptCache.get(cacheKey) ?? 0) : 0
  const answer = composeOpenAIAnswer(body, row, requestKey, cached, script)
  if (typeof cacheKey === 'string') state.promptCache.set(cacheKey, answer.usage.prompt_tokens)
  const sequence = String(state.sequence++)
  const meta = {
    id: alphanumericId('chatcmpl-', 29, raw, sequence),
    created: Math.floor(settings.now() / 1000),
    model: String(body.model),
    systemFingerprint: `fp_${hexId('fingerprint', String(body.model)).slice(0, 10)}`,
    serviceTier: serviceTier(body),
  }
  const options = (body.stream_options ?? {}) as { include_usage?: boolean; include_obfuscation?: boolean }
  const shape: ReplyShape = {
    chunkSize: settings.chunkSize,
    includeUsage: options.include_usage === true,
    obfuscation: options.include_obfuscation !== false,
    logprobs: body.logprobs === true,
    topLogprobs: typeof body.top_logprobs === 'number' ? body.top_logprobs : 0,
    quirks: settings.quirks,
  }
  const errorAfter = script?.kind === 'stream-error' ? (script.afterChunks ?? 2) : undefined
  await runScript(exchange, script, openAIReply(meta, answer, stream, shape, errorAfter))
  return exchange.response.headersSent ? exchange.response.statusCode : 0
}

/** OpenAI's model object; `shutdown_date` is the announced shutdown (YYYY-MM-DD) or null (deprecations page). */
function modelCard(id: string, created: number, row: ModelRow | undefined): Json {
  return {
    id,
    object: 'model',
    created,
    owned_by: id.startsWith('ft:') ? 'user-emulator' : 'system',
    shutdown_date: row?.retirement?.retiresOn ?? null,
  }
}

async function answerModels(
  state: OpenAIState,
  exchange: Exchange,
  entry: RecordedRequest,
  id: string | undefined,
): Promise<number> {
  const created = 1_700_000_000
  const now = state.settings.now()
  const { models } = state.settings
  const served = Object.keys(models).filter((model) => !isRetired(models[model] as ModelRow, now))
  const ids = [...served, ...state.settings.extraModels]
  const script = takeScript(state, 'models', entry)
  if (id !== undefined && !ids.includes(id) && script === undefined)
    return sendError(state, exchange, modelNotFound(id))
  const body =
    id === undefined
      ? { object: 'list', data: ids.map((model) => modelCard(model, created, models[model])) }
      : modelCard(id, created, models[id])
  await runScript(exchange, openAIScript(script, false), jsonReply(body))
  return exchange.response.headersSent ? exchange.response.statusCode : 0
}

async function dispatch(state: OpenAIState, exchange: Exchange, request: IncomingMessage): Promise<number> {
  const method = request.method ?? 'GET'
  const url = request.url ?? '/'
  const route = routeRequest(method, url)
  if (route.kind === 'preflight') {
    exchange.response.writeHead(204, { ...exchange.headers, 'content-length': '0' }).end()
    return 204
  }
  const body = await readBody(request, state.settings.maxBodyBytes)
  if (!body.ok) {
    return body.reason === 'too-large'
      ? sendError(state, exchange, { status: 413, body: errorBody('Request body is too large.') })
      : 0
  }
  const parsed = parseJsonBody(body.bytes, request.headers['content-type'])
  const entry: RecordedRequest = {
    method,
    path: url,
    headers: redactedHeaders(request),
    body: parsed.ok && typeof parsed.value !== 'string' ? parsed.value : undefined,
    ...(body.bytes.length > 0 ? { rawBody: body.bytes.toString('utf8') } : {}),
    status: 0,
  }
  if (state.settings.logRequests) state.log.push(entry)
  entry.status = await answerRoute(
    state,
    exchange,
    request,
    route,
    body.bytes,
    entry,
    `${method} ${url.split('?')[0] ?? ''}`,
  )
  return entry.status
}

async function answerRoute(
  state: OpenAIState,
  exchange: Exchange,
  request: IncomingMessage,
  route: ReturnType<typeof routeRequest>,
  bytes: Buffer,
  entry: RecordedRequest,
  described: string,
): Promise<number> {
  switch (route.kind) {
    case 'chat':
    case 'models':
    case 'model': {
      const denied = authorized(state, request)
      if (denied !== undefined) return sendError(state, exchange, denied)
      if (route.kind === 'chat') return answerChat(state, exchange, bytes, request, entry)
      return answerModels(state, exchange, entry, route.kind === 'model' ? route.id : undefined)
    }
    case 'method-not-allowed':
      return sendError(state, exchange, { status: 405, body: errorBody(`Invalid method for URL (${described})`) })
    default:
      // Routes of the Mistral emulator this one does not serve (embeddings, FIM…) are unknown URLs here.
      return sendError(state, exchange, { status: 404, body: errorBody(`Invalid URL (${described})`) })
  }
}

/** The `node:http` request listener of an OpenAI-format emulator. */
export function createOpenAIRequestListener(
  state: OpenAIState,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const requestId = randomUUID()
    response.on('error', () => undefined)
    request.on('error', () => undefined)
    const exchange: Exchange = {
      response,
      headers: headersFor(requestId, request.headers['access-control-request-headers']),
      chunkDelayMs: state.settings.chunkDelayMs,
    }
    dispatch(state, exchange, request).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error)
      if (!response.headersSent)
        sendJson(response, 500, errorBody(`Emulator error: ${message}`, null, null, 'server_error'), exchange.headers)
      else response.destroy()
    })
  }
}
