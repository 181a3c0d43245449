/**
 * Mistral's FIM response (chat-shaped: `choices[].message.content`, as `FIMCompletionResponse` in
 * mistralai/platform-docs-public `openapi-public-doc.yaml`) → OpenAI's text
 * Completion, and the finish-reason mapping shared with the stream mapper.
 */
import type { GenerationResponseContext } from '../../core/provider-adapter.js'
import { FinishReasonError } from '../../errors.js'
import type { Completion, CompletionFinishReason } from '../../types.js'
import { splitMistralContent } from './response-content.js'
import { mapMistralFinishReason } from './finish-reason.js'
import { convertMistralUsage } from './usage.js'
import { readMistralEnvelope } from './envelope.js'

/** Mistral finish reasons → a text completion's; `error` is left to the caller (FinishReasonError). */
export function mapFimFinishReason(reason: string): CompletionFinishReason | 'error' {
  const mapped = mapMistralFinishReason(reason)
  switch (mapped) {
    case 'stop':
    case 'length':
    case 'content_filter':
    case 'error':
      return mapped
    case 'tool_calls':
    case 'function_call':
      // FIM has no tools; a newer reason than this code is passed on as a plain stop.
      return 'stop'
    default:
      return mapped
  }
}

export function fromMistralFimResponse(json: unknown, raw: string, context: GenerationResponseContext): Completion {
  const response = readMistralEnvelope(json, raw, `${context.provider} returned a FIM response`)
  let failed = false as boolean // set inside the map below
  const completion: Completion = {
    id: response.id ?? '',
    object: 'text_completion',
    created: response.created ?? Math.floor(Date.now() / 1000),
    model: response.model ?? context.model,
    choices: response.choices.map((choice, position) => {
      const reason = mapFimFinishReason(choice.finish_reason ?? 'stop')
      if (reason === 'error') failed = true
      return {
        index: choice.index ?? position,
        text: splitMistralContent(choice.message?.content).text,
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
