/**
 * Gemini `usageMetadata` → OpenAI usage. `candidatesTokenCount` excludes thoughts, so completion tokens
 * are candidates + thoughts and `total_tokens` stays `totalTokenCount` (vercel/ai
 * `packages/google/src/convert-google-usage.ts` sums them the same way); tool-use prompt tokens
 * (grounding) count as prompt tokens; cached tokens are part of the prompt, as OpenAI counts them.
 */
import type { CompletionUsage } from '../../types.js'
import type { GeminiUsageMetadata } from './wire-types.js'

export function convertGeminiUsage(usage: GeminiUsageMetadata | null | undefined): CompletionUsage | undefined {
  if (usage === undefined || usage === null || typeof usage !== 'object') return undefined
  const prompt = (usage.promptTokenCount ?? 0) + (usage.toolUsePromptTokenCount ?? 0)
  const thoughts = usage.thoughtsTokenCount ?? 0
  const completion = (usage.candidatesTokenCount ?? 0) + thoughts
  const converted: CompletionUsage = {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: usage.totalTokenCount ?? prompt + completion,
    prompt_tokens_details: { cached_tokens: usage.cachedContentTokenCount ?? 0 },
    completion_tokens_details: { reasoning_tokens: thoughts },
  }
  return converted
}
