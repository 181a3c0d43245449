/**
 * Mistral response content is a string, or a list of chunks when the model reasons
 * (`[{type:'thinking', thinking:[{type:'text', text}]}, {type:'text', text}]`). OpenAI clients expect a
 * string, so text chunks are joined into `content` and thinking text into `reasoning_content`.
 */
import type { MistralResponseContent } from './wire-types.js'

export interface SplitContent {
  text: string
  reasoning: string
}

export function splitMistralContent(content: MistralResponseContent): SplitContent {
  if (typeof content === 'string') return { text: content, reasoning: '' }
  if (!Array.isArray(content)) return { text: '', reasoning: '' }
  let text = ''
  let reasoning = ''
  for (const chunk of content) {
    if (chunk.type === 'text' && typeof chunk.text === 'string') text += chunk.text
    else if (chunk.type === 'thinking' && Array.isArray(chunk.thinking)) reasoning += joinThinking(chunk.thinking)
  }
  return { text, reasoning }
}

function joinThinking(parts: unknown[]): string {
  let text = ''
  for (const part of parts) {
    if (typeof part === 'string') text += part
    else if (typeof part === 'object' && part !== null && typeof (part as { text?: unknown }).text === 'string') {
      text += (part as { text: string }).text
    }
  }
  return text
}
