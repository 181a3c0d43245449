/** Applies a scripted `'reply'` to the generated answer (content, tool calls, reasoning, finish reason, usage). */
import type { ComposedAnswer, ComposedChoice, ComposedToolCall } from './answer-types.js'
import { completionTokens } from './compose-answer.js'
import { toolCallId } from './deterministic-ids.js'
import type { ScriptedReply } from './emulator-types.js'

type ReplyScript = Extract<ScriptedReply, { kind: 'reply' }>

function overrideChoice(choice: ComposedChoice, script: ReplyScript, requestKey: string): ComposedChoice {
  const toolCalls: readonly ComposedToolCall[] =
    script.toolCalls === undefined
      ? choice.toolCalls
      : script.toolCalls.map((call, position) => ({
          id: call.id ?? toolCallId(requestKey, 'scripted', String(choice.index), String(position)),
          name: call.name,
          arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
        }))
  const text = script.content ?? (script.toolCalls !== undefined && script.toolCalls.length > 0 ? '' : choice.text)
  const reasoning = script.reasoning ?? choice.reasoning
  const finishReason =
    script.finishReason ??
    (toolCalls.length > 0 ? 'tool_calls' : choice.finishReason === 'tool_calls' ? 'stop' : choice.finishReason)
  const base = { index: choice.index, text, toolCalls, finishReason }
  return reasoning === undefined ? base : { ...base, reasoning }
}

export function applyReplyOverride(answer: ComposedAnswer, script: ReplyScript, requestKey: string): ComposedAnswer {
  const choices = answer.choices.map((choice) => overrideChoice(choice, script, requestKey))
  const prompt = script.usage?.prompt_tokens ?? answer.usage.prompt_tokens
  const completion =
    script.usage?.completion_tokens ?? choices.reduce((sum, choice) => sum + completionTokens(choice), 0)
  const cached = script.usage?.cached_tokens ?? answer.usage.prompt_tokens_details.cached_tokens
  return {
    choices,
    usage: {
      prompt_tokens: prompt,
      completion_tokens: completion,
      total_tokens: prompt + completion,
      prompt_tokens_details: { cached_tokens: cached },
    },
  }
}
