/**
 * The TokenJS client: `new TokenJS(options)`, `chat.completions.create(params, requestOptions?)` and
 * `extendModelList(provider, name, features)`. Everything is scoped to the instance; nothing global.
 */
import type { ModelRow, ModelTable } from './capabilities.js'
import type { ChatCompletionStream } from './core/chat-completion-stream.js'
import type { ClientOptions, ExtendedModelFeatures, RequestOptions } from './core/client-options.js'
import { isBrowser, isNode } from './core/environment.js'
import { createFetchTransport, type FetchFunction } from './core/fetch-transport.js'
import type { ProviderAdapter } from './core/provider-adapter.js'
import { resolveProviderConnection, type ProviderConnection } from './core/provider-connection.js'
import { runChatCompletion, type ClientInternals } from './core/run-chat-completion.js'
import type { Transport } from './core/transport.js'
import { InputError } from './errors.js'
import { findProvider, providers, type ModelIdFor, type ProviderId } from './providers/index.js'
import type { ChatCompletion, ChatCompletionParamsBase, MistralChatOptions } from './types.js'

/** Extra params per provider. */
interface ProviderExtras {
  mistral: MistralChatOptions
}

/** `create` params for one provider: `model` suggests that provider's ids and accepts any string. */
export type ProviderChatParams<P extends ProviderId> = {
  /** The provider to call. */
  provider: P
  /** A model id; ids from token.js's table are suggested, any other id is accepted and not gated. */
  model: ModelIdFor<P> | (string & {})
  /** Stream the answer as OpenAI chunks. */
  stream?: boolean | null
} & ChatCompletionParamsBase &
  (P extends keyof ProviderExtras ? ProviderExtras[P] : unknown)

export type ChatCompletionCreateParams = { [P in ProviderId]: ProviderChatParams<P> }[ProviderId]
export type ChatCompletionCreateParamsStreaming = ChatCompletionCreateParams & { stream: true }
export type ChatCompletionCreateParamsNonStreaming = ChatCompletionCreateParams & { stream?: false | null }

export interface ChatCompletions {
  create(params: ChatCompletionCreateParamsNonStreaming, options?: RequestOptions): Promise<ChatCompletion>
  create(params: ChatCompletionCreateParamsStreaming, options?: RequestOptions): Promise<ChatCompletionStream>
  create(params: ChatCompletionCreateParams, options?: RequestOptions): Promise<ChatCompletion | ChatCompletionStream>
}

export class TokenJS {
  /** OpenAI-style namespace: `tokenjs.chat.completions.create(...)`. */
  readonly chat: { readonly completions: ChatCompletions }
  private readonly options: ClientOptions
  private readonly connections = new Map<string, ProviderConnection>()
  private readonly extensions = new Map<string, Record<string, ModelRow>>()
  private readonly mergedModels = new Map<string, ModelTable>()
  private transportPromise: Promise<Transport> | undefined

  constructor(options: ClientOptions = {}) {
    this.options = { ...options }
    if (options.apiKey !== undefined && isBrowser() && options.dangerouslyAllowBrowser !== true) {
      // Checked again per provider (keys from the environment); failing early here is friendlier.
      resolveProviderConnection(providers.mistral, this.options)
    }
    const internals = this.internals()
    const create = (params: unknown, requestOptions?: RequestOptions): Promise<ChatCompletion | ChatCompletionStream> =>
      runChatCompletion(internals, params, requestOptions)
    this.chat = { completions: { create: create as ChatCompletions['create'] } }
  }

  /**
   * Declares a model id (or overrides a known one) for this client only, so its features are checked
   * like the built-in ones, streaming included. `features` is a known model id of the same provider
   * to copy, or feature flags (flags not given count as supported). Returns the client.
   */
  extendModelList<P extends ProviderId>(provider: P, name: string, features: ExtendedModelFeatures): this {
    const adapter = findProvider(provider)
    if (adapter === undefined) throw new InputError(`Unknown provider ${JSON.stringify(provider)}.`, 'provider')
    if (typeof name !== 'string' || name === '') throw new InputError('extendModelList needs a model name.', 'name')
    const rows = this.extensions.get(adapter.id) ?? {}
    rows[name] = toModelRow(adapter, name, features, this.modelsFor(adapter))
    this.extensions.set(adapter.id, rows)
    this.mergedModels.delete(adapter.id)
    return this
  }

  private modelsFor(provider: ProviderAdapter): ModelTable {
    const extended = this.extensions.get(provider.id)
    if (extended === undefined) return provider.models
    let merged = this.mergedModels.get(provider.id)
    if (merged === undefined) {
      merged = { ...provider.models, ...extended }
      this.mergedModels.set(provider.id, merged)
    }
    return merged
  }

  private internals(): ClientInternals {
    return {
      options: this.options,
      findProvider,
      providerIds: () => Object.keys(providers),
      connection: (provider) => {
        let connection = this.connections.get(provider.id)
        if (connection === undefined) {
          connection = resolveProviderConnection(provider, this.options)
          this.connections.set(provider.id, connection)
        }
        return connection
      },
      models: (provider) => this.modelsFor(provider),
      transport: () => this.transport(),
    }
  }

  private transport(): Promise<Transport> {
    this.transportPromise ??= chooseTransport(this.options)
    return this.transportPromise
  }
}

async function chooseTransport(options: ClientOptions): Promise<Transport> {
  if (options.transport !== undefined) return options.transport
  if (options.fetch !== undefined) return createFetchTransport(options.fetch)
  if (isNode()) {
    // Loaded only on Node, so bundles for browsers and edge runtimes never see `node:` modules.
    const { createNodeTransport } = await import('./core/node-transport.js')
    return createNodeTransport()
  }
  if (typeof globalThis.fetch !== 'function') {
    throw new InputError('No fetch in this runtime: pass a fetch implementation as new TokenJS({ fetch }).', 'fetch')
  }
  return createFetchTransport(globalThis.fetch.bind(globalThis) as FetchFunction)
}

function toModelRow(provider: ProviderAdapter, name: string, features: ExtendedModelFeatures, models: ModelTable): ModelRow {
  if (typeof features === 'string') {
    const source = models[features]
    if (source === undefined) {
      throw new InputError(`extendModelList: '${features}' is not a known ${provider.id} model to copy features from.`, 'features')
    }
    const { retirement: _retirement, aliasOf: _aliasOf, ...rest } = source
    return { ...rest, label: name }
  }
  if (typeof features !== 'object' || features === null) {
    throw new InputError('extendModelList: features must be a model id or an object of feature flags.', 'features')
  }
  const { json, toolCalls, ...flags } = features
  return {
    label: name,
    chat: true, streaming: true, jsonMode: json ?? true, jsonSchema: json ?? true, images: true, documents: true,
    audio: true, tools: toolCalls ?? true, n: true, reasoning: true, prediction: true, prefix: true, fim: false,
    contextLength: 0,
    ...stripUndefined(flags),
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>
}
