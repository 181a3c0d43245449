/**
 * What the Anthropic emulator answers: the Message shape, the exact SSE event sequence (names, order,
 * `ping`, deltas, usage placement), deterministic text / tool calls / thinking, stop reasons and cache usage.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startAnthropicEmulator, type AnthropicEmulator } from '../../packages/emulator/src/anthropic/index.js'
import { checkJsonSchemaInstance } from '../../packages/emulator/src/index.js'
import { anthropicHeaders, parseSse, postMessages, type SseEvent } from './helpers.js'
import { text } from '../support/text.js'

let emulator: AnthropicEmulator
beforeAll(async () => {
  emulator = await startAnthropicEmulator({ chunkSize: 4 })
})
beforeEach(() => emulator.reset())
afterAll(async () => {
  await emulator.close()
})

const hello = { model: 'claude-sonnet-4-6', max_tokens: 256, messages: [{ role: 'user', content: 'Hello there' }] }
const schema = {
  type: 'object',
  properties: { city: { type: 'string' }, days: { type: 'integer', minimum: 1 } },
  required: ['city', 'days'],
}
const tools = [{ name: 'get_weather', description: 'Weather', input_schema: schema }]

function joined(events: readonly SseEvent[], index: number, field: 'text' | 'thinking' | 'partial_json'): string {
  return events
    .filter((event) => event.event === 'content_block_delta' && event.data.index === index)
    .map((event) => text((event.data.delta as Record<string, unknown>)[field] ?? ''))
    .join('')
}

describe('JSON replies', () => {
  it('a Message with an echo text block, stop reason, usage and the resolved model id', async () => {
    const response = await postMessages(emulator, { ...hello, model: 'claude-haiku-4-5' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(response.headers.get('request-id')).toMatch(/^req_011C[0-9A-Za-z]{20}$/)
    const message = response.json as Record<string, unknown>
    expect(Object.keys(message)).toEqual([
      'model',
      'id',
      'type',
      'role',
      'content',
      'stop_reason',
      'stop_sequence',
      'stop_details',
      'usage',
    ])
    expect(message).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: 'claude-haiku-4-5-20251001',
      content: [{ type: 'text', text: 'You said: Hello there' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 5, output_tokens: 5, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
    })
    expect(message.id).toMatch(/^msg_011C[0-9A-Za-z]{20}$/)
  })

  it('the same request gets the same answer; the id differs per request', async () => {
    const first = (await postMessages(emulator, hello)).json as Record<string, unknown>
    const second = (await postMessages(emulator, hello)).json as Record<string, unknown>
    expect(second.content).toEqual(first.content)
    expect(second.id).not.toBe(first.id)
  })

  it('a named tool is called with schema-valid input; tool_result answers are echoed', async () => {
    const response = await postMessages(emulator, {
      ...hello,
      tools,
      messages: [{ role: 'user', content: 'use get_weather' }],
    })
    const message = response.json as {
      content: { type: string; id: string; name: string; input: unknown }[]
      stop_reason: string
    }
    expect(message.stop_reason).toBe('tool_use')
    const call = message.content.find((block) => block.type === 'tool_use')
    expect(call?.name).toBe('get_weather')
    expect(call?.id).toMatch(/^toolu_01[0-9A-Za-z]{22}$/)
    expect(checkJsonSchemaInstance(schema, call?.input)).toEqual([])
    const next = await postMessages(emulator, {
      ...hello,
      tools,
      messages: [
        { role: 'user', content: 'use get_weather' },
        { role: 'assistant', content: message.content },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: call?.id, content: '21 degrees' }] },
      ],
    })
    expect((next.json as { content: unknown[] }).content).toEqual([
      { type: 'text', text: 'The tool get_weather returned: 21 degrees' },
    ])
  })

  it('tool_choice any / tool force calls; disable_parallel_tool_use keeps one; none calls nothing', async () => {
    const two = [...tools, { name: 'get_time', input_schema: { type: 'object', properties: {} } }]
    const both = { ...hello, tools: two, messages: [{ role: 'user', content: 'get_weather and get_time' }] }
    const count = async (extra: Record<string, unknown>) =>
      ((await postMessages(emulator, { ...both, ...extra })).json as { content: { type: string }[] }).content.filter(
        (block) => block.type === 'tool_use',
      ).length
    expect(await count({})).toBe(2)
    expect(await count({ tool_choice: { type: 'auto', disable_parallel_tool_use: true } })).toBe(1)
    expect(await count({ tool_choice: { type: 'none' } })).toBe(0)
    expect(await count({ messages: [{ role: 'user', content: 'nothing' }], tool_choice: { type: 'any' } })).toBe(1)
    expect(
      await count({ messages: [{ role: 'user', content: 'x' }], tool_choice: { type: 'tool', name: 'get_time' } }),
    ).toBe(1)
  })

  it('thinking comes first with a signature; display omitted empties the text but keeps the signature', async () => {
    const body = {
      model: 'claude-haiku-4-5',
      max_tokens: 4096,
      thinking: { type: 'enabled', budget_tokens: 1024 },
      messages: hello.messages,
    }
    const blocks = ((await postMessages(emulator, body)).json as { content: Record<string, string>[] }).content
    expect(blocks.map((block) => block.type)).toEqual(['thinking', 'text'])
    expect(blocks[0]?.thinking).toContain('Hello there')
    expect(blocks[0]?.signature).toMatch(/^[A-Za-z0-9+/]+=*$/)
    const omitted = { ...body, thinking: { type: 'enabled', budget_tokens: 1024, display: 'omitted' } }
    const hidden = ((await postMessages(emulator, omitted)).json as { content: Record<string, string>[] }).content
    expect(hidden[0]).toEqual({ type: 'thinking', thinking: '', signature: blocks[0]?.signature })
  })

  it('adaptive-only models think without being asked', async () => {
    const blocks = (
      (await postMessages(emulator, { ...hello, model: 'claude-opus-5-5' })).json as { content: { type: string }[] }
    ).content
    expect(blocks.map((block) => block.type)).toEqual(['thinking', 'text'])
  })

  it('stop_sequences stop with stop_reason stop_sequence and the matched sequence', async () => {
    const message = (await postMessages(emulator, { ...hello, stop_sequences: ['zzz', 'there'] })).json
    expect(message).toMatchObject({
      content: [{ type: 'text', text: 'You said: Hello ' }],
      stop_reason: 'stop_sequence',
      stop_sequence: 'there',
    })
  })

  it('max_tokens cuts the output with stop_reason max_tokens; 0 generates nothing', async () => {
    expect((await postMessages(emulator, { ...hello, max_tokens: 2 })).json).toMatchObject({
      content: [{ type: 'text', text: 'You said' }],
      stop_reason: 'max_tokens',
      usage: { output_tokens: 2 },
    })
    expect((await postMessages(emulator, { ...hello, max_tokens: 0 })).json).toMatchObject({
      content: [],
      stop_reason: 'max_tokens',
      usage: { output_tokens: 0 },
    })
  })

  it('structured output: the text is an instance of output_config.format.schema', async () => {
    const message = (
      await postMessages(emulator, { ...hello, output_config: { format: { type: 'json_schema', schema } } })
    ).json as { content: { text: string }[] }
    expect(checkJsonSchemaInstance(schema, JSON.parse(message.content[0]?.text ?? ''))).toEqual([])
  })

  it('prompt caching: the first request writes the prefix, the next one reads it', async () => {
    const body = {
      ...hello,
      system: [
        { type: 'text', text: 'A long and stable system prompt for caching', cache_control: { type: 'ephemeral' } },
      ],
    }
    const first = (await postMessages(emulator, body)).json as { usage: Record<string, number> }
    const second = (await postMessages(emulator, body)).json as { usage: Record<string, number> }
    expect(first.usage.cache_creation_input_tokens).toBeGreaterThan(0)
    expect(first.usage.cache_read_input_tokens).toBe(0)
    expect(second.usage.cache_read_input_tokens).toBe(first.usage.cache_creation_input_tokens)
    expect(second.usage.cache_creation_input_tokens).toBe(0)
    expect(second.usage.input_tokens).toBe(first.usage.input_tokens)
  })

  it('a scripted reply overrides text, tool calls, thinking, stop reason and usage', async () => {
    emulator.enqueue({
      kind: 'reply',
      content: 'scripted',
      reasoning: 'hmm',
      toolCalls: [{ name: 'get_weather', arguments: '{"city":"Rome","days":2}', id: 'toolu_custom' }],
      usage: { prompt_tokens: 11, completion_tokens: 7, cached_tokens: 3 },
    })
    const message = (await postMessages(emulator, { ...hello, tools })).json
    expect(message).toMatchObject({
      content: [
        { type: 'thinking', thinking: 'hmm' },
        { type: 'text', text: 'scripted' },
        { type: 'tool_use', id: 'toolu_custom', name: 'get_weather', input: { city: 'Rome', days: 2 } },
      ],
      stop_reason: 'tool_use',
      usage: { input_tokens: 11, output_tokens: 7, cache_read_input_tokens: 3 },
    })
  })
})

describe('streaming', () => {
  it('sends the named events in order with a ping after the first block start, and no [DONE]', async () => {
    const response = await postMessages(emulator, { ...hello, stream: true })
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    expect(response.text).not.toContain('[DONE]')
    const events = parseSse(response.text)
    for (const event of events) expect(event.data.type).toBe(event.event)
    expect(events.map((event) => event.event)).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      ...Array(6).fill('content_block_delta'),
      'content_block_stop',
      'message_delta',
      'message_stop',
    ])
    expect(joined(events, 0, 'text')).toBe('You said: Hello there')
  })

  it('message_start carries the input usage; message_delta the stop reason and the cumulative usage', async () => {
    const json = (await postMessages(emulator, hello)).json as { id: string; usage: Record<string, number> }
    const events = parseSse((await postMessages(emulator, { ...hello, stream: true })).text)
    const start = events[0]?.data.message as Record<string, unknown>
    expect(start).toMatchObject({
      type: 'message',
      role: 'assistant',
      content: [],
      stop_reason: null,
      stop_sequence: null,
    })
    expect((start.usage as Record<string, number>).input_tokens).toBe(json.usage.input_tokens)
    const delta = events.find((event) => event.event === 'message_delta')?.data
    expect(delta).toEqual({
      type: 'message_delta',
      delta: { stop_reason: 'end_turn', stop_sequence: null, stop_details: null },
      usage: {
        input_tokens: json.usage.input_tokens,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
        output_tokens: json.usage.output_tokens,
        output_tokens_details: { thinking_tokens: 0 },
      },
    })
  })

  it('thinking then text then tool_use: thinking_delta, signature_delta, input_json_delta joined to the JSON answer', async () => {
    const body = {
      model: 'claude-haiku-4-5',
      max_tokens: 4096,
      thinking: { type: 'enabled', budget_tokens: 1024 },
      tools,
      messages: [{ role: 'user', content: 'get_weather please' }],
    }
    const json = (await postMessages(emulator, body)).json as { content: Record<string, unknown>[] }
    const events = parseSse((await postMessages(emulator, { ...body, stream: true })).text)
    const starts = events
      .filter((event) => event.event === 'content_block_start')
      .map((event) => event.data.content_block)
    expect(starts).toEqual([
      { type: 'thinking', thinking: '', signature: '' },
      { type: 'tool_use', id: json.content[1]?.id, caller: { type: 'direct' }, name: 'get_weather', input: {} },
    ])
    expect(joined(events, 0, 'thinking')).toBe(json.content[0]?.thinking)
    const signature = events.find(
      (event) => (event.data.delta as { type?: string } | undefined)?.type === 'signature_delta',
    )
    expect((signature?.data.delta as { signature: string }).signature).toBe(json.content[0]?.signature)
    const firstJson = events.find(
      (event) => (event.data.delta as { type?: string } | undefined)?.type === 'input_json_delta',
    )
    expect((firstJson?.data.delta as { partial_json: string }).partial_json).toBe('')
    expect(JSON.parse(joined(events, 1, 'partial_json'))).toEqual(json.content[1]?.input)
    expect(events.filter((event) => event.event === 'content_block_stop').map((event) => event.data.index)).toEqual([
      0, 1,
    ])
  })

  it('ping can be turned off', async () => {
    const quiet = await startAnthropicEmulator({ ping: false })
    try {
      const text = (await postMessages(quiet, { ...hello, stream: true }, anthropicHeaders(quiet))).text
      expect(parseSse(text).some((event) => event.event === 'ping')).toBe(false)
    } finally {
      await quiet.close()
    }
  })
})
