/**
 * The non-streaming `chat.completion` body, as Mistral sends it (`ChatCompletionResponse` in
 * mistralai/platform-docs-public `openapi-public-doc.yaml`), in the shape of the clock's date.
 */
import type { ComposedAnswer, ComposedChoice } from './answer-types.js'
import { usageAt, wireEraAt, type WireEra } from './wire-era.js'

/** Identity of one completion, shared by the JSON body and every stream chunk. */
export interface CompletionMeta {
  /** 32 hex characters. */
  readonly id: string
  /** Unix seconds. */
  readonly created: number
  /** The model id exactly as requested. */
  readonly model: string
  /** The answer's shape (fields that changed over time); default: the newest. */
  readonly era?: WireEra
}

const NEWEST = wireEraAt(Number.POSITIVE_INFINITY)

/** The era of a completion's answers. */
export function eraOf(meta: CompletionMeta): WireEra {
  return meta.era ?? NEWEST
}

/** The wire usage of an answer. */
export function wireUsage(meta: CompletionMeta, answer: ComposedAnswer): Record<string, unknown> {
  const { prompt_tokens, completion_tokens, total_tokens } = answer.usage
  const cached_tokens = answer.usage.prompt_tokens_details.cached_tokens
  return usageAt(eraOf(meta), { prompt_tokens, completion_tokens, total_tokens, cached_tokens })
}

/** `message.content`: a string, or thinking + text chunks when the model reasoned. */
export function messageContent(choice: ComposedChoice, era: WireEra = NEWEST): string | unknown[] {
  if (choice.reasoning === undefined) return choice.text
  const thinking: Record<string, unknown> = { type: 'thinking', thinking: [{ type: 'text', text: choice.reasoning }] }
  if (era.thinkingClosed) thinking['closed'] = true
  return [thinking, { type: 'text', text: choice.text }]
}

function wireChoice(choice: ComposedChoice, era: WireEra): Record<string, unknown> {
  const toolCalls =
    choice.toolCalls.length === 0
      ? null
      : choice.toolCalls.map((call, index) => ({
          id: call.id,
          function: { name: call.name, arguments: call.arguments },
          index,
        }))
  const wire: Record<string, unknown> = {
    index: choice.index,
    message: { role: 'assistant', content: messageContent(choice, era), tool_calls: toolCalls },
    finish_reason: choice.finishReason,
  }
  if (era.choiceLogprobs) Object.assign(wire, { logprobs: null, prompt_logprobs: null })
  return wire
}

export function chatCompletionBody(meta: CompletionMeta, answer: ComposedAnswer): Record<string, unknown> {
  return {
    id: meta.id,
    object: 'chat.completion',
    created: meta.created,
    model: meta.model,
    usage: wireUsage(meta, answer),
    choices: answer.choices.map((choice) => wireChoice(choice, eraOf(meta))),
  }
}
