/**
 * Anthropic's stream events → OpenAI chunks, one mapper per stream. Events are dispatched on their
 * name (`@anthropic-ai/sdk` 1.15.0 `core/streaming.ts` does the same; RawMessageStreamEvent):
 * - `message_start` → the first chunk (`role: 'assistant'`), input usage kept; a repeated one is ignored;
 * - `content_block_start` / `_delta` / `_stop` → content, `reasoning_content`, and tool calls with a
 *   dense OpenAI `index` (Anthropic's block `index` also counts text and thinking blocks); a tool call
 *   whose input never arrives gets `{}`; a finished thinking block adds its signed `reasoning_details`;
 * - `message_delta` → the chunk with `finish_reason` (usage there is cumulative: merged, not added);
 * - `message_stop` → a last chunk with no choices and the usage (as OpenAI streams it), and the end;
 * - `ping` → nothing; `error` → an error (the core builds the APIError).
 */
import type { GenerationResponseContext, ChunkMapper, StreamEvent } from '../../core/provider-adapter.js'
import { ResponseParseError } from '../../errors.js'
import type { ChatCompletionChunk, ChatCompletionChunkDelta, ReasoningDetail } from '../../types.js'
import { mapAnthropicStopReason } from './finish-reason.js'
import { ANTHROPIC_REASONING_FORMAT } from './messages.js'
import { thinkingDetail } from './response.js'
import { convertAnthropicUsage, mergeUsage } from './usage.js'
import type { AnthropicUsage } from './wire-types.js'

type Json = Record<string, unknown>

interface OpenBlock {
  readonly type: string
  /** For tool_use: the OpenAI tool-call index; sentArguments: whether any input text was sent. */
  toolIndex?: number
  sentArguments?: boolean
  /** For thinking: the text and signature so far. */
  thinking?: string
  signature?: string
}

export function createAnthropicChunkMapper(context: GenerationResponseContext): ChunkMapper {
  let started = false
  let id = ''
  let model = context.model
  const created = Math.floor(Date.now() / 1000)
  let usage: AnthropicUsage = {}
  let nextToolIndex = 0
  const blocks = new Map<number, OpenBlock>()
  const chunk = (
    delta: ChatCompletionChunkDelta,
    finish: ChatCompletionChunk['choices'][number]['finish_reason'] = null,
  ): ChatCompletionChunk => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model,
    choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
  })
  return (event: StreamEvent, emit) => {
    const name = event.event
    if (name === 'ping') return 'more'
    if (name === 'error') return 'error'
    const json = event.json()
    if (typeof json !== 'object' || json === null) {
      throw new ResponseParseError(`${context.provider} sent a stream event that is not an object.`, event.data)
    }
    const data = json as Json
    // The event name and the payload's `type` agree; servers that omit `event:` still send `type`.
    switch (name === '' || name === 'message' ? data.type : name) {
      case 'message_start': {
        if (started) return 'more'
        started = true
        const message = (data.message ?? {}) as Json
        if (typeof message.id === 'string') id = message.id
        if (typeof message.model === 'string') model = message.model
        usage = mergeUsage(usage, message.usage as AnthropicUsage | undefined)
        emit(chunk({ role: 'assistant', content: '' }))
        return 'more'
      }
      case 'content_block_start':
        startBlock(
          data,
          blocks,
          () => nextToolIndex++,
          (delta) => emit(chunk(delta)),
        )
        return 'more'
      case 'content_block_delta':
        deltaBlock(data, blocks, (delta) => emit(chunk(delta)))
        return 'more'
      case 'content_block_stop':
        stopBlock(data, blocks, (delta) => emit(chunk(delta)))
        return 'more'
      case 'message_delta': {
        const delta = (data.delta ?? {}) as Json
        usage = mergeUsage(usage, data.usage as AnthropicUsage | undefined)
        const reason = typeof delta.stop_reason === 'string' ? delta.stop_reason : null
        if (reason === null) return 'more'
        const finish: ChatCompletionChunkDelta = {}
        if (reason === 'refusal') {
          const details = delta.stop_details as { explanation?: unknown } | null | undefined
          finish.refusal =
            typeof details?.explanation === 'string' ? details.explanation : 'The model refused to answer.'
        }
        emit(chunk(finish, mapAnthropicStopReason(reason)))
        return 'more'
      }
      case 'message_stop': {
        const last: ChatCompletionChunk = { id, object: 'chat.completion.chunk', created, model, choices: [] }
        const converted = convertAnthropicUsage(usage)
        if (converted !== undefined) last.usage = converted
        emit(last)
        return 'done'
      }
      case 'error':
        return 'error'
      default:
        return 'more' // event types added later: nothing to map
    }
  }
}

function startBlock(
  data: Json,
  blocks: Map<number, OpenBlock>,
  takeToolIndex: () => number,
  emit: (delta: ChatCompletionChunkDelta) => void,
): void {
  const index = typeof data.index === 'number' ? data.index : blocks.size
  const block = (data.content_block ?? {}) as Json
  const type = typeof block.type === 'string' ? block.type : ''
  switch (type) {
    case 'text': {
      blocks.set(index, { type })
      if (typeof block.text === 'string' && block.text !== '') emit({ content: block.text })
      return
    }
    case 'thinking': {
      const thinking = typeof block.thinking === 'string' ? block.thinking : ''
      blocks.set(index, { type, thinking, signature: typeof block.signature === 'string' ? block.signature : '' })
      if (thinking !== '') emit({ reasoning_content: thinking })
      return
    }
    case 'redacted_thinking': {
      blocks.set(index, { type })
      const detail: ReasoningDetail = {
        type: 'reasoning.encrypted',
        data: typeof block.data === 'string' ? block.data : '',
        format: ANTHROPIC_REASONING_FORMAT,
      }
      emit({ reasoning_details: [detail] })
      return
    }
    case 'tool_use': {
      const toolIndex = takeToolIndex()
      const input = block.input
      const hasInput = typeof input === 'object' && input !== null && Object.keys(input).length > 0
      blocks.set(index, { type, toolIndex, sentArguments: hasInput })
      emit({
        tool_calls: [
          {
            index: toolIndex,
            id: typeof block.id === 'string' ? block.id : '',
            type: 'function',
            function: {
              name: typeof block.name === 'string' ? block.name : '',
              arguments: hasInput ? JSON.stringify(input) : '',
            },
          },
        ],
      })
      return
    }
    default:
      blocks.set(index, { type }) // server-tool blocks: nothing an OpenAI chunk can carry
  }
}

function deltaBlock(data: Json, blocks: Map<number, OpenBlock>, emit: (delta: ChatCompletionChunkDelta) => void): void {
  const block = blocks.get(typeof data.index === 'number' ? data.index : -1)
  const delta = (data.delta ?? {}) as Json
  switch (delta.type) {
    case 'text_delta':
      if (typeof delta.text === 'string' && delta.text !== '') emit({ content: delta.text })
      return
    case 'thinking_delta':
      if (typeof delta.thinking === 'string' && delta.thinking !== '') {
        if (block !== undefined) block.thinking = (block.thinking ?? '') + delta.thinking
        emit({ reasoning_content: delta.thinking })
      }
      return
    case 'signature_delta':
      if (block !== undefined && typeof delta.signature === 'string')
        block.signature = (block.signature ?? '') + delta.signature
      return
    case 'input_json_delta': {
      const piece = delta.partial_json
      if (block?.toolIndex === undefined || typeof piece !== 'string' || piece === '') return
      block.sentArguments = true
      emit({ tool_calls: [{ index: block.toolIndex, function: { arguments: piece } }] })
      return
    }
    default:
      return // citations_delta and later delta types: no OpenAI field
  }
}

function stopBlock(data: Json, blocks: Map<number, OpenBlock>, emit: (delta: ChatCompletionChunkDelta) => void): void {
  const index = typeof data.index === 'number' ? data.index : -1
  const block = blocks.get(index)
  if (block === undefined) return
  blocks.delete(index)
  if (block.type === 'tool_use' && block.toolIndex !== undefined && block.sentArguments !== true) {
    // No input at all ("partial_json": "" only): OpenAI clients JSON.parse the arguments, so send `{}`.
    emit({ tool_calls: [{ index: block.toolIndex, function: { arguments: '{}' } }] })
  }
  if (block.type === 'thinking') emit({ reasoning_details: [thinkingDetail(block.thinking ?? '', block.signature)] })
}
