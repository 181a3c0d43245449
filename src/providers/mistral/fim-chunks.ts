/**
 * Mistral FIM stream chunks (chat-shaped: `choices[].delta.content`) → OpenAI text-completion chunks,
 * which are `Completion` objects carrying the new text (as OpenAI streams `/v1/completions`).
 */
import type { GenerationResponseContext, StreamMapper } from '../../core/provider-adapter.js'
import { openAIStreamEvents } from '../shared/openai-stream-events.js'
import { FinishReasonError } from '../../errors.js'
import type { Completion } from '../../types.js'
import { splitMistralContent } from './response-content.js'
import { mapFimFinishReason } from './fim-response.js'
import { convertMistralUsage } from './usage.js'
import { readMistralEnvelope } from './envelope.js'
import type { MistralResponseChoice } from './wire-types.js'

export function createMistralFimChunkMapper(context: GenerationResponseContext): StreamMapper<Completion> {
  return openAIStreamEvents((json, raw) => {
    const chunk = readMistralEnvelope(json, raw, `${context.provider} sent a FIM stream chunk`)
    const mapped: Completion = {
      id: chunk.id ?? '',
      object: 'text_completion',
      created: chunk.created ?? 0,
      model: chunk.model ?? context.model,
      choices: new Array<Completion['choices'][number]>(chunk.choices.length),
    }
    for (let position = 0; position < chunk.choices.length; position++) {
      const choice = chunk.choices[position] as MistralResponseChoice
      const finish = choice.finish_reason
      const reason = finish === null || finish === undefined ? null : mapFimFinishReason(finish)
      if (reason === 'error') {
        throw new FinishReasonError(`${context.provider} stopped generating with finish_reason "error".`, mapped, raw)
      }
      const content = choice.delta?.content
      const text = typeof content === 'string' ? content : splitMistralContent(content).text
      mapped.choices[position] = { index: choice.index ?? position, text, finish_reason: reason, logprobs: null }
    }
    const usage = convertMistralUsage(chunk.usage)
    if (usage !== undefined) mapped.usage = usage
    return mapped
  })
}
