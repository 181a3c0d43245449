/**
 * OpenAI messages → Anthropic's `system` and `messages` (`@anthropic-ai/sdk` 1.15.0 MessageParam):
 * - system and developer messages before the conversation become the top-level `system` blocks; later
 *   ones stay where they are, as `role: 'system'` messages (MessageParam's SystemMessageParam), on models
 *   that take them (models.ts `inlineSystem`), and join the top-level `system` on older ones;
 * - a tool message becomes a `tool_result` block in a user turn; consecutive tool and user messages
 *   share one user turn with the tool results first (the API's "tool_result blocks … at the beginning of
 *   the user message" rule, anthropics/anthropic-sdk-typescript#653), and consecutive assistant messages
 *   merge, so roles alternate;
 * - an assistant message's signed reasoning (`reasoning_details` in Anthropic's format) goes back first,
 *   unchanged, as `thinking` / `redacted_thinking` blocks (required when thinking meets tool use,
 *   pydantic/pydantic-ai#2075); reasoning without a signature (another provider's) is not sent, since
 *   Anthropic accepts only its own signed thinking; the answer it explains is kept;
 * - tool calls become `tool_use` blocks with their arguments parsed (the API takes an object).
 */
import { refuseUnsupported, requireFeature } from '../../core/feature-gate.js'
import type { GenerationRequestContext } from '../../core/provider-adapter.js'
import { InputError } from '../../errors.js'
import type {
  ChatCompletionAssistantMessageParam,
  ChatCompletionContentPart,
  ChatCompletionMessageParam,
  ReasoningDetail,
} from '../../types.js'
import { convertParts } from './content.js'
import { takesInlineSystem } from './models.js'
import { createToolCallIdMapper } from './tool-call-ids.js'
import type { AnthropicBlock, AnthropicMessage } from './wire-types.js'

/** The `format` token.js writes on Anthropic's reasoning details (and the only one it sends back). */
export const ANTHROPIC_REASONING_FORMAT = 'anthropic-claude-v1'

export interface ConvertedMessages {
  system: AnthropicBlock[]
  messages: AnthropicMessage[]
}

export function convertMessages(
  messages: readonly ChatCompletionMessageParam[],
  context: GenerationRequestContext,
): ConvertedMessages {
  const system: AnthropicBlock[] = []
  const output: AnthropicMessage[] = []
  const mapId = createToolCallIdMapper()
  const inlineSystem = takesInlineSystem(context.row)
  messages.forEach((message, index) => {
    if ('name' in message && (message.name as unknown) !== undefined && message.role !== 'function') {
      refuseUnsupported(context, `${messagePath(index)}.name`, 'Anthropic messages have no name field.')
    }
    switch (message.role) {
      case 'system':
      case 'developer': {
        const blocks = textBlocks(message.content, context, index)
        if (output.length === 0 || !inlineSystem) system.push(...blocks)
        else if (blocks.length > 0) append(output, 'system', blocks)
        return
      }
      case 'user': {
        const blocks = textBlocks(message.content, context, index)
        if (blocks.length === 0) {
          const path = messagePath(index)
          throw new InputError(`${path}: a user message needs some content.`, `${path}.content`)
        }
        return append(output, 'user', blocks)
      }
      case 'tool':
        return append(output, 'user', [
          {
            type: 'tool_result',
            tool_use_id: mapId(message.tool_call_id),
            content:
              typeof message.content === 'string'
                ? message.content
                : convertParts(message.content, context, `${messagePath(index)}.content`),
          },
        ])
      case 'assistant': {
        const blocks = assistantBlocks(message, context, index, mapId)
        if (blocks.length > 0) append(output, 'assistant', blocks)
        return
      }
      case 'function': {
        const path = messagePath(index)
        throw new InputError(`${path}: the deprecated 'function' role is not supported; use 'tool'.`, `${path}.role`)
      }
      default: {
        const unknown: never = message
        const path = messagePath(index)
        throw new InputError(`Unknown role '${(unknown as { role: string }).role}' at ${path}.`, `${path}.role`)
      }
    }
  })
  if (output.length === 0) throw new InputError('messages: there is no user message to answer.', 'messages')
  const last = output[output.length - 1] as AnthropicMessage
  if (last.role === 'assistant') {
    // A trailing assistant message is a prefill: the answer continues it. Newer models refuse that.
    requireFeature(context, 'prefix', `messages[${messages.length - 1}]`)
    trimTrailingWhitespace(last)
  }
  return { system, messages: output }
}

/** Appends blocks to the last message when it has the same role (Anthropic alternates roles), tool results first. */
function append(output: AnthropicMessage[], role: AnthropicMessage['role'], blocks: AnthropicBlock[]): void {
  const last = output[output.length - 1]
  if (last === undefined || last.role !== role || role === 'system') {
    output.push({ role, content: blocks })
    return
  }
  const content = last.content as AnthropicBlock[]
  if (blocks[0]?.type === 'tool_result') {
    const firstOther = content.findIndex((block) => block.type !== 'tool_result')
    if (firstOther !== -1) {
      content.splice(firstOther, 0, ...blocks)
      return
    }
  }
  content.push(...blocks)
}

/** A message's path, built for an error or a drop only (one per message was a large part of mapping a long history). */
function messagePath(index: number): string {
  return `messages[${index}]`
}

function textBlocks(
  content: string | ChatCompletionContentPart[],
  context: GenerationRequestContext,
  index: number,
): AnthropicBlock[] {
  if (typeof content === 'string') return content === '' ? [] : [{ type: 'text', text: content }]
  return convertParts(content, context, `${messagePath(index)}.content`)
}

function assistantBlocks(
  message: ChatCompletionAssistantMessageParam,
  context: GenerationRequestContext,
  messageIndex: number,
  mapId: (id: string) => string,
): AnthropicBlock[] {
  if (message.audio !== undefined && message.audio !== null) {
    refuseUnsupported(context, `${messagePath(messageIndex)}.audio`, 'Anthropic has no audio replies to refer to.')
  }
  if (message.function_call !== undefined && message.function_call !== null) {
    const path = messagePath(messageIndex)
    throw new InputError(
      `${path}.function_call is deprecated and not supported; use tool_calls.`,
      `${path}.function_call`,
    )
  }
  const blocks: AnthropicBlock[] = reasoningBlocks(message.reasoning_details)
  const content = message.content
  if (typeof content === 'string') {
    if (content !== '') blocks.push({ type: 'text', text: content })
  } else if (Array.isArray(content)) {
    for (const part of content) {
      const text = part.type === 'text' ? part.text : part.refusal
      if (text !== '') blocks.push({ type: 'text', text })
    }
  }
  if ((content === undefined || content === null) && typeof message.refusal === 'string' && message.refusal !== '') {
    blocks.push({ type: 'text', text: message.refusal })
  }
  ;(message.tool_calls ?? []).forEach((call, index) => {
    const callPath = `${messagePath(messageIndex)}.tool_calls[${index}]`
    if (call.type !== 'function') {
      throw new InputError(`${callPath}: custom tools are not supported by Anthropic; use function tools.`, callPath)
    }
    blocks.push({
      type: 'tool_use',
      id: mapId(call.id),
      name: call.function.name,
      input: parseArguments(call.function.arguments, `${callPath}.function.arguments`),
    })
  })
  return blocks
}

/** Anthropic's own signed reasoning goes back as it came; other providers' pieces are not Anthropic's to verify. */
function reasoningBlocks(details: readonly ReasoningDetail[] | null | undefined): AnthropicBlock[] {
  const blocks: AnthropicBlock[] = []
  for (const detail of details ?? []) {
    if (detail.format !== ANTHROPIC_REASONING_FORMAT) continue
    if (detail.type === 'reasoning.text' && detail.signature !== undefined) {
      blocks.push({ type: 'thinking', thinking: detail.text, signature: detail.signature })
    } else if (detail.type === 'reasoning.encrypted') {
      blocks.push({ type: 'redacted_thinking', data: detail.data })
    }
  }
  return blocks
}

function parseArguments(text: string, path: string): unknown {
  let input: unknown
  try {
    input = text.trim() === '' ? {} : JSON.parse(text)
  } catch {
    throw new InputError(`${path} is not valid JSON; Anthropic needs the tool input as a JSON object.`, path)
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InputError(`${path} must be a JSON object (Anthropic's tool input is an object).`, path)
  }
  return input
}

/** "final assistant content cannot end with trailing whitespace" (the API's 400). */
function trimTrailingWhitespace(message: AnthropicMessage): void {
  const blocks = message.content as AnthropicBlock[]
  const last = blocks[blocks.length - 1]
  if (last?.type === 'text' && last.text !== undefined) last.text = last.text.trimEnd()
}
