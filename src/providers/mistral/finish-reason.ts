import type { ChatCompletionFinishReason } from '../../types.js'

/**
 * Mistral finish reasons → OpenAI's. `model_length` (context window exhausted) is OpenAI's `length`.
 * `error` is not mapped: the caller turns it into a FinishReasonError.
 */
export function mapMistralFinishReason(reason: string): ChatCompletionFinishReason | 'error' {
  switch (reason) {
    case 'stop':
    case 'length':
    case 'tool_calls':
      return reason
    case 'model_length':
      return 'length'
    case 'error':
      return 'error'
    default:
      // A value newer than this code: pass it on rather than guess (documented leniency).
      return reason as ChatCompletionFinishReason
  }
}
