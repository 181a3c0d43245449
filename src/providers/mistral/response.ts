/** Mistral's chat response → OpenAI's ChatCompletion. Lenient about extra fields, strict about `choices`. */
import type { GenerationResponseContext } from '../../core/provider-adapter.js'
import { FinishReasonError } from '../../errors.js'
import type { ChatCompletion, ChatCompletionMessage } from '../../types.js'
import { splitMistralContent } from './response-content.js'
import { mapMistralFinishReason } from './finish-reason.js'
import { convertMistralToolCalls } from './response-tool-calls.js'
import { convertMistralUsage } from './usage.js'
import { readMistralEnvelope } from './envelope.js'
import type { MistralResponseChoice } from './wire-types.js'

export function fromMistralResponse(json: unknown, raw: string, context: GenerationResponseContext): ChatCompletion {
  const response = readMistralEnvelope(json, raw, `${context.provider} returned a chat response`)
  let failed = false as boolean // set inside the map below
  const completion: ChatCompletion = {
    id: response.id ?? '',
    object: 'chat.completion',
    created: response.created ?? Math.floor(Date.now() / 1000),
    model: response.model ?? context.model,
    choices: response.choices.map((choice, position) => {
      const reason = mapMistralFinishReason(choice.finish_reason ?? 'stop')
      if (reason === 'error') failed = true
      return {
        index: choice.index ?? position,
        message: convertMessage(choice),
        finish_reason: reason === 'error' ? 'stop' : reason,
        logprobs: null,
      }
    }),
  }
  const usage = convertMistralUsage(response.usage)
  if (usage !== undefined) completion.usage = usage
  if (failed) {
    throw new FinishReasonError(
      `${context.provider} stopped generating with finish_reason "error"; the partial completion is in 'partial'.`,
      completion,
      raw,
    )
  }
  return completion
}

function convertMessage(choice: MistralResponseChoice): ChatCompletionMessage {
  const source = choice.message ?? {}
  const { text, reasoning } = splitMistralContent(source.content)
  const toolCalls = convertMistralToolCalls(source.tool_calls)
  const message: ChatCompletionMessage = {
    role: 'assistant',
    // Mistral sends "" (or null) beside tool calls; OpenAI's convention is null.
    content: text === '' && toolCalls !== undefined ? null : text,
    refusal: null,
  }
  if (toolCalls !== undefined) message.tool_calls = toolCalls
  if (reasoning !== '') message.reasoning_content = reasoning
  return message
}
