/**
 * Anthropic `stop_reason` → OpenAI `finish_reason` (`@anthropic-ai/sdk` 1.15.0 StopReason; the same
 * choices as vercel/ai `packages/anthropic/src/map-anthropic-stop-reason.ts`): `pause_turn` (a server
 * tool paused the turn; send it again to go on) counts as a stop; `refusal` is a content filter.
 */
import type { ChatCompletionFinishReason } from '../../types.js'

export function mapAnthropicStopReason(reason: string | null | undefined): ChatCompletionFinishReason {
  switch (reason) {
    case 'tool_use':
      return 'tool_calls'
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length'
    case 'refusal':
      return 'content_filter'
    default:
      // end_turn, stop_sequence, pause_turn, and any reason added later (the answer is there; it stopped)
      return 'stop'
  }
}
