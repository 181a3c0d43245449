/**
 * The one pipeline of chat and text completions: validate → provider section `prepare` (a pure request
 * description) → send (retries, timeout, abort) → `fromResponse`, or a stream over the section's mapper.
 * What differs between the two (validation, the section, the stream class, messages) is a GenerationKind.
 */
import type { ModelRow } from '../capabilities.js'
import { InputError } from '../errors.js'
import type { ClientInternals } from './client-internals.js'
import type { RequestOptions } from './client-options.js'
import { lookupLiveRow } from './live-model-lookup.js'
import {
  callProvider,
  describeModelNotFound,
  maxResponseSizeOf,
  readJsonBody,
  resolveProvider,
  timeoutOf,
} from './call-provider.js'
import type {
  GenerationRequestContext,
  GenerationSection,
  ProviderAdapter,
  ProviderRequest,
} from './provider-adapter.js'
import type { ProviderConnection } from './provider-connection.js'
import type { StreamOptions, StreamedChunk } from './chunk-stream.js'
import { addResultMetadata, type RawCall } from './api-promise.js'
import { isObserved, observeCall } from './observation.js'
import { reportDropped, type DroppedParam, type TokenJSWarning } from './warnings.js'

/** What makes a pipeline the chat one or the text-completion one. */
export interface GenerationKind<Result, Chunk extends StreamedChunk, Stream> {
  /** The public method, for messages (`create`, `completions.create`). */
  readonly call: string
  /** The params it needs, for messages. */
  readonly expected: string
  /** The section's name in messages (`text-completion`); also names the operation for hooks and telemetry. */
  readonly sectionName: 'chat' | 'text-completion'
  /** The provider's section; undefined (or a rejected load) when the provider has none. */
  section(provider: ProviderAdapter): GenerationSection<Result, Chunk> | Promise<GenerationSection<Result, Chunk>>
  /** Whether the provider has the section at all (checked before any validation). */
  hasSection(provider: ProviderAdapter): boolean
  /** The OpenAI-format checks plus the provider's own; throws InputError. */
  validate(
    record: Record<string, unknown>,
    dropUnsupportedParams: boolean,
    provider: ProviderAdapter,
    dropped?: DroppedParam[],
  ): void
  /** Why an embedding model id cannot be used here. */
  embeddingModelError(context: GenerationRequestContext, displayName: string): InputError
  createStream(options: StreamOptions<Chunk>): Stream
}

interface PreparedCall {
  readonly record: Record<string, unknown>
  readonly provider: ProviderAdapter
  readonly context: GenerationRequestContext
  readonly connection: ProviderConnection
  readonly stream: boolean
}

export async function runGeneration<Result, Chunk extends StreamedChunk, Stream>(
  client: ClientInternals,
  params: unknown,
  requestOptions: RequestOptions | undefined,
  kind: GenerationKind<Result, Chunk, Stream>,
  raw: RawCall = {},
): Promise<Result | Stream> {
  const options = requestOptions ?? {}
  const fallbacks = options.fallbacks ?? client.options.fallbacks
  // Anything but an empty list goes to fallback.ts, which checks it.
  if (fallbacks?.length !== 0 && fallbacks !== undefined) {
    return (await import('./fallback.js')).runWithFallbacks(client, params, options, kind, raw, fallbacks)
  }
  const { call, section, request } = await prepareGeneration(client, params, options, kind)
  const { provider, context, connection, stream } = call
  const warnings = reportDropped(client.options, context.dropped, provider.id, context.model)
  const observer = isObserved(client, options) ? await observeCall(client, options, kind.sectionName, call) : undefined
  const exchange = observer?.exchange(request.body)
  try {
    const response = await callProvider({
      client,
      provider,
      connection,
      method: 'POST',
      path: request.path,
      query: request.query,
      headers: request.headers,
      body: request.body,
      stream,
      options,
      describeError: describeModelNotFound(provider, context.model, context.row),
      raw,
      observer: exchange,
    })
    raw.model = context.model
    const responseContext = { provider: provider.id, model: context.model }
    if (stream) {
      exchange?.response(response)
      const created = kind.createStream({
        response,
        framing: section.streamFraming,
        mapper: section.createStreamMapper(responseContext),
        provider,
        redact: connection.redact,
        idleTimeoutMs: options.idleTimeout ?? client.options.idleTimeout ?? timeoutOf(client, options),
        warnings,
        maxEventSize: maxResponseSizeOf(client, options),
        signal: options.signal,
        secrets: connection.secrets,
        observer,
      })
      addResultMetadata(created, raw)
      return created
    }
    const body = await readJsonBody(response, provider, connection, raw)
    const result = section.fromResponse(body.json, body.raw, responseContext)
    if (warnings !== undefined) (result as { warnings?: TokenJSWarning[] }).warnings = warnings
    exchange?.response(response, result, true)
    addResultMetadata(result, raw)
    return result
  } catch (error) {
    // Every failure after the call started (the network, the body, the mapping) is reported once, then passed on.
    await observer?.fail(error)
    throw error
  }
}

/**
 * Everything up to the request description, with no I/O (but the opt-in live model lookup): every
 * InputError of the call, the provider section's own refusals included, is thrown here.
 */
export async function prepareGeneration<Result, Chunk extends StreamedChunk, Stream>(
  client: ClientInternals,
  params: unknown,
  options: RequestOptions,
  kind: GenerationKind<Result, Chunk, Stream>,
): Promise<{ call: PreparedCall; section: GenerationSection<Result, Chunk>; request: ProviderRequest }> {
  const dropUnsupportedParams = options.dropUnsupportedParams ?? client.options.dropUnsupportedParams ?? false
  // Opt-in (liveModelCapabilities): a model id our table lacks is looked up in the provider's model list.
  const liveRow = await lookupLiveRow(client, params, (record) => {
    const provider = client.findProvider(record.provider)
    if (provider !== undefined && kind.hasSection(provider)) kind.validate(record, dropUnsupportedParams, provider)
  })
  const call = prepareCall(client, params, dropUnsupportedParams, kind, liveRow)
  const found = kind.section(call.provider)
  const section = found instanceof Promise ? await found : found
  return { call, section, request: section.prepare(call.record, call.context) }
}

/** Everything that can fail before I/O (but the section's own mapping) fails here, with an InputError. */
function prepareCall<Result, Chunk extends StreamedChunk, Stream>(
  client: ClientInternals,
  params: unknown,
  dropUnsupportedParams: boolean,
  kind: GenerationKind<Result, Chunk, Stream>,
  liveRow: ModelRow | undefined,
): PreparedCall {
  const { record, provider } = resolveProvider(client, params, kind.call, kind.expected)
  if (!kind.hasSection(provider)) {
    throw new InputError(`token.js has no ${kind.sectionName} endpoint for ${provider.displayName}.`, 'provider')
  }
  const dropped: DroppedParam[] = []
  kind.validate(record, dropUnsupportedParams, provider, dropped)
  const model = record.model as string
  const models = client.models(provider)
  const row = Object.hasOwn(models, model) ? models[model] : liveRow
  const connection = client.connection(provider)
  const context: GenerationRequestContext = {
    provider: provider.id,
    model,
    row,
    models,
    dropUnsupportedParams,
    dropped,
  }
  if (row === undefined && provider.embeddings !== undefined && Object.hasOwn(provider.embeddings.models, model)) {
    throw kind.embeddingModelError(context, provider.displayName)
  }
  const stream = record.stream === true
  if (stream && row !== undefined && !row.streaming) {
    throw new InputError(`Model '${model}' (${provider.id}) does not support streaming; remove stream: true.`, 'stream')
  }
  return { record, provider, context, connection, stream }
}
