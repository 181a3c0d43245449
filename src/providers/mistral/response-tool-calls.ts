import type { ChatCompletionMessageFunctionToolCall } from '../../types.js'
import type { MistralToolCall } from './wire-types.js'

/** Mistral sends `arguments` as a JSON string, and accepts (sometimes returns) an object. */
export function stringifyArguments(value: MistralToolCall['function']['arguments'] | undefined): string {
  if (typeof value === 'string') return value
  return value === undefined ? '' : JSON.stringify(value)
}

export function convertMistralToolCalls(
  calls: MistralToolCall[] | null | undefined,
): ChatCompletionMessageFunctionToolCall[] | undefined {
  if (!Array.isArray(calls) || calls.length === 0) return undefined
  return calls.map((call) => ({
    id: call.id ?? '',
    type: 'function',
    function: { name: call.function.name, arguments: stringifyArguments(call.function.arguments) },
  }))
}
