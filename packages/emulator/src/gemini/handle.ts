/** One HTTP exchange of the Gemini emulator: read, log, route, authenticate, validate, script, answer. Never throws. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { hexId } from '../deterministic-ids.js'
import type { RecordedRequest } from '../emulator-types.js'
import { runScript, type Exchange } from '../faults.js'
import { sendBytes, sendJson } from '../http-send.js'
import { readBody } from '../read-body.js'
import { composeGeminiAnswer, promptTokens, responseId } from './compose.js'
import { answerEmbed } from './embed.js'
import {
  apiKeyInvalid,
  defaultErrorBody,
  geminiError,
  invalidArgument,
  missingApiKey,
  modelNotFound,
  type GeminiErrorReply,
} from './errors.js'
import { faultOf } from './fault-of.js'
import { answerListModels, answerGetModel } from './list-models.js'
import { findModel, type GeminiEmulatorModel } from './models.js'
import { geminiReply, JSON_HEADERS } from './reply.js'
import { notFoundPage, routeGemini, type GeminiRouteMatch } from './route.js'
import type { GeminiState } from './state.js'
import type { GeminiRoute, GeminiScript } from './types.js'
import { validateGenerateRequest, type GenerateRequest } from './validate-generate.js'

type Json = Record<string, unknown>
type ActionMatch = Extract<GeminiRouteMatch, { kind: 'action' }>

function headersFor(requestedHeaders: string | undefined): Record<string, string> {
  return {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': requestedHeaders ?? 'x-goog-api-key, x-goog-api-client, content-type, *',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-expose-headers': '*',
    vary: 'Origin, X-Origin, Referer',
    server: 'scaffolding on HTTPServer2',
  }
}

function redacted(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue
    headers[name] =
      name === 'x-goog-api-key' || name === 'authorization' ? '***' : Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}

const redactedPath = (url: string): string => url.replace(/([?&]key=)[^&]*/g, '$1***')

function takeScript(
  state: GeminiState,
  route: GeminiRoute,
  request: Omit<RecordedRequest, 'status'>,
): GeminiScript | undefined {
  const position = state.queue.findIndex((reply) => reply.route === undefined || reply.route === route)
  if (position >= 0) return state.queue.splice(position, 1)[0]
  return state.handler?.(request)
}

/** A scripted `http` without a body gets Google's body; `stream-error` on a JSON request is a 500. */
function geminiScript(script: GeminiScript | undefined, stream: boolean): GeminiScript | undefined {
  if (script?.kind === 'http' && script.body === undefined) return { ...script, body: defaultErrorBody(script.status) }
  if (script?.kind === 'stream-error' && !stream) return { kind: 'http', status: 500, body: defaultErrorBody(500) }
  return script
}

function sendError(exchange: Exchange, reply: GeminiErrorReply): number {
  sendJson(exchange.response, reply.status, reply.body, {
    ...exchange.headers,
    'content-type': 'application/json; charset=UTF-8',
  })
  return reply.status
}

function authorize(state: GeminiState, request: IncomingMessage, query: URLSearchParams): GeminiErrorReply | undefined {
  const header = request.headers['x-goog-api-key']
  const given = (Array.isArray(header) ? header[0] : header) ?? query.get('key') ?? undefined
  if (given === undefined || given === '') return missingApiKey()
  return given === state.settings.apiKey ? undefined : apiKeyInvalid()
}

function parseBody(bytes: Buffer): { ok: true; value: unknown } | { ok: false; reply: GeminiErrorReply } {
  if (bytes.length === 0) return { ok: true, value: {} }
  try {
    return { ok: true, value: JSON.parse(bytes.toString('utf8')) as unknown }
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'Unexpected token.'
    return { ok: false, reply: geminiError(400, `Invalid JSON payload received. ${detail}`) }
  }
}

interface Served {
  readonly state: GeminiState
  readonly exchange: Exchange
  readonly entry: RecordedRequest
}

async function answerGenerate(
  served: Served,
  route: ActionMatch,
  model: GeminiEmulatorModel,
  body: unknown,
): Promise<number> {
  const { state, exchange, entry } = served
  const stream = route.action === 'streamGenerateContent'
  const script = geminiScript(takeScript(state, 'generate', entry), stream)
  const verdict = validateGenerateRequest(body, model)
  if (!verdict.ok && script?.skipValidation !== true) return sendError(exchange, verdict)
  const request: GenerateRequest = verdict.ok
    ? verdict.request
    : { contents: [{ role: 'user', parts: [{ text: '' }] }] }
  const key = hexId(model.id, JSON.stringify(body))
  const answer = composeGeminiAnswer(request, model, key, script)
  const config = request.generationConfig ?? {}
  const meta = {
    model: model.id,
    responseId: responseId(`${key}:${state.promptCache.size}`),
    chunkSize: state.settings.chunkSize,
    includeThoughts: config.thinkingConfig?.includeThoughts === true,
    logprobs: config.responseLogprobs === true ? (config.logprobs ?? 1) : undefined,
  }
  const sse = stream && route.query.get('alt') === 'sse'
  const errorAfter = script?.kind === 'stream-error' ? (script.afterChunks ?? 2) : undefined
  const reply = geminiReply(answer, meta, sse, errorAfter)
  // Without `alt=sse` the stream is one JSON array of responses (SDK `_api_client.ts` always asks for SSE).
  const arrayReply = stream && !sse ? { ...reply, json: [reply.json] } : reply
  await runScript(exchange, faultOf(script), arrayReply)
  return exchange.response.headersSent ? exchange.response.statusCode : 0
}

async function answerCount(served: Served, model: GeminiEmulatorModel, body: unknown): Promise<number> {
  const json = (typeof body === 'object' && body !== null ? body : {}) as Json
  const inner = (json.generateContentRequest ?? json) as Json
  const verdict = validateGenerateRequest(
    {
      contents: inner.contents ?? [],
      ...(inner.systemInstruction === undefined ? {} : { systemInstruction: inner.systemInstruction }),
    },
    model,
  )
  if (!verdict.ok) return sendError(served.exchange, verdict)
  const total = promptTokens(verdict.request)
  const script = geminiScript(takeScript(served.state, 'count', served.entry), false)
  await runScript(served.exchange, faultOf(script), {
    json: { totalTokens: total, promptTokensDetails: [{ modality: 'TEXT', tokenCount: total }] },
    events: undefined,
    totalTokens: total,
    headers: JSON_HEADERS,
  })
  return served.exchange.response.headersSent ? served.exchange.response.statusCode : 0
}

async function answerAction(served: Served, route: ActionMatch, bytes: Buffer): Promise<number> {
  const embed = route.action === 'embedContent' || route.action === 'batchEmbedContents'
  const method =
    route.action === 'batchEmbedContents'
      ? 'embedContent'
      : route.action === 'streamGenerateContent'
        ? 'generateContent'
        : route.action
  const model = findModel(served.state.settings.models, route.model, served.state.settings.now())
  const serves = model !== undefined && model.methods.includes(method === 'countTokens' ? 'countTokens' : method)
  if (model === undefined || !serves)
    return sendError(
      served.exchange,
      modelNotFound(route.model, route.action === 'streamGenerateContent' ? 'generateContent' : method),
    )
  const parsed = parseBody(bytes)
  if (!parsed.ok) return sendError(served.exchange, parsed.reply)
  if (route.action === 'countTokens') return answerCount(served, model, parsed.value)
  if (!embed) return answerGenerate(served, route, model, parsed.value)
  const script = geminiScript(takeScript(served.state, 'embed', served.entry), false)
  const verdict = answerEmbed(parsed.value, model, route.action === 'batchEmbedContents')
  if (!verdict.ok && script?.skipValidation !== true) return sendError(served.exchange, verdict)
  const json = verdict.ok ? verdict.json : {}
  await runScript(served.exchange, faultOf(script), { json, events: undefined, totalTokens: 0, headers: JSON_HEADERS })
  return served.exchange.response.headersSent ? served.exchange.response.statusCode : 0
}

async function dispatch(state: GeminiState, exchange: Exchange, request: IncomingMessage): Promise<number> {
  const method = request.method ?? 'GET'
  const url = request.url ?? '/'
  const route = routeGemini(method, url)
  if (route.kind === 'preflight') {
    exchange.response.writeHead(204, { ...exchange.headers, 'content-length': '0' }).end()
    return 204
  }
  const body = await readBody(request, state.settings.maxBodyBytes)
  if (!body.ok)
    return body.reason === 'too-large'
      ? sendError(exchange, invalidArgument('Request payload size exceeds the limit: 20971520 bytes.'))
      : 0
  let parsedForLog: unknown
  try {
    parsedForLog = body.bytes.length > 0 ? (JSON.parse(body.bytes.toString('utf8')) as unknown) : undefined
  } catch {
    parsedForLog = undefined
  }
  const entry: RecordedRequest = {
    method,
    path: redactedPath(url),
    headers: redacted(request),
    body: parsedForLog,
    ...(body.bytes.length > 0 ? { rawBody: body.bytes.toString('utf8') } : {}),
    status: 0,
  }
  if (state.settings.logRequests) state.log.push(entry)
  entry.status = await answerRoute({ state, exchange, entry }, request, route, body.bytes)
  return entry.status
}

async function answerRoute(
  served: Served,
  request: IncomingMessage,
  route: GeminiRouteMatch,
  bytes: Buffer,
): Promise<number> {
  switch (route.kind) {
    case 'unknown':
    case 'preflight': {
      const path = (request.url ?? '/').split('?')[0] ?? '/'
      sendBytes(served.exchange.response, 404, 'text/html; charset=UTF-8', notFoundPage(path), served.exchange.headers)
      return 404
    }
    case 'action':
    case 'list-models':
    case 'get-model': {
      const denied = authorize(served.state, request, route.query)
      if (denied !== undefined) return sendError(served.exchange, denied)
      if (route.kind === 'action') return answerAction(served, route, bytes)
      const script = takeScript(served.state, 'models', served.entry)
      if (route.kind === 'get-model') return answerGetModel(served, route.model, geminiScript(script, false), sendError)
      return answerListModels(served, route.query, geminiScript(script, false), sendError)
    }
    default: {
      const unknown: never = route
      throw new Error(`unknown route ${JSON.stringify(unknown)}`)
    }
  }
}

/** The `node:http` request listener of a Gemini emulator. */
export function createGeminiRequestListener(
  state: GeminiState,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    response.on('error', () => undefined)
    request.on('error', () => undefined)
    const exchange: Exchange = {
      response,
      headers: headersFor(request.headers['access-control-request-headers']),
      chunkDelayMs: state.settings.chunkDelayMs,
    }
    dispatch(state, exchange, request).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error)
      if (!response.headersSent)
        sendJson(response, 500, geminiError(500, `Emulator error: ${message}`).body, exchange.headers)
      else response.destroy()
    })
  }
}
