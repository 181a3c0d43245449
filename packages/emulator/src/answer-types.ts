/** The emulator's model-independent answer, before it is written as JSON or SSE. */

/**
 * A `finish_reason` a scripted Mistral reply can end with: OpenAI's values plus Mistral's `error` and
 * `model_length` (the context window was full).
 */
export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'error' | 'model_length'

export interface ComposedToolCall {
  readonly id: string
  readonly name: string
  /** JSON text, as Mistral returns it. */
  readonly arguments: string
}

export interface ComposedChoice {
  readonly index: number
  readonly text: string
  /** Thinking text; present when the model reasons. */
  readonly reasoning?: string
  readonly toolCalls: readonly ComposedToolCall[]
  readonly finishReason: FinishReason
}

export interface Usage {
  readonly prompt_tokens: number
  readonly completion_tokens: number
  readonly total_tokens: number
  readonly prompt_tokens_details: { readonly cached_tokens: number }
}

export interface ComposedAnswer {
  readonly choices: readonly ComposedChoice[]
  readonly usage: Usage
}
