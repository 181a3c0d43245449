/**
 * The model layer: unknown or retired ids → 404, features the model's row lacks → 400.
 * Wordings other than reasoning_effort and prompt_mode are assumed (see the README of the emulator).
 */
import { isRetired, type ModelRow } from './model-types.js'
import { invalidArgsError, type SemanticError } from './semantic-error.js'
import { contentChunks, isFunctionTool, type WireChatRequest, type WireChunk } from './wire-request.js'

/** Finds a model row that is served at `now`, or `undefined`. */
export function findServedModel<Row extends Pick<ModelRow, 'retirement'>>(
  models: Readonly<Record<string, Row>>,
  id: string,
  now: number,
): Row | undefined {
  const row = Object.hasOwn(models, id) ? models[id] : undefined
  return row === undefined || isRetired(row, now) ? undefined : row
}

/** Upper bound on `n`; the live limit is unknown, this one keeps the emulator's memory bounded. */
const MAX_CHOICES = 64

function usedChunkTypes(request: WireChatRequest): Set<WireChunk['type']> {
  const types = new Set<WireChunk['type']>()
  for (const message of request.messages) {
    for (const chunk of contentChunks(message.content)) types.add(chunk.type)
  }
  return types
}

function unsupported(model: string, what: string): SemanticError {
  return invalidArgsError(`Model ${model} does not support ${what}.`)
}

function checkInputs(request: WireChatRequest, row: ModelRow): SemanticError | undefined {
  const types = usedChunkTypes(request)
  if (types.has('image_url') && !row.images) return unsupported(request.model, 'image input')
  if (types.has('input_audio') && !row.audio) return unsupported(request.model, 'audio input')
  if (types.has('document_url') && !row.documents) return unsupported(request.model, 'document input')
  const functionTools = (request.tools ?? []).filter(isFunctionTool)
  if (functionTools.length > 0 && !row.tools) return unsupported(request.model, 'function calling')
  return undefined
}

function checkOutputs(request: WireChatRequest, row: ModelRow): SemanticError | undefined {
  const format = request.response_format?.type
  if (format === 'json_object' && !row.jsonMode) return unsupported(request.model, 'JSON mode')
  if (format === 'json_schema' && !row.jsonSchema) return unsupported(request.model, 'structured outputs (json_schema)')
  const n = request.n ?? 1
  if (n > MAX_CHOICES) return invalidArgsError(`n=${n} is too large. Must be at most ${MAX_CHOICES}`)
  if (n > 1 && !row.n) return unsupported(request.model, 'n > 1')
  if (request.prediction !== undefined && !row.prediction) return unsupported(request.model, 'predicted outputs')
  if (request.prediction !== undefined && n > 1)
    return invalidArgsError('Predicted outputs are not supported with n > 1.')
  const last = request.messages[request.messages.length - 1]
  if (last?.role === 'assistant' && last.prefix === true && !row.prefix)
    return unsupported(request.model, 'assistant prefix')
  return undefined
}

function checkReasoning(request: WireChatRequest, row: ModelRow): SemanticError | undefined {
  if (request.prompt_mode !== undefined && request.prompt_mode !== null) {
    return invalidArgsError('Reasoning prompt mode is not enabled for this model')
  }
  const effort = request.reasoning_effort
  if (effort === undefined || effort === null) return undefined
  const allowed = row.reasoningEfforts
  if (allowed !== undefined && !allowed.includes(effort as never)) {
    return invalidArgsError(
      `reasoning_effort='${effort}' is not supported for this model. Must be one of (${allowed.join(', ')})`,
    )
  }
  if (allowed === undefined && !row.reasoning)
    return invalidArgsError(`reasoning_effort='${effort}' is not supported for this model.`)
  return undefined
}

/** The first capability the request needs and `row` lacks, or `undefined`. */
export function checkModelCapabilities(request: WireChatRequest, row: ModelRow): SemanticError | undefined {
  if (!row.chat) return unsupported(request.model, 'chat completions')
  return checkInputs(request, row) ?? checkOutputs(request, row) ?? checkReasoning(request, row)
}
