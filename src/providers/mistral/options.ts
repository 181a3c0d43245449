/**
 * Mistral's own params (beyond OpenAI's), owned here: their types (the registry derives them into
 * `create`'s params for `provider: 'mistral'`) and the checks that run before any mapping or I/O.
 */
import type { EmbeddingDtype } from '../../capabilities.js'
import type { ProviderParamChecks } from '../../core/provider-adapter.js'
import { arrayOf, boolean, literal, optional, record } from '../../core/shape-checks.js'
import type { ChatCompletionAssistantMessageParam } from '../../types.js'

/** Mistral-only options, available when `provider: 'mistral'`. */
export interface MistralChatOptions {
  /** Inject Mistral's safety system prompt. Default false. */
  safe_prompt?: boolean
  /** `'reasoning'` uses Mistral's default reasoning system prompt (Magistral models). */
  prompt_mode?: 'reasoning' | null
  /** Input moderation guardrails; a triggered guardrail fails the request with 403. */
  guardrails?: Array<{
    /** Block the request (403) when the guardrail itself fails server-side, instead of letting it through. Default false. */
    block_on_error?: boolean
    /**
     * Configuration of Mistral's first moderation model (category thresholds, `action: 'none' | 'block'`),
     * sent as given; see `ModerationLlmv1Config` in `@mistralai/mistralai`.
     */
    moderation_llm_v1?: Record<string, unknown> | null
    /**
     * Configuration of Mistral's second moderation model (category thresholds, `ignore_other_categories`,
     * `action`), sent as given; see `ModerationLlmv2Config` in `@mistralai/mistralai`.
     */
    moderation_llm_v2?: Record<string, unknown> | null
  }> | null
}

/** An assistant message with Mistral's `prefix` flag (accepted in `messages` when `provider: 'mistral'`). */
export interface MistralAssistantMessageParam extends ChatCompletionAssistantMessageParam {
  /**
   * Mistral extra: continue this (last) assistant message instead of answering after it.
   * A trailing assistant message is sent with `prefix: true` even without this flag.
   */
  prefix?: boolean
}

/** Mistral-only embedding options, available when `provider: 'mistral'`. */
export interface MistralEmbeddingOptions {
  /**
   * Precision of the returned numbers (`codestral-embed` only). Default `'float'`. `int8`/`uint8` give
   * integers per dimension; `binary`/`ubinary` pack 8 dimensions per integer (so vectors are
   * `dimensions / 8` long). Not combinable with `encoding_format: 'base64'`.
   */
  output_dtype?: EmbeddingDtype
  /** Free-form metadata stored with the request. */
  metadata?: Record<string, unknown> | null
}

/** Mistral-only FIM options, available when `provider: 'mistral'`. */
export interface MistralCompletionOptions {
  /** Minimum tokens to generate before the model may stop. */
  min_tokens?: number | null
  /** Free-form metadata stored with the request. */
  metadata?: Record<string, unknown> | null
  /** Prompt-cache bucketing key. */
  prompt_cache_key?: string | null
}

/** The types the registry derives into the public params for `provider: 'mistral'`. */
export interface MistralOptionTypes {
  /** Extra `chat.completions.create` params. */
  readonly chat: MistralChatOptions
  /** Messages accepted besides OpenAI's. */
  readonly message: MistralAssistantMessageParam
  /** Extra `embeddings.create` params. */
  readonly embeddings: MistralEmbeddingOptions
  /** Extra `completions.create` params. */
  readonly completions: MistralCompletionOptions
  /** Refused whatever their value. */
  readonly refusedChatParams:
    | 'user'
    | 'safety_identifier'
    | 'audio'
    | 'web_search_options'
    | 'functions'
    | 'function_call'
    | 'verbosity'
    | 'prompt_cache_retention'
    | 'prompt_cache_options'
    | 'moderation'
}

/** The shape checks of Mistral's own chat params and message fields. */
export const mistralChatChecks: ProviderParamChecks = {
  params: {
    safe_prompt: optional(boolean),
    prompt_mode: optional(literal('reasoning')),
    guardrails: optional(arrayOf(record)),
  },
  messages: { assistant: { prefix: optional(boolean) } },
}
