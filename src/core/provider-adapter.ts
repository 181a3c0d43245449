/**
 * The contract every provider folder implements. A provider is data plus pure functions: it never
 * performs I/O, reads the environment, retries, or builds HTTP errors — the core does all of that.
 *
 * Sections a chat completion does not need (embedding, text-completion and model-list mapping) are
 * loaded on demand: `load()` is a dynamic `import()` of the section's module, so bundlers put it in a
 * chunk of its own and `import('token.js')` does not parse it. The data the core needs synchronously
 * (the chat table, the embedding-model table) stays on the adapter.
 */
import type { DroppedParam } from './warnings.js'
import type { EmbeddingModelRow, EmbeddingModelTable, ModelRow, ModelTable } from '../capabilities.js'
import type { ChatCompletion, ChatCompletionChunk, Completion, CreateEmbeddingResponse, ModelsPage } from '../types.js'
import type { Check } from './shape-checks.js'

/** What a request mapper knows besides the params: the same for chat and text completions (FIM). */
export interface GenerationRequestContext {
  /** The provider id of the call, e.g. `'mistral'` (a preset's own id for OpenAI-compatible services). */
  readonly provider: string
  /** The model id as the caller wrote it (an alias stays an alias). */
  readonly model: string
  /** The model's row, or undefined for a model id we do not know (then nothing is gated). */
  readonly row: ModelRow | undefined
  /** The provider's table merged with the client's extensions, to suggest alternatives in errors. */
  readonly models: ModelTable
  /** Drop parameters the provider has no place for instead of refusing them. */
  readonly dropUnsupportedParams: boolean
  /** Parameters dropped under `dropUnsupportedParams` (appended by the validation and the mapper). */
  readonly dropped: DroppedParam[]
}

/** What a response or stream mapper knows: the same for chat and text completions (FIM). */
export interface GenerationResponseContext {
  /** The provider id of the call, e.g. `'mistral'`. */
  readonly provider: string
  /** The model id the caller asked for (the response's own `model` may be a dated id). */
  readonly model: string
}

/**
 * One HTTP request as the provider describes it: pure data. The core adds the base URL, the client's
 * headers and the credentials, and does the I/O (retries, timeouts, redirects).
 */
export interface ProviderRequest {
  /** Path appended to the base URL; may carry the model (Gemini: `/models/{id}:generateContent`). */
  readonly path: string
  /** Query parameters, encoded by the core. */
  readonly query?: Readonly<Record<string, string>>
  /** Headers for this request only (lower-case names, e.g. `anthropic-beta`); they win over the client's. */
  readonly headers?: Readonly<Record<string, string>>
  /** The JSON body. */
  readonly body: Record<string, unknown>
}

/** One attempt of a request as it goes out, for a per-request signer (`ProviderAuth.sign`). */
export interface SignableRequest {
  /** `POST` for generation and embeddings, `GET` for the model list. */
  readonly method: 'GET' | 'POST'
  /** The full URL of this attempt (after any same-origin redirect). */
  readonly url: string
  /** Every header of the attempt but the signer's own (lower-case names). */
  readonly headers: Readonly<Record<string, string>>
  /** The exact body text sent (UTF-8 on the wire), or undefined for none. */
  readonly body: string | undefined
}

/**
 * How a provider authenticates. The core applies it, and on a redirect to another origin removes exactly
 * `secretHeaders`; error text received is redacted of the key and of every secret header's value.
 * Static keys: `headers` is synchronous and computed once per client, so it costs nothing per request.
 * Credentials that sign or refresh (Bedrock's SigV4 over the body and date, a refreshed Vertex token):
 * `sign`, awaited before every attempt (a retry is signed again).
 */
export interface ProviderAuth {
  /** Lower-case names of the headers that carry credentials (the signer's among them). */
  readonly secretHeaders: readonly string[]
  /** The headers that authenticate every request made with `apiKey`. */
  headers(apiKey: string): Readonly<Record<string, string>>
  /**
   * Headers for one attempt, computed over exactly what is sent; awaited before each attempt, retries and
   * same-origin redirects included, never for another origin. Every value it returns is treated as a
   * secret: redacted from errors and never sent on to another origin. Absent: nothing per request.
   */
  sign?(request: SignableRequest, apiKey: string | undefined): Promise<Readonly<Record<string, string>>>
}

/**
 * One event of a response stream as the provider's framing delivers it. For `sse`: the `event:` field
 * (`''` when the server sent none) and the `data:` text. The core reuses one object per stream: read it
 * during the call, never keep it.
 */
export interface StreamEvent {
  /** The SSE `event:` field; `''` when the server sent none (OpenAI and Mistral send none). */
  readonly event: string
  /** The SSE `data:` text, multi-line data joined with `\n`. */
  readonly data: string
  /** `data` parsed as JSON; a ResponseParseError (received text redacted) when it is not JSON. */
  json(): unknown
}

/**
 * What one stream event means for the stream: `more` (keep reading), `done` (the provider's end-of-stream
 * marker: the body may end now, and later events are ignored), `error` (the event reports an error: the
 * core turns its data into an APIError through `parseError`).
 */
export type StreamSignal = 'more' | 'done' | 'error'

/**
 * Maps one stream event to zero or more chunks, passed to `emit` in order, and says what the event
 * means. Stateful per stream (a fresh one per request); it may throw ResponseParseError/FinishReasonError.
 */
export type StreamMapper<Chunk> = (event: StreamEvent, emit: (chunk: Chunk) => void) => StreamSignal

/** Maps one chat stream event to OpenAI chunks. */
export type ChunkMapper = StreamMapper<ChatCompletionChunk>

/** How a provider frames a streamed body: `sse` = server-sent events (event names kept). */
export type StreamFraming = 'sse'

/** The readable parts of a provider's error body. */
export interface ParsedProviderError {
  /** The provider's message, becoming the APIError's message (after the status). */
  message: string
  /** The provider's error code, as sent (becomes `APIError.code`). */
  code?: string | number | null
  /** The provider's error type, e.g. `invalid_request_error` (becomes `APIError.type`). */
  type?: string | null
  /** The parameter the provider blames (becomes `APIError.param`). */
  param?: string | null
}

/**
 * Checks a provider adds to the OpenAI-format validation (`core/validate-params.ts`) for its own
 * params and message fields. Run before any mapping or I/O; a key neither the core nor the provider
 * checks goes to the provider's mapper, which maps or refuses it by name.
 */
export interface ProviderParamChecks {
  /** Top-level params (e.g. Mistral's `safe_prompt`). */
  readonly params?: Readonly<Record<string, Check>>
  /** Message fields by role (e.g. Mistral's assistant `prefix`). */
  readonly messages?: Readonly<Partial<Record<string, Readonly<Record<string, Check>>>>>
}

/**
 * A section that turns OpenAI-format params into a request and the provider's answer back: chat
 * completions and text completions share it (the core runs both through one pipeline).
 */
export interface GenerationSection<Result, Chunk> {
  /** OpenAI params → the request. Pure; throws InputError for what it cannot send. */
  prepare(params: Readonly<Record<string, unknown>>, context: GenerationRequestContext): ProviderRequest
  /** The provider's JSON response → the OpenAI result. Throws ResponseParseError/FinishReasonError. */
  fromResponse(json: unknown, raw: string, context: GenerationResponseContext): Result
  /** How the streamed body is framed. */
  readonly streamFraming: StreamFraming
  /** A fresh, stateful mapper for one stream. */
  createStreamMapper(context: GenerationResponseContext): StreamMapper<Chunk>
}

/**
 * A provider's own params, as types only: `client.ts` derives them into the public params of that
 * provider (`provider: 'mistral'` gets Mistral's), so they never live in shared files.
 */
export interface ProviderOptionTypes {
  /** Extra `chat.completions.create` params. */
  readonly chat?: object
  /** A message type accepted in `messages` besides OpenAI's (e.g. an assistant message with an extra flag). */
  readonly message?: object
  /** Extra `embeddings.create` params. */
  readonly embeddings?: object
  /** Extra `completions.create` params. */
  readonly completions?: object
  /** OpenAI chat params refused whatever their value: absent from `create`'s params for this provider. */
  readonly refusedChatParams?: string
}

/**
 * One provider: its identity and defaults, models, auth, error parsing and the mapping of each endpoint
 * it has (registered in `src/providers/index.ts`). CONTRIBUTING.md walks through writing one.
 */
export interface ProviderAdapter {
  /**
   * The provider's own params, as types only: written `optionTypes: undefined as XOptionTypes | undefined`
   * (nothing at run time); `client.ts` reads the type.
   */
  readonly optionTypes?: ProviderOptionTypes | undefined
  /** Provider id as users write it in `provider: '…'`. */
  readonly id: string
  /** Human name for docs and messages. */
  readonly displayName: string
  /**
   * The provider's own API base URL (with version path). `undefined` for endpoints with no default
   * (any OpenAI-compatible server): then the caller must pass `baseURL` or set `baseURLEnvVar`.
   */
  readonly defaultBaseURL: string | undefined
  /** Environment variable holding the API key (the one messages and docs name). */
  readonly apiKeyEnvVar: string
  /**
   * Every environment variable that may hold the key, first set wins (Gemini: Google's SDK reads
   * `GOOGLE_API_KEY` before `GEMINI_API_KEY`). Absent: `[apiKeyEnvVar]`.
   */
  readonly apiKeyEnvVars?: readonly string[]
  /** Environment variable overriding the base URL. */
  readonly baseURLEnvVar: string
  /**
   * The version path the provider's official SDK appends to its base URL itself (Anthropic: `/v1`, as
   * `@anthropic-ai/sdk` posts to `${baseURL}/v1/messages` with a default base URL of
   * `https://api.anthropic.com`). A configured base URL (option or environment variable) that does not
   * end with it gets it appended, so a value shared with that SDK works; one that ends with it is kept.
   * Absent: the configured base URL is used as given.
   */
  readonly versionPath?: string
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
  /** How requests are authenticated, and which headers are secret. */
  readonly auth: ProviderAuth
  /** Headers every request to this provider carries (e.g. Anthropic's `anthropic-version`); the client's win. */
  readonly headers?: Readonly<Record<string, string>>
  /** Chat completions, plus the checks of the provider's own chat params. */
  readonly chat: GenerationSection<ChatCompletion, ChatCompletionChunk> & {
    /** Validation of the provider's own chat params and message fields, run before `prepare`. */
    readonly checks?: ProviderParamChecks
  }
  /** Embeddings (`embeddings.create`): the model table, and the mapping loaded on demand; absent when the provider has none. */
  readonly embeddings?: ProviderEmbeddings
  /** Text completions (`completions.create`, e.g. Mistral FIM), loaded on demand; absent when the provider has none. */
  readonly completions?: LoadSection<ProviderCompletions>
  /** The provider's model list endpoint, loaded on demand; absent when the provider has none. */
  readonly modelList?: LoadSection<ProviderModelList>
  /** Reads a provider error body (already JSON-parsed when possible) into a message and fields. */
  parseError(status: number | undefined, body: unknown, raw: string): ParsedProviderError
  /**
   * Whether an error answer means "this model id is not served" (Mistral: 400 `invalid_model`).
   * Absent: a 404 means that (OpenAI's `model_not_found`). The core then throws a NotFoundError.
   */
  isModelNotFound?(status: number, parsed: ParsedProviderError): boolean
}

/** What the registry knows about a provider before its mapping is loaded: enough for docs, keys and model ids. */
export type ProviderInfo = Pick<
  ProviderAdapter,
  | 'id'
  | 'displayName'
  | 'defaultBaseURL'
  | 'apiKeyEnvVar'
  | 'apiKeyEnvVars'
  | 'baseURLEnvVar'
  | 'versionPath'
  | 'apiKeyOptional'
  | 'unavailable'
  | 'models'
  | 'optionTypes'
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
  /** The provider id of the call, e.g. `'mistral'`. */
  readonly provider: string
  /** The embedding model id as the caller wrote it. */
  readonly model: string
  /** The model's row, or undefined for a model id we do not know (then nothing is gated). */
  readonly row: EmbeddingModelRow | undefined
  /** The provider's embedding table, to suggest alternatives in errors. */
  readonly models: EmbeddingModelTable
  /** Drop parameters the provider has no place for instead of refusing them. */
  readonly dropUnsupportedParams: boolean
  /** Parameters dropped under `dropUnsupportedParams` (appended by the validation and the mapper). */
  readonly dropped: DroppedParam[]
}

/** What an embeddings response mapper knows. */
export interface EmbeddingsResponseContext {
  /** The provider id of the call, e.g. `'mistral'`. */
  readonly provider: string
  /** The embedding model id the caller asked for. */
  readonly model: string
  /** The caller's `encoding_format` (the mapper encodes base64 itself when the wire carries floats). */
  readonly encodingFormat: 'float' | 'base64'
  /** Added to every `index`: the position of this batch's first input in the caller's input. */
  readonly indexOffset: number
}

/** A provider's embeddings section: the model table, available at once, and the mapping, loaded on demand. */
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
  /** Path appended to the base URL, or a function of the model id for APIs with the model in the path (Gemini). */
  readonly path: string | ((model: string) => string)
  /** Largest estimated token count per request; the core splits bigger inputs into several requests. */
  readonly maxBatchTokens: number
  /** Most inputs per request (Gemini's batchEmbedContents: 100); absent = no limit but the token one. */
  readonly maxBatchInputs?: number
  /** OpenAI params (with `input` replaced by one batch) → the provider's wire body. Throws InputError. */
  toRequest(
    params: Readonly<Record<string, unknown>>,
    input: readonly string[],
    context: EmbeddingsRequestContext,
  ): Record<string, unknown>
  /** The provider's JSON response → OpenAI CreateEmbeddingResponse. Throws ResponseParseError. */
  fromResponse(json: unknown, raw: string, context: EmbeddingsResponseContext): CreateEmbeddingResponse
}

/** Text completions (OpenAI `completions.create`; gated on the chat row's `fim`). */
export type ProviderCompletions = GenerationSection<Completion, Completion>

/** A provider's model-list endpoint (`models.list`), loaded on demand. */
export interface ProviderModelList {
  /** Path appended to the base URL (GET). */
  readonly path: string
  /** The provider's model list → OpenAI's list shape with token.js capabilities. Throws ResponseParseError. */
  fromResponse(
    json: unknown,
    raw: string,
    context: {
      /** The provider id of the call, e.g. `'mistral'`. */
      readonly provider: string
    },
  ): ModelsPage
}
