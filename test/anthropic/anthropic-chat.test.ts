/**
 * Anthropic through the public client against the Anthropic emulator: each mapping rule end to end
 * (the emulator validates as the API does, and the harness checks every body against
 * `@anthropic-ai/sdk`'s types), errors and retries, and what never reaches the wire.
 */
import { describe, expect, it } from 'vitest'
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  InputError,
  InternalServerError,
  RateLimitError,
  type ChatCompletionMessageParam,
} from 'token.js'
import { useAnthropicEmulator } from './harness.js'

const harness = useAnthropicEmulator()
const model = 'claude-sonnet-5-5'
const hello: ChatCompletionMessageParam[] = [{ role: 'user', content: 'Hello Claude' }]
const weather = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
}
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='
const PDF = `data:application/pdf;base64,${Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64')}`

describe('requests', () => {
  it('answers, with the key as x-api-key, API version 2026-10-21 and max_tokens from the model row', async () => {
    const completion = await harness.client().chat.completions.create({
      provider: 'anthropic',
      model,
      messages: [{ role: 'system', content: 'Be brief.' }, ...hello],
    })
    expect(completion.choices[0]?.message.content).toBe('You said: Hello Claude')
    expect(completion.choices[0]?.finish_reason).toBe('stop')
    expect(completion.object).toBe('chat.completion')
    const request = harness.emulator.requests.at(-1)
    expect(request?.headers['anthropic-version']).toBe('2026-10-21')
    expect(request?.headers['x-api-key']).toBeDefined()
    expect(request?.headers.authorization).toBeUndefined()
    expect(harness.lastBody()).toEqual({
      model,
      max_tokens: 128_000,
      system: [{ type: 'text', text: 'Be brief.' }],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hello Claude' }] }],
    })
  })

  it('round-trips a tool call: tool_use out, tool_result back, ids kept', async () => {
    harness.emulator.enqueue({
      kind: 'reply',
      toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' } }],
      finishReason: 'tool_calls',
    })
    const client = harness.client()
    const first = await client.chat.completions.create({
      provider: 'anthropic',
      model,
      messages: hello,
      tools: [weather],
      parallel_tool_calls: false,
    })
    const choice = first.choices[0]
    expect(choice?.finish_reason).toBe('tool_calls')
    const call = choice?.message.tool_calls?.[0]
    expect(call?.function).toEqual({ name: 'get_weather', arguments: '{"city":"Paris"}' })
    expect(harness.lastBody().tool_choice).toEqual({ type: 'auto', disable_parallel_tool_use: true })
    const second = await client.chat.completions.create({
      provider: 'anthropic',
      model,
      tools: [weather],
      messages: [...hello, choice!.message, { role: 'tool', tool_call_id: call!.id, content: '18°C, sunny' }],
    })
    expect(second.choices[0]?.message.content).toContain('18°C, sunny')
    const sent = harness.lastBody().messages as Array<{ role: string; content: Array<Record<string, unknown>> }>
    expect(sent[1]?.content[0]).toMatchObject({ type: 'tool_use', id: call!.id, input: { city: 'Paris' } })
    expect(sent[2]?.content[0]).toEqual({ type: 'tool_result', tool_use_id: call!.id, content: '18°C, sunny' })
  })

  it('sends every tool_choice the emulator accepts', async () => {
    for (const tool_choice of [
      'auto',
      'none',
      'required',
      { type: 'function', function: { name: 'get_weather' } },
    ] as const) {
      const completion = await harness
        .client()
        .chat.completions.create({ provider: 'anthropic', model, messages: hello, tools: [weather], tool_choice })
      expect(completion.choices).toHaveLength(1)
    }
    expect(harness.bodies().map((body) => body.tool_choice)).toEqual([
      { type: 'auto' },
      { type: 'none' },
      { type: 'any' },
      { type: 'tool', name: 'get_weather' },
    ])
  })

  it('sends images (URL and base64) and a PDF', async () => {
    await harness.client().chat.completions.create({
      provider: 'anthropic',
      model,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Describe both, then the invoice.' },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } },
            { type: 'image_url', image_url: { url: PNG } },
            { type: 'file', file: { filename: 'invoice.pdf', file_data: PDF } },
          ],
        },
      ],
    })
    const blocks = (harness.lastBody().messages as Array<{ content: Array<{ type: string }> }>)[0]?.content
    expect(blocks?.map((block) => block.type)).toEqual(['text', 'image', 'image', 'document'])
  })

  it('asks for structured output with json_schema and gets JSON back', async () => {
    const schema = {
      type: 'object',
      properties: { city: { type: 'string' }, population: { type: 'integer' } },
      required: ['city', 'population'],
      additionalProperties: false,
    }
    const completion = await harness.client().chat.completions.create({
      provider: 'anthropic',
      model,
      messages: hello,
      response_format: { type: 'json_schema', json_schema: { name: 'city', schema, strict: true } },
    })
    expect(harness.lastBody().output_config).toEqual({ format: { type: 'json_schema', schema } })
    const parsed = JSON.parse(completion.choices[0]?.message.content ?? '') as Record<string, unknown>
    expect(Object.keys(parsed).sort()).toEqual(['city', 'population'])
  })

  it('thinks on reasoning_effort, returns signed reasoning and replays it in a tool loop', async () => {
    harness.emulator.enqueue({
      kind: 'reply',
      reasoning: 'The user wants the weather.',
      toolCalls: [{ name: 'get_weather', arguments: { city: 'Oslo' } }],
      finishReason: 'tool_calls',
    })
    const client = harness.client()
    const first = await client.chat.completions.create({
      provider: 'anthropic',
      model,
      messages: hello,
      tools: [weather],
      reasoning_effort: 'high',
    })
    expect(harness.lastBody()).toMatchObject({ thinking: { type: 'adaptive' }, output_config: { effort: 'high' } })
    const message = first.choices[0]!.message
    expect(message.reasoning_content).toBe('The user wants the weather.')
    expect(message.reasoning_details?.[0]).toMatchObject({ type: 'reasoning.text', format: 'anthropic-claude-v1' })
    expect(message.reasoning_details?.[0]).toHaveProperty('signature')
    await client.chat.completions.create({
      provider: 'anthropic',
      model,
      tools: [weather],
      reasoning_effort: 'high',
      messages: [...hello, message, { role: 'tool', tool_call_id: message.tool_calls![0]!.id, content: 'cold' }],
    })
    const assistant = (harness.lastBody().messages as Array<{ content: Array<Record<string, unknown>> }>)[1]?.content
    expect(assistant?.[0]).toEqual({
      type: 'thinking',
      thinking: 'The user wants the weather.',
      signature: (message.reasoning_details?.[0] as { signature: string }).signature,
    })
    expect(assistant?.[1]?.type).toBe('tool_use')
  })

  it('gives a thinking budget on a budget model, and cache tokens in prompt_tokens_details', async () => {
    harness.emulator.enqueue({ kind: 'reply', usage: { prompt_tokens: 10, completion_tokens: 5, cached_tokens: 1000 } })
    const completion = await harness.client().chat.completions.create({
      provider: 'anthropic',
      model: 'claude-haiku-4-5',
      max_completion_tokens: 4000,
      reasoning_effort: 'medium',
      messages: [
        {
          role: 'user',
          content: [{ type: 'text', text: 'A long shared prefix', cache_control: { type: 'ephemeral' } }],
        },
      ],
    })
    expect(harness.lastBody()).toMatchObject({ max_tokens: 4000, thinking: { type: 'enabled', budget_tokens: 1200 } })
    expect(completion.usage?.prompt_tokens_details?.cached_tokens).toBe(1000)
    // The marked prefix is written to the cache: those tokens count in the prompt too.
    const written = completion.usage?.prompt_tokens_details?.cache_write_tokens ?? 0
    expect(written).toBeGreaterThan(0)
    expect(completion.usage?.prompt_tokens).toBe(10 + 1000 + written)
  })

  it('refuses what Anthropic cannot honour before sending anything', async () => {
    const client = harness.client()
    const attempts: Array<[Record<string, unknown>, string]> = [
      [{ temperature: 0.3 }, 'temperature'],
      [{ n: 3 }, 'n'],
      [{ response_format: { type: 'json_object' } }, 'response_format'],
      [{ reasoning_effort: 'none', model: 'claude-opus-5-5' }, 'reasoning_effort'],
      [
        {
          tools: [weather],
          tool_choice: 'required',
          thinking: { type: 'enabled', budget_tokens: 2000 },
          max_tokens: 4000,
        },
        'tool_choice',
      ],
      [{ logit_bias: { 1: 1 } }, 'logit_bias'],
    ]
    for (const [params, param] of attempts) {
      const error = await client.chat.completions
        .create({ provider: 'anthropic', model, messages: hello, ...params } as never)
        .then(
          () => undefined,
          (caught: unknown) => caught,
        )
      expect(error, param).toBeInstanceOf(InputError)
      expect((error as InputError).param, param).toBe(param)
    }
    expect(harness.emulator.requests).toHaveLength(0)
  })
})

describe('errors and retries', () => {
  it('maps Anthropic error bodies to the error classes, with type, code and request id', async () => {
    harness.emulator.enqueue(
      { kind: 'http', status: 400 },
      { kind: 'http', status: 401 },
      { kind: 'http', status: 429, headers: { 'retry-after': '0' } },
    )
    const client = harness.client()
    const fail = () =>
      client.chat.completions.create({ provider: 'anthropic', model, messages: hello }).then(
        () => undefined,
        (caught: unknown) => caught,
      )
    const bad = (await fail()) as APIError
    expect(bad).toBeInstanceOf(BadRequestError)
    expect(bad).toMatchObject({
      status: 400,
      type: 'invalid_request_error',
      code: 'invalid_request_error',
      provider: 'anthropic',
    })
    expect(await fail()).toBeInstanceOf(AuthenticationError)
    expect(await fail()).toBeInstanceOf(RateLimitError)
  })

  it('retries 529 overloaded, honouring retry-after, and gives up as an InternalServerError', async () => {
    harness.emulator.enqueue({ kind: 'http', status: 529, headers: { 'retry-after': '0' } })
    const client = harness.client({ maxRetries: 1 })
    const completion = await client.chat.completions.create({ provider: 'anthropic', model, messages: hello })
    expect(completion.choices[0]?.message.content).toBe('You said: Hello Claude')
    expect(harness.emulator.requests.map((request) => request.status)).toEqual([529, 200])
    harness.emulator.enqueue(
      { kind: 'http', status: 529, headers: { 'retry-after': '0' } },
      { kind: 'http', status: 529, headers: { 'retry-after': '0' } },
    )
    const error = (await client.chat.completions.create({ provider: 'anthropic', model, messages: hello }).then(
      () => undefined,
      (caught: unknown) => caught,
    )) as APIError
    expect(error).toBeInstanceOf(InternalServerError)
    expect(error).toMatchObject({ status: 529, type: 'overloaded_error' })
  })

  it('never shows the key in an error, on any field', async () => {
    harness.emulator.enqueue({ kind: 'http', status: 401 })
    const error = await harness
      .client()
      .chat.completions.create({ provider: 'anthropic', model, messages: hello })
      .then(
        () => undefined,
        (caught: unknown) => caught,
      )
    const text = JSON.stringify(error, Object.getOwnPropertyNames(error)) + String(error)
    expect(text).not.toContain(harness.emulator.apiKey)
  })
})
