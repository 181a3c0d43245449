/**
 * How the real API's answers looked on a given day, from the recorded corpus (test/fixtures/real/mistral):
 * fields appeared and changed over time, and the emulator answers in the shape of its clock's date.
 * Each switch is dated by the first recording that shows the new shape (the day it really changed lies
 * between that recording and the last one showing the old shape).
 */

/** How `usage` reports cached prompt tokens. */
export type CachedTokensField = 'none' | 'num_cached_tokens' | 'prompt_tokens_details'

export interface WireEra {
  /**
   * none before 2026-01-29 (last plain usage 2026-01-22, vercel/ai mistral-text.json); flat
   * `num_cached_tokens` from 2026-01-29 (pydantic/pydantic-ai test_tool_choice_matrix cassettes) to
   * 2026-02-10; `prompt_tokens_details.cached_tokens` from 2026-02-17 (test_multimodal_tool_returns).
   */
  readonly cachedTokens: CachedTokensField
  /** `usage.service_tier` from 2026-08-27 (vercel/ai mistral-usage-raw-live.json; absent 2026-07-27). */
  readonly serviceTier: boolean
  /** `closed: true` on JSON thinking chunks from 2026-07-20 (pydantic-ai wire-contract cassette; absent 2025-09-05). */
  readonly thinkingClosed: boolean
  /** `logprobs: null, prompt_logprobs: null` on JSON choices from 2026-10-06 (vercel/ai mistral-large-4-*.json; absent 2026-09-29). */
  readonly choiceLogprobs: boolean
}

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`)

export function wireEraAt(now: number): WireEra {
  return {
    cachedTokens:
      now >= day('2026-02-17') ? 'prompt_tokens_details' : now >= day('2026-01-29') ? 'num_cached_tokens' : 'none',
    serviceTier: now >= day('2026-08-27'),
    thinkingClosed: now >= day('2026-07-20'),
    choiceLogprobs: now >= day('2026-10-06'),
  }
}

/** The wire `usage` object of an answer in the shape of `era`. */
export function usageAt(
  era: WireEra,
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number; cached_tokens: number },
): Record<string, unknown> {
  const wire: Record<string, unknown> = {
    prompt_tokens: usage.prompt_tokens,
    total_tokens: usage.total_tokens,
    completion_tokens: usage.completion_tokens,
  }
  if (era.cachedTokens === 'num_cached_tokens') wire['num_cached_tokens'] = usage.cached_tokens
  if (era.cachedTokens === 'prompt_tokens_details')
    wire['prompt_tokens_details'] = { cached_tokens: usage.cached_tokens }
  if (era.serviceTier) wire['service_tier'] = 'standard'
  return wire
}
