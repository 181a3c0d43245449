/**
 * Gemini `finishReason` → OpenAI `finish_reason`. Safety-like reasons are `content_filter` (as vercel/ai
 * `packages/google/src/map-google-finish-reason.ts` maps them); Gemini reports `STOP` even when it called
 * functions, so calls make it `tool_calls`. The enum is `FinishReason` in `@google/genai`'s types.
 */
import type { ChatCompletion } from '../../types.js'

type FinishReason = ChatCompletion['choices'][number]['finish_reason']

const CONTENT_FILTER = new Set([
  'SAFETY',
  'RECITATION',
  'BLOCKLIST',
  'PROHIBITED_CONTENT',
  'SPII',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
  'IMAGE_RECITATION',
])

/** `error` for the tool-call failures (`MALFORMED_FUNCTION_CALL`…), which the caller gets as a FinishReasonError. */
export function mapGeminiFinishReason(reason: string, hasToolCalls: boolean): FinishReason | 'error' {
  if (CONTENT_FILTER.has(reason)) return 'content_filter'
  switch (reason) {
    case 'MAX_TOKENS':
      return 'length'
    case 'MALFORMED_FUNCTION_CALL':
    case 'UNEXPECTED_TOOL_CALL':
    case 'TOO_MANY_TOOL_CALLS':
      return 'error'
    default:
      // STOP, LANGUAGE, OTHER, NO_IMAGE, IMAGE_OTHER, CONTINUATION, FINISH_REASON_UNSPECIFIED.
      return hasToolCalls ? 'tool_calls' : 'stop'
  }
}
