/** completions.create (Mistral FIM) through the public client against the emulator. */
import { describe, expect, it } from 'vitest'
import {
  APIConnectionError,
  CompletionStream,
  FinishReasonError,
  UnprocessableEntityError,
  type Completion,
} from 'token.js'
import { expectInputError } from './expect-input-error.js'
import { useEmulator } from './harness.js'

const harness = useEmulator({ chunkSize: 4 })

const fimBodies = (): Record<string, unknown>[] =>
  harness.emulator.requests
    .filter((request) => request.path === '/v1/fim/completions')
    .map((request) => request.body as Record<string, unknown>)

const base = {
  provider: 'mistral',
  model: 'codestral-latest',
  prompt: 'def add(a, b):',
  suffix: '    return c',
} as const

describe('completions.create (FIM)', () => {
  it('maps to POST /v1/fim/completions and returns an OpenAI text_completion', async () => {
    const result = await harness.client().completions.create({
      ...base,
      max_tokens: 64,
      temperature: 0.2,
      top_p: 0.9,
      stop: ['\n\n'],
      seed: 7,
      min_tokens: 1,
    })
    expect(fimBodies()).toEqual([
      {
        model: 'codestral-latest',
        prompt: 'def add(a, b):',
        suffix: '    return c',
        max_tokens: 64,
        temperature: 0.2,
        top_p: 0.9,
        stop: ['\n\n'],
        random_seed: 7,
        min_tokens: 1,
      },
    ])
    expect(result).toMatchObject({ object: 'text_completion', model: 'codestral-latest' })
    expect(result.id).toMatch(/^[0-9a-f]{32}$/)
    expect(result.choices).toEqual([
      { index: 0, text: 'You said: def add(a, b):    return c', finish_reason: 'stop', logprobs: null },
    ])
    expect(result.usage).toMatchObject({
      prompt_tokens: expect.any(Number),
      completion_tokens: expect.any(Number),
      total_tokens: expect.any(Number),
    })
    expect(Object.keys(result).sort()).toEqual(['choices', 'created', 'id', 'model', 'object', 'usage'])
  })

  it('max_tokens cuts with finish_reason length; a prompt alone (no suffix) works too', async () => {
    const result = await harness.client().completions.create({
      provider: 'mistral',
      model: 'codestral-2508',
      prompt: 'one two three four five',
      max_tokens: 2,
    })
    expect(result.choices[0]).toMatchObject({ text: 'You said', finish_reason: 'length' })
    expect(fimBodies()[0]).toEqual({ model: 'codestral-2508', prompt: 'one two three four five', max_tokens: 2 })
  })

  it('streams OpenAI Completion chunks whose texts join to the non-streamed text', async () => {
    const client = harness.client()
    const whole = await client.completions.create(base)
    const stream = await client.completions.create({ ...base, stream: true })
    expect(stream).toBeInstanceOf(CompletionStream)
    const chunks: Completion[] = []
    for await (const chunk of stream) chunks.push(chunk)
    expect(chunks.length).toBeGreaterThan(3)
    for (const chunk of chunks) expect(chunk.object).toBe('text_completion')
    expect(chunks.map((chunk) => chunk.choices[0]?.text).join('')).toBe(whole.choices[0]?.text)
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop')
    expect(chunks.slice(0, -1).every((chunk) => chunk.choices[0]?.finish_reason === null)).toBe(true)
    expect(chunks.at(-1)?.usage).toEqual(whole.usage)
    expect(fimBodies()[1]).toMatchObject({ stream: true })
  })

  it('finalCompletion() adds a stream up', async () => {
    const client = harness.client()
    const whole = await client.completions.create(base)
    const final = await (await client.completions.create({ ...base, stream: true })).finalCompletion()
    expect(final.choices).toEqual(whole.choices)
    expect(final.usage).toEqual(whole.usage)
  })

  const slow = { kind: 'split', chunkBytes: 64, delayMs: 40, route: 'fim' } as const

  it('breaking out early releases the connection', async () => {
    const before = harness.emulator.openConnections()
    harness.emulator.enqueue(slow)
    const stream = await harness
      .client()
      .completions.create({ ...base, prompt: 'a b c d e f g h i j k l m n o p', stream: true })
    for await (const chunk of stream) {
      expect(chunk.object).toBe('text_completion')
      break
    }
    await expect.poll(() => harness.emulator.openConnections(), { timeout: 2000 }).toBeLessThanOrEqual(before)
  })

  it('abort() through the controller ends the loop', async () => {
    harness.emulator.enqueue(slow)
    const stream = await harness.client().completions.create({ ...base, stream: true })
    const seen: Completion[] = []
    for await (const chunk of stream) {
      seen.push(chunk)
      stream.controller.abort()
    }
    expect(seen).toHaveLength(1)
  })

  it('a stream cut off before it finished is an error; finish_reason "error" is a FinishReasonError', async () => {
    const client = harness.client()
    harness.emulator.enqueue({ kind: 'drop-after-chunks', chunks: 2, route: 'fim' })
    const dropped = (async () => {
      for await (const _chunk of await client.completions.create({ ...base, stream: true })) {
        // drain
      }
    })()
    await expect(dropped).rejects.toBeInstanceOf(APIConnectionError)
    harness.emulator.enqueue({ kind: 'stream-error', route: 'fim' })
    await expect(client.completions.create(base)).rejects.toBeInstanceOf(FinishReasonError)
  })

  it("the API's own validation reaches the caller as typed errors (a fine-tune id is not gated)", async () => {
    harness.emulator.enqueue({
      kind: 'http',
      status: 422,
      route: 'fim',
      body: {
        object: 'Error',
        detail: [{ type: 'extra_forbidden', loc: ['body', 'x'], msg: 'Extra inputs are not permitted' }],
        type: 'invalid_request_error',
        code: 3001,
      },
    })
    await expect(harness.client().completions.create(base)).rejects.toBeInstanceOf(UnprocessableEntityError)
  })
})

describe('completions.create: bad input fails before any I/O', () => {
  const client = (): ReturnType<typeof harness.client> => harness.client()
  it('a suffix to a model without FIM names a model with FIM', async () => {
    await expectInputError(
      harness,
      client().completions.create({ ...base, model: 'mistral-large-latest' }),
      'suffix',
      'fill-in-the-middle',
      "'codestral-latest'",
    )
  })
  it('any request to a model without FIM, even without suffix', async () => {
    await expectInputError(
      harness,
      client().completions.create({ provider: 'mistral', model: 'mistral-small-latest', prompt: 'x' }),
      'model',
      "'codestral-latest'",
    )
  })
  it('an embedding model', async () => {
    await expectInputError(
      harness,
      client().completions.create({ provider: 'mistral', model: 'mistral-embed', prompt: 'x' }),
      'model',
      'embedding model',
      "'codestral-latest'",
    )
  })
  it('prompt arrays, missing prompt, bad types', async () => {
    await expectInputError(
      harness,
      client().completions.create({ provider: 'mistral', model: 'codestral-latest', prompt: ['a', 'b'] as never }),
      'prompt',
      'one string',
    )
    await expectInputError(
      harness,
      client().completions.create({ provider: 'mistral', model: 'codestral-latest' } as never),
      'prompt',
    )
    await expectInputError(harness, client().completions.create({ ...base, suffix: 5 as never }), 'suffix')
    await expectInputError(harness, client().completions.create({ ...base, stop: [1] as never }), 'stop[0]')
  })
  it('ranges: temperature, top_p 0, min_tokens, seed, n', async () => {
    await expectInputError(harness, client().completions.create({ ...base, temperature: 2 }), 'temperature', '1.5')
    await expectInputError(harness, client().completions.create({ ...base, top_p: 0 }), 'top_p')
    await expectInputError(harness, client().completions.create({ ...base, min_tokens: -1 }), 'min_tokens')
    await expectInputError(harness, client().completions.create({ ...base, seed: 1.5 }), 'seed')
    await expectInputError(harness, client().completions.create({ ...base, n: 2 }), 'n', 'one completion')
  })
  it('OpenAI-only parameters: refused unless neutral or dropped', async () => {
    await expectInputError(
      harness,
      client().completions.create({ ...base, echo: true }),
      'echo',
      'dropUnsupportedParams',
    )
    await expectInputError(harness, client().completions.create({ ...base, logprobs: 3 }), 'logprobs')
    await expectInputError(harness, client().completions.create({ ...base, banana: 1 } as never), 'banana')
    await client().completions.create({ ...base, echo: false, best_of: 1, n: 1 })
    await client().completions.create({ ...base, user: 'u', logprobs: 2 }, { dropUnsupportedParams: true })
    expect(fimBodies()).toEqual([
      { model: 'codestral-latest', prompt: base.prompt, suffix: base.suffix },
      { model: 'codestral-latest', prompt: base.prompt, suffix: base.suffix },
    ])
  })
})
