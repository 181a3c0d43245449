/** Public types of the Anthropic Messages API emulator: options, model cards, the running server. */
import type { MistralEmulator } from '../emulator-types.js'

/** What the emulator knows about one model: the fields of `GET /v1/models/{id}` plus the rules it enforces. */
export interface AnthropicModelCard {
  /** The model id requests name, e.g. `claude-sonnet-4-5-20250929`. */
  readonly id: string
  /** The name for people, as `display_name` in the Models API. */
  readonly display_name: string
  /** RFC 3339 release time, as `created_at` in the Models API. */
  readonly created_at: string
  /** Context window in tokens, as `max_input_tokens` in the Models API. */
  readonly max_input_tokens: number
  /** Largest `max_tokens` accepted. */
  readonly max_tokens: number
  /** `thinking.type` values the model accepts. */
  readonly thinking: readonly ('enabled' | 'adaptive' | 'disabled')[]
  /** The model thinks when the request has no `thinking` ("Adaptive (always on)" models, Sonnet 5). */
  readonly thinksByDefault: boolean
  /** `output_config.effort` levels accepted; empty when the model takes no effort. */
  readonly effortLevels: readonly ('low' | 'medium' | 'high' | 'xhigh' | 'max')[]
  /** A final assistant message (prefill) is accepted. */
  readonly prefill: boolean
  /** `role: "system"` inside `messages` is accepted. */
  readonly inlineSystem: boolean
  /** On API version 2023-06-01: sampling parameters are limited (temperature 1 only, top_p >= 0.99, no top_k). */
  readonly fixedSampling: boolean
  /** `deprecated` once Anthropic announced the retirement, as `lifecycle` in the Models API. */
  readonly lifecycle: 'active' | 'deprecated'
  /** RFC 3339 time of the deprecation notice; reported by `GET /v1/models`, `null` there when absent. */
  readonly deprecated_at?: string
  /** RFC 3339 retirement time; reported by `GET /v1/models`, `null` there when absent. */
  readonly retires_at?: string
}

/** Options of `startAnthropicEmulator`; every one is optional. */
export interface AnthropicEmulatorOptions {
  /** TCP port to listen on. Default `0`: a free port chosen by the OS. */
  readonly port?: number
  /** Interface to bind. Default `'127.0.0.1'`. */
  readonly host?: string
  /** The only key accepted, as `x-api-key: <key>` or `Authorization: Bearer <key>`. Default `DEFAULT_EMULATOR_API_KEY`. */
  readonly apiKey?: string
  /** Characters of text (and of tool-input JSON) per streamed delta. Default `8`. */
  readonly chunkSize?: number
  /** Milliseconds between streamed events. Default `0`. */
  readonly chunkDelayMs?: number
  /** Largest accepted request body in bytes; larger bodies get 413 `request_too_large`. Default 32 MB (the API's limit). */
  readonly maxBodyBytes?: number
  /** Model catalogue. Default: the emulator's own `ANTHROPIC_EMULATOR_MODELS`. */
  readonly models?: readonly AnthropicModelCard[]
  /** Page size of `GET /v1/models` when `limit` is not given. Default `20` (the API's default). */
  readonly defaultPageSize?: number
  /** Send a `ping` event after `content_block_start` of the first block, as the API does. Default `true`. */
  readonly ping?: boolean
  /** Record every request in `emulator.requests`. Default `true`. */
  readonly logRequests?: boolean
}

/**
 * A running Anthropic emulator: the same handle as the Mistral and OpenAI emulators. Scripted replies
 * are the same kinds: `http` without a body sends Anthropic's error body for the status (529 →
 * `overloaded_error`), `stream-error` sends `event: error` with an `overloaded_error` after `afterChunks`
 * events (a 529 when not streaming), `reply` overrides text / tool calls / thinking / stop reason / usage.
 */
export type AnthropicEmulator = MistralEmulator
