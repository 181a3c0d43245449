/**
 * Anthropic usage → OpenAI usage. `input_tokens` excludes cached tokens, so the prompt is input + cache
 * writes + cache reads (as vercel/ai `packages/anthropic/src/convert-anthropic-usage.ts` adds them);
 * cache reads are `cached_tokens`, cache writes `cache_write_tokens` (OpenRouter's name), thinking
 * tokens `reasoning_tokens` (`output_tokens_details.thinking_tokens`, "always ≤ output_tokens").
 */
import type { CompletionUsage } from '../../types.js'
import type { AnthropicUsage } from './wire-types.js'

export function convertAnthropicUsage(usage: AnthropicUsage | null | undefined): CompletionUsage | undefined {
  if (usage === undefined || usage === null) return undefined
  const read = usage.cache_read_input_tokens ?? 0
  const write = usage.cache_creation_input_tokens ?? 0
  const prompt = (usage.input_tokens ?? 0) + read + write
  const completion = usage.output_tokens ?? 0
  const converted: CompletionUsage = {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: read, cache_write_tokens: write },
  }
  const thinking = usage.output_tokens_details?.thinking_tokens
  if (typeof thinking === 'number') converted.completion_tokens_details = { reasoning_tokens: thinking }
  return converted
}

/**
 * A stream's usage: `message_start` has the input side, each `message_delta` the cumulative totals
 * (input fields repeated or null). The last non-null value of each field wins; nothing is added up.
 */
export function mergeUsage(sofar: AnthropicUsage, update: AnthropicUsage | null | undefined): AnthropicUsage {
  if (update === undefined || update === null) return sofar
  const merged: AnthropicUsage = { ...sofar }
  for (const key of Object.keys(update) as (keyof AnthropicUsage)[]) {
    const value = update[key]
    if (value !== null && value !== undefined) (merged as Record<string, unknown>)[key] = value
  }
  return merged
}
