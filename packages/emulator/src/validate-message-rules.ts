/**
 * The ordering and tool-call rules Mistral enforces beyond its schema, answered as 400 with the live
 * messages (quoted in zed-industries/zed#37021, charmbracelet/crush#279, crewAIInc/crewAI#2194,
 * mistralai/client-ts#106, solbrowse/extension#16).
 */
import { messageOrderError, type SemanticError } from './semantic-error.js'
import type { WireMessage } from './wire-request.js'

const TOOL_CALL_ID = /^[a-zA-Z0-9]{9}$/

function toolCallIdError(id: string): SemanticError {
  return {
    status: 400,
    message: `Tool call id was ${id} but must be a-z, A-Z, 0-9, with a length of 9.`,
    type: 'invalid_function_call',
    code: '3280',
  }
}

function hasContent(message: Extract<WireMessage, { role: 'assistant' }>): boolean {
  const { content } = message
  return content !== undefined && content !== null && content.length > 0
}

function checkAssistantsHaveContent(messages: readonly WireMessage[]): SemanticError | undefined {
  for (const message of messages) {
    if (message.role !== 'assistant') continue
    if (!hasContent(message) && (message.tool_calls ?? []).length === 0) {
      return messageOrderError('Assistant message must have either content or tool_calls, but not none.')
    }
  }
  return undefined
}

function checkToolCallIds(messages: readonly WireMessage[]): SemanticError | undefined {
  for (const message of messages) {
    if (message.role === 'assistant') {
      // An absent id defaults to the string "null" in Mistral's schema, which fails the rule too.
      const bad = (message.tool_calls ?? []).find((call) => !TOOL_CALL_ID.test(call.id ?? 'null'))
      if (bad !== undefined) return toolCallIdError(bad.id ?? 'null')
    }
    if (message.role === 'tool' && (message.tool_call_id === undefined || message.tool_call_id === null)) {
      // vercel/ai#2477; type and code assumed (those of the other tool-call id error).
      return {
        status: 400,
        message: 'Tool call id has to be defined in serving mode.',
        type: 'invalid_function_call',
        code: '3280',
      }
    }
    if (
      message.role === 'tool' &&
      typeof message.tool_call_id === 'string' &&
      !TOOL_CALL_ID.test(message.tool_call_id)
    ) {
      return toolCallIdError(message.tool_call_id)
    }
  }
  return undefined
}

function checkRoleOrder(messages: readonly WireMessage[]): SemanticError | undefined {
  for (let index = 1; index < messages.length; index++) {
    const previous = messages[index - 1]?.role
    const current = messages[index]?.role
    const toolAfterNonTool = current === 'tool' && previous !== 'assistant' && previous !== 'tool'
    if ((current === 'user' && previous === 'tool') || toolAfterNonTool) {
      return messageOrderError(`Unexpected role '${current}' after role '${previous}'`)
    }
  }
  return undefined
}

function checkCallsMatchResponses(messages: readonly WireMessage[]): SemanticError | undefined {
  for (let index = 0; index < messages.length; index++) {
    const message = messages[index]
    if (message?.role !== 'assistant') continue
    const calls = (message.tool_calls ?? []).length
    let responses = 0
    while (messages[index + 1 + responses]?.role === 'tool') responses++
    // An assistant with calls may end the conversation (the calls are pending); tool messages after an
    // assistant without calls are responses to nothing (mistralai/client-ts#106).
    const isLast = index === messages.length - 1
    if ((calls > 0 || responses > 0) && !isLast && responses !== calls) {
      return messageOrderError('Not the same number of function calls and responses')
    }
  }
  return undefined
}

function checkLastRole(messages: readonly WireMessage[]): SemanticError | undefined {
  const last = messages[messages.length - 1]
  if (last === undefined) {
    return messageOrderError('Expected last role User or Tool (or Assistant with prefix True) for serving but got none')
  }
  if (last.role === 'user' || last.role === 'tool') return undefined
  if (last.role === 'assistant' && last.prefix === true) return undefined
  return messageOrderError(
    `Expected last role User or Tool (or Assistant with prefix True) for serving but got ${last.role}`,
  )
}

/** The first ordering rule the messages break, or `undefined`. */
export function checkMessageRules(messages: readonly WireMessage[]): SemanticError | undefined {
  return (
    checkAssistantsHaveContent(messages) ??
    checkToolCallIds(messages) ??
    checkRoleOrder(messages) ??
    checkCallsMatchResponses(messages) ??
    checkLastRole(messages)
  )
}
