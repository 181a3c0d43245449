/**
 * Mistral's wire shapes: only the fields we write or read (spec: mistralai/platform-docs-public
 * openapi-public-doc.yaml, components ChatCompletionRequest / ChatCompletionResponse / CompletionChunk).
 */

export type MistralTextChunk = { type: 'text'; text: string }
export type MistralThinkingChunk = {
  type: 'thinking'
  thinking: Array<MistralTextChunk | { type: string; [key: string]: unknown }>
  signature?: string | null
  closed?: boolean
}
export type MistralContentChunk =
  | MistralTextChunk
  | MistralThinkingChunk
  | { type: 'image_url'; image_url: string | { url: string; detail?: 'low' | 'auto' | 'high' } }
  | { type: 'document_url'; document_url: string; document_name?: string }
  | { type: 'input_audio'; input_audio: string }
  | { type: 'file'; file_id: string }

export interface MistralToolCall {
  id?: string
  type?: 'function'
  function: { name: string; arguments: string | Record<string, unknown> }
  index?: number
}

export type MistralMessage =
  | { role: 'system'; content: string | MistralTextChunk[] }
  | { role: 'user'; content: string | MistralContentChunk[] }
  | {
      role: 'assistant'
      content?: string | MistralContentChunk[] | null
      tool_calls?: MistralToolCall[]
      prefix?: boolean
    }
  | { role: 'tool'; content: string | MistralTextChunk[]; tool_call_id: string; name?: string }

/** Response message content as Mistral sends it: a string, or chunks when reasoning. */
export type MistralResponseContent = string | null | undefined | Array<{ type?: unknown; [key: string]: unknown }>

export interface MistralResponseChoice {
  index?: number
  message?: { role?: string; content?: MistralResponseContent; tool_calls?: MistralToolCall[] | null }
  delta?: { role?: string; content?: MistralResponseContent; tool_calls?: MistralToolCall[] | null }
  finish_reason?: string | null
}

export interface MistralUsage {
  prompt_tokens?: number
  completion_tokens?: number
  total_tokens?: number
  prompt_tokens_details?: { cached_tokens?: number } | null
  /** The older form of the cached count (recorded 2026-01/02), without `prompt_tokens_details`. */
  num_cached_tokens?: number
}

export interface MistralResponse {
  id?: string
  object?: string
  created?: number
  model?: string
  choices?: MistralResponseChoice[]
  usage?: MistralUsage | null
}
