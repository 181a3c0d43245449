/**
 * The deterministic "model": derives the answer from the request alone.
 * - text: `You said: <last user text>` (quoted text capped at 200 code points), choice i > 0 gets ` (choice i+1)`;
 * - after a tool result: `The tool <name> returned: <result>`;
 * - json_object: `{"answer": …}`; json_schema: an instance of the schema, filled from the user's text;
 * - a trailing assistant with `prefix: true`: the answer starts with that prefix, as Mistral's does;
 * - reasoning models with a reasoning_effort other than "none": a thinking text as well;
 * - `stop` cuts before the first stop sequence, `max_tokens` cuts at that many tokens (`countTokens`).
 */
import type { ModelRow } from './model-types.js'
import type { ComposedAnswer, ComposedChoice, FinishReason } from './answer-types.js'
import { chooseToolCalls } from './choose-tool-calls.js'
import { countTokens, tokenPieces } from './count-tokens.js'
import { openAiStyleToolCallId, toolCallId } from './deterministic-ids.js'
import { jsonSchemaInstance } from './json-schema-instance.js'
import { contentText, type WireChatRequest, type WireMessage } from './wire-request.js'

const QUOTE_LIMIT = 200

function cap(text: string): string {
  const points = Array.from(text)
  return points.length <= QUOTE_LIMIT ? text : `${points.slice(0, QUOTE_LIMIT).join('')}…`
}

function lastUserText(messages: readonly WireMessage[]): string {
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index]
    if (message?.role === 'user') return contentText(message.content)
  }
  return ''
}

function toolName(messages: readonly WireMessage[], toolMessage: Extract<WireMessage, { role: 'tool' }>): string {
  if (typeof toolMessage.name === 'string' && toolMessage.name.length > 0) return toolMessage.name
  for (const message of messages) {
    if (message.role !== 'assistant') continue
    const call = (message.tool_calls ?? []).find((candidate) => candidate.id === toolMessage.tool_call_id)
    if (call !== undefined) return call.function.name
  }
  return 'tool'
}

function baseText(request: WireChatRequest, userText: string, index: number): string {
  const last = request.messages[request.messages.length - 1]
  const format = request.response_format
  if (format?.type === 'json_schema' && format.json_schema)
    return JSON.stringify(jsonSchemaInstance(format.json_schema.schema, userText))
  if (format?.type === 'json_object') return JSON.stringify({ answer: `You said: ${cap(userText)}` })
  const suffix = index > 0 ? ` (choice ${index + 1})` : ''
  if (last?.role === 'tool')
    return `The tool ${toolName(request.messages, last)} returned: ${cap(contentText(last.content))}${suffix}`
  const answer = `You said: ${cap(userText)}${suffix}`
  if (last?.role === 'assistant' && last.prefix === true) return `${contentText(last.content)} ${answer}`
  return answer
}

function cutAtStop(text: string, stop: WireChatRequest['stop']): { text: string; stopped: boolean } {
  const sequences = stop === undefined || stop === null ? [] : typeof stop === 'string' ? [stop] : stop
  let cut = -1
  for (const sequence of sequences) {
    const at = sequence.length > 0 ? text.indexOf(sequence) : -1
    if (at >= 0 && (cut < 0 || at < cut)) cut = at
  }
  return cut < 0 ? { text, stopped: false } : { text: text.slice(0, cut), stopped: true }
}

/** Cuts `reasoning` then `text` so together they hold at most `budget` tokens. */
function cutAtBudget(
  reasoning: string | undefined,
  text: string,
  budget: number,
): { reasoning?: string; text: string; cut: boolean } {
  const reasoningPieces = reasoning === undefined ? [] : tokenPieces(reasoning)
  const textPieces = tokenPieces(text)
  if (reasoningPieces.length + textPieces.length <= budget) {
    return reasoning === undefined ? { text, cut: false } : { reasoning, text, cut: false }
  }
  const keptReasoning = reasoningPieces.slice(0, budget).join('')
  const keptText = textPieces.slice(0, Math.max(0, budget - reasoningPieces.length)).join('')
  return reasoning === undefined
    ? { text: keptText, cut: true }
    : { reasoning: keptReasoning, text: keptText, cut: true }
}

function reasons(request: WireChatRequest, row: ModelRow): boolean {
  const effort = request.reasoning_effort
  return row.reasoning && effort !== undefined && effort !== null && effort !== 'none'
}

function composeChoice(request: WireChatRequest, row: ModelRow, requestKey: string, index: number): ComposedChoice {
  const userText = lastUserText(request.messages)
  const reasoning = reasons(request, row)
    ? `The user wrote "${cap(userText)}". Echoing it answers the request.`
    : undefined
  const calls = chooseToolCalls(request, userText)
  if (calls.length > 0) {
    const makeId = row.thirdParty === true ? openAiStyleToolCallId : toolCallId
    const toolCalls = calls.map((call, position) => ({
      ...call,
      id: makeId(requestKey, String(index), String(position)),
    }))
    return { index, text: '', ...(reasoning === undefined ? {} : { reasoning }), toolCalls, finishReason: 'tool_calls' }
  }
  const stopped = cutAtStop(baseText(request, userText, index), request.stop)
  const budget = request.max_tokens ?? Number.POSITIVE_INFINITY
  const limited = cutAtBudget(reasoning, stopped.text, budget)
  const finishReason: FinishReason = limited.cut ? 'length' : 'stop'
  return { index, toolCalls: [], finishReason, ...limited }
}

function messageTokens(message: WireMessage): number {
  const calls = message.role === 'assistant' ? (message.tool_calls ?? []) : []
  const callText = calls.map((call) => `${call.function.name} ${JSON.stringify(call.function.arguments)}`).join(' ')
  return 3 + countTokens(contentText(message.content)) + countTokens(callText)
}

/**
 * Prompt tokens: 3 per message + the tokens of its text and tool calls + the tokens of the
 * `tools` JSON. Completion tokens: reasoning + text + each call's name and arguments.
 */
export function promptTokens(request: WireChatRequest): number {
  const toolTokens = request.tools ? countTokens(JSON.stringify(request.tools)) : 0
  return request.messages.reduce((sum, message) => sum + messageTokens(message), toolTokens)
}

export function completionTokens(choice: ComposedChoice): number {
  const callText = choice.toolCalls.map((call) => `${call.name} ${call.arguments}`).join(' ')
  return countTokens(choice.reasoning ?? '') + countTokens(choice.text) + countTokens(callText)
}

/** The full answer for a validated request. `cachedTokens` comes from the server's prompt cache. */
export function composeAnswer(
  request: WireChatRequest,
  row: ModelRow,
  requestKey: string,
  cachedTokens: number,
): ComposedAnswer {
  const choices = Array.from({ length: request.n ?? 1 }, (_, index) => composeChoice(request, row, requestKey, index))
  const prompt = promptTokens(request)
  const completion = choices.reduce((sum, choice) => sum + completionTokens(choice), 0)
  return {
    choices,
    usage: {
      prompt_tokens: prompt,
      completion_tokens: completion,
      total_tokens: prompt + completion,
      prompt_tokens_details: { cached_tokens: Math.min(cachedTokens, prompt) },
    },
  }
}
