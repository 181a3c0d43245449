/**
 * Anthropic response and stream mapping, pure: a Message → ChatCompletion, and the same answer as
 * stream events (the event sequence of Anthropic's streaming docs: message_start, content blocks with
 * deltas, ping, message_delta with cumulative usage, message_stop) → OpenAI chunks that add up to it.
 */
import { describe, expect, it } from 'vitest'
import { ChunkAccumulator } from '../../src/core/accumulate-chunks.js'
import type { StreamEvent, StreamSignal } from '../../src/core/provider-adapter.js'
import { fromAnthropicResponse } from '../../src/providers/anthropic/response.js'
import { createAnthropicChunkMapper } from '../../src/providers/anthropic/stream.js'
import { ResponseParseError } from '../../src/errors.js'
import type { ChatCompletionChunk } from '../../src/types.js'

const context = { provider: 'anthropic', model: 'claude-sonnet-5-5' }

const message = {
  id: 'msg_01',
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-5-5',
  content: [
    { type: 'thinking', thinking: 'Two cities.', signature: 'EqQBsig' },
    { type: 'text', text: 'Checking both.' },
    { type: 'tool_use', id: 'toolu_A', name: 'weather', input: { city: 'Paris' } },
    { type: 'tool_use', id: 'toolu_B', name: 'clock', input: {} },
  ],
  stop_reason: 'tool_use',
  stop_sequence: null,
  usage: {
    input_tokens: 20,
    cache_creation_input_tokens: 5,
    cache_read_input_tokens: 100,
    output_tokens: 42,
    output_tokens_details: { thinking_tokens: 7 },
  },
}

/** The same message as Anthropic streams it (`event:` names with matching `type`s). */
const events: Array<[string, unknown]> = [
  [
    'message_start',
    {
      type: 'message_start',
      message: {
        ...message,
        content: [],
        stop_reason: null,
        usage: { input_tokens: 20, cache_creation_input_tokens: 5, cache_read_input_tokens: 100, output_tokens: 1 },
      },
    },
  ],
  [
    'content_block_start',
    { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } },
  ],
  [
    'content_block_delta',
    { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'Two ' } },
  ],
  [
    'content_block_delta',
    { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'cities.' } },
  ],
  [
    'content_block_delta',
    { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'EqQBsig' } },
  ],
  ['content_block_stop', { type: 'content_block_stop', index: 0 }],
  ['ping', { type: 'ping' }],
  ['content_block_start', { type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } }],
  ['content_block_delta', { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'Checking ' } }],
  ['content_block_delta', { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'both.' } }],
  ['content_block_stop', { type: 'content_block_stop', index: 1 }],
  [
    'content_block_start',
    {
      type: 'content_block_start',
      index: 2,
      content_block: { type: 'tool_use', id: 'toolu_A', name: 'weather', input: {} },
    },
  ],
  [
    'content_block_delta',
    { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '' } },
  ],
  [
    'content_block_delta',
    { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '{"city":' } },
  ],
  [
    'content_block_delta',
    { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '"Paris"}' } },
  ],
  ['content_block_stop', { type: 'content_block_stop', index: 2 }],
  [
    'content_block_start',
    {
      type: 'content_block_start',
      index: 3,
      content_block: { type: 'tool_use', id: 'toolu_B', name: 'clock', input: {} },
    },
  ],
  [
    'content_block_delta',
    { type: 'content_block_delta', index: 3, delta: { type: 'input_json_delta', partial_json: '' } },
  ],
  ['content_block_stop', { type: 'content_block_stop', index: 3 }],
  [
    'message_delta',
    {
      type: 'message_delta',
      delta: { stop_reason: 'tool_use', stop_sequence: null },
      usage: {
        input_tokens: 20,
        cache_creation_input_tokens: 5,
        cache_read_input_tokens: 100,
        output_tokens: 42,
        output_tokens_details: { thinking_tokens: 7 },
      },
    },
  ],
  ['message_stop', { type: 'message_stop' }],
]

function run(list: Array<[string, unknown]>): { chunks: ChatCompletionChunk[]; signals: StreamSignal[] } {
  const mapper = createAnthropicChunkMapper(context)
  const chunks: ChatCompletionChunk[] = []
  const signals = list.map(([event, data]) => {
    const text = JSON.stringify(data)
    const view: StreamEvent = { event, data: text, json: () => JSON.parse(text) }
    return mapper(view, (chunk) => chunks.push(chunk))
  })
  return { chunks, signals }
}

describe('Anthropic response', () => {
  it('maps text, tool calls, signed thinking, stop reason and cache usage', () => {
    const completion = fromAnthropicResponse(message, JSON.stringify(message), context)
    expect(completion.choices[0]).toEqual({
      index: 0,
      finish_reason: 'tool_calls',
      logprobs: null,
      message: {
        role: 'assistant',
        content: 'Checking both.',
        refusal: null,
        reasoning_content: 'Two cities.',
        reasoning_details: [
          { type: 'reasoning.text', text: 'Two cities.', signature: 'EqQBsig', format: 'anthropic-claude-v1' },
        ],
        tool_calls: [
          { id: 'toolu_A', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
          { id: 'toolu_B', type: 'function', function: { name: 'clock', arguments: '{}' } },
        ],
      },
    })
    expect(completion.usage).toEqual({
      prompt_tokens: 125,
      completion_tokens: 42,
      total_tokens: 167,
      prompt_tokens_details: { cached_tokens: 100, cache_write_tokens: 5 },
      completion_tokens_details: { reasoning_tokens: 7 },
    })
    expect(completion.id).toBe('msg_01')
  })

  it('maps each stop reason, and a refusal to content_filter with its explanation', () => {
    const reasonOf = (stop_reason: string) =>
      fromAnthropicResponse({ ...message, content: [{ type: 'text', text: 'x' }], stop_reason }, '', context).choices[0]
        ?.finish_reason
    expect(
      [
        'end_turn',
        'stop_sequence',
        'pause_turn',
        'max_tokens',
        'model_context_window_exceeded',
        'tool_use',
        'refusal',
      ].map(reasonOf),
    ).toEqual(['stop', 'stop', 'stop', 'length', 'length', 'tool_calls', 'content_filter'])
    const refused = fromAnthropicResponse(
      { ...message, content: [], stop_reason: 'refusal', stop_details: { type: 'refusal', explanation: 'Not this.' } },
      '',
      context,
    )
    expect(refused.choices[0]?.message.refusal).toBe('Not this.')
  })

  it('refuses a body without a content array', () => {
    expect(() => fromAnthropicResponse({ type: 'message' }, '{"type":"message"}', context)).toThrow(ResponseParseError)
  })
})

describe('Anthropic stream', () => {
  it('adds up to the same completion as the message, with dense tool indexes and usage on the last chunk', () => {
    const { chunks, signals } = run(events)
    expect(signals.at(-1)).toBe('done')
    expect(signals.slice(0, -1).every((signal) => signal === 'more')).toBe(true)
    const toolIndexes = chunks
      .flatMap((chunk) => chunk.choices.flatMap((choice) => choice.delta.tool_calls ?? []))
      .map((call) => call.index)
    expect(new Set(toolIndexes)).toEqual(new Set([0, 1]))
    const last = chunks.at(-1) as ChatCompletionChunk
    expect(last.choices).toEqual([])
    expect(last.usage?.prompt_tokens).toBe(125)
    const accumulator = new ChunkAccumulator()
    for (const chunk of chunks) accumulator.add(chunk)
    const streamed = accumulator.result()
    const direct = fromAnthropicResponse(message, '', context)
    expect(streamed.choices).toEqual(direct.choices)
    expect(streamed.usage).toEqual(direct.usage)
    expect(streamed.id).toBe('msg_01')
  })

  it('ignores ping and a repeated message_start, and reports an error event as an error', () => {
    const { chunks } = run([events[0] as [string, unknown], events[0] as [string, unknown], ['ping', {}]])
    expect(chunks).toHaveLength(1)
    const { signals } = run([['error', { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }]])
    expect(signals).toEqual(['error'])
  })

  it('merges cumulative message_delta usage instead of adding it', () => {
    const { chunks } = run([
      events[0] as [string, unknown],
      [
        'message_delta',
        { type: 'message_delta', delta: { stop_reason: null }, usage: { output_tokens: 10, input_tokens: null } },
      ],
      ['message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 30 } }],
      ['message_stop', { type: 'message_stop' }],
    ])
    expect(chunks.at(-1)?.usage).toMatchObject({ prompt_tokens: 125, completion_tokens: 30 })
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop')
  })
})
