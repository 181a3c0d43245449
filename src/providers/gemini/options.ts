/**
 * Gemini's own params (beyond OpenAI's), owned here: their types (derived into `create`'s params for
 * `provider: 'gemini'`) and their shape checks.
 */
import type { ProviderParamChecks } from '../../core/provider-adapter.js'
import { arrayOf, number, optional, record } from '../../core/shape-checks.js'

/** One of Gemini's safety filters (https://ai.google.dev/gemini-api/docs/safety-settings). */
export interface GeminiSafetySetting {
  /** `HARM_CATEGORY_HARASSMENT`, `HARM_CATEGORY_HATE_SPEECH`, `HARM_CATEGORY_SEXUALLY_EXPLICIT`, `HARM_CATEGORY_DANGEROUS_CONTENT`, `HARM_CATEGORY_CIVIC_INTEGRITY`. */
  category: string
  /** `BLOCK_NONE`, `BLOCK_ONLY_HIGH`, `BLOCK_MEDIUM_AND_ABOVE`, `BLOCK_LOW_AND_ABOVE`, `OFF`. */
  threshold: string
}

/** Gemini-only options, available when `provider: 'gemini'`. */
export interface GeminiChatOptions {
  /** Sent as `safetySettings`: per-category block thresholds. Default: Google's defaults for the model. */
  safety_settings?: GeminiSafetySetting[] | null
  /** Sent as `generationConfig.topK`: sample from the K most likely tokens. Default: the model's (see `GET /v1beta/models`). */
  top_k?: number | null
}

/** Gemini-only embedding options, available when `provider: 'gemini'`. */
export interface GeminiEmbeddingOptions {
  /** Sent as `taskType` on every input (`RETRIEVAL_QUERY`, `RETRIEVAL_DOCUMENT`, `SEMANTIC_SIMILARITY`, `CLASSIFICATION`, `CLUSTERING`…). Default: none. */
  task_type?: string | null
}

/** The types the registry derives into the public params for `provider: 'gemini'`. */
export interface GeminiOptionTypes {
  /** Extra `chat.completions.create` params. */
  readonly chat: GeminiChatOptions
  /** Extra `embeddings.create` params. */
  readonly embeddings: GeminiEmbeddingOptions
  /** Refused whatever their value. */
  readonly refusedChatParams:
    | 'metadata'
    | 'user'
    | 'safety_identifier'
    | 'prediction'
    | 'audio'
    | 'web_search_options'
    | 'service_tier'
    | 'prompt_cache_key'
    | 'prompt_cache_retention'
    | 'prompt_cache_options'
    | 'verbosity'
    | 'moderation'
    | 'functions'
    | 'function_call'
}

export const geminiChatChecks: ProviderParamChecks = {
  params: { safety_settings: optional(arrayOf(record)), top_k: optional(number) },
}
