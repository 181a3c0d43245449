/** `POST /v1/embeddings`: parse, validate, build deterministic vectors, deliver (possibly through a fault). */
import { countTokens } from './count-tokens.js'
import { hexId } from './deterministic-ids.js'
import { applyDtype, base64Vector, floatVector } from './embedding-vectors.js'
import { validationErrorBody } from './error-bodies.js'
import type { ScriptedReply } from './emulator-types.js'
import type { EmulatorState } from './emulator-state.js'
import { runScript, type Exchange } from './faults.js'
import { sendJson } from './http-send.js'
import type { NormalReply } from './normal-reply.js'
import type { ParsedBody } from './parse-json-body.js'
import { validateEmbeddingRequest, type WireEmbeddingRequest } from './validate-embeddings-request.js'

/** Used when a scripted reply skips validation and the request names no served embedding model. */
const FALLBACK_DIMENSIONS = 1024

function embeddingsBody(request: WireEmbeddingRequest, dimensions: number, rawBody: string): Record<string, unknown> {
  const inputs = typeof request.input === 'string' ? [request.input] : request.input
  const dtype = request.output_dtype ?? 'float'
  const data = inputs.map((text, index) => {
    const values = applyDtype(floatVector(request.model, text, dimensions), dtype)
    return {
      object: 'embedding',
      embedding: request.encoding_format === 'base64' ? base64Vector(values, dtype) : values,
      index,
    }
  })
  const tokens = inputs.reduce((sum, text) => sum + countTokens(text), 0)
  return {
    id: hexId('embeddings', rawBody),
    object: 'list',
    data,
    model: request.model,
    usage: { prompt_tokens: tokens, total_tokens: tokens, completion_tokens: 0 },
  }
}

/** Handles one embeddings request whose body has been read. Resolves with the status sent (0 = none). */
export async function handleEmbeddings(
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
  const verdict = validateEmbeddingRequest(body, {
    models: settings.models,
    embeddingModels: settings.embeddingModels,
    now: settings.now(),
  })
  if (!verdict.ok && script?.skipValidation !== true) {
    sendJson(exchange.response, verdict.status, verdict.body, exchange.headers)
    return verdict.status
  }
  const request: WireEmbeddingRequest = verdict.ok ? (body as WireEmbeddingRequest) : { model: 'unknown', input: [] }
  const dimensions = verdict.ok ? (request.output_dimension ?? verdict.row.defaultDimensions) : FALLBACK_DIMENSIONS
  const json = embeddingsBody(request, dimensions, rawBody)
  const reply: NormalReply = {
    json,
    events: undefined,
    totalTokens: (json['usage'] as { total_tokens: number }).total_tokens,
  }
  await runScript(exchange, script, reply)
  return exchange.response.headersSent ? exchange.response.statusCode : 0
}
