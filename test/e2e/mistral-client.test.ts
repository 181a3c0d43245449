/** The client surface: the seed snippet, env configuration, models (retired, unknown, extended), bad input. */
import { describe, expect, it, vi } from 'vitest'
import { FinishReasonError, InputError, NotFoundError, TokenJS, type ChatCompletionCreateParams } from 'token.js'
import { expectInputError } from './expect-input-error.js'
import { useEmulator } from './harness.js'

const harness = useEmulator()
const hello = [{ role: 'user' as const, content: 'Hello!' }]

describe('the seed snippet (docs/providers/mistral.md of Token.js)', () => {
  it('as written: mistral-large-2402 is sent, the API refuses it, and the NotFoundError names the replacement', async () => {
    vi.stubEnv('MISTRAL_API_KEY', harness.emulator.apiKey)
    vi.stubEnv('MISTRAL_BASE_URL', harness.emulator.url)
    const tokenjs = new TokenJS()
    const error = await tokenjs.chat.completions
      .create({ provider: 'mistral', model: 'mistral-large-2402', messages: [{ role: 'user', content: 'Hello!' }] })
      .catch((caught: unknown) => caught)
    vi.unstubAllEnvs()
    expect(harness.lastBody().model).toBe('mistral-large-2402')
    expect(error).toBeInstanceOf(NotFoundError)
    expect((error as NotFoundError).status).toBe(400)
    expect((error as NotFoundError).type).toBe('invalid_model')
    expect((error as NotFoundError).message).toBe(
      "400 Invalid model: mistral-large-2402 (model 'mistral-large-2402', provider mistral). " +
        "Mistral lists 'mistral-large-2402' as retired on 2025-06-16; use 'mistral-large-latest' instead.",
    )
  })

  it('with mistral-large-latest: prints the completion (key and base URL from the environment)', async () => {
    vi.stubEnv('MISTRAL_API_KEY', harness.emulator.apiKey)
    vi.stubEnv('MISTRAL_BASE_URL', harness.emulator.url)
    const tokenjs = new TokenJS()
    const completion = await tokenjs.chat.completions.create({
      provider: 'mistral',
      model: 'mistral-large-latest',
      messages: [{ role: 'user', content: 'Hello!' }],
    })
    vi.unstubAllEnvs()
    expect(completion.choices[0]).toEqual({
      index: 0,
      message: { role: 'assistant', content: 'You said: Hello!', refusal: null },
      finish_reason: 'stop',
      logprobs: null,
    })
    expect(harness.emulator.lastRequest()?.headers.authorization).toBe('Bearer ***')
  })
})

describe('models', () => {
  it('sends a retired id and names the replacement in the NotFoundError (Mistral answers 400 invalid_model)', async () => {
    const error = await harness
      .client()
      .chat.completions.create({ provider: 'mistral', model: 'open-mixtral-8x22b', messages: hello })
      .catch((caught: unknown) => caught)
    expect(harness.lastBody().model).toBe('open-mixtral-8x22b')
    expect(error).toBeInstanceOf(NotFoundError)
    expect((error as NotFoundError).status).toBe(400)
    expect((error as NotFoundError).message).toContain("model 'open-mixtral-8x22b'")
    expect((error as NotFoundError).message).toContain("use 'mistral-small-latest'")
  })

  it('accepts unknown model ids (sent; the provider decides)', async () => {
    const error = await harness
      .client()
      .chat.completions.create({ provider: 'mistral', model: 'mistral-future-9000', messages: hello })
      .catch((caught: unknown) => caught)
    expect(harness.lastBody().model).toBe('mistral-future-9000')
    expect(error).toBeInstanceOf(NotFoundError)
    expect((error as Error).message).toContain("model 'mistral-future-9000'")
  })

  it('extendModelList is scoped to the instance and gates streaming too', async () => {
    const limited = harness
      .client()
      .extendModelList('mistral', 'mistral-large-latest', { images: false, streaming: false })
    const image = [
      {
        role: 'user' as const,
        content: [{ type: 'image_url' as const, image_url: { url: 'https://example.com/a.png' } }],
      },
    ]
    await expectInputError(
      harness,
      limited.chat.completions.create({ provider: 'mistral', model: 'mistral-large-latest', messages: image }),
      'messages[0].content[0]',
      'images',
    )
    await expectInputError(
      harness,
      limited.chat.completions.create({
        provider: 'mistral',
        model: 'mistral-large-latest',
        messages: hello,
        stream: true,
      }),
      'stream',
    )
    await harness
      .client()
      .chat.completions.create({ provider: 'mistral', model: 'mistral-large-latest', messages: image })
    expect(harness.chatBodies()).toHaveLength(1)
  })

  it('extendModelList copies the features of a known model', async () => {
    const client = harness.client().extendModelList('mistral', 'my-codestral', 'codestral-latest')
    await expectInputError(
      harness,
      client.chat.completions.create({
        provider: 'mistral',
        model: 'my-codestral',
        messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://x.test/a.png' } }] }],
      }),
      'messages[0].content[0]',
      "'my-codestral'",
    )
    expect(() => harness.client().extendModelList('mistral', 'x', 'no-such-model')).toThrow(InputError)
  })
})

describe('responses', () => {
  it('maps usage with cached tokens, and model_length to length', async () => {
    harness.emulator.enqueue({
      kind: 'reply',
      content: 'cut',
      finishReason: 'model_length',
      usage: { prompt_tokens: 10, completion_tokens: 3, cached_tokens: 8 },
    })
    const completion = await harness
      .client()
      .chat.completions.create({ provider: 'mistral', model: 'mistral-large-latest', messages: hello })
    expect(completion.choices[0]?.finish_reason).toBe('length')
    expect(completion.usage).toEqual({
      prompt_tokens: 10,
      completion_tokens: 3,
      total_tokens: 13,
      prompt_tokens_details: { cached_tokens: 8 },
    })
  })

  it('turns finish_reason "error" into a FinishReasonError carrying the partial completion', async () => {
    harness.emulator.enqueue({ kind: 'reply', content: 'half an ans', finishReason: 'error' })
    const error = await harness
      .client()
      .chat.completions.create({ provider: 'mistral', model: 'mistral-large-latest', messages: hello })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(FinishReasonError)
    expect((error as FinishReasonError).partial).toMatchObject({ choices: [{ message: { content: 'half an ans' } }] })
    expect((error as FinishReasonError).raw).toContain('"error"')
  })

  it('sends per-request and default headers, never letting them carry line breaks', async () => {
    await harness
      .client({ defaultHeaders: { 'X-Team': 'search' } })
      .chat.completions.create(
        { provider: 'mistral', model: 'mistral-large-latest', messages: hello },
        { headers: { 'X-Trace': 'abc' } },
      )
    const headers = harness.emulator.lastRequest()?.headers ?? {}
    expect(headers['x-team']).toBe('search')
    expect(headers['x-trace']).toBe('abc')
    expect(headers['content-type']).toBe('application/json')
    await expectInputError(
      harness,
      harness
        .client()
        .chat.completions.create(
          { provider: 'mistral', model: 'mistral-large-latest', messages: hello },
          { headers: { 'X-Bad': 'a\r\nInjected: 1' } },
        ),
      'headers.X-Bad',
    )
  })
})

describe('bad input never reaches the network and is never a TypeError', () => {
  const cases: Array<[string, unknown, string | undefined]> = [
    ['null params', null, undefined],
    ['a string', 'hello', undefined],
    ['unknown provider', { provider: 'mistrall', model: 'x', messages: hello }, 'provider'],
    ['missing model', { provider: 'mistral', messages: hello }, 'model'],
    ['missing messages', { provider: 'mistral', model: 'mistral-large-latest' }, 'messages'],
    ['empty messages', { provider: 'mistral', model: 'mistral-large-latest', messages: [] }, 'messages'],
    [
      'messages not an array',
      { provider: 'mistral', model: 'mistral-large-latest', messages: { role: 'user' } },
      'messages',
    ],
    ['a null message', { provider: 'mistral', model: 'mistral-large-latest', messages: [null] }, 'messages[0]'],
    [
      'unknown role',
      { provider: 'mistral', model: 'mistral-large-latest', messages: [{ role: 'bot', content: 'x' }] },
      'messages[0].role',
    ],
    [
      'content a number',
      { provider: 'mistral', model: 'mistral-large-latest', messages: [{ role: 'user', content: 42 }] },
      'messages[0].content',
    ],
    [
      'unknown part type',
      {
        provider: 'mistral',
        model: 'mistral-large-latest',
        messages: [{ role: 'user', content: [{ type: 'video', video: {} }] }],
      },
      'messages[0].content[0].type',
    ],
    [
      'image part without url',
      {
        provider: 'mistral',
        model: 'mistral-large-latest',
        messages: [{ role: 'user', content: [{ type: 'image_url', image_url: {} }] }],
      },
      'messages[0].content[0].image_url.url',
    ],
    [
      'temperature a string',
      { provider: 'mistral', model: 'mistral-large-latest', messages: hello, temperature: 'hot' },
      'temperature',
    ],
    [
      'temperature NaN',
      { provider: 'mistral', model: 'mistral-large-latest', messages: hello, temperature: Number.NaN },
      'temperature',
    ],
    [
      'tools not an array',
      { provider: 'mistral', model: 'mistral-large-latest', messages: hello, tools: { type: 'function' } },
      'tools',
    ],
    [
      'tool without name',
      {
        provider: 'mistral',
        model: 'mistral-large-latest',
        messages: hello,
        tools: [{ type: 'function', function: {} }],
      },
      'tools[0].function.name',
    ],
    [
      'tool call without id',
      {
        provider: 'mistral',
        model: 'mistral-large-latest',
        messages: [
          { role: 'user', content: 'x' },
          { role: 'assistant', tool_calls: [{ type: 'function', function: { name: 'f', arguments: '{}' } }] },
        ],
      },
      'messages[1].tool_calls[0].id',
    ],
    [
      'tool result never called',
      {
        provider: 'mistral',
        model: 'mistral-large-latest',
        messages: [
          { role: 'user', content: 'x' },
          { role: 'assistant', content: 'ok' },
          { role: 'tool', tool_call_id: 'abc', content: 'r' },
        ],
      },
      'messages[2].tool_call_id',
    ],
    [
      'response_format unknown type',
      { provider: 'mistral', model: 'mistral-large-latest', messages: hello, response_format: { type: 'xml' } },
      'response_format.type',
    ],
    [
      'stream not boolean',
      { provider: 'mistral', model: 'mistral-large-latest', messages: hello, stream: 'yes' },
      'stream',
    ],
  ]

  it.each(cases)('%s → InputError', async (_name, params, param) => {
    await expectInputError(
      harness,
      harness.client().chat.completions.create(params as ChatCompletionCreateParams & { stream?: false }),
      param,
    )
  })

  it("never mutates the caller's params", async () => {
    const params = {
      provider: 'mistral' as const,
      model: 'mistral-large-latest',
      messages: [
        { role: 'user' as const, content: 'Weather?' },
        {
          role: 'assistant' as const,
          content: null,
          tool_calls: [{ id: 'call_x1', type: 'function' as const, function: { name: 'w', arguments: '{}' } }],
        },
        { role: 'tool' as const, tool_call_id: 'call_x1', content: 'sunny' },
      ],
      tools: [{ type: 'function' as const, function: { name: 'w' } }],
      seed: 1,
      max_completion_tokens: 20,
    }
    const snapshot = structuredClone(params)
    await harness.client().chat.completions.create(params)
    expect(params).toEqual(snapshot)
  })

  it('refuses a missing API key and a non-http base URL, without echoing the key', async () => {
    vi.stubEnv('MISTRAL_API_KEY', '')
    await expectInputError(
      harness,
      new TokenJS().chat.completions.create({ provider: 'mistral', model: 'mistral-large-latest', messages: hello }),
      'apiKey',
      'MISTRAL_API_KEY',
    )
    vi.unstubAllEnvs()
    await expectInputError(
      harness,
      new TokenJS({ apiKey: 'k', baseURL: 'file:///etc/passwd' }).chat.completions.create({
        provider: 'mistral',
        model: 'mistral-large-latest',
        messages: hello,
      }),
      'baseURL',
    )
    const error = await expectInputError(
      harness,
      new TokenJS({ apiKey: 'sk-secret-123\n', baseURL: harness.emulator.url }).chat.completions.create({
        provider: 'mistral',
        model: 'mistral-large-latest',
        messages: hello,
      }),
      'apiKey',
    )
    expect(JSON.stringify(error) + error.message + String(error.stack)).not.toContain('sk-secret-123')
  })
})
