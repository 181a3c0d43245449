/** embeddings.create through the public client against the emulator: request sent, result shape, errors. */
import { describe, expect, it } from 'vitest'
import { BadRequestError, InputError, NotFoundError, RateLimitError, type CreateEmbeddingResponse } from 'token.js'
import { expectInputError } from './expect-input-error.js'
import { useEmulator } from './harness.js'

const harness = useEmulator()

const embeddingBodies = (): Record<string, unknown>[] =>
  harness.emulator.requests
    .filter((request) => request.path === '/v1/embeddings')
    .map((request) => request.body as Record<string, unknown>)

function decodeBase64Float32(text: string): number[] {
  const bytes = Buffer.from(text, 'base64')
  return Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4))
}

describe('embeddings.create', () => {
  it("one string → one 1024-float vector in OpenAI shape; the wire body is Mistral's", async () => {
    const result = await harness
      .client()
      .embeddings.create({ provider: 'mistral', model: 'mistral-embed', input: 'Hello world' })
    expect(result).toMatchObject({
      object: 'list',
      model: 'mistral-embed',
      usage: { prompt_tokens: 2, total_tokens: 2 },
    })
    expect(Object.keys(result).sort()).toEqual(['data', 'model', 'object', 'usage'])
    expect(result.data).toHaveLength(1)
    expect(result.data[0]).toMatchObject({ object: 'embedding', index: 0 })
    const vector = result.data[0]?.embedding as number[]
    expect(vector).toHaveLength(1024)
    expect(Math.hypot(...vector)).toBeCloseTo(1, 5)
    expect(embeddingBodies()).toEqual([{ model: 'mistral-embed', input: ['Hello world'] }])
  })

  it('an array keeps input order, and the same text gives the same vector', async () => {
    const client = harness.client()
    const result = await client.embeddings.create({
      provider: 'mistral',
      model: 'mistral-embed',
      input: ['a', 'b', 'a'],
    })
    expect(result.data.map((entry) => entry.index)).toEqual([0, 1, 2])
    expect(result.data[0]?.embedding).toEqual(result.data[2]?.embedding)
    expect(result.data[0]?.embedding).not.toEqual(result.data[1]?.embedding)
  })

  it('encoding_format base64: float32 little-endian, encoded by token.js (Mistral is asked for floats)', async () => {
    const client = harness.client()
    const floats = await client.embeddings.create({ provider: 'mistral', model: 'mistral-embed', input: ['x y z'] })
    const encoded = await client.embeddings.create({
      provider: 'mistral',
      model: 'mistral-embed',
      input: ['x y z'],
      encoding_format: 'base64',
    })
    expect(typeof encoded.data[0]?.embedding).toBe('string')
    expect(decodeBase64Float32(encoded.data[0]?.embedding as string)).toEqual(
      (floats.data[0]?.embedding as number[]).map(Math.fround),
    )
    expect(embeddingBodies()[1]).toEqual({ model: 'mistral-embed', input: ['x y z'] })
  })

  it('dimensions → output_dimension on codestral-embed; output_dtype is a Mistral extra', async () => {
    const client = harness.client()
    const result = await client.embeddings.create({
      provider: 'mistral',
      model: 'codestral-embed',
      input: 'fn main() {}',
      dimensions: 256,
    })
    expect(result.data[0]?.embedding).toHaveLength(256)
    const ints = await client.embeddings.create({
      provider: 'mistral',
      model: 'codestral-embed',
      input: 'fn main() {}',
      dimensions: 256,
      output_dtype: 'int8',
    })
    const values = ints.data[0]?.embedding as number[]
    expect(values.every((value) => Number.isInteger(value) && value >= -128 && value <= 127)).toBe(true)
    expect(embeddingBodies()).toEqual([
      { model: 'codestral-embed', input: ['fn main() {}'], output_dimension: 256 },
      { model: 'codestral-embed', input: ['fn main() {}'], output_dimension: 256, output_dtype: 'int8' },
    ])
  })

  it('input above the per-request token limit is split into several requests and re-joined in order', async () => {
    const paragraph = Array.from({ length: 1500 }, (_, i) => `word${i}`).join(' ') // ~1500 emulator tokens, ~3400 estimated
    const input = Array.from({ length: 12 }, (_, i) => `${i} ${paragraph}`)
    const result: CreateEmbeddingResponse = await harness
      .client()
      .embeddings.create({ provider: 'mistral', model: 'mistral-embed', input })
    const bodies = embeddingBodies()
    expect(bodies.length).toBeGreaterThan(1)
    expect(bodies.flatMap((body) => body.input as string[])).toEqual(input)
    expect(result.data.map((entry) => entry.index)).toEqual(input.map((_, i) => i))
    const single = await harness
      .client()
      .embeddings.create({ provider: 'mistral', model: 'mistral-embed', input: input[7] as string })
    expect(result.data[7]?.embedding).toEqual(single.data[0]?.embedding)
    const perRequest = harness.emulator.requests.slice(0, bodies.length)
    expect(perRequest.every((request) => request.status === 200)).toBe(true)
    expect(result.usage.prompt_tokens).toBe(result.usage.total_tokens)
    expect(result.usage.prompt_tokens).toBeGreaterThan(12 * 1500)
  })

  it('API errors are typed: an unknown embedding model → NotFoundError naming it; scripted 429 → RateLimitError', async () => {
    const client = harness.client()
    const missing = await client.embeddings
      .create({ provider: 'mistral', model: 'acme-embed', input: 'a' })
      .catch((e: unknown) => e)
    expect(missing).toBeInstanceOf(NotFoundError)
    expect((missing as Error).message).toContain("model 'acme-embed'")
    harness.emulator.enqueue({ kind: 'http', status: 429, route: 'embeddings' })
    expect(
      await client.embeddings
        .create({ provider: 'mistral', model: 'mistral-embed', input: 'a' })
        .catch((e: unknown) => e),
    ).toBeInstanceOf(RateLimitError)
  })

  it('output_dimension on an unknown model is left to the API (400 from the emulator for mistral-embed-like models)', async () => {
    const client = harness.client()
    // The id is unknown to the client (not gated); the emulator knows it only as a chat model: 400.
    const error = await client.embeddings
      .create({ provider: 'mistral', model: 'ft:mistral-small-latest:acme:7c1f2a', input: 'a' })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BadRequestError)
    expect((error as Error).message).toContain('does not support embeddings')
  })
})

describe('embeddings.create: bad input fails before any I/O', () => {
  const client = (): ReturnType<typeof harness.client> => harness.client()
  it('empty input', async () => {
    await expectInputError(
      harness,
      client().embeddings.create({ provider: 'mistral', model: 'mistral-embed', input: [] }),
      'input',
      'empty array',
    )
    await expectInputError(
      harness,
      client().embeddings.create({ provider: 'mistral', model: 'mistral-embed', input: '' }),
      'input',
      'empty string',
    )
    await expectInputError(
      harness,
      client().embeddings.create({ provider: 'mistral', model: 'mistral-embed', input: ['a', ''] }),
      'input[1]',
    )
  })
  it('non-string items and token arrays', async () => {
    await expectInputError(
      harness,
      client().embeddings.create({ provider: 'mistral', model: 'mistral-embed', input: ['a', 5] as never }),
      'input[1]',
      'text only',
    )
    await expectInputError(
      harness,
      client().embeddings.create({ provider: 'mistral', model: 'mistral-embed', input: [[1, 2]] as never }),
      'input[0]',
      'token ids',
    )
    await expectInputError(
      harness,
      client().embeddings.create({ provider: 'mistral', model: 'mistral-embed', input: { text: 'a' } as never }),
      'input',
    )
  })
  it('a chat model names the embedding models to use', async () => {
    await expectInputError(
      harness,
      client().embeddings.create({ provider: 'mistral', model: 'mistral-large-latest', input: 'a' }),
      'model',
      'chat model',
      "'mistral-embed'",
    )
  })
  it('dimensions on mistral-embed is refused, naming codestral-embed; out of range on codestral-embed too', async () => {
    await expectInputError(
      harness,
      client().embeddings.create({ provider: 'mistral', model: 'mistral-embed', input: 'a', dimensions: 256 }),
      'dimensions',
      '1024',
      "'codestral-embed'",
    )
    await expectInputError(
      harness,
      client().embeddings.create({ provider: 'mistral', model: 'codestral-embed', input: 'a', dimensions: 5000 }),
      'dimensions',
      '3072',
    )
    await expectInputError(
      harness,
      client().embeddings.create({ provider: 'mistral', model: 'codestral-embed', input: 'a', dimensions: 1.5 }),
      'dimensions',
      'integer',
    )
  })
  it('output_dtype: not on mistral-embed; never with base64', async () => {
    await expectInputError(
      harness,
      client().embeddings.create({ provider: 'mistral', model: 'mistral-embed', input: 'a', output_dtype: 'int8' }),
      'output_dtype',
      "'codestral-embed'",
    )
    await expectInputError(
      harness,
      client().embeddings.create({
        provider: 'mistral',
        model: 'codestral-embed',
        input: 'a',
        output_dtype: 'binary',
        encoding_format: 'base64',
      }),
      'encoding_format',
      'float32',
    )
  })
  it('bad encoding_format, OpenAI user, unknown keys', async () => {
    await expectInputError(
      harness,
      client().embeddings.create({
        provider: 'mistral',
        model: 'mistral-embed',
        input: 'a',
        encoding_format: 'hex' as never,
      }),
      'encoding_format',
    )
    await expectInputError(
      harness,
      client().embeddings.create({ provider: 'mistral', model: 'mistral-embed', input: 'a', user: 'u1' }),
      'user',
      'dropUnsupportedParams',
    )
    await expectInputError(
      harness,
      client().embeddings.create({ provider: 'mistral', model: 'mistral-embed', input: 'a', colour: 'red' } as never),
      'colour',
    )
  })
  it('dropUnsupportedParams drops user and sends the rest', async () => {
    await client().embeddings.create(
      { provider: 'mistral', model: 'mistral-embed', input: 'a', user: 'u1' },
      { dropUnsupportedParams: true },
    )
    expect(embeddingBodies()).toEqual([{ model: 'mistral-embed', input: ['a'] }])
  })
  it('an embedding model passed to chat is refused before sending', async () => {
    const error = await expectInputError(
      harness,
      client().chat.completions.create({
        provider: 'mistral',
        model: 'mistral-embed',
        messages: [{ role: 'user', content: 'hi' }],
      }),
      'model',
      'embedding model',
      'embeddings.create()',
    )
    expect(error).toBeInstanceOf(InputError)
  })
})
