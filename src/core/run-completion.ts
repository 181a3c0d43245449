/**
 * The text-completion pipeline (`completions.create`; Mistral: fill-in-the-middle): validate (before
 * any I/O) → the provider's completions section (loaded on demand) toRequest → send → fromResponse,
 * or a CompletionStream over its chunk mapper. Loaded on first `completions.create()` (client.ts
 * imports it dynamically).
 */
import { InputError } from '../errors.js'
import type { Completion } from '../types.js'
import type { RequestOptions } from './client-options.js'
import { CompletionStream } from './completion-stream.js'
import { lookupLiveRow } from './live-model-catalog.js'
import type { ChatRequestContext } from './provider-adapter.js'
import {
  callProvider,
  describeNotFound,
  readJsonBody,
  refuseRetiredModel,
  requireModelId,
  resolveProvider,
  timeoutOf,
} from './provider-call.js'
import type { ClientInternals } from './run-chat-completion.js'
import { suggestModelWith } from './feature-gate.js'
import { arrayOf, boolean, either, number, optional, record, string, type Check } from './shape-checks.js'

const paramChecks: Readonly<Record<string, Check>> = {
  suffix: optional(string),
  max_tokens: optional(number),
  min_tokens: optional(number),
  temperature: optional(number),
  top_p: optional(number),
  seed: optional(number),
  n: optional(number),
  stop: optional(either('a string or an array of strings', string, arrayOf(string))),
  stream: optional(boolean),
  metadata: optional(record),
  prompt_cache_key: optional(string),
}

export async function runCompletion(
  client: ClientInternals,
  params: unknown,
  requestOptions: RequestOptions | undefined,
): Promise<Completion | CompletionStream> {
  const options = requestOptions ?? {}
  const { record: fields, provider } = resolveProvider(
    client,
    params,
    'completions.create',
    'provider, model and prompt',
  )
  const loadCompletions = provider.completions
  if (loadCompletions === undefined) {
    throw new InputError(`token.js has no text-completion endpoint for ${provider.displayName}.`, 'provider')
  }
  const liveRow = await lookupLiveRow(client, fields, validateCompletionParams)
  validateCompletionParams(fields)
  const model = fields.model as string
  const models = client.models(provider)
  const row = Object.hasOwn(models, model) ? models[model] : liveRow
  const embeddingModel = provider.embeddings !== undefined && Object.hasOwn(provider.embeddings.models, model)
  const connection = client.connection(provider)
  refuseRetiredModel(provider, model, row, connection)
  const context: ChatRequestContext = {
    provider: provider.id,
    model,
    row,
    models,
    dropUnsupportedParams: options.dropUnsupportedParams ?? client.options.dropUnsupportedParams ?? false,
    dropped: [],
  }
  if (embeddingModel) {
    const instead = suggestModelWith(context, 'fim')
    throw new InputError(
      `Model '${model}' is a ${provider.displayName} embedding model and cannot complete text` +
        `${instead === undefined ? '' : `; use a model with fill-in-the-middle, such as '${instead}'`}.`,
      'model',
    )
  }
  const stream = fields.stream === true
  if (stream && row !== undefined && !row.streaming) {
    throw new InputError(`Model '${model}' (${provider.id}) does not support streaming; remove stream: true.`, 'stream')
  }
  const completions = await loadCompletions()
  const body = completions.toRequest(fields, context)
  const response = await callProvider({
    client,
    provider,
    connection,
    method: 'POST',
    path: completions.path,
    body,
    stream,
    options,
    describeError: describeNotFound(model, provider.id),
  })
  const responseContext = { provider: provider.id, model }
  if (stream) {
    return new CompletionStream({
      response,
      mapper: completions.createChunkMapper(responseContext),
      provider,
      redact: connection.redact,
      idleTimeoutMs: options.idleTimeout ?? client.options.idleTimeout ?? timeoutOf(client, options),
    })
  }
  const { json, raw } = await readJsonBody(response, provider, connection)
  return completions.fromResponse(json, raw, responseContext)
}

/** The OpenAI shape of completion params; throws InputError with the parameter path. */
function validateCompletionParams(fields: Record<string, unknown>): void {
  requireModelId(fields, 'codestral-latest')
  const prompt = fields.prompt
  if (Array.isArray(prompt)) {
    throw new InputError(
      `'prompt' must be one string: a FIM request completes one prompt. Call create() once per prompt.`,
      'prompt',
    )
  }
  if (typeof prompt !== 'string') {
    throw new InputError(
      `'prompt' must be a string (the code before the gap), got ${prompt === undefined ? 'nothing' : prompt === null ? 'null' : typeof prompt}.`,
      'prompt',
    )
  }
  for (const [key, check] of Object.entries(paramChecks)) check(fields[key], key)
}
