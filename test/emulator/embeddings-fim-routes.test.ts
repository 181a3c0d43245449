/** The emulator's `/v1/embeddings` and `/v1/fim/completions` routes over raw HTTP. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { MistralEmulator } from '@tokenjs/emulator'
import { mistralEmbeddingModels } from 'token.js'
import { get, sseData, startTestEmulator } from './helpers.js'

let emulator: MistralEmulator
beforeAll(async () => {
  emulator = await startTestEmulator({ embeddingModels: mistralEmbeddingModels })
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => emulator.reset())

async function post(
  path: string,
  body: unknown,
  key = emulator.apiKey,
): Promise<{ status: number; text: string; json: any }> {
  const response = await fetch(`${emulator.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const text = await response.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: response.status, text, json }
}

describe('POST /v1/embeddings', () => {
  it("answers in Mistral's shape, deterministic, with the model's dimension", async () => {
    const first = await post('/embeddings', { model: 'mistral-embed', input: ['a b', 'c'] })
    expect(first.status).toBe(200)
    expect(first.json).toMatchObject({
      object: 'list',
      model: 'mistral-embed',
      usage: { prompt_tokens: 3, total_tokens: 3, completion_tokens: 0 },
    })
    expect(first.json.id).toMatch(/^[0-9a-f]{32}$/)
    expect(first.json.data.map((d: any) => [d.object, d.index, d.embedding.length])).toEqual([
      ['embedding', 0, 1024],
      ['embedding', 1, 1024],
    ])
    const again = await post('/embeddings', { model: 'mistral-embed', input: 'a b' })
    expect(again.json.data[0].embedding).toEqual(first.json.data[0].embedding)
  })

  it('output_dimension, output_dtype and base64 on codestral-embed', async () => {
    const small = await post('/embeddings', {
      model: 'codestral-embed',
      input: 'x',
      output_dimension: 64,
      output_dtype: 'ubinary',
    })
    expect(small.status).toBe(200)
    expect(small.json.data[0].embedding).toHaveLength(8)
    const encoded = await post('/embeddings', {
      model: 'codestral-embed',
      input: 'x',
      output_dimension: 16,
      encoding_format: 'base64',
    })
    expect(Buffer.from(encoded.json.data[0].embedding, 'base64')).toHaveLength(64)
  })

  it.each([
    ['extra key', { model: 'mistral-embed', input: 'a', dimensions: 3 }, 422, 'extra_forbidden'],
    ['missing input', { model: 'mistral-embed' }, 422, 'missing'],
    ['input of numbers', { model: 'mistral-embed', input: [1] }, 422, 'string_type'],
    ['output_dimension 0', { model: 'codestral-embed', input: 'a', output_dimension: 0 }, 422, 'greater_than'],
    ['bad dtype', { model: 'codestral-embed', input: 'a', output_dtype: 'int4' }, 422, 'literal_error'],
  ])('%s → 422 %s', async (_name, body, status, type) => {
    const response = await post('/embeddings', body)
    expect(response.status).toBe(status)
    expect(response.json.detail[0].type).toBe(type)
  })

  it.each([
    ['unknown model', { model: 'acme-embed', input: 'a' }, 400, 'Invalid model: acme-embed'],
    [
      'a chat model',
      { model: 'mistral-large-latest', input: 'a' },
      400,
      'Model mistral-large-latest does not support embeddings.',
    ],
    ['empty list', { model: 'mistral-embed', input: [] }, 400, 'Input list must not be empty.'],
    [
      'output_dimension on mistral-embed',
      { model: 'mistral-embed', input: 'a', output_dimension: 8 },
      400,
      'Model mistral-embed does not support output_dimension.',
    ],
    [
      'output_dimension above the maximum',
      { model: 'codestral-embed', input: 'a', output_dimension: 4096 },
      400,
      'output_dimension must be at most 3072 for model codestral-embed.',
    ],
    [
      'int8 on mistral-embed',
      { model: 'mistral-embed', input: 'a', output_dtype: 'int8' },
      400,
      "Model mistral-embed does not support output_dtype 'int8'.",
    ],
    [
      'too many tokens',
      { model: 'mistral-embed', input: Array.from({ length: 20 }, () => 'w '.repeat(1000)) },
      400,
      'Too many tokens in batch: 20000 > 16384. Split the input into smaller batches.',
    ],
  ])('%s → %i', async (_name, body, status, message) => {
    const response = await post('/embeddings', body)
    expect(response.status).toBe(status)
    expect(response.json.message).toBe(message)
  })

  it('auth, the request log and scripted faults apply', async () => {
    expect((await post('/embeddings', { model: 'mistral-embed', input: 'a' }, 'wrong')).status).toBe(401)
    emulator.enqueue({ kind: 'http', status: 503, route: 'embeddings' })
    expect(
      (await post('/chat/completions', { model: 'mistral-large-latest', messages: [{ role: 'user', content: 'a' }] }))
        .status,
    ).toBe(200)
    expect((await post('/embeddings', { model: 'mistral-embed', input: 'a' })).status).toBe(503)
    expect(emulator.requests.map((request) => [request.path, request.status])).toEqual([
      ['/v1/embeddings', 401],
      ['/v1/chat/completions', 200],
      ['/v1/embeddings', 503],
    ])
  })
})

describe('POST /v1/fim/completions', () => {
  it('answers chat-shaped JSON', async () => {
    const response = await post('/fim/completions', {
      model: 'codestral-latest',
      prompt: 'def f(',
      suffix: ')',
      max_tokens: 50,
      min_tokens: 1,
      random_seed: 1,
    })
    expect(response.status).toBe(200)
    expect(response.json).toMatchObject({
      object: 'chat.completion',
      model: 'codestral-latest',
      choices: [{ index: 0, message: { role: 'assistant', content: 'You said: def f()' }, finish_reason: 'stop' }],
    })
  })

  it("streams in Mistral's SSE format, ending with [DONE]", async () => {
    const response = await post('/fim/completions', { model: 'codestral-latest', prompt: 'def f(', stream: true })
    const events = sseData(response.text)
    expect(events.at(-1)).toBe('[DONE]')
    const chunks = events.slice(0, -1) as any[]
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk')).toBe(true)
    expect(chunks.map((chunk) => chunk.choices[0].delta.content ?? '').join('')).toBe('You said: def f(')
    expect(chunks.at(-1).usage).toBeDefined()
  })

  it.each([
    ['extra key', { model: 'codestral-latest', prompt: 'a', n: 2 }, 422],
    ['missing prompt', { model: 'codestral-latest' }, 422],
    ['temperature 2', { model: 'codestral-latest', prompt: 'a', temperature: 2 }, 422],
    ['top_p 0', { model: 'codestral-latest', prompt: 'a', top_p: 0 }, 400],
    ['unknown model', { model: 'acme-code', prompt: 'a' }, 400],
    ['a model without FIM', { model: 'mistral-large-latest', prompt: 'a' }, 400],
    ['an embedding model', { model: 'mistral-embed', prompt: 'a' }, 400],
  ])('%s → %i', async (_name, body, status) => {
    expect((await post('/fim/completions', body)).status).toBe(status)
  })

  it('scripted replies reach FIM', async () => {
    emulator.enqueue({ kind: 'reply', content: 'x + y', route: 'fim' })
    const response = await post('/fim/completions', { model: 'codestral-latest', prompt: 'a' })
    expect(response.json.choices[0].message.content).toBe('x + y')
  })
})

describe('GET /v1/models and chat', () => {
  it('lists embedding models with every capability false', async () => {
    const response = await get(emulator, '/v1/models')
    const card = response.json.data.find((entry: any) => entry.id === 'codestral-embed')
    expect(card).toMatchObject({
      object: 'model',
      max_context_length: 8192,
      aliases: ['codestral-embed-2505'],
      type: 'base',
    })
    expect(Object.values(card.capabilities).every((value) => value === false)).toBe(true)
    expect((await get(emulator, '/v1/models/mistral-embed')).json.id).toBe('mistral-embed')
  })

  it('an embedding model sent to chat → 400', async () => {
    const response = await post('/chat/completions', {
      model: 'mistral-embed',
      messages: [{ role: 'user', content: 'a' }],
    })
    expect(response.status).toBe(400)
    expect(response.json.message).toBe('Model mistral-embed does not support chat completions.')
  })
})
