/**
 * The Messages API's rules on the conversation, after the body has its shape. Wording from public
 * reports of the real API's 400s: tool pairing (anthropics/anthropic-sdk-typescript#653,
 * tghamm/Anthropic.SDK#184), empty content (anthropics/claude-code#6774, BerriAI/litellm#2549),
 * prefill (smallmain/vscode-unify-chat-provider#249), trailing whitespace (vercel/ai's Anthropic
 * provider trims it for this reason), thinking replay (pydantic/pydantic-ai#2075). Consecutive turns
 * of one role are merged first, as the SDK's doc on `messages` says the API does.
 */
import { invalidRequest, type AnthropicErrorReply } from './errors.js'
import type { ApiVersion } from './request-schema.js'
import type { AnthropicModelCard } from './types.js'
import { blocksOf, type WireBlock, type WireMessage, type WireRequest } from './wire.js'

interface Turn {
  readonly role: WireMessage['role']
  /** Index of the turn's first message in the request. */
  readonly at: number
  readonly blocks: readonly { readonly block: WireBlock; readonly message: number; readonly index: number }[]
}

function mergeTurns(messages: readonly WireMessage[]): Turn[] {
  const turns: Turn[] = []
  messages.forEach((message, at) => {
    const blocks = blocksOf(message.content).map((block, index) => ({ block, message: at, index }))
    const last = turns[turns.length - 1]
    if (last !== undefined && last.role === message.role) (last.blocks as (typeof blocks)[number][]).push(...blocks)
    else turns.push({ role: message.role, at, blocks })
  })
  return turns
}

const USER_ONLY = new Set(['tool_result', 'image', 'search_result'])
const ASSISTANT_ONLY = new Set(['tool_use', 'thinking', 'redacted_thinking'])

function checkContent(
  messages: readonly WireMessage[],
  card: AnthropicModelCard,
  version: ApiVersion,
): AnthropicErrorReply | undefined {
  for (let at = 0; at < messages.length; at++) {
    const message = messages[at] as WireMessage
    if (message.role === 'system' && !card.inlineSystem)
      return invalidRequest(`messages.${at}.role: Input should be 'user' or 'assistant'`)
    const final = at === messages.length - 1 && message.role === 'assistant'
    if ((message.content === '' || message.content.length === 0) && !final)
      return invalidRequest(
        `messages.${at}: all messages must have non-empty content except for the optional final assistant message`,
      )
    const blocks = blocksOf(message.content)
    for (let index = 0; index < blocks.length; index++) {
      const block = blocks[index] as WireBlock
      if (block.type === 'text' && typeof message.content !== 'string') {
        if (block.text === '') return invalidRequest('messages: text content blocks must be non-empty')
        if (block.text?.trim() === '')
          return invalidRequest('messages: text content blocks must contain non-whitespace text')
      }
      const misplaced = message.role === 'assistant' ? USER_ONLY.has(block.type) : ASSISTANT_ONLY.has(block.type)
      if (misplaced)
        return invalidRequest(
          `messages.${at}.content.${index}: \`${block.type}\` blocks are not allowed in \`${message.role}\` messages`,
        )
      if (version === '2026-10-21' && message.role === 'assistant' && block.type === 'document')
        return invalidRequest(
          `messages.${at}.content.${index}: \`document\` blocks are not allowed in \`assistant\` messages`,
        )
      if (
        version === '2026-10-21' &&
        message.role === 'user' &&
        block.type === 'text' &&
        (block.citations?.length ?? 0) > 0
      )
        return invalidRequest(
          `messages.${at}.content.${index}.text.citations: citations are not allowed on text blocks in \`user\` messages`,
        )
    }
  }
  return undefined
}

function checkToolPairing(turns: readonly Turn[]): AnthropicErrorReply | undefined {
  let open: Set<string> = new Set()
  let openAt = -1
  for (const turn of turns) {
    if (turn.role === 'assistant') {
      if (open.size > 0) return unanswered(openAt, open)
      open = new Set()
      for (const { block, message, index } of turn.blocks) {
        if (block.type !== 'tool_use' || block.id === undefined) continue
        if (open.has(block.id))
          return invalidRequest(`messages.${message}.content.${index}: \`tool_use\` ids must be unique`)
        open.add(block.id)
        openAt = message
      }
      continue
    }
    if (turn.role === 'system') continue
    const answerable = new Set(open)
    let leading = true
    for (const { block, message, index } of turn.blocks) {
      if (block.type !== 'tool_result') {
        leading = false
        continue
      }
      const id = block.tool_use_id ?? ''
      if (!answerable.has(id))
        return invalidRequest(
          `messages.${message}.content.${index}: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${id}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`,
        )
      if (!leading)
        return invalidRequest(
          `messages.${message}: \`tool_result\` blocks must come first in the user message that follows \`tool_use\` blocks, before any other content.`,
        )
      open.delete(id)
    }
    if (open.size > 0) return unanswered(openAt, open)
  }
  return open.size > 0 ? unanswered(openAt, open) : undefined
}

function unanswered(at: number, ids: ReadonlySet<string>): AnthropicErrorReply {
  return invalidRequest(
    `messages.${at + 1}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${[...ids].join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`,
  )
}

function checkFinal(
  turns: readonly Turn[],
  card: AnthropicModelCard,
  request: WireRequest,
): AnthropicErrorReply | undefined {
  const last = turns[turns.length - 1]
  if (last?.role === 'assistant') {
    if (!card.prefill)
      return invalidRequest(
        'This model does not support assistant message prefill. The conversation must end with a user message.',
      )
    const text = last.blocks[last.blocks.length - 1]?.block
    if (text?.type === 'text' && text.text !== undefined && text.text !== text.text.trimEnd())
      return invalidRequest('messages: final assistant content cannot end with trailing whitespace')
  }
  if (request.thinking?.type !== 'enabled') return undefined
  // With manual thinking, the assistant turn before the last tool results must open with thinking.
  const toolTurn =
    last?.role === 'user' && last.blocks.some(({ block }) => block.type === 'tool_result')
      ? turns[turns.length - 2]
      : undefined
  const first = toolTurn?.blocks[0]
  if (first !== undefined && first.block.type !== 'thinking' && first.block.type !== 'redacted_thinking')
    return invalidRequest(
      `messages.${first.message}.content.${first.index}.type: Expected \`thinking\` or \`redacted_thinking\`, but found \`${first.block.type}\`. When \`thinking\` is enabled, a final \`assistant\` message must start with a thinking block (preceeding the lastmost set of \`tool_use\` and \`tool_result\` blocks). We recommend you include thinking blocks from previous turns. To avoid this requirement, disable \`thinking\`. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking`,
    )
  return undefined
}

/** The first conversation rule `request` breaks, or `undefined`. */
export function checkConversation(
  request: WireRequest,
  card: AnthropicModelCard,
  version: ApiVersion,
): AnthropicErrorReply | undefined {
  if (request.messages.length === 0) return invalidRequest('messages: at least one message is required')
  if (request.messages.length > 100_000)
    return invalidRequest('messages: a request may contain at most 100000 messages')
  const content = checkContent(request.messages, card, version)
  if (content !== undefined) return content
  const turns = mergeTurns(request.messages)
  return checkToolPairing(turns) ?? checkFinal(turns, card, request)
}
