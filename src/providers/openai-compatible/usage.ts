import type { CompletionUsage } from '../../types.js'

/**
 * Usage from `usage`, or from Groq's `x_groq.usage` on the last chunk (vercel/ai#1651; vercel/ai
 * `packages/groq/src/groq-chat-language-model.ts` reads it there too).
 */
export function readUsage(source: Record<string, unknown>): CompletionUsage | undefined {
  const direct = source.usage
  const groq = (source.x_groq as { usage?: unknown } | undefined)?.usage
  const usage = (typeof direct === 'object' && direct !== null ? direct : groq) as CompletionUsage | null | undefined
  if (usage === undefined || usage === null || typeof usage !== 'object') return undefined
  if (typeof usage.prompt_tokens !== 'number' || typeof usage.completion_tokens !== 'number') return undefined
  return usage
}
