/**
 * What an OpenAI-compatible service is known to reject or do differently, as data
 * (each preset in presets.ts cites the service's own docs). The mapping reads these flags; there are no
 * per-service branches.
 */
export interface OpenAICompatibleQuirks {
  /** Parameters the service rejects, with the reason shown in the InputError. */
  readonly rejectedParams?: Readonly<Record<string, string>>
  /** The service rejects `name` on messages (Groq: 400). */
  readonly rejectsMessageName?: boolean
  /** Send OpenAI's `developer` role as `system` (most servers know only `system`). */
  readonly developerAsSystem?: boolean
  /** Ask for usage on the last stream chunk with `stream_options.include_usage`. */
  readonly requestStreamUsage?: boolean
  /** Largest `n` accepted (Groq: 1). */
  readonly maxChoices?: number
  /** Largest number of tools accepted. */
  readonly maxTools?: number
  /**
   * Send `max_tokens` as `max_completion_tokens` (OpenAI: `max_tokens` is deprecated and reasoning models
   * answer 400 to it; both mean the same cap otherwise).
   */
  readonly maxTokensAsMaxCompletionTokens?: boolean
  /** Highest temperature accepted (OpenAI: 2). */
  readonly maxTemperature?: number
}
