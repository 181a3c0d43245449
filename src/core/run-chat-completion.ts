/**
 * The chat pipeline shared by every provider: validate → provider.toRequest → send (retries, timeout,
 * abort) → provider.fromResponse, or a ChatCompletionStream over the provider's chunk mapper.
 */
import type { ModelRow, ModelTable } from '../capabilities.js'
import { InputError } from '../errors.js'
import type { ChatCompletion, ModelsPage } from '../types.js'
import { ChatCompletionStream } from './chat-completion-stream.js'
import type { ClientOptions, RequestOptions } from './client-options.js'
import { suggestModelWith } from './feature-gate.js'
import { lookupLiveRow } from './live-model-catalog.js'
import type { ProviderConnection } from './provider-connection.js'
import { callProvider, readJsonBody, refuseRetiredModel, resolveProvider, timeoutOf } from './call-provider.js'
import type { ChatRequestContext, ProviderAdapter } from './provider-adapter.js'
import type { Transport } from './transport.js'
import { validateChatParams } from './validate-params.js'

/** What the client gives the pipeline. */
export interface ClientInternals {
  readonly options: ClientOptions
  findProvider(id: unknown): ProviderAdapter | undefined
  providerIds(): string[]
  connection(provider: ProviderAdapter): ProviderConnection
  models(provider: ProviderAdapter): ModelTable
  transport(): Transport | Promise<Transport>
  /** With the `liveModelCapabilities` option: the row of a model id the table lacks, from the provider's model list. */
  liveModelRow?(provider: ProviderAdapter, model: string): Promise<ModelRow | undefined>
  /** With the `liveModelCapabilities` option: keeps a model list fetched by `models.list()`. */
  rememberModels?(provider: ProviderAdapter, page: ModelsPage): void
}

export async function runChatCompletion(
  client: ClientInternals,
  params: unknown,
  requestOptions: RequestOptions | undefined,
): Promise<ChatCompletion | ChatCompletionStream> {
  const options = requestOptions ?? {}
  // Opt-in (liveModelCapabilities): a model id our table lacks is looked up in the provider's model list.
  const liveRow = await lookupLiveRow(client, params, (record) =>
    validateChatParams(record, options.dropUnsupportedParams ?? client.options.dropUnsupportedParams ?? false),
  )
  const { provider, context, body, connection, stream } = prepareRequest(client, params, options, liveRow)
  const response = await callProvider({
    client,
    provider,
    connection,
    method: 'POST',
    path: provider.chat.path,
    body,
    stream,
    options,
    describeError: (status, message) => describeModelError(status, message, context),
  })
  const responseContext = { provider: provider.id, model: context.model }
  if (stream) {
    return new ChatCompletionStream({
      response,
      mapper: provider.chat.createChunkMapper(responseContext),
      provider,
      redact: connection.redact,
      idleTimeoutMs: options.idleTimeout ?? client.options.idleTimeout ?? timeoutOf(client, options),
    })
  }
  const { json, raw } = await readJsonBody(response, provider, connection)
  return provider.chat.fromResponse(json, raw, responseContext)
}

interface PreparedRequest {
  provider: ProviderAdapter
  context: ChatRequestContext
  body: Record<string, unknown>
  connection: ProviderConnection
  stream: boolean
}

/** Everything that can fail before I/O fails here, with an InputError. */
function prepareRequest(
  client: ClientInternals,
  params: unknown,
  options: RequestOptions,
  liveRow?: ModelRow,
): PreparedRequest {
  const { record, provider } = resolveProvider(client, params, 'create', 'provider, model and messages')
  const dropUnsupportedParams = options.dropUnsupportedParams ?? client.options.dropUnsupportedParams ?? false
  validateChatParams(record, dropUnsupportedParams)
  const model = record.model as string
  const models = client.models(provider)
  const row = Object.hasOwn(models, model) ? models[model] : liveRow
  const connection = client.connection(provider)
  refuseRetiredModel(provider, model, row, connection)
  const context: ChatRequestContext = { provider: provider.id, model, row, models, dropUnsupportedParams, dropped: [] }
  if (row === undefined && provider.embeddings !== undefined && Object.hasOwn(provider.embeddings.models, model)) {
    throw new InputError(
      `Model '${model}' is a ${provider.displayName} embedding model: call embeddings.create() with it, ` +
        `or chat with a chat model such as '${suggestModelWith(context, 'chat') ?? 'another model'}'.`,
      'model',
    )
  }
  if (record.stream === true && row !== undefined && !row.streaming) {
    throw new InputError(`Model '${model}' (${provider.id}) does not support streaming; remove stream: true.`, 'stream')
  }
  const body = provider.chat.toRequest(record, context)
  return { provider, context, body, connection, stream: record.stream === true }
}

/** A 404 names the model, and for a retired one (reached through a custom base URL) its replacement. */
function describeModelError(status: number, message: string, context: ChatRequestContext): string {
  if (status !== 404) return message
  const replacement = context.row?.retirement?.replacement
  const retired =
    context.row?.retirement === undefined
      ? ''
      : ` It was retired on ${context.row.retirement.retiresOn}${replacement === undefined ? '' : `; use '${replacement}'`}.`
  return `${message} (model '${context.model}', provider ${context.provider}).${retired}`
}
