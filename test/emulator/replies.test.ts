/** Non-streaming answers: derived from the request, deterministic, and parseable by the official SDK's schemas. */
import { ChatCompletionResponse$inboundSchema } from '@mistralai/mistralai/models/components'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkJsonSchemaInstance, countTokens, type MistralEmulator } from '@tokenjs/emulator'
import { chat, postChat, startTestEmulator, user, weatherTool } from './helpers.js'

let emulator: MistralEmulator
beforeAll(async () => {
  emulator = await startTestEmulator()
})
afterAll(() => emulator.close())

async function complete(body: Record<string, unknown>): Promise<any> {
  const response = await postChat(emulator, body)
  expect(response.status, response.text).toBe(200)
  expect(response.headers.get('content-type')).toBe('application/json')
  ChatCompletionResponse$inboundSchema.parse(response.json)
  return response.json
}

describe('plain text', () => {
  it('echoes the last user text with Mistral ids, created, model and usage', async () => {
    const json = await complete(chat({}, 'mistral-large-latest'))
    expect(json).toMatchObject({ object: 'chat.completion', model: 'mistral-large-latest' })
    expect(json.id).toMatch(/^[0-9a-f]{32}$/)
    expect(Number.isInteger(json.created)).toBe(true)
    expect(json.choices).toEqual([
      {
        index: 0,
        finish_reason: 'stop',
        message: { role: 'assistant', content: 'You said: Hello there', tool_calls: null },
      },
    ])
    const { usage } = json
    expect(usage.completion_tokens).toBe(countTokens('You said: Hello there'))
    expect(usage.total_tokens).toBe(usage.prompt_tokens + usage.completion_tokens)
    expect(usage.prompt_tokens_details).toEqual({ cached_tokens: 0 })
  })
  it('reads text chunks of a multi-part user message', async () => {
    const json = await complete({
      model: 'mistral-large-latest',
      messages: [
        user([
          { type: 'text', text: 'part one' },
          { type: 'image_url', image_url: 'https://x/y.png' },
        ]),
      ],
    })
    expect(json.choices[0].message.content).toBe('You said: part one')
  })
  it('counts tokens by the documented rule', () => {
    expect(countTokens('Hello, world!')).toBe(4)
    expect(countTokens('  ')).toBe(0)
    expect(countTokens('été 2026')).toBe(2)
  })
})

describe('structured output', () => {
  it('json_object answers a JSON object', async () => {
    const json = await complete(chat({ response_format: { type: 'json_object' } }))
    expect(JSON.parse(json.choices[0].message.content)).toEqual({ answer: 'You said: Hello there' })
  })
  it('json_schema answers an instance valid against the schema', async () => {
    const schema = {
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 3 },
        age: { type: 'integer', minimum: 18, maximum: 99 },
        tags: { type: 'array', items: { type: 'string' }, minItems: 2 },
        kind: { enum: ['a', 'b'] },
        fixed: { const: 42 },
        maybe: { type: ['number', 'null'] },
        pick: { anyOf: [{ type: 'boolean' }, { type: 'string' }] },
        address: { $ref: '#/$defs/address' },
      },
      required: ['name', 'age', 'tags', 'kind', 'fixed', 'address'],
      additionalProperties: false,
      $defs: {
        address: {
          type: 'object',
          properties: { city: { type: 'string' }, zip: { type: 'string' } },
          required: ['city'],
        },
      },
    }
    const json = await complete(
      chat({ response_format: { type: 'json_schema', json_schema: { name: 'person', schema, strict: true } } }),
    )
    const value = JSON.parse(json.choices[0].message.content)
    expect(checkJsonSchemaInstance(schema, value)).toEqual([])
    expect(value.fixed).toBe(42)
  })
  it('a recursive schema still yields a finite instance', async () => {
    const schema = {
      $defs: { node: { type: 'object', properties: { child: { $ref: '#/$defs/node' } }, required: ['child'] } },
      $ref: '#/$defs/node',
    }
    const json = await complete(
      chat({ response_format: { type: 'json_schema', json_schema: { name: 'tree', schema } } }),
    )
    expect(JSON.parse(json.choices[0].message.content)).toHaveProperty('child')
  })
})

describe('tool calls', () => {
  const forced = (tool_choice: unknown) => chat({ tools: [weatherTool], tool_choice })
  it.each([['any'], ['required'], [{ type: 'function', function: { name: 'get_weather' } }]])(
    'tool_choice %j forces a call',
    async (choice) => {
      const json = await complete(forced(choice))
      const [call] = json.choices[0].message.tool_calls
      expect(json.choices[0].finish_reason).toBe('tool_calls')
      expect(json.choices[0].message.content).toBe('')
      expect(call.id).toMatch(/^[a-zA-Z0-9]{9}$/)
      expect(call.function.name).toBe('get_weather')
      expect(typeof call.function.arguments).toBe('string')
      expect(checkJsonSchemaInstance(weatherTool.function.parameters, JSON.parse(call.function.arguments))).toEqual([])
    },
  )
  it('auto calls a tool only when the user names it', async () => {
    const plain = await complete(chat({ tools: [weatherTool] }))
    expect(plain.choices[0].message.tool_calls).toBeNull()
    const named = await complete({
      model: 'mistral-large-latest',
      tools: [weatherTool],
      messages: [user('please use get_weather for Paris')],
    })
    expect(named.choices[0].message.tool_calls[0].function.name).toBe('get_weather')
  })
  it('tool_choice none never calls', async () => {
    const json = await complete({
      model: 'mistral-large-latest',
      tools: [weatherTool],
      tool_choice: 'none',
      messages: [user('get_weather')],
    })
    expect(json.choices[0].message.tool_calls).toBeNull()
  })
  it('same request → same ids; a tool result is answered in text', async () => {
    const first = await complete(forced('any'))
    const second = await complete(forced('any'))
    const call = first.choices[0].message.tool_calls[0]
    expect(second.choices[0].message.tool_calls[0].id).toBe(call.id)
    const followUp = await complete({
      model: 'mistral-large-latest',
      tools: [weatherTool],
      messages: [
        user('get_weather please'),
        { role: 'assistant', content: '', tool_calls: [{ id: call.id, function: call.function }] },
        { role: 'tool', tool_call_id: call.id, name: 'get_weather', content: 'Sunny, 24C' },
      ],
    })
    expect(followUp.choices[0].message.content).toBe('The tool get_weather returned: Sunny, 24C')
    expect(followUp.choices[0].finish_reason).toBe('stop')
  })
})

describe('options that shape the answer', () => {
  it('n > 1 gives n distinct choices, prompt billed once', async () => {
    const single = await complete(chat())
    const json = await complete(chat({ n: 3 }))
    expect(json.choices.map((c: any) => c.index)).toEqual([0, 1, 2])
    expect(new Set(json.choices.map((c: any) => c.message.content)).size).toBe(3)
    expect(json.usage.prompt_tokens).toBe(single.usage.prompt_tokens)
  })
  it('reasoning_effort high on a reasoning model returns thinking + text chunks', async () => {
    const json = await complete(chat({ reasoning_effort: 'high' }, 'mistral-small-latest'))
    const content = json.choices[0].message.content
    expect(content).toHaveLength(2)
    expect(content[0]).toMatchObject({ type: 'thinking', thinking: [{ type: 'text' }] })
    expect(content[0].thinking[0].text.length).toBeGreaterThan(0)
    expect(content[1]).toEqual({ type: 'text', text: 'You said: Hello there' })
    const none = await complete(chat({ reasoning_effort: 'none' }, 'mistral-small-latest'))
    expect(none.choices[0].message.content).toBe('You said: Hello there')
  })
  it('max_tokens cuts the answer with finish_reason length', async () => {
    const json = await complete(chat({ max_tokens: 2 }))
    expect(json.choices[0]).toMatchObject({ finish_reason: 'length', message: { content: 'You said' } })
    expect(json.usage.completion_tokens).toBe(2)
    const zero = await complete(chat({ max_tokens: 0 }))
    expect(zero.choices[0]).toMatchObject({ finish_reason: 'length', message: { content: '' } })
  })
  it('stop cuts before the first stop sequence', async () => {
    const json = await complete(chat({ stop: ['there', 'said'] }))
    expect(json.choices[0]).toMatchObject({ finish_reason: 'stop', message: { content: 'You ' } })
  })
  it('prefix: true continues from the trailing assistant content', async () => {
    const json = await complete({
      model: 'mistral-large-latest',
      messages: [user('Hi'), { role: 'assistant', content: 'Arr!', prefix: true }],
    })
    expect(json.choices[0].message.content.startsWith('Arr!')).toBe(true)
  })
  it('prompt_cache_key reports cached tokens on a repeated prefix', async () => {
    const body = chat({ prompt_cache_key: 'conversation-1' })
    const first = await complete(body)
    const second = await complete(body)
    expect(first.usage.prompt_tokens_details.cached_tokens).toBe(0)
    expect(second.usage.prompt_tokens_details.cached_tokens).toBe(second.usage.prompt_tokens)
  })
})
