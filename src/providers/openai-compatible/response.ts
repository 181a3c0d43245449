/**
 * An OpenAI-compatible response is already OpenAI's shape; this keeps it (extra OpenAI fields such as
 * `system_fingerprint` or `service_tier` included) and normalises what servers vary on: missing
 * `refusal`, reasoning field names, usage location, `finish_reason: null`.
 */
import type { GenerationResponseContext } from '../../core/provider-adapter.js'
import { ResponseParseError } from '../../errors.js'
import type { ChatCompletion, ChatCompletionMessage } from '../../types.js'
import { readReasoning } from './reasoning.js'
import { readUsage } from './usage.js'

type Json = Record<string, unknown>

export function fromOpenAICompatibleResponse(
  json: unknown,
  raw: string,
  context: GenerationResponseContext,
): ChatCompletion {
  if (typeof json !== 'object' || json === null || !Array.isArray((json as Json).choices)) {
    throw new ResponseParseError(`${context.provider} returned a chat response without 'choices'.`, raw)
  }
  const source = json as Json & { choices: Json[] }
  const { x_groq: _groq, usage: _usage, ...rest } = source
  const completion = {
    ...rest,
    id: typeof source.id === 'string' ? source.id : '',
    object: 'chat.completion',
    created: typeof source.created === 'number' ? source.created : Math.floor(Date.now() / 1000),
    model: typeof source.model === 'string' ? source.model : context.model,
    choices: source.choices.map((choice, position) => ({
      ...choice,
      index: typeof choice.index === 'number' ? choice.index : position,
      message: convertMessage((choice.message ?? {}) as Json),
      finish_reason: choice.finish_reason ?? 'stop',
      logprobs: choice.logprobs ?? null,
    })),
  } as ChatCompletion
  const usage = readUsage(source)
  if (usage !== undefined) completion.usage = usage
  return completion
}

function convertMessage(source: Json): ChatCompletionMessage {
  const { reasoning: _reasoning, reasoning_content: _reasoningContent, ...rest } = source
  const message = {
    ...rest,
    role: 'assistant',
    content: typeof source.content === 'string' ? source.content : null,
    refusal: typeof source.refusal === 'string' ? source.refusal : null,
  } as ChatCompletionMessage
  // Empty lists carry nothing, and streams never send them: dropping them keeps both results equal.
  if (Array.isArray(source.tool_calls) && source.tool_calls.length === 0) delete message.tool_calls
  if (Array.isArray(source.annotations) && source.annotations.length === 0) delete message.annotations
  const reasoning = readReasoning(source)
  if (reasoning !== undefined) message.reasoning_content = reasoning
  return message
}
