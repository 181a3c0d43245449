import type { CompletionUsage } from '../../types.js'
import type { MistralUsage } from './wire-types.js'

/**
 * Mistral usage → OpenAI usage, keeping the cached prompt tokens as `prompt_tokens_details.cached_tokens`.
 * Mistral has sent them two ways: `prompt_tokens_details.cached_tokens` (2026-06 on), and a flat
 * `num_cached_tokens` with no details (recorded 2026-01-29 to 2026-02-17, pydantic/pydantic-ai cassettes
 * tests/models/cassettes/test_tool_choice_matrix/* and test_multimodal_tool_returns/*).
 */
export function convertMistralUsage(usage: MistralUsage | null | undefined): CompletionUsage | undefined {
  if (usage === null || usage === undefined || typeof usage !== 'object') return undefined
  const prompt = usage.prompt_tokens ?? 0
  const completion = usage.completion_tokens ?? 0
  const converted: CompletionUsage = {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: usage.total_tokens ?? prompt + completion,
  }
  const cached = usage.prompt_tokens_details?.cached_tokens ?? usage.num_cached_tokens
  if (typeof cached === 'number') converted.prompt_tokens_details = { cached_tokens: cached }
  return converted
}
