/**
 * The parts of Anthropic's Messages wire format token.js reads and writes, after `@anthropic-ai/sdk`
 * 1.15.0 `resources/messages/messages.d.ts` (the tests check every body against those types' rules).
 */
import type { AnthropicCacheControl } from './options.js'

/** Where an image or document comes from. */
export type AnthropicSource = { type: 'base64'; media_type: string; data: string } | { type: 'url'; url: string }

/** A request content block (text, image, document, tool_use, tool_result, thinking, redacted_thinking). */
export interface AnthropicBlock {
  type: 'text' | 'image' | 'document' | 'tool_use' | 'tool_result' | 'thinking' | 'redacted_thinking'
  text?: string
  source?: AnthropicSource
  id?: string
  name?: string
  input?: unknown
  tool_use_id?: string
  content?: string | AnthropicBlock[]
  thinking?: string
  signature?: string
  data?: string
  cache_control?: AnthropicCacheControl
}

export interface AnthropicMessage {
  role: 'user' | 'assistant' | 'system'
  content: string | AnthropicBlock[]
}

/** A response content block (only the fields read). */
export interface AnthropicResponseBlock {
  type?: string
  text?: string
  id?: string
  name?: string
  input?: unknown
  thinking?: string
  signature?: string
  data?: string
}

export interface AnthropicUsage {
  input_tokens?: number | null
  output_tokens?: number | null
  cache_creation_input_tokens?: number | null
  cache_read_input_tokens?: number | null
  output_tokens_details?: { thinking_tokens?: number | null } | null
}

export interface AnthropicResponse {
  id?: string
  type?: string
  model?: string
  content?: AnthropicResponseBlock[]
  stop_reason?: string | null
  stop_details?: { explanation?: string | null } | null
  usage?: AnthropicUsage
}
