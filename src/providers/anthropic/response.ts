/**
 * Anthropic's Message → OpenAI ChatCompletion (one choice). Text blocks are joined as they are (no
 * separator is invented); `tool_use` blocks are tool calls with their input as JSON text; thinking is
 * `reasoning_content`, and the signed blocks themselves are `reasoning_details`, so sending the message
 * back replays them. A refusal's explanation (`stop_details`) is `message.refusal`.
 */
import type { GenerationResponseContext } from '../../core/provider-adapter.js'
import { ResponseParseError } from '../../errors.js'
import type {
  ChatCompletion,
  ChatCompletionMessage,
  ChatCompletionMessageFunctionToolCall,
  ReasoningDetail,
} from '../../types.js'
import { mapAnthropicStopReason } from './finish-reason.js'
import { ANTHROPIC_REASONING_FORMAT } from './messages.js'
import { convertAnthropicUsage } from './usage.js'
import type { AnthropicResponse, AnthropicResponseBlock } from './wire-types.js'

export function fromAnthropicResponse(json: unknown, raw: string, context: GenerationResponseContext): ChatCompletion {
  if (typeof json !== 'object' || json === null || !Array.isArray((json as AnthropicResponse).content)) {
    throw new ResponseParseError(`${context.provider} returned a response without a content array.`, raw)
  }
  const response = json as AnthropicResponse
  const message = convertContent(response.content as AnthropicResponseBlock[])
  if (response.stop_reason === 'refusal') {
    message.refusal = response.stop_details?.explanation ?? message.content ?? 'The model refused to answer.'
  }
  const completion: ChatCompletion = {
    id: response.id ?? '',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: response.model ?? context.model,
    choices: [{ index: 0, message, finish_reason: mapAnthropicStopReason(response.stop_reason), logprobs: null }],
  }
  const usage = convertAnthropicUsage(response.usage)
  if (usage !== undefined) completion.usage = usage
  return completion
}

function convertContent(blocks: readonly AnthropicResponseBlock[]): ChatCompletionMessage {
  let text = ''
  let hasText = false
  let reasoning = ''
  const details: ReasoningDetail[] = []
  const toolCalls: ChatCompletionMessageFunctionToolCall[] = []
  for (const block of blocks) {
    switch (block.type) {
      case 'text':
        text += block.text ?? ''
        hasText = true
        break
      case 'tool_use':
        toolCalls.push({
          id: block.id ?? '',
          type: 'function',
          function: { name: block.name ?? '', arguments: JSON.stringify(block.input ?? {}) },
        })
        break
      case 'thinking':
        reasoning += block.thinking ?? ''
        details.push(thinkingDetail(block.thinking ?? '', block.signature))
        break
      case 'redacted_thinking':
        details.push({ type: 'reasoning.encrypted', data: block.data ?? '', format: ANTHROPIC_REASONING_FORMAT })
        break
      default:
        break // server-tool blocks: token.js sends no server tools, so none are expected
    }
  }
  const message: ChatCompletionMessage = {
    role: 'assistant',
    content: hasText || toolCalls.length === 0 ? text : null,
    refusal: null,
  }
  if (toolCalls.length > 0) message.tool_calls = toolCalls
  if (reasoning !== '') message.reasoning_content = reasoning
  if (details.length > 0) message.reasoning_details = details
  return message
}

export function thinkingDetail(text: string, signature: string | undefined): ReasoningDetail {
  const detail: ReasoningDetail = { type: 'reasoning.text', text, format: ANTHROPIC_REASONING_FORMAT }
  if (signature !== undefined && signature !== '') detail.signature = signature
  return detail
}
