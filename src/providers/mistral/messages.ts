/**
 * OpenAI messages → Mistral messages, enforcing the ordering rules Mistral applies (not in its spec; the
 * API's 400s are quoted in zed-industries/zed#37021, crewAIInc/crewAI#2194 and mistralai/client-ts#106):
 * tool results answer the calls of the assistant message right before them,
 * one result per call; no user message right after tool results; the last message is user, tool, or
 * an assistant with `prefix: true`.
 */
import { refuseUnsupported, requireFeature } from '../../core/feature-gate.js'
import type { GenerationRequestContext } from '../../core/provider-adapter.js'
import { InputError } from '../../errors.js'
import type { ChatCompletionMessageParam, ChatCompletionToolMessageParam } from '../../types.js'
import { convertAssistantText, convertTextContent, convertUserContent } from './request-content.js'
import type { MistralAssistantMessageParam } from './options.js'
import { createToolCallIdMapper } from './tool-call-ids.js'
import { customToolError } from './request-tools.js'
import type { MistralContentChunk, MistralMessage } from './wire-types.js'

interface ConversionState {
  readonly output: MistralMessage[]
  readonly mapId: (id: string) => string
  /** Original ids of the calls made by the latest assistant message, not yet answered. */
  readonly pending: Map<string, string>
  previousRole: string | undefined
  /** Index of the assistant message whose calls are pending. */
  pendingFrom: number
}

export function convertToMistralMessages(
  messages: readonly ChatCompletionMessageParam[],
  context: GenerationRequestContext,
): MistralMessage[] {
  const state: ConversionState = {
    output: [],
    mapId: createToolCallIdMapper(),
    pending: new Map(),
    previousRole: undefined,
    pendingFrom: -1,
  }
  messages.forEach((message, index) => convertMessage(message, index, state, context))
  requireAllResults(state, messages.length)
  markTrailingAssistant(state, context, messages.length - 1)
  return state.output
}

/** A message's path, built for an error or a drop only: building one per message and part was 40 % of the mapping. */
function messagePath(index: number): string {
  return `messages[${index}]`
}

function convertMessage(
  message: ChatCompletionMessageParam,
  index: number,
  state: ConversionState,
  context: GenerationRequestContext,
): void {
  if (message.role !== 'tool') requireAllResults(state, index)
  switch (message.role) {
    case 'system':
    case 'developer':
      refuseName(message.name, index, context)
      state.output.push({ role: 'system', content: convertTextContent(message.content) })
      break
    case 'user':
      refuseName(message.name, index, context)
      if (state.previousRole === 'tool') throw userAfterTool(messagePath(index))
      state.output.push({ role: 'user', content: convertUserContent(message.content, context, index) })
      break
    case 'assistant':
      convertAssistant(message, index, state, context)
      break
    case 'tool':
      convertToolResult(message, index, state)
      break
    case 'function': {
      const path = messagePath(index)
      throw new InputError(
        `${path}: the deprecated 'function' role is not supported; use tool calls and 'tool' messages.`,
        `${path}.role`,
      )
    }
    default: {
      const unknown: never = message
      const path = messagePath(index)
      throw new InputError(`${path}: unknown role '${(unknown as { role: string }).role}'.`, `${path}.role`)
    }
  }
  state.previousRole = message.role === 'developer' ? 'system' : message.role
}

function refuseName(name: unknown, index: number, context: GenerationRequestContext): void {
  if (name === undefined || name === null) return
  refuseUnsupported(context, `${messagePath(index)}.name`, 'Mistral accepts a name only on tool messages.')
}

function userAfterTool(path: string): InputError {
  return new InputError(
    `${path}: Mistral rejects a user message right after tool results ("Unexpected role 'user' after role 'tool'"). ` +
      `Send the tool results, take the assistant's answer, and add it before the next user message.`,
    path,
  )
}

function convertAssistant(
  message: MistralAssistantMessageParam,
  index: number,
  state: ConversionState,
  context: GenerationRequestContext,
): void {
  refuseName(message.name, index, context)
  if (message.audio !== undefined && message.audio !== null) {
    refuseUnsupported(context, `${messagePath(index)}.audio`, 'Mistral has no audio replies to refer to.')
  }
  if (message.function_call !== undefined && message.function_call !== null) {
    const path = messagePath(index)
    throw new InputError(
      `${path}.function_call is deprecated and not supported; use tool_calls.`,
      `${path}.function_call`,
    )
  }
  if (message.prefix === true && state.output.length === 0) {
    const path = messagePath(index)
    throw new InputError(`${path}: an assistant prefix cannot be the first message.`, `${path}.prefix`)
  }
  const text = convertAssistantText(message.content, message.refusal)
  const toolCalls = message.tool_calls ?? []
  const reasoning = typeof message.reasoning_content === 'string' ? message.reasoning_content : ''
  // An empty assistant message carries nothing, and Mistral rejects it: leave it out.
  if (text === '' && toolCalls.length === 0 && reasoning === '') return
  const content = assistantContent(text, reasoning)
  const converted: Extract<MistralMessage, { role: 'assistant' }> = { role: 'assistant', content }
  if (toolCalls.length > 0) {
    converted.tool_calls = toolCalls.map((call, callIndex) => {
      if (call.type !== 'function') throw customToolError(`${messagePath(index)}.tool_calls[${callIndex}]`)
      state.pending.set(call.id, call.function.name)
      return {
        id: state.mapId(call.id),
        type: 'function',
        function: { name: call.function.name, arguments: call.function.arguments },
      }
    })
    state.pendingFrom = index
  }
  if (message.prefix === true) converted.prefix = true
  state.output.push(converted)
}

function assistantContent(text: string, reasoning: string): string | MistralContentChunk[] | null {
  if (reasoning === '') return text === '' ? null : text
  // Reasoning goes back as a thinking chunk: Mistral rejects a `reasoning_content` key (422).
  const chunks: MistralContentChunk[] = [{ type: 'thinking', thinking: [{ type: 'text', text: reasoning }] }]
  if (text !== '') chunks.push({ type: 'text', text })
  return chunks
}

function convertToolResult(message: ChatCompletionToolMessageParam, index: number, state: ConversionState): void {
  const name = state.pending.get(message.tool_call_id)
  if (name === undefined) {
    const path = messagePath(index)
    throw new InputError(
      `${path}: tool result for tool_call_id '${message.tool_call_id}' does not answer a tool call of the ` +
        `assistant message right before it. Each tool message must follow the assistant message that made the call.`,
      `${path}.tool_call_id`,
    )
  }
  state.pending.delete(message.tool_call_id)
  state.output.push({
    role: 'tool',
    content: convertTextContent(message.content),
    tool_call_id: state.mapId(message.tool_call_id),
    name,
  })
}

/** Every call of the previous assistant message must have its result before the conversation goes on. */
function requireAllResults(state: ConversionState, index: number): void {
  if (state.pending.size === 0) return
  const [missing] = state.pending.keys()
  throw new InputError(
    `messages[${state.pendingFrom}]: tool call '${missing}' has no tool message with its result before ` +
      `messages[${index}] (Mistral needs exactly one tool message per tool call).`,
    `messages[${state.pendingFrom}].tool_calls`,
  )
}

/**
 * Mistral answers 400 to a trailing assistant message unless it has `prefix: true`. OpenAI has no such
 * message, and its closest meaning is a prefill, so a trailing text-only assistant message is sent as one.
 */
function markTrailingAssistant(state: ConversionState, context: GenerationRequestContext, lastIndex: number): void {
  const last = state.output[state.output.length - 1]
  if (last === undefined) {
    throw new InputError('messages: nothing to send (every message was empty).', 'messages')
  }
  if (last.role === 'system') {
    throw new InputError(
      `messages[${lastIndex}]: the conversation ends with a system message; Mistral needs a user or tool message last.`,
      `messages[${lastIndex}]`,
    )
  }
  if (last.role !== 'assistant') {
    requireNoInnerPrefix(state)
    return
  }
  requireFeature(context, 'prefix', `messages[${lastIndex}]`)
  last.prefix = true
  requireNoInnerPrefix(state)
}

function requireNoInnerPrefix(state: ConversionState): void {
  const lastIndex = state.output.length - 1
  state.output.forEach((message, index) => {
    if (index !== lastIndex && message.role === 'assistant' && message.prefix === true) {
      throw new InputError('An assistant message with prefix: true must be the last message.', 'messages')
    }
  })
}
