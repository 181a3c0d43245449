/** models.list and the opt-in liveModelCapabilities, through the public client against the emulator. */
import { describe, expect, it } from 'vitest'
import {
  AuthenticationError,
  InputError,
  TokenJS,
  isRetired,
  mistralEmbeddingModels,
  mistralModels,
  type ModelRow,
} from 'token.js'
import { expectInputError } from './expect-input-error.js'
import { UNKNOWN_MODEL, useEmulator } from './harness.js'

/** A model the client's table lacks; the emulator serves it without tools and without images. */
const NEW_MODEL = 'mistral-tiny-2611'
const newModelRow: ModelRow = {
  ...mistralModels['ministral-3b-2512'],
  label: 'new',
  tools: false,
  images: false,
  documents: false,
}

const harness = useEmulator({ models: { ...mistralModels, [NEW_MODEL]: newModelRow } })
const modelRequests = (): number => harness.emulator.requests.filter((request) => request.path === '/v1/models').length
const hello = [{ role: 'user' as const, content: 'Hello!' }]
const weather = {
  type: 'function' as const,
  function: { name: 'get_weather', parameters: { type: 'object', properties: {} } },
}

describe('models.list', () => {
  it("returns OpenAI's list shape with capabilities in token.js vocabulary, chat and embedding models alike", async () => {
    const page = await harness.client().models.list({ provider: 'mistral' })
    expect(page.object).toBe('list')
    const served = [
      ...Object.entries(mistralModels)
        .filter(([, row]) => !isRetired(row))
        .map(([id]) => id),
      ...Object.keys(mistralEmbeddingModels),
    ]
    expect(page.data.map((model) => model.id).sort()).toEqual([...served, NEW_MODEL].sort())
    const codestral = page.data.find((model) => model.id === 'codestral-latest')
    expect(codestral).toEqual({
      id: 'codestral-latest',
      object: 'model',
      created: expect.any(Number),
      owned_by: 'mistralai',
      capabilities: {
        chat: true,
        streaming: true,
        jsonMode: null,
        jsonSchema: null,
        images: false,
        documents: false,
        audio: false,
        tools: true,
        n: null,
        reasoning: false,
        prediction: null,
        prefix: null,
        fim: true,
        contextLength: 131_072,
        aliases: ['codestral-2508', 'mistral-code-latest', 'mistral-code-fim-latest'],
        retirement: null,
      },
    })
    const embed = page.data.find((model) => model.id === 'mistral-embed')
    expect(embed?.capabilities).toMatchObject({
      chat: false,
      tools: false,
      fim: false,
      contextLength: 8192,
      aliases: ['mistral-embed-2312'],
    })
    const request = harness.emulator.lastRequest()
    expect(request).toMatchObject({ method: 'GET', path: '/v1/models', status: 200 })
  })

  it('a deprecated model carries its retirement and replacement', async () => {
    const now = Date.parse('2026-06-01T00:00:00Z')
    const { startMistralEmulator } = await import('@tokenjs/emulator')
    const emulator = await startMistralEmulator({ now: () => now })
    try {
      const client = new TokenJS({ apiKey: emulator.apiKey, baseURL: emulator.url, maxRetries: 0 })
      const page = await client.models.list({ provider: 'mistral' })
      const medium = page.data.find((model) => model.id === 'mistral-medium-2505')
      expect(medium?.capabilities.retirement).toEqual({ retiresOn: '2026-08-31', replacement: 'mistral-medium-latest' })
    } finally {
      await emulator.close()
    }
  })

  it('errors are typed; bad params fail before any I/O', async () => {
    await expect(harness.client({ apiKey: 'wrong' }).models.list({ provider: 'mistral' })).rejects.toBeInstanceOf(
      AuthenticationError,
    )
    await expectInputError(harness, harness.client().models.list({ provider: 'acme' as never }), 'provider')
    await expectInputError(harness, harness.client().models.list({ provider: 'mistral', model: 'x' } as never), 'model')
  })
})

describe('liveModelCapabilities (opt-in)', () => {
  it('off (default): an id the table lacks is not gated', async () => {
    await harness.client().chat.completions.create({ provider: 'mistral', model: NEW_MODEL, messages: hello })
    expect(modelRequests()).toBe(0)
  })

  it("on: the provider's list gates an unknown id, fetched once per TTL", async () => {
    const client = harness.client({ liveModelCapabilities: { ttlMs: 60_000 } })
    const gated = await client.chat.completions
      .create({ provider: 'mistral', model: NEW_MODEL, messages: hello, tools: [weather] })
      .catch((e: unknown) => e)
    expect(gated).toBeInstanceOf(InputError)
    expect((gated as InputError).param).toBe('tools')
    expect((gated as InputError).message).toContain('does not support tools')
    // The refusal happens before the chat request; only the model list was fetched.
    expect(harness.emulator.requests.map((request) => request.path)).toEqual(['/v1/models'])
    const refused = await client.chat.completions
      .create({
        provider: 'mistral',
        model: NEW_MODEL,
        messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://x/y.png' } }] }],
      })
      .catch((error: unknown) => error)
    expect((refused as Error).message).toContain('does not support images')
    const ok = await client.chat.completions.create({ provider: 'mistral', model: NEW_MODEL, messages: hello })
    expect(ok.choices[0]?.message.content).toBe('You said: Hello!')
    expect(modelRequests()).toBe(1)
  })

  it('ids the table knows never trigger a lookup; an id the list lacks stays ungated', async () => {
    const client = harness.client({ liveModelCapabilities: true })
    await client.chat.completions.create({ provider: 'mistral', model: 'mistral-large-latest', messages: hello })
    expect(modelRequests()).toBe(0)
    await client.chat.completions
      .create({ provider: 'mistral', model: UNKNOWN_MODEL, messages: hello, tools: [weather] })
      .catch(() => undefined)
    expect(modelRequests()).toBe(1)
  })

  it('a stale list is fetched again; a failed fetch leaves the model ungated and is retried', async () => {
    const client = harness.client({ liveModelCapabilities: { ttlMs: 0 } })
    harness.emulator.enqueue({ kind: 'http', status: 503, route: 'models' })
    // Fetch fails → not gated → the emulator itself refuses the tools (400) instead of an InputError.
    const error = await client.chat.completions
      .create({ provider: 'mistral', model: NEW_MODEL, messages: hello, tools: [weather] })
      .catch((e: unknown) => e)
    expect((error as { status?: number }).status).toBe(400)
    await client.chat.completions.create({ provider: 'mistral', model: NEW_MODEL, messages: hello })
    expect(modelRequests()).toBe(2)
  })

  it('bad input still fails before any I/O (no model-list request)', async () => {
    const client = harness.client({ liveModelCapabilities: true })
    await expectInputError(
      harness,
      client.chat.completions.create({ provider: 'mistral', model: NEW_MODEL, messages: [] }),
      'messages',
    )
  })

  it('models.list() warms the cache', async () => {
    const client = harness.client({ liveModelCapabilities: true })
    await client.models.list({ provider: 'mistral' })
    const error = await client.chat.completions
      .create({ provider: 'mistral', model: NEW_MODEL, messages: hello, tools: [weather] })
      .catch((e: unknown) => e)
    expect((error as Error).name).toBe('InputError')
    expect(modelRequests()).toBe(1)
  })
})
