/**
 * The embeddings pipeline: validate (before any I/O) → split into batches under the provider's token
 * limit → provider.embeddings mapping's toRequest per batch → send the batches one after another →
 * re-join the vectors in input order and add up the usage. Loaded on first `embeddings.create()`
 * (client.ts imports it dynamically), like the provider's mapping (`provider.embeddings.load()`).
 */
import type { EmbeddingModelTable } from '../capabilities.js'
import { InputError } from '../errors.js'
import type { CreateEmbeddingResponse } from '../types.js'
import type { RequestOptions } from './client-options.js'
import type { EmbeddingsRequestContext, ProviderAdapter, ProviderEmbeddings } from './provider-adapter.js'
import {
  callProvider,
  readJsonBody,
  describeModelNotFound,
  requireModelId,
  resolveProvider,
} from './lazy-pipeline-helpers.js'
import type { ClientInternals } from './client-internals.js'
import { literal, number, optional, record } from './shape-checks.js'
import { splitEmbeddingBatches } from './split-embedding-batches.js'
import { reportDropped } from './warnings.js'
import { addResultMetadata, type RawCall } from './api-promise.js'
import { isObserved, observeCall } from './observation.js'

export async function runEmbeddings(
  client: ClientInternals,
  params: unknown,
  requestOptions: RequestOptions | undefined,
  raw: RawCall = {},
): Promise<CreateEmbeddingResponse> {
  const options = requestOptions ?? {}
  const { record: fields, provider } = resolveProvider(client, params, 'embeddings.create', 'provider, model and input')
  const embeddings = provider.embeddings
  if (embeddings === undefined) {
    throw new InputError(`token.js has no embeddings endpoint for ${provider.displayName}.`, 'provider')
  }
  const model = requireModelId(fields, suggestEmbeddingModel(embeddings.models) ?? 'an embedding model')
  const input = checkInput(fields.input)
  optional(literal('float', 'base64'))(fields.encoding_format, 'encoding_format')
  optional(number)(fields.dimensions, 'dimensions')
  optional(record)(fields.metadata, 'metadata')
  const row = Object.hasOwn(embeddings.models, model) ? embeddings.models[model] : undefined
  if (row === undefined) refuseChatModel(client, provider, embeddings, model)
  const connection = client.connection(provider)
  const mapping = await embeddings.load()
  const context: EmbeddingsRequestContext = {
    provider: provider.id,
    model,
    row,
    models: embeddings.models,
    dropUnsupportedParams: options.dropUnsupportedParams ?? client.options.dropUnsupportedParams ?? false,
    dropped: [],
  }
  // Every batch is mapped before the first is sent: a refusal never leaves half the work done.
  const batches = splitEmbeddingBatches(input, mapping.maxBatchTokens, mapping.maxBatchInputs).map((batch) => ({
    offset: batch.offset,
    body: mapping.toRequest(fields, batch.items, context),
  }))
  const warnings = reportDropped(client.options, context.dropped, provider.id, model)
  const encodingFormat = fields.encoding_format === 'base64' ? 'base64' : 'float'
  const observer = isObserved(client, options)
    ? await observeCall(client, options, 'embeddings', { provider, connection, stream: false, record: fields })
    : undefined
  let result: CreateEmbeddingResponse | undefined
  try {
    for (const batch of batches) {
      const exchange = observer?.exchange(batch.body)
      const response = await callProvider({
        client,
        provider,
        connection,
        method: 'POST',
        path: typeof mapping.path === 'function' ? mapping.path(model) : mapping.path,
        body: batch.body,
        stream: false,
        options,
        describeError: describeModelNotFound(provider, model, row),
        raw,
        observer: exchange,
      })
      const body = await readJsonBody(response, provider, connection, raw)
      const part = mapping.fromResponse(body.json, body.raw, {
        provider: provider.id,
        model,
        encodingFormat,
        indexOffset: batch.offset,
      })
      exchange?.response(response, part)
      result = result === undefined ? part : join(result, part)
    }
  } catch (error) {
    await observer?.fail(error)
    throw error
  }
  observer?.succeed(result)
  if (warnings !== undefined) (result as CreateEmbeddingResponse).warnings = warnings
  // Several batches: the last response is the one recorded (its request id, its headers).
  raw.model = model
  addResultMetadata(result, raw)
  return result as CreateEmbeddingResponse
}

function checkInput(input: unknown): string[] {
  const hint = 'Pass a non-empty string or a non-empty array of non-empty strings.'
  if (typeof input === 'string') {
    if (input === '') throw new InputError(`'input' is an empty string. ${hint}`, 'input')
    return [input]
  }
  if (!Array.isArray(input)) {
    throw new InputError(
      `'input' must be a string or an array of strings, got ${input === null ? 'null' : typeof input}. ${hint}`,
      'input',
    )
  }
  if (input.length === 0) throw new InputError(`'input' is an empty array. ${hint}`, 'input')
  input.forEach((item: unknown, index) => {
    if (typeof item !== 'string') {
      const what =
        Array.isArray(item) || typeof item === 'number' ? 'token ids' : item === null ? 'null' : `a ${typeof item}`
      throw new InputError(`'input[${index}]' is ${what}; token.js embeds text only. ${hint}`, `input[${index}]`)
    }
    if (item === '') throw new InputError(`'input[${index}]' is an empty string. ${hint}`, `input[${index}]`)
  })
  return input as string[]
}

/** A chat model of the same provider cannot embed: say which models can. */
function refuseChatModel(
  client: ClientInternals,
  provider: ProviderAdapter,
  embeddings: ProviderEmbeddings,
  model: string,
): void {
  if (!Object.hasOwn(client.models(provider), model)) return
  const suggestion = suggestEmbeddingModel(embeddings.models)
  throw new InputError(
    `Model '${model}' is a ${provider.displayName} chat model and cannot create embeddings` +
      `${suggestion === undefined ? '' : `; use an embedding model such as '${suggestion}'`}.`,
    'model',
  )
}

/** A current alias (short, stable name) of the embedding table, else its first current id. */
export function suggestEmbeddingModel(models: EmbeddingModelTable): string | undefined {
  const current = Object.entries(models).filter(([, row]) => row.retirement === undefined)
  return (current.find(([, row]) => row.aliasOf !== undefined) ?? current[0])?.[0]
}

function join(left: CreateEmbeddingResponse, right: CreateEmbeddingResponse): CreateEmbeddingResponse {
  return {
    object: 'list',
    data: [...left.data, ...right.data],
    model: left.model,
    usage: {
      prompt_tokens: left.usage.prompt_tokens + right.usage.prompt_tokens,
      total_tokens: left.usage.total_tokens + right.usage.total_tokens,
    },
  }
}
