/**
 * `POST /v1/fim/completions`: validate, then answer like chat (Mistral's FIM response and stream are
 * chat-shaped: `FIMCompletionResponse` in mistralai/platform-docs-public `openapi-public-doc.yaml`). The
 * deterministic "model" treats `prompt + suffix` as the user text, so the
 * answer is `You said: <prompt><suffix>`, cut by `stop` and `max_tokens` like a chat answer.
 */
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
import { validateFimRequest, type WireFimRequest } from './validate-fim-request.js'
import type { WireChatRequest } from './wire-request.js'

const FALLBACK_ROW: ModelRow = {
  label: 'Emulator fallback',
  chat: true,
  streaming: true,
  jsonMode: false,
  jsonSchema: false,
  images: false,
  documents: false,
  audio: false,
  tools: false,
  n: false,
  reasoning: false,
  prediction: false,
  prefix: false,
  fim: true,
  contextLength: 131_072,
}

function asChatRequest(request: WireFimRequest): WireChatRequest {
  const chat: WireChatRequest = {
    model: request.model,
    messages: [{ role: 'user', content: `${request.prompt}${request.suffix ?? ''}` }],
    max_tokens: request.max_tokens ?? null,
    stop: request.stop ?? null,
  }
  return request.stream === true ? { ...chat, stream: true } : chat
}

function buildReply(
  state: EmulatorState,
  request: WireFimRequest,
  row: ModelRow,
  rawBody: string,
  script: ScriptedReply | undefined,
): NormalReply {
  const { settings } = state
  const requestKey = hexId('fim', rawBody)
  let answer = composeAnswer(asChatRequest(request), row, requestKey, 0)
  if (script?.kind === 'reply') answer = applyReplyOverride(answer, script, requestKey)
  const meta = {
    id: hexId('fim', rawBody, String(state.sequence++)),
    created: Math.floor(settings.now() / 1000),
    model: request.model,
  }
  const shape = { chunkSize: settings.chunkSize, padding: settings.padding, incrementalToolCalls: false }
  const stream = request.stream === true
  if (script?.kind === 'stream-error') return streamErrorReply(meta, answer, stream, shape, script.afterChunks ?? 2)
  return chatReply(meta, answer, stream, shape)
}

/** Handles one FIM request whose body has been read. Resolves with the status sent (0 = none). */
export async function handleFim(
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
  const verdict = validateFimRequest(body, {
    models: settings.models,
    embeddingModels: settings.embeddingModels,
    now: settings.now(),
  })
  if (!verdict.ok && script?.skipValidation !== true) {
    sendJson(exchange.response, verdict.status, verdict.body, exchange.headers)
    return verdict.status
  }
  const request: WireFimRequest = verdict.ok
    ? (body as WireFimRequest)
    : { model: 'unknown', prompt: '', stream: (body as { stream?: unknown } | undefined)?.stream === true }
  await runScript(
    exchange,
    script,
    buildReply(state, request, verdict.ok ? verdict.row : FALLBACK_ROW, rawBody, script),
  )
  return exchange.response.headersSent ? exchange.response.statusCode : 0
}
