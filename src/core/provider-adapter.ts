/**
 * The contract every provider folder implements. A provider is data plus pure functions: it never
 * performs I/O, reads the environment, retries, or builds HTTP errors — the core does all of that.
 */
import type { ModelRow, ModelTable } from '../capabilities.js'
import type { ChatCompletion, ChatCompletionChunk } from '../types.js'

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
  /** The provider's own API base URL (with version path). */
  readonly defaultBaseURL: string
  /** Environment variable holding the API key. */
  readonly apiKeyEnvVar: string
  /** Environment variable overriding the base URL. */
  readonly baseURLEnvVar: string
  /** Whether a missing API key is acceptable (local servers). */
  readonly apiKeyOptional: boolean
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
  /** Reads a provider error body (already JSON-parsed when possible) into a message and fields. */
  parseError(status: number | undefined, body: unknown, raw: string): ParsedProviderError
}
