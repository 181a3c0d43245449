/**
 * The contract every provider folder implements. A provider is data plus pure functions: it never
 * performs I/O, reads the environment, retries, or builds HTTP errors — the core does all of that.
 *
 * Sections a chat completion does not need (embedding, text-completion and model-list mapping) are
 * loaded on demand: `load()` is a dynamic `import()` of the section's module, so bundlers put it in a
 * chunk of its own and `import('token.js')` does not parse it. The data the core needs synchronously
 * (the chat table, the embedding-model table) stays on the adapter.
 */
import type { EmbeddingModelRow, EmbeddingModelTable, ModelRow, ModelTable } from '../capabilities.js'
import type { ChatCompletion, ChatCompletionChunk, Completion, CreateEmbeddingResponse, ModelsPage } from '../types.js'

/** What a request mapper knows besides the params. */
export interface ChatRequestContext {
  readonly provider: string
  readonly model: string
  /** The model's row, or undefined for a model id we do not know (then nothing is gated). */
  readonly row: ModelRow | undefined
  /** The provider's table merged with the client's extensions, to suggest alternatives in errors. */
  readonly models: ModelTable
  /** Drop parameters the provider has no place for instead of refusing them. */
  readonly dropUnsupportedParams: boolean
  /** Names of parameters dropped under `dropUnsupportedParams` (appended by the mapper). */
  readonly dropped: string[]
}

/** What a response mapper knows. */
export interface ChatResponseContext {
  readonly provider: string
  readonly model: string
}

/** Maps one parsed stream event to an OpenAI chunk; `undefined` to skip the event. Stateful per stream. */
export type ChunkMapper = (json: unknown, raw: string) => ChatCompletionChunk | undefined

/** The readable parts of a provider's error body. */
export interface ParsedProviderError {
  message: string
  code?: string | number | null
  type?: string | null
  param?: string | null
}

export interface ProviderAdapter {
  /** Provider id as users write it in `provider: '…'`. */
  readonly id: string
  /** Human name for docs and messages. */
  readonly displayName: string
  /**
   * The provider's own API base URL (with version path). `undefined` for endpoints with no default
   * (any OpenAI-compatible server): then the caller must pass `baseURL` or set `baseURLEnvVar`.
   */
  readonly defaultBaseURL: string | undefined
  /** Environment variable holding the API key. */
  readonly apiKeyEnvVar: string
  /** Environment variable overriding the base URL. */
  readonly baseURLEnvVar: string
  /** Whether a missing API key is acceptable (local servers). */
  readonly apiKeyOptional: boolean
  /**
   * Why requests to this provider cannot work at all (e.g. the API was shut down); requests fail
   * with an InputError saying so before any I/O. Absent for working providers.
   */
  readonly unavailable?: string
  /** The provider's model table. */
  readonly models: ModelTable
  /** Response headers that carry the provider's request id, in order of preference. */
  readonly requestIdHeaders: readonly string[]
  /** Headers that authenticate a request. */
  authHeaders(apiKey: string): Record<string, string>
  readonly chat: {
    /** Path appended to the base URL. */
    readonly path: string
    /** OpenAI params → the provider's wire body. Throws InputError for what it cannot send. */
    toRequest(params: Readonly<Record<string, unknown>>, context: ChatRequestContext): Record<string, unknown>
    /** The provider's JSON response → OpenAI ChatCompletion. Throws ResponseParseError/FinishReasonError. */
    fromResponse(json: unknown, raw: string, context: ChatResponseContext): ChatCompletion
    /** A fresh, stateful mapper for one stream. */
    createChunkMapper(context: ChatResponseContext): ChunkMapper
  }
  /** Embeddings (`embeddings.create`): the model table, and the mapping loaded on demand; absent when the provider has none. */
  readonly embeddings?: ProviderEmbeddings
  /** Text completions (`completions.create`, e.g. Mistral FIM), loaded on demand; absent when the provider has none. */
  readonly completions?: LoadSection<ProviderCompletions>
  /** The provider's model list endpoint, loaded on demand; absent when the provider has none. */
  readonly modelList?: LoadSection<ProviderModelList>
  /** Reads a provider error body (already JSON-parsed when possible) into a message and fields. */
  parseError(status: number | undefined, body: unknown, raw: string): ParsedProviderError
}

/** What the registry knows about a provider before its mapping is loaded: enough for docs, keys and model ids. */
export type ProviderInfo = Pick<
  ProviderAdapter,
  | 'id'
  | 'displayName'
  | 'defaultBaseURL'
  | 'apiKeyEnvVar'
  | 'baseURLEnvVar'
  | 'apiKeyOptional'
  | 'unavailable'
  | 'models'
>

/**
 * A registry entry whose adapter (the chat mapping with it) is loaded on first use, for providers a
 * chat-only app may never call (the OpenAI-compatible family). The client loads it before running a
 * call for that provider (providers/index.ts: `loadProvider`).
 */
export interface LazyProviderAdapter extends ProviderInfo {
  readonly load: LoadSection<ProviderAdapter>
}

/**
 * Loads a provider section on first use: a dynamic `import()` of the section's module
 * (the module system caches it, so later calls cost a resolved promise).
 */
export type LoadSection<Section> = () => Promise<Section>

/** What an embeddings request mapper knows besides the params. */
export interface EmbeddingsRequestContext {
  readonly provider: string
  readonly model: string
  /** The model's row, or undefined for a model id we do not know (then nothing is gated). */
  readonly row: EmbeddingModelRow | undefined
  /** The provider's embedding table, to suggest alternatives in errors. */
  readonly models: EmbeddingModelTable
  readonly dropUnsupportedParams: boolean
  /** Names of parameters dropped under `dropUnsupportedParams` (appended by the mapper). */
  readonly dropped: string[]
}

/** What an embeddings response mapper knows. */
export interface EmbeddingsResponseContext {
  readonly provider: string
  readonly model: string
  /** The caller's `encoding_format` (the mapper encodes base64 itself when the wire carries floats). */
  readonly encodingFormat: 'float' | 'base64'
  /** Added to every `index`: the position of this batch's first input in the caller's input. */
  readonly indexOffset: number
}

export interface ProviderEmbeddings {
  /**
   * The provider's embedding-model table. Loaded with the adapter: chat and text-completion calls use
   * it to refuse an embedding model id before any I/O.
   */
  readonly models: EmbeddingModelTable
  /** The request and response mapping, loaded on demand. */
  readonly load: LoadSection<ProviderEmbeddingsMapping>
}

/** The loaded part of a provider's embeddings section. */
export interface ProviderEmbeddingsMapping {
  /** Path appended to the base URL. */
  readonly path: string
  /** Largest estimated token count per request; the core splits bigger inputs into several requests. */
  readonly maxBatchTokens: number
  /** OpenAI params (with `input` replaced by one batch) → the provider's wire body. Throws InputError. */
  toRequest(
    params: Readonly<Record<string, unknown>>,
    input: readonly string[],
    context: EmbeddingsRequestContext,
  ): Record<string, unknown>
  /** The provider's JSON response → OpenAI CreateEmbeddingResponse. Throws ResponseParseError. */
  fromResponse(json: unknown, raw: string, context: EmbeddingsResponseContext): CreateEmbeddingResponse
}

/** Maps one parsed stream event to an OpenAI text-completion chunk; `undefined` to skip the event. */
export type CompletionChunkMapper = (json: unknown, raw: string) => Completion | undefined

export interface ProviderCompletions {
  /** Path appended to the base URL. */
  readonly path: string
  /** OpenAI completion params → the provider's wire body (gated on the chat row's `fim`). Throws InputError. */
  toRequest(params: Readonly<Record<string, unknown>>, context: ChatRequestContext): Record<string, unknown>
  /** The provider's JSON response → OpenAI Completion. Throws ResponseParseError/FinishReasonError. */
  fromResponse(json: unknown, raw: string, context: ChatResponseContext): Completion
  /** A fresh mapper for one stream. */
  createChunkMapper(context: ChatResponseContext): CompletionChunkMapper
}

export interface ProviderModelList {
  /** Path appended to the base URL (GET). */
  readonly path: string
  /** The provider's model list → OpenAI's list shape with token.js capabilities. Throws ResponseParseError. */
  fromResponse(json: unknown, raw: string, context: { readonly provider: string }): ModelsPage
}
