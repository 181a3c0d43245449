/** The OpenAI mapping through the public client, for `openai` and `openai-compatible`: what reached the emulator, and what came back. */
import { describe, expect, it } from 'vitest'
import {
  BadRequestError,
  NotFoundError,
  type ChatCompletion,
  type ChatCompletionCreateParams,
  type ChatCompletionMessageParam,
} from 'token.js'
import { expectInputError, LOCAL_MODEL, UNKNOWN_MODEL, useOpenAIEmulator, type OpenAIHarness } from './harness.js'

const PNG_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='
const weatherTool = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Weather for a city',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' }, days: { type: 'integer', minimum: 1 } },
      required: ['city', 'days'],
    },
  },
}
const hello = [{ role: 'user' as const, content: 'Hello!' }]

type Provider = 'openai' | 'openai-compatible'

function creator(harness: OpenAIHarness, provider: Provider, defaultModel: string) {
  return (
    extra: Record<string, unknown>,
    model = defaultModel,
    options: { dropUnsupportedParams?: boolean } = {},
  ): Promise<ChatCompletion> =>
    harness.client(options).chat.completions.create({
      provider,
      model,
      messages: hello,
      ...extra,
    } as ChatCompletionCreateParams & {
      stream?: false
    })
}

describe.each([
  ['openai', 'gpt-4.1'],
  ['openai-compatible', LOCAL_MODEL],
] as const)('%s: parameters pass through faithfully', (provider, model) => {
  const harness = useOpenAIEmulator(provider)
  const create = creator(harness, provider, model)

  it('sends every OpenAI parameter unchanged, and answers in OpenAI format with its extra fields', async () => {
    const completion = await create({
      temperature: 0.7,
      top_p: 0.9,
      max_completion_tokens: 50,
      stop: ['\n\n', 'END'],
      seed: 42,
      presence_penalty: -2,
      frequency_penalty: 2,
      prompt_cache_key: 'user-42',
      metadata: { team: 'search' },
      service_tier: 'default',
      logprobs: true,
      top_logprobs: 2,
      logit_bias: { '50256': -100 },
      user: 'user-1',
      safety_identifier: 'hash-1',
      store: false,
    })
    expect(harness.lastBody()).toEqual({
      model,
      messages: hello,
      temperature: 0.7,
      top_p: 0.9,
      max_completion_tokens: 50,
      stop: ['\n\n', 'END'],
      seed: 42,
      presence_penalty: -2,
      frequency_penalty: 2,
      prompt_cache_key: 'user-42',
      metadata: { team: 'search' },
      service_tier: 'default',
      logprobs: true,
      top_logprobs: 2,
      logit_bias: { '50256': -100 },
      user: 'user-1',
      safety_identifier: 'hash-1',
      store: false,
    })
    expect(completion.object).toBe('chat.completion')
    expect(completion.id).toMatch(/^chatcmpl-/)
    // OpenAI's empty `annotations: []` is dropped (streams never carry it, so both results stay equal).
    expect(completion.choices[0]?.message).toEqual({ role: 'assistant', content: 'You said: Hello!', refusal: null })
    expect(completion.choices[0]?.finish_reason).toBe('stop')
    expect((completion.choices[0]?.logprobs as unknown as { content: unknown[] }).content.length).toBeGreaterThan(0)
    expect(completion).toMatchObject({ system_fingerprint: expect.stringMatching(/^fp_/), service_tier: 'default' })
    expect(completion.usage).toEqual({
      prompt_tokens: expect.any(Number),
      completion_tokens: expect.any(Number),
      total_tokens: expect.any(Number),
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: 0,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    })
    expect(harness.emulator.lastRequest()?.headers.authorization).toBe('Bearer ***')
  })

  it('json_object and json_schema answers, forced tool calls with call_ ids, n choices, max tokens → length', async () => {
    const json = await create({
      response_format: { type: 'json_object' },
      messages: [{ role: 'user', content: 'Reply in JSON' }],
    })
    expect(JSON.parse(json.choices[0]?.message.content ?? '')).toEqual({ answer: 'You said: Reply in JSON' })
    const schema = {
      type: 'object',
      properties: { city: { type: 'string' }, population: { type: 'integer' } },
      required: ['city', 'population'],
      additionalProperties: false,
    }
    const structured = await create({
      response_format: { type: 'json_schema', json_schema: { name: 'city', schema, strict: true } },
    })
    expect(JSON.parse(structured.choices[0]?.message.content ?? '')).toEqual({
      city: expect.any(String),
      population: expect.any(Number),
    })
    const called = await create({
      tools: [weatherTool],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      parallel_tool_calls: false,
    })
    expect(called.choices[0]?.finish_reason).toBe('tool_calls')
    expect(called.choices[0]?.message.content).toBeNull()
    expect(called.choices[0]?.message.tool_calls).toEqual([
      {
        id: expect.stringMatching(/^call_[A-Za-z0-9]{24}$/),
        type: 'function',
        function: { name: 'get_weather', arguments: expect.any(String) },
      },
    ])
    expect(
      JSON.parse(
        (called.choices[0]?.message.tool_calls?.[0] as { function: { arguments: string } }).function.arguments,
      ),
    ).toEqual({ city: expect.any(String), days: expect.any(Number) })
    const two = await create({ n: 2 })
    expect(two.choices.map((choice) => choice.message.content)).toEqual([
      'You said: Hello!',
      'You said: Hello! (choice 2)',
    ])
    const cut = await create({ max_completion_tokens: 2 })
    expect(cut.choices[0]).toMatchObject({ finish_reason: 'length', message: { content: 'You said' } })
  })

  it('replays a tool history with any id shape unchanged, and drops reasoning_content (no OpenAI field for it)', async () => {
    const messages: ChatCompletionMessageParam[] = [
      { role: 'user', content: 'Weather in Paris and Rome?' },
      {
        role: 'assistant',
        content: null,
        reasoning_content: 'Two cities, two calls.',
        tool_calls: [
          { id: 'D681PevKs', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
          {
            id: 'toolu_01A09q90qw90lq917835lq9',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Rome"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'toolu_01A09q90qw90lq917835lq9', content: '14 °C' },
      { role: 'tool', tool_call_id: 'D681PevKs', content: [{ type: 'text', text: 'sunny' }] },
    ]
    const completion = await create({ messages, tools: [weatherTool] })
    const sent = harness.lastBody().messages as Record<string, unknown>[]
    expect(sent[1]).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: (messages[1] as { tool_calls: unknown }).tool_calls,
    })
    expect(sent.slice(2)).toEqual(messages.slice(2))
    expect(completion.choices[0]?.message.content).toBe('The tool get_weather returned: sunny')
  })

  it('sends image, audio and file parts as they are', async () => {
    const content = [
      { type: 'text' as const, text: 'Look:' },
      { type: 'image_url' as const, image_url: { url: PNG_DATA_URL, detail: 'low' as const } },
      { type: 'file' as const, file: { file_id: 'file-abc123' } },
    ]
    await create({ messages: [{ role: 'user', content }] }, provider === 'openai' ? 'gpt-4o' : model)
    expect(harness.lastBody().messages).toEqual([{ role: 'user', content }])
  })

  it('refuses Mistral-only options, prefix and Mistral tier names before sending', async () => {
    await expectInputError(harness, create({ safe_prompt: true }), 'safe_prompt', 'dropUnsupportedParams')
    await expectInputError(harness, create({ prompt_mode: 'reasoning' }), 'prompt_mode')
    await expectInputError(
      harness,
      create({ messages: [...hello, { role: 'assistant', content: 'Once', prefix: true }] }),
      'messages[1].prefix',
      'prefill',
    )
    await expectInputError(harness, create({ service_tier: 'standard_only' }), 'service_tier', "'default'")
    await create({ safe_prompt: true }, model, { dropUnsupportedParams: true })
    expect(harness.lastBody()).toEqual({ model, messages: hello })
  })

  it('sends a model id token.js does not know without gating anything', async () => {
    await create(
      {
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'hi' },
              { type: 'input_audio', input_audio: { data: 'AAAA', format: 'wav' } },
            ],
          },
        ],
        reasoning_effort: 'high',
        n: 2,
      },
      UNKNOWN_MODEL,
    )
    expect(harness.lastBody()).toMatchObject({ model: UNKNOWN_MODEL, reasoning_effort: 'high', n: 2 })
  })

  it("an id the server does not serve is OpenAI's 404 model_not_found, as NotFoundError naming the model", async () => {
    const error = await create({}, 'gpt-does-not-exist').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(NotFoundError)
    expect((error as NotFoundError).code).toBe('model_not_found')
    expect((error as NotFoundError).message).toContain('The model `gpt-does-not-exist` does not exist')
    expect((error as NotFoundError).message).toContain("model 'gpt-does-not-exist'")
  })
})

describe('openai: developer, names and gating by the OpenAI table', () => {
  const harness = useOpenAIEmulator('openai')
  const create = creator(harness, 'openai', 'gpt-4.1')

  it('keeps developer messages and message names (OpenAI accepts both)', async () => {
    const messages: ChatCompletionMessageParam[] = [
      { role: 'developer', content: 'Be brief.' },
      { role: 'user', content: 'hi', name: 'ann' },
    ]
    await create({ messages })
    expect(harness.lastBody().messages).toEqual(messages)
  })

  it("asks for usage on the last chunk when streaming (stream_options.include_usage), keeping the caller's other options", async () => {
    const stream = await harness.client().chat.completions.create({
      provider: 'openai',
      model: 'gpt-4.1',
      messages: hello,
      stream: true,
      stream_options: { include_obfuscation: false },
    })
    await stream.finalCompletion()
    expect(harness.lastBody()).toMatchObject({
      stream: true,
      stream_options: { include_obfuscation: false, include_usage: true },
    })
  })

  it.each([
    [
      'images on gpt-4',
      { messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: PNG_DATA_URL } }] }] },
      'gpt-4',
      'messages[0].content[0]',
    ],
    ['tools on gpt-5-chat-latest', { tools: [weatherTool] }, 'gpt-5-chat-latest', 'tools'],
    ['tools on gpt-6-astra', { tools: [weatherTool] }, 'gpt-6-astra', 'tools'],
    ['n > 1 on a search model', { n: 2 }, 'gpt-4o-search-preview', 'n'],
    [
      'json_schema on gpt-4-turbo',
      { response_format: { type: 'json_schema', json_schema: { name: 'x', schema: {} } } },
      'gpt-4-turbo',
      'response_format',
    ],
    ['audio output on gpt-4o', { modalities: ['text', 'audio'] }, 'gpt-4o', 'modalities'],
    ['prediction on gpt-5', { prediction: { type: 'content', content: 'x' } }, 'gpt-5', 'prediction'],
    ['reasoning_effort on gpt-4o', { reasoning_effort: 'low' }, 'gpt-4o', 'reasoning_effort'],
    ['an effort o3 does not take', { reasoning_effort: 'xhigh' }, 'o3', 'reasoning_effort'],
  ])('refuses %s before sending', async (_name, extra, model, param) => {
    await expectInputError(harness, create(extra, model), param, `'${model}'`)
  })

  it('sends max_tokens as max_completion_tokens (reasoning models answer 400 to max_tokens), refuses the two disagreeing', async () => {
    const completion = await create({ max_tokens: 300 }, 'gpt-5')
    expect(harness.lastBody()).toEqual({ model: 'gpt-5', messages: hello, max_completion_tokens: 300 })
    expect(completion.usage?.completion_tokens_details?.reasoning_tokens).toBeGreaterThan(0)
    await create({ max_tokens: 5, max_completion_tokens: 5 })
    expect(harness.lastBody().max_completion_tokens).toBe(5)
    await expectInputError(
      harness,
      create({ max_tokens: 5, max_completion_tokens: 6 }),
      'max_completion_tokens',
      'disagree',
    )
  })

  it("passes openai 6.49's newer parameters (prompt cache options, moderation) through", async () => {
    const extra = {
      prompt_cache_retention: '24h',
      prompt_cache_options: { ttl: '30m', mode: 'explicit' },
      moderation: { model: 'omni-moderation-latest' },
    }
    await create(extra, 'gpt-5.6-sol')
    expect(harness.lastBody()).toEqual({ model: 'gpt-5.6-sol', messages: hello, ...extra })
  })

  it('temperature 2.5 is refused before sending (OpenAI accepts 0–2)', async () => {
    await expectInputError(harness, create({ temperature: 2.5 }), 'temperature', '≤ 2')
  })

  it("a reasoning model's own rules come back as OpenAI's 400 (temperature only 1), with param and code", async () => {
    const error = await create({ temperature: 0.2 }, 'gpt-5').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(BadRequestError)
    expect(error).toMatchObject({ param: 'temperature', code: 'unsupported_value', type: 'invalid_request_error' })
    expect((error as Error).message).toContain('Only the default (1) value is supported.')
  })

  it('a reasoning model reports reasoning tokens and returns no reasoning text', async () => {
    const completion = await create({ reasoning_effort: 'high', max_completion_tokens: 500 }, 'gpt-5.4-mini')
    expect(completion.usage?.completion_tokens_details?.reasoning_tokens).toBeGreaterThan(0)
    expect(completion.choices[0]?.message.reasoning_content).toBeUndefined()
    expect(completion.choices[0]?.message.content).toBe('You said: Hello!')
  })
})

describe('openai-compatible: a local server', () => {
  const harness = useOpenAIEmulator('openai-compatible', { requireApiKey: false })

  it('sends developer as system, and works without any API key', async () => {
    const { TokenJS } = await import('token.js')
    const client = new TokenJS({ providers: { 'openai-compatible': { baseURL: harness.emulator.url } }, maxRetries: 0 })
    await client.chat.completions.create({
      provider: 'openai-compatible',
      model: LOCAL_MODEL,
      messages: [{ role: 'developer', content: 'Be brief.' }, ...hello],
    })
    expect(harness.lastBody().messages).toEqual([{ role: 'system', content: 'Be brief.' }, ...hello])
    expect(harness.emulator.lastRequest()?.headers.authorization).toBeUndefined()
  })

  it('needs a base URL (no default), said before any I/O', async () => {
    const { TokenJS, InputError } = await import('token.js')
    const error = await new TokenJS().chat.completions
      .create({ provider: 'openai-compatible', model: LOCAL_MODEL, messages: hello })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InputError)
    expect((error as InstanceType<typeof InputError>).param).toBe('baseURL')
  })
})
