/** Public types of the OpenAI-format emulator: options, quirks of compatible services, the running server. */
import type { ModelRow } from '../model-types.js'
import type { MistralEmulator } from '../emulator-types.js'

/**
 * What an OpenAI-compatible service rejects or does differently (the presets in
 * src/providers/openai-compatible/presets.ts cite each service's docs), so the
 * emulator can stand in for it. Every flag is off for OpenAI itself.
 */
export interface OpenAIEmulatorQuirks {
  /** Top-level parameters answered with a 400 (Groq: `logprobs`, `top_logprobs`, `logit_bias`). */
  readonly rejectedParams?: readonly string[]
  /** A `name` on any message is a 400 (Groq). */
  readonly rejectsMessageName?: boolean
  /** Largest `n` accepted (Groq: 1). Default 128. */
  readonly maxChoices?: number
  /** Largest number of tools accepted (Groq: 128). */
  readonly maxTools?: number
  /** The `developer` role is a 400 (servers that only know `system`). */
  readonly rejectsDeveloperRole?: boolean
  /** Where streamed usage goes: OpenAI's opt-in last chunk (default) or Groq's `x_groq.usage` on the final chunk. */
  readonly streamUsage?: 'include_usage' | 'x_groq'
  /** Send reasoning text in this field of the message / delta (OpenAI sends none: only `reasoning_tokens`). */
  readonly reasoningField?: 'reasoning' | 'reasoning_content'
  /** How the error `code` looks: OpenAI's string (default), or absent (Groq). */
  readonly errorCode?: 'string' | 'absent'
}

/** Groq's documented rejections and usage location (console.groq.com/docs/openai). */
export const GROQ_QUIRKS: OpenAIEmulatorQuirks = {
  rejectedParams: ['logprobs', 'top_logprobs', 'logit_bias'],
  rejectsMessageName: true,
  maxChoices: 1,
  maxTools: 128,
  streamUsage: 'x_groq',
  reasoningField: 'reasoning',
  errorCode: 'absent',
}

/** Options of `startOpenAIEmulator`; every one is optional. */
export interface OpenAIEmulatorOptions {
  /** TCP port to listen on. Default `0`: a free port chosen by the OS. */
  readonly port?: number
  /** Interface to bind. Default `'127.0.0.1'`. */
  readonly host?: string
  /** The only API key accepted as `Authorization: Bearer <key>`. Default `DEFAULT_EMULATOR_API_KEY`. */
  readonly apiKey?: string
  /** Check the key at all. Default `true`; `false` emulates a local server without auth (Ollama, vLLM). */
  readonly requireApiKey?: boolean
  /** Content characters per streamed content chunk (and argument characters per tool-call fragment). Default `8`. */
  readonly chunkSize?: number
  /** Milliseconds between streamed chunks. Default `0`. */
  readonly chunkDelayMs?: number
  /** Largest accepted request body in bytes; larger bodies get 413. Default 10 MiB. */
  readonly maxBodyBytes?: number
  /** Model catalogue (id → capability row). Default: `openAIServedModels` (the emulator's own rows, openai/models.ts). */
  readonly models?: Readonly<Record<string, ModelRow>>
  /** More model ids to serve, with every feature (a fine-tune, a local model such as `llama3.2`). */
  readonly extraModels?: readonly string[]
  /** Clock in ms since the epoch, used for `created`. Default `Date.now`. */
  readonly now?: () => number
  /** Record every request in `emulator.requests`. Default `true`. */
  readonly logRequests?: boolean
  /** A compatible service's rejections and differences (e.g. `GROQ_QUIRKS`). Default: none (OpenAI). */
  readonly quirks?: OpenAIEmulatorQuirks
}

/**
 * A running OpenAI-format emulator: the same handle as `MistralEmulator`. Scripted replies are the same
 * kinds; `http` without a body sends OpenAI's error body for the status, and `stream-error` sends OpenAI's
 * mid-stream `data: {"error":{…}}` frame after `afterChunks` chunks (a 500 with that body when not streaming).
 */
export type OpenAIEmulator = MistralEmulator
