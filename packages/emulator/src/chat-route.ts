/** `POST /v1/chat/completions`: parse, validate, compose, then deliver (possibly through a fault). */
import type { ModelRow } from './model-types.js'
import { applyReplyOverride } from './apply-reply-override.js'
import { composeAnswer } from './compose-answer.js'
import { hexId } from './deterministic-ids.js'
import { validationErrorBody } from './error-bodies.js'
import type { ScriptedReply } from './emulator-types.js'
import type { EmulatorState } from './emulator-state.js'
import { runScript, type Exchange } from './faults.js'
import { sendJson } from './http-send.js'
import { chatReply, streamErrorReply, type NormalReply } from './normal-reply.js'
import type { ParsedBody } from './parse-json-body.js'
import { findServedModel } from './validate-model-capabilities.js'
import { wireEraAt } from './wire-era.js'
import { validateChatCompletionRequest } from './validate-chat-request.js'
import type { WireChatRequest } from './wire-request.js'

/** Used when a scripted reply skips validation and the request names no served model. */
const PERMISSIVE_ROW: ModelRow = {
  label: 'Emulator fallback',
  chat: true,
  streaming: true,
  jsonMode: true,
  jsonSchema: true,
  images: true,
  documents: true,
  audio: true,
  tools: true,
  n: true,
  reasoning: false,
  prediction: true,
  prefix: true,
  fim: false,
  contextLength: 131_072,
}

function fallbackRequest(body: unknown): WireChatRequest {
  const model =
    typeof body === 'object' && body !== null && typeof (body as { model?: unknown }).model === 'string'
      ? (body as { model: string }).model
      : 'unknown'
  const stream = typeof body === 'object' && body !== null && (body as { stream?: unknown }).stream === true
  return { model, messages: [{ role: 'user', content: '' }], stream }
}

function buildReply(
  state: EmulatorState,
  request: WireChatRequest,
  rawBody: string,
  script: ScriptedReply | undefined,
): NormalReply {
  const { settings } = state
  const row = findServedModel(settings.models, request.model, settings.now()) ?? PERMISSIVE_ROW
  const requestKey = hexId(rawBody)
  const cacheKey = request.prompt_cache_key
  const cached = typeof cacheKey === 'string' ? (state.promptCache.get(cacheKey) ?? 0) : 0
  let answer = composeAnswer(request, row, requestKey, cached)
  if (typeof cacheKey === 'string') state.promptCache.set(cacheKey, answer.usage.prompt_tokens)
  if (script?.kind === 'reply') answer = applyReplyOverride(answer, script, requestKey)
  const meta = {
    id: hexId(rawBody, String(state.sequence++)),
    created: Math.floor(settings.now() / 1000),
    model: request.model,
    era: wireEraAt(settings.now()),
  }
  const shape = {
    chunkSize: settings.chunkSize,
    padding: settings.padding,
    incrementalToolCalls: row.thirdParty === true,
    thinkingClosed: meta.era.thinkingClosed,
  }
  const stream = request.stream === true
  if (script?.kind === 'stream-error') return streamErrorReply(meta, answer, stream, shape, script.afterChunks ?? 2)
  return chatReply(meta, answer, stream, shape)
}

/** Handles one chat request whose body has been read. Resolves with the status sent (0 = none). */
export async function handleChat(
  state: EmulatorState,
  exchange: Exchange,
  parsed: ParsedBody,
  rawBody: string,
  script: ScriptedReply | undefined,
): Promise<number> {
  const { settings } = state
  if (!parsed.ok && script?.skipValidation !== true) {
    sendJson(exchange.response, 422, validationErrorBody([parsed.issue]), exchange.headers)
    return 422
  }
  const body = parsed.ok ? parsed.value : undefined
  const verdict = validateChatCompletionRequest(body, {
    models: settings.models,
    now: settings.now(),
    embeddingModels: settings.embeddingModels,
  })
  if (!verdict.ok && script?.skipValidation !== true) {
    sendJson(exchange.response, verdict.status, verdict.body, exchange.headers)
    return verdict.status
  }
  const request = verdict.ok ? (body as WireChatRequest) : fallbackRequest(body)
  await runScript(exchange, script, buildReply(state, request, rawBody, script))
  return exchange.response.headersSent ? exchange.response.statusCode : 0
}
