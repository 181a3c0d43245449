/**
 * Anthropic's own params (beyond OpenAI's), owned here: their types (the registry derives them into
 * `create`'s params for `provider: 'anthropic'`) and the checks that run before any mapping or I/O.
 * Shapes from `@anthropic-ai/sdk` 1.15.0 (`resources/messages/messages.d.ts`: ThinkingConfigParam,
 * CacheControlEphemeral).
 */
import type { ProviderParamChecks } from '../../core/provider-adapter.js'
import { literal, number, optional, shape, tagged } from '../../core/shape-checks.js'
import type {
  ChatCompletionContentPart,
  ChatCompletionContentPartText,
  ChatCompletionSystemMessageParam,
  ChatCompletionTool,
  ChatCompletionToolMessageParam,
  ChatCompletionUserMessageParam,
} from '../../types.js'

/** A prompt-cache breakpoint: the prompt up to and including this block is cached (`ttl` default `5m`). */
export interface AnthropicCacheControl {
  /** The one cache kind Anthropic has. */
  type: 'ephemeral'
  /** How long the cached prefix lives: `5m` (default) or `1h` (costs more to write). */
  ttl?: '5m' | '1h'
}

/** Anthropic's thinking settings, sent as given (see `thinking` in AnthropicChatOptions). */
export type AnthropicThinking =
  | {
      /** Thinking with a token budget. */
      type: 'enabled'
      /** Tokens the model may spend thinking: at least 1024, and less than `max_tokens`. */
      budget_tokens: number
      /** Whether the thinking comes back summarized or is omitted; default: the model's own. */
      display?: 'summarized' | 'omitted' | null
    }
  | {
      /** The model decides how much to think (combine with `reasoning_effort`). */
      type: 'adaptive'
      /** Whether the thinking comes back summarized or is omitted; default: the model's own. */
      display?: 'summarized' | 'omitted' | null
    }
  | {
      /** No thinking. */
      type: 'disabled'
    }

/**
 * Anthropic-only options, available when `provider: 'anthropic'`.
 *
 * Headers token.js sends to Anthropic: `x-api-key` (the key), `anthropic-version: 2026-10-21` on every
 * request, the API version `@anthropic-ai/sdk` 1.15.0 sends (its client.js `buildHeaders`), which the
 * mapping is written for (it removed `temperature`, `top_p` and `top_k`; see
 * https://platform.claude.com/docs/en/api/versioning). A client's `defaultHeaders` win over it, but the
 * mapping still speaks 2026-10-21. Beta features: pass the `anthropic-beta` header (comma-separated
 * beta names, as the SDK's `betas` are sent) in `defaultHeaders`, `providers.anthropic.defaultHeaders` or
 * a request's `headers`; token.js adds no beta of its own.
 *
 * Base URL: `ANTHROPIC_BASE_URL` (or `baseURL`) as `@anthropic-ai/sdk` takes it, without `/v1`
 * (`https://api.anthropic.com`, a proxy's root); a value that already ends in `/v1` is used as it is.
 * Default: `https://api.anthropic.com/v1`.
 */
export interface AnthropicChatOptions {
  /**
   * Extended thinking, as Anthropic takes it: `{ type: 'enabled', budget_tokens }` (a token budget,
   * ≥ 1024 and below `max_tokens`), `{ type: 'adaptive' }` (the model decides; combine with
   * `reasoning_effort` for the effort) or `{ type: 'disabled' }`. Without it, `reasoning_effort` picks
   * the model's way (adaptive + effort, or a budget derived from `max_tokens`). Default: the model's own.
   */
  thinking?: AnthropicThinking
  /** Automatic prompt caching: a breakpoint on the last cacheable block of the request. */
  cache_control?: AnthropicCacheControl
}

/** Adds Anthropic's `cache_control` breakpoint to a part (or tool). */
export type Cacheable<T> = T extends unknown
  ? T & {
      /** A prompt-cache breakpoint after this part (or tool). */
      cache_control?: AnthropicCacheControl
    }
  : never

/** The messages `provider: 'anthropic'` accepts besides OpenAI's: content parts with `cache_control`. */
export type AnthropicMessageParam =
  | (Omit<ChatCompletionSystemMessageParam, 'content'> & {
      /** The system prompt: text, or text parts that may carry `cache_control`. */
      content: string | Cacheable<ChatCompletionContentPartText>[]
    })
  | (Omit<ChatCompletionUserMessageParam, 'content'> & {
      /** The user's message: text, or parts that may carry `cache_control`. */
      content: string | Cacheable<ChatCompletionContentPart>[]
    })
  | (Omit<ChatCompletionToolMessageParam, 'content'> & {
      /** The tool's result: text, or text parts that may carry `cache_control`. */
      content: string | Cacheable<ChatCompletionContentPartText>[]
    })

/** Tools with Anthropic's `cache_control` (a breakpoint on the last tool caches every definition). */
export interface AnthropicToolOptions {
  /** OpenAI's `tools`, each of which may carry `cache_control`. */
  tools?: Cacheable<ChatCompletionTool>[] | null
}

/** The types the registry derives into the public params for `provider: 'anthropic'`. */
export interface AnthropicOptionTypes {
  /** Extra `chat.completions.create` params. */
  readonly chat: AnthropicChatOptions & AnthropicToolOptions
  /** Messages accepted besides OpenAI's. */
  readonly message: AnthropicMessageParam
  /** Refused whatever their value. */
  readonly refusedChatParams:
    | 'seed'
    | 'prompt_cache_key'
    | 'prompt_cache_retention'
    | 'prompt_cache_options'
    | 'audio'
    | 'web_search_options'
    | 'verbosity'
    | 'functions'
    | 'function_call'
    | 'moderation'
}

const cacheControl = shape({ type: literal('ephemeral'), ttl: optional(literal('5m', '1h')) })

/** Shape checks of Anthropic's own params (`cache_control` on parts and tools is checked by the mapper). */
export const anthropicChatChecks: ProviderParamChecks = {
  params: {
    thinking: optional(
      tagged('type', {
        enabled: shape({ budget_tokens: number, display: optional(literal('summarized', 'omitted')) }),
        adaptive: shape({ display: optional(literal('summarized', 'omitted')) }),
        disabled: shape({}),
      }),
    ),
    cache_control: optional(cacheControl),
  },
}

/** Checks a `cache_control` found on a part or tool (the core does not look inside parts). */
export const checkCacheControl = optional(cacheControl)
