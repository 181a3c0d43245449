import type { CompletionUsage } from '../../types.js'
import type { MistralUsage } from './wire-types.js'

/** Mistral usage → OpenAI usage, keeping `prompt_tokens_details.cached_tokens` (prompt caching). */
export function convertMistralUsage(usage: MistralUsage | null | undefined): CompletionUsage | undefined {
  if (usage === null || usage === undefined || typeof usage !== 'object') return undefined
  const prompt = usage.prompt_tokens ?? 0
  const completion = usage.completion_tokens ?? 0
  const converted: CompletionUsage = {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: usage.total_tokens ?? prompt + completion,
  }
  const cached = usage.prompt_tokens_details?.cached_tokens
  if (typeof cached === 'number') converted.prompt_tokens_details = { cached_tokens: cached }
  return converted
}
