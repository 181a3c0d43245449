/**
 * The TokenJS client: `new TokenJS(options)`, `chat.completions.create(params, requestOptions?)` and
 * `extendModelList(provider, name, features)`. Everything is scoped to the instance; nothing global.
 *
 * Only the chat pipeline is imported statically. The `embeddings`, `completions` and `models` pipelines
 * and the live model catalogue are dynamic imports, loaded on first use: `import('token.js')` parses
 * less, and bundlers (esbuild, Rollup, webpack) put them in chunks a chat-only app never loads.
 */
import type { ModelRow, ModelTable } from './capabilities.js'
import type { ChatCompletionStream } from './core/chat-completion-stream.js'
import type { CompletionStream } from './core/completion-stream.js'
import { DEFAULT_LIVE_MODELS_TTL_MS } from './core/live-model-lookup.js'
import type { LiveModelCatalog } from './core/live-model-catalog.js'
import type { ClientOptions, ExtendedModelFeatures, RequestOptions } from './core/client-options.js'
import { isNode } from './core/environment.js'
import type { ProviderAdapter, ProviderInfo } from './core/provider-adapter.js'
import { refuseKeyInBrowser, resolveProviderConnection, type ProviderConnection } from './core/provider-connection.js'
import type { ClientInternals } from './core/client-internals.js'
import { APIPromise, type RawCall } from './core/api-promise.js'
import type { MiddlewareOperation } from './core/middleware-types.js'
import { observesEveryCall } from './core/observation.js'
import { runChatCompletion } from './core/run-chat-completion.js'
import { scrubError } from './core/scrub-error.js'
import type { NodeTransportOptions } from './core/node-transport.js'
import type { Transport } from './core/transport.js'
import { InputError } from './errors.js'
import { isRecord } from './core/shape-checks.js'
import {
  findProvider,
  findProviderInfo,
  loadProvider,
  providers,
  type ModelIdFor,
  type ProviderId,
  type ProviderTypes,
} from './providers/index.js'
import type {
  ChatCompletion,
  ChatCompletionMessageParam,
  ChatCompletionParamsBase,
  Completion,
  CompletionCreateParamsBase,
  CreateEmbeddingResponse,
  EmbeddingCreateParamsBase,
  ModelsPage,
} from './types.js'

/** A provider's own param types (its registry entry's `optionTypes`), or none. */
type OptionTypesOf<P extends ProviderId> = ProviderTypes[P]['optionTypes']
/** The provider's extra params of one section (`chat`, `embeddings`, `completions`). */
type ExtrasOf<P extends ProviderId, Section extends string> =
  OptionTypesOf<P> extends { readonly [K in Section]: infer Extras } ? Extras : unknown
/** OpenAI chat params a provider refuses whatever their value (absent from its params). */
export type RefusedChatParams<P extends ProviderId> =
  OptionTypesOf<P> extends { readonly refusedChatParams: infer Refused extends string } ? Refused : never
/** `Base` without the refused keys. */
type WithoutRefused<Base, Refused extends string> = [Refused] extends [never] ? Base : Omit<Base, Refused>
/** The messages a provider accepts: OpenAI's, plus the provider's own message type if it has one. */
type MessageOf<P extends ProviderId> =
  OptionTypesOf<P> extends { readonly message: infer Message }
    ? ChatCompletionMessageParam | Message
    : ChatCompletionMessageParam

/** `create` params for one provider: `model` suggests that provider's ids and accepts any string. */
export type ProviderChatParams<P extends ProviderId> = {
  /** The provider to call. */
  provider: P
  /** A model id; ids from token.js's table are suggested, any other id is accepted and not gated. */
  model: ModelIdFor<P> | (string & {})
  /** Stream the answer as OpenAI chunks. */
  stream?: boolean | null
} & WithoutRefused<ChatCompletionParamsBase<MessageOf<P>>, RefusedChatParams<P>> &
  ExtrasOf<P, 'chat'>

/** Params of `chat.completions.create`: a union over providers, discriminated by `provider`. */
export type ChatCompletionCreateParams = { [P in ProviderId]: ProviderChatParams<P> }[ProviderId]
/** Params with `stream: true`: `create` resolves to a ChatCompletionStream. */
export type ChatCompletionCreateParamsStreaming = ChatCompletionCreateParams & {
  /** Stream the answer: `create` resolves to a ChatCompletionStream once the response headers arrive. */
  stream: true
}
/** Params without streaming: `create` resolves to a ChatCompletion. */
export type ChatCompletionCreateParamsNonStreaming = ChatCompletionCreateParams & {
  /** Absent, `false` or `null`: one ChatCompletion once the whole answer is generated. */
  stream?: false | null
}

/** `tokenjs.chat.completions`. */
export interface ChatCompletions {
  /**
   * Creates a chat completion with the given provider. Validates everything it can before any network
   * call (InputError); retries connection errors, 408, 409, 429 and 5xx (`maxRetries`).
   */
  create(params: ChatCompletionCreateParamsNonStreaming, options?: RequestOptions): APIPromise<ChatCompletion>
  /** Streams the completion: resolves once response headers arrive (HTTP errors reject here). */
  create(params: ChatCompletionCreateParamsStreaming, options?: RequestOptions): APIPromise<ChatCompletionStream>
  /** Either, decided by `params.stream` at run time. */
  create(
    params: ChatCompletionCreateParams,
    options?: RequestOptions,
  ): APIPromise<ChatCompletion | ChatCompletionStream>
}

/** Embedding-model id suggestions per provider (never for a provider without embeddings). */
export type EmbeddingModelIdFor<P extends ProviderId> = [ProviderTypes[P]['embeddingModels']] extends [never]
  ? never
  : Extract<keyof ProviderTypes[P]['embeddingModels'], string>

/** `embeddings.create` params for one provider. */
export type ProviderEmbeddingParams<P extends ProviderId> = {
  /** The provider to call. */
  provider: P
  /** An embedding model id (e.g. `'mistral-embed'`, `'codestral-embed'`); any other id is accepted and not gated. */
  model: EmbeddingModelIdFor<P> | (string & {})
} & EmbeddingCreateParamsBase &
  ExtrasOf<P, 'embeddings'>

/** Params of `embeddings.create`: a union over providers, discriminated by `provider`. */
export type EmbeddingCreateParams = { [P in ProviderId]: ProviderEmbeddingParams<P> }[ProviderId]

/** `tokenjs.embeddings`. */
export interface Embeddings {
  /** Embeds `input` (one vector per string, in order). Large inputs are split into several requests and re-joined. */
  create(params: EmbeddingCreateParams, options?: RequestOptions): APIPromise<CreateEmbeddingResponse>
}

/** `completions.create` params for one provider. */
export type ProviderCompletionParams<P extends ProviderId> = {
  /** The provider to call. */
  provider: P
  /** A model with fill-in-the-middle (Mistral: `'codestral-latest'`); other ids of the table are refused. */
  model: ModelIdFor<P> | (string & {})
  /** Stream the text as OpenAI `Completion` chunks. */
  stream?: boolean | null
} & CompletionCreateParamsBase &
  ExtrasOf<P, 'completions'>

/** Params of `completions.create` (Mistral: fill-in-the-middle), discriminated by `provider`. */
export type CompletionCreateParams = { [P in ProviderId]: ProviderCompletionParams<P> }[ProviderId]
/** Params with `stream: true`: `create` resolves to a CompletionStream. */
export type CompletionCreateParamsStreaming = CompletionCreateParams & {
  /** Stream the text: `create` resolves to a CompletionStream once the response headers arrive. */
  stream: true
}
/** Params without streaming: `create` resolves to a Completion. */
export type CompletionCreateParamsNonStreaming = CompletionCreateParams & {
  /** Absent, `false` or `null`: one Completion once the whole text is generated. */
  stream?: false | null
}

/** `tokenjs.completions`: OpenAI's text-completions shape (Mistral: Codestral fill-in-the-middle). */
export interface Completions {
  /** Creates a completion of `prompt` (before `suffix`). */
  create(params: CompletionCreateParamsNonStreaming, options?: RequestOptions): APIPromise<Completion>
  /** Streams it as Completion chunks. */
  create(params: CompletionCreateParamsStreaming, options?: RequestOptions): APIPromise<CompletionStream>
  /** Either, decided by `params.stream` at run time. */
  create(params: CompletionCreateParams, options?: RequestOptions): APIPromise<Completion | CompletionStream>
}

/** `tokenjs.models`. */
export interface Models {
  /** The provider's current models (its own list), each with token.js `capabilities`. */
  list(
    params: {
      /** The provider whose list to fetch (one request to its model-list endpoint). */
      provider: ProviderId
    },
    options?: RequestOptions,
  ): APIPromise<ModelsPage>
}

/**
 * The client: one object for every provider, shaped like openai-node's `OpenAI` client (`chat.completions`,
 * `completions`, `embeddings`, `models`). Each call names its `provider`; keys and base URLs come from the
 * options or the provider's environment variables (`MISTRAL_API_KEY`, ...), read on the first call to that
 * provider. Creating it does no I/O.
 */
export class TokenJS {
  /** OpenAI-style namespace: `tokenjs.chat.completions.create(...)`. */
  readonly chat: {
    /** `create(params)`: a chat completion, or a stream of chunks with `stream: true`. */
    readonly completions: ChatCompletions
  }
  /** OpenAI-style namespace: `tokenjs.embeddings.create(...)`. */
  readonly embeddings: Embeddings
  /** OpenAI-style namespace for text completions (Mistral: fill-in-the-middle): `tokenjs.completions.create(...)`. */
  readonly completions: Completions
  /** OpenAI-style namespace: `tokenjs.models.list({ provider })`. */
  readonly models: Models
  // Private fields (#) stay out of util.inspect and JSON.stringify, so logging the client never shows the key.
  readonly #options: ClientOptions
  readonly #connections = new Map<string, ProviderConnection>()
  private readonly extensions = new Map<string, Record<string, ModelRow>>()
  private readonly mergedModels = new Map<string, ModelTable>()
  private transportPromise: Promise<Transport> | undefined
  /** With `liveModelCapabilities`: the catalogue, created (and its module loaded) on first need. */
  #liveCatalog: Promise<LiveModelCatalog> | undefined
  readonly #internals: ClientInternals
  /** The options as given (checked on the first call). */
  readonly #givenOptions: unknown

  constructor(options: ClientOptions = {}) {
    this.#givenOptions = options
    this.#options = { ...options }
    // Checked again per provider (keys from the environment); failing early here is friendlier.
    if (options.apiKey !== undefined) refuseKeyInBrowser(options)
    const internals = this.internals()
    this.#internals = internals
    // Every error leaves through here: the key, in any form, is scrubbed from all its fields first.
    // `raw` records the response for withResponse() and _request_id (api-promise.ts).
    const call = <T>(
      operation: MiddlewareOperation,
      params: unknown,
      requestOptions: RequestOptions | undefined,
      pipeline: (params: unknown, raw: RawCall) => Promise<T>,
    ): APIPromise<T> => {
      const raw: RawCall = {}
      const run = (current: unknown): Promise<T> => runWithProvider(current, () => pipeline(current, raw))
      const start = (): Promise<T> =>
        options.middleware === undefined && requestOptions?.middleware === undefined
          ? run(params)
          : import('./core/middleware.js').then((middleware) =>
              middleware.runMiddleware({
                client: this,
                clientMiddleware: options.middleware,
                operation,
                params,
                options: requestOptions,
                run,
                findProvider,
              }),
            )
      // The options, and mistakes the pipelines could only name poorly, are checked first by a module
      // loaded on the first call (core/check-options.ts), so the first-load bundle does not carry it.
      optionChecks ??= import('./core/check-options.js')
      const result = optionChecks.then((checks) => {
        checks.checkCall(this, this.#givenOptions, requestOptions, operation, params)
        return start()
      })
      return new APIPromise(result.catch(this.#scrub), raw)
    }
    const create = (
      params: unknown,
      requestOptions?: RequestOptions,
    ): APIPromise<ChatCompletion | ChatCompletionStream> =>
      call('chat', params, requestOptions, (current, raw) => runChatCompletion(internals, current, requestOptions, raw))
    this.chat = { completions: { create: create as ChatCompletions['create'] } }
    this.embeddings = {
      create: (params, requestOptions) =>
        call('embeddings', params, requestOptions, async (current, raw) =>
          (await import('./core/run-embeddings.js')).runEmbeddings(internals, current, requestOptions, raw),
        ),
    }
    const complete = (params: unknown, requestOptions?: RequestOptions): APIPromise<Completion | CompletionStream> =>
      call('completions', params, requestOptions, async (current, raw) =>
        (await import('./core/run-completion.js')).runCompletion(internals, current, requestOptions, raw),
      )
    this.completions = { create: complete as Completions['create'] }
    this.models = {
      list: (params, requestOptions) =>
        call('models', params, requestOptions, (current, raw) => listModels(internals, current, requestOptions, raw)),
    }
  }

  /** Rejects with `error` once every secret this client holds is scrubbed from it. */
  readonly #scrub = async (error: unknown): Promise<never> => {
    throw await scrubError(error, this.#secrets())
  }

  /** The keys (and auth header values) of every provider this client connected to, and proxy credentials. */
  #secrets(): string[] {
    const secrets: string[] = []
    for (const connection of this.#connections.values()) secrets.push(...connection.secrets)
    const proxy = this.#options.proxy
    if (proxy !== undefined) {
      try {
        secrets.push(decodeURIComponent(new URL(proxy).password))
      } catch {
        // Not a URL: the transport refuses it with an InputError that does not quote it.
      }
    }
    return secrets.filter((secret) => secret !== '')
  }

  /**
   * Declares a model id (or overrides a known one) for this client only, so its features are checked
   * like the built-in ones, streaming included. `features` is a known model id of the same provider
   * to copy, or feature flags (flags not given count as supported). Returns the client.
   */
  extendModelList(provider: ProviderId, name: string, features: ExtendedModelFeatures): this {
    const adapter = findProviderInfo(provider)
    if (adapter === undefined) throw new InputError(`Unknown provider ${JSON.stringify(provider)}.`, 'provider')
    if (typeof name !== 'string' || name === '') throw new InputError('extendModelList needs a model name.', 'name')
    const rows = this.extensions.get(adapter.id) ?? {}
    rows[name] = toModelRow(adapter, name, features, this.modelsFor(adapter))
    this.extensions.set(adapter.id, rows)
    this.mergedModels.delete(adapter.id)
    return this
  }

  private modelsFor(provider: ProviderInfo): ModelTable {
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
      options: this.#options,
      observed: observesEveryCall(this.#options),
      findProvider,
      loadProvider,
      providerIds: () => Object.keys(providers),
      connection: (provider) => {
        let connection = this.#connections.get(provider.id)
        if (connection === undefined) {
          connection = resolveProviderConnection(provider, this.#options)
          this.#connections.set(provider.id, connection)
        }
        return connection
      },
      models: (provider) => this.modelsFor(provider),
      transport: () => this.transport(),
      ...(this.#options.liveModelCapabilities === undefined || this.#options.liveModelCapabilities === false
        ? {}
        : {
            liveModelRow: async (provider: ProviderAdapter, model: string) =>
              (await this.liveCatalog()).row(provider, model),
            // Asynchronous, but never late: a later liveModelRow() waits on the same catalogue promise,
            // whose reactions run in order, so a listing is remembered before the next lookup reads it.
            rememberModels: (provider: ProviderAdapter, page: ModelsPage) => {
              this.liveCatalog().then(
                (catalog) => catalog.remember(provider, page),
                () => undefined,
              )
            },
          }),
    }
  }

  private liveCatalog(): Promise<LiveModelCatalog> {
    this.#liveCatalog ??= import('./core/live-model-catalog.js').then(({ LiveModelCatalog }) => {
      const live = this.#options.liveModelCapabilities
      const ttlMs = typeof live === 'object' ? (live.ttlMs ?? DEFAULT_LIVE_MODELS_TTL_MS) : DEFAULT_LIVE_MODELS_TTL_MS
      return new LiveModelCatalog(ttlMs, (provider) =>
        listModels(this.#internals, { provider: provider.id }, undefined),
      )
    })
    return this.#liveCatalog
  }

  private transport(): Promise<Transport> {
    this.transportPromise ??= chooseTransport(this.#options)
    return this.transportPromise
  }
}

/** The option checker, loaded on the first call of the first client (shared by every client). */
let optionChecks: Promise<typeof import('./core/check-options.js')> | undefined

/**
 * Runs a pipeline once the adapter of `params.provider` is loaded (the OpenAI-compatible family loads
 * on first use). Without anything to load (Mistral, a loaded provider, an unknown id) it runs at once,
 * without an extra tick.
 */
function runWithProvider<T>(params: unknown, pipeline: () => Promise<T>): Promise<T> {
  const loading = isRecord(params) ? loadProvider(params.provider) : undefined
  return loading === undefined ? pipeline() : loading.then(pipeline)
}

/** `models.list`: its pipeline and the provider's model-list mapping load on first use. */
function listModels(
  client: ClientInternals,
  params: unknown,
  requestOptions: RequestOptions | undefined,
  raw?: RawCall,
): Promise<ModelsPage> {
  return runWithProvider(params, async () =>
    (await import('./core/list-models.js')).runListModels(client, params, requestOptions, raw),
  )
}

async function chooseTransport(options: ClientOptions): Promise<Transport> {
  if (options.proxy !== undefined && (options.transport !== undefined || options.fetch !== undefined || !isNode())) {
    throw new InputError(
      'The proxy option applies to the built-in node transport; with a custom fetch or transport (or outside Node), configure the proxy there (see the README, "Proxies").',
      'proxy',
    )
  }
  if (options.transport !== undefined) return options.transport
  // Loaded on first use like the node transport: on Node it is needed only with a custom fetch.
  const loadFetchTransport = async (): Promise<typeof import('./core/fetch-transport.js').createFetchTransport> =>
    (await import('./core/fetch-transport.js')).createFetchTransport
  if (options.fetch !== undefined) return (await loadFetchTransport())(options.fetch)
  if (isNode()) {
    // Loaded only on Node, so bundles for browsers and edge runtimes never see `node:` modules. In the
    // published build this import is `#node-transport` (package.json `imports`): outside the `node`
    // condition it resolves to a stub returning undefined, and we fall back to fetch.
    // The stub returns undefined, which the source's type cannot say.
    const createNodeTransport: (options: NodeTransportOptions) => Transport | undefined = (
      await import('./core/node-transport.js')
    ).createNodeTransport
    const transport = createNodeTransport({
      proxy: options.proxy,
      environment: (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env,
    })
    if (transport !== undefined) return transport
  }
  if (typeof globalThis.fetch !== 'function') {
    throw new InputError('No fetch in this runtime: pass a fetch implementation as new TokenJS({ fetch }).', 'fetch')
  }
  return (await loadFetchTransport())(globalThis.fetch.bind(globalThis))
}

function toModelRow(
  provider: ProviderInfo,
  name: string,
  features: ExtendedModelFeatures,
  models: ModelTable,
): ModelRow {
  if (typeof features === 'string') {
    const source = models[features]
    if (source === undefined) {
      throw new InputError(
        `extendModelList: '${features}' is not a known ${provider.id} model to copy features from.`,
        'features',
      )
    }
    const { retirement: _retirement, aliasOf: _aliasOf, ...rest } = source
    return { ...rest, label: name }
  }
  // Checked at run time too: a JavaScript caller can pass anything.
  if (typeof (features as unknown) !== 'object' || (features as unknown) === null) {
    throw new InputError('extendModelList: features must be a model id or an object of feature flags.', 'features')
  }
  const { json, toolCalls, ...flags } = features
  return {
    label: name,
    chat: true,
    streaming: true,
    jsonMode: json ?? true,
    jsonSchema: json ?? true,
    images: true,
    documents: true,
    audio: true,
    tools: toolCalls ?? true,
    n: true,
    reasoning: true,
    prediction: true,
    prefix: true,
    fim: false,
    contextLength: 0,
    ...stripUndefined(flags),
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>
}
