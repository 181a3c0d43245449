/**
 * Writes an answer as a Message (JSON) or as the Messages API's named SSE events:
 * `message_start`, then per block `content_block_start` / `content_block_delta`… / `content_block_stop`
 * (a `ping` after the first start), `message_delta` with the stop reason and the cumulative usage,
 * `message_stop`. Event and field order follow the recordings in test/fixtures/real/anthropic.
 */
import { countTokens } from '../count-tokens.js'
import type { NormalReply } from '../normal-reply.js'
import type { AnswerBlock, AnthropicAnswer } from './compose.js'
import { splitText } from '../stream-chunks.js'
import { errorBody } from './errors.js'

export interface MessageMeta {
  readonly id: string
  readonly model: string
}

export interface StreamShape {
  readonly chunkSize: number
  readonly ping: boolean
}

function thinkingTokens(answer: AnthropicAnswer): number {
  return answer.blocks.reduce((sum, block) => sum + (block.type === 'thinking' ? countTokens(block.thinking) : 0), 0)
}

/** `usage` as the 2026 recordings show it: cache fields, `cache_creation` split, tier and geo. */
function usageJson(answer: AnthropicAnswer, outputTokens: number, details: boolean): Record<string, unknown> {
  const { usage } = answer
  return {
    input_tokens: usage.input_tokens,
    cache_creation_input_tokens: usage.cache_creation_input_tokens,
    cache_read_input_tokens: usage.cache_read_input_tokens,
    cache_creation: { ephemeral_5m_input_tokens: usage.cache_creation_input_tokens, ephemeral_1h_input_tokens: 0 },
    output_tokens: outputTokens,
    ...(details ? { output_tokens_details: { thinking_tokens: thinkingTokens(answer) } } : {}),
    service_tier: 'standard',
    inference_geo: 'global',
  }
}

/** The non-streaming `Message`, keys in the recorded order (`model` first). */
export function messageJson(meta: MessageMeta, answer: AnthropicAnswer): Record<string, unknown> {
  return {
    model: meta.model,
    id: meta.id,
    type: 'message',
    role: 'assistant',
    content: answer.blocks,
    stop_reason: answer.stopReason,
    stop_sequence: answer.stopSequence,
    stop_details: null,
    usage: usageJson(answer, answer.usage.output_tokens, true),
  }
}

export function sseEvent(data: Record<string, unknown>): string {
  return `event: ${String(data.type)}\ndata: ${JSON.stringify(data)}\n\n`
}

function blockEvents(block: AnswerBlock, index: number, size: number): Record<string, unknown>[] {
  const delta = (value: Record<string, unknown>) => ({ type: 'content_block_delta', index, delta: value })
  switch (block.type) {
    case 'text':
      return [
        { type: 'content_block_start', index, content_block: { type: 'text', text: '' } },
        ...splitText(block.text, size).map((text) => delta({ type: 'text_delta', text })),
      ]
    case 'thinking':
      return [
        { type: 'content_block_start', index, content_block: { type: 'thinking', thinking: '', signature: '' } },
        ...splitText(block.thinking, size).map((thinking) => delta({ type: 'thinking_delta', thinking })),
        delta({ type: 'signature_delta', signature: block.signature }),
      ]
    case 'tool_use':
      return [
        {
          type: 'content_block_start',
          index,
          content_block: { type: 'tool_use', id: block.id, caller: block.caller, name: block.name, input: {} },
        },
        delta({ type: 'input_json_delta', partial_json: '' }),
        ...splitText(JSON.stringify(block.input), size).map((partial_json) =>
          delta({ type: 'input_json_delta', partial_json }),
        ),
      ]
    default: {
      const unknown: never = block
      throw new Error(`unknown block ${JSON.stringify(unknown)}`)
    }
  }
}

/** The stream's events as data objects, in wire order. */
export function streamEvents(
  meta: MessageMeta,
  answer: AnthropicAnswer,
  shape: StreamShape,
): Record<string, unknown>[] {
  const start = messageJson(meta, answer)
  const events: Record<string, unknown>[] = [
    {
      type: 'message_start',
      message: {
        ...start,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: usageJson(answer, Math.min(1, answer.usage.output_tokens), false),
      },
    },
  ]
  answer.blocks.forEach((block, index) => {
    const before = events.length
    events.push(...blockEvents(block, index, shape.chunkSize))
    if (index === 0 && shape.ping) events.splice(before + 1, 0, { type: 'ping' })
    events.push({ type: 'content_block_stop', index })
  })
  if (answer.blocks.length === 0 && shape.ping) events.push({ type: 'ping' })
  events.push(
    {
      type: 'message_delta',
      delta: { stop_reason: answer.stopReason, stop_sequence: answer.stopSequence, stop_details: null },
      usage: {
        input_tokens: answer.usage.input_tokens,
        cache_creation_input_tokens: answer.usage.cache_creation_input_tokens,
        cache_read_input_tokens: answer.usage.cache_read_input_tokens,
        output_tokens: answer.usage.output_tokens,
        output_tokens_details: { thinking_tokens: thinkingTokens(answer) },
      },
    },
    { type: 'message_stop' },
  )
  return events
}

/** The reply the route sends: JSON, or SSE; `errorAfter` breaks the stream with an `overloaded_error` event. */
export function anthropicReply(
  meta: MessageMeta,
  answer: AnthropicAnswer,
  stream: boolean,
  shape: StreamShape,
  errorAfter: number | undefined,
  requestId: string,
): NormalReply {
  const totalTokens = answer.usage.input_tokens + answer.usage.output_tokens
  if (!stream) return { json: messageJson(meta, answer), events: undefined, totalTokens }
  let events = streamEvents(meta, answer, shape).map(sseEvent)
  if (errorAfter !== undefined)
    events = [
      ...events.slice(0, Math.max(0, errorAfter)),
      sseEvent(errorBody('overloaded_error', 'Overloaded', requestId)),
    ]
  return { json: undefined, events, totalTokens }
}
