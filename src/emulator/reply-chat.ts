/**
 * The non-streaming `chat.completion` body, as Mistral sends it (`ChatCompletionResponse` in
 * mistralai/platform-docs-public `openapi-public-doc.yaml`).
 */
import type { ComposedAnswer, ComposedChoice } from './answer-types.js'

/** Identity of one completion, shared by the JSON body and every stream chunk. */
export interface CompletionMeta {
  /** 32 hex characters. */
  readonly id: string
  /** Unix seconds. */
  readonly created: number
  /** The model id exactly as requested. */
  readonly model: string
}

/** `message.content`: a string, or thinking + text chunks when the model reasoned. */
export function messageContent(choice: ComposedChoice): string | unknown[] {
  if (choice.reasoning === undefined) return choice.text
  return [
    { type: 'thinking', thinking: [{ type: 'text', text: choice.reasoning }] },
    { type: 'text', text: choice.text },
  ]
}

function wireChoice(choice: ComposedChoice): Record<string, unknown> {
  const toolCalls =
    choice.toolCalls.length === 0
      ? null
      : choice.toolCalls.map((call, index) => ({
          id: call.id,
          function: { name: call.name, arguments: call.arguments },
          index,
        }))
  return {
    index: choice.index,
    message: { role: 'assistant', content: messageContent(choice), tool_calls: toolCalls },
    finish_reason: choice.finishReason,
  }
}

export function chatCompletionBody(meta: CompletionMeta, answer: ComposedAnswer): Record<string, unknown> {
  return {
    id: meta.id,
    object: 'chat.completion',
    created: meta.created,
    model: meta.model,
    usage: answer.usage,
    choices: answer.choices.map(wireChoice),
  }
}
