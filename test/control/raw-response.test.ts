/**
 * Raw access (issue 21): `withResponse()`, `asResponse()` and `_request_id`, as openai-node has them
 * (github.com/openai/openai-node src/core/api-promise.ts, src/internal/parse.ts), on both transports,
 * for chat (JSON and stream), text completions, embeddings and the model list.
 */
import { describe, expect, it } from 'vitest'
import { APIPromise, ChatCompletionStream, type ClientOptions } from 'token.js'
import { useEmulator } from '../e2e/harness.js'

const harness = useEmulator()
const hello = [{ role: 'user' as const, content: 'Hello!' }]
const transports: [string, ClientOptions][] = [
  ['node:http', {}],
  ['fetch', { fetch: globalThis.fetch.bind(globalThis) }],
]

/** The request id the emulator sent with the newest response (its mistral-correlation-id header). */
function correlationIdOf(response: Response): string {
  const id = response.headers.get('mistral-correlation-id')
  expect(id).toMatch(/\S/)
  return id as string
}

describe.each(transports)('raw access over %s', (_name, transportOptions) => {
  it('await gives the same result as before; _request_id is the provider header, not enumerable', async () => {
    const promise = harness
      .client(transportOptions)
      .chat.completions.create({ provider: 'mistral', model: 'mistral-small-latest', messages: hello })
    expect(promise).toBeInstanceOf(APIPromise)
    expect(promise).toBeInstanceOf(Promise)
    const completion = await promise
    expect(Object.keys(completion)).toEqual(['id', 'object', 'created', 'model', 'choices', 'usage'])
    expect(JSON.stringify(completion)).not.toContain('_request_id')
    expect(typeof completion._request_id).toBe('string')
    expect(completion._request_id).toMatch(/\S/)
    expect(Object.getOwnPropertyDescriptor(completion, '_request_id')?.enumerable).toBe(false)
    expect(completion._answered_by).toEqual({ provider: 'mistral', model: 'mistral-small-latest', attempt: 0 })
  })

  it('withResponse() gives data, a standard Response with status, headers and the JSON body, and request_id', async () => {
    const { data, response, request_id, answered_by } = await harness
      .client(transportOptions)
      .chat.completions.create({ provider: 'mistral', model: 'mistral-small-latest', messages: hello })
      .withResponse()
    expect(response).toBeInstanceOf(Response)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('application/json')
    expect(request_id).toBe(correlationIdOf(response))
    expect(data._request_id).toBe(request_id)
    expect(answered_by).toEqual({ provider: 'mistral', model: 'mistral-small-latest', attempt: 0 })
    const body = (await response.json()) as { id: string; choices: unknown[] }
    // The provider's own JSON (Mistral's wire format), the one `data` was mapped from.
    expect(body.id).toBe(data.id)
    expect(harness.emulator.requests).toHaveLength(1)
  })

  it('asResponse() gives the Response alone', async () => {
    const response = await harness
      .client(transportOptions)
      .chat.completions.create({ provider: 'mistral', model: 'mistral-small-latest', messages: hello })
      .asResponse()
    expect(response.status).toBe(200)
    expect(((await response.json()) as { object: string }).object).toBe('chat.completion')
  })

  it('a stream: withResponse() gives the unread stream as data; iterating it still works', async () => {
    const { data, response, request_id } = await harness
      .client(transportOptions)
      .chat.completions.create({ provider: 'mistral', model: 'mistral-small-latest', messages: hello, stream: true })
      .withResponse()
    expect(data).toBeInstanceOf(ChatCompletionStream)
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    expect(response.body).toBeNull()
    expect(request_id).toBe(correlationIdOf(response))
    expect(data._request_id).toBe(request_id)
    let text = ''
    for await (const chunk of data) text += chunk.choices[0]?.delta.content ?? ''
    expect(text).toBe('You said: Hello!')
  })

  it("a stream: asResponse() gives the provider's raw server-sent events", async () => {
    const response = await harness
      .client(transportOptions)
      .chat.completions.create({ provider: 'mistral', model: 'mistral-small-latest', messages: hello, stream: true })
      .asResponse()
    const text = await response.text()
    expect(text.startsWith('data: {')).toBe(true)
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true)
  })
})

describe('raw access on the other endpoints', () => {
  it('embeddings.create, completions.create and models.list have withResponse() and _request_id', async () => {
    const client = harness.client()
    const embedded = await client.embeddings
      .create({ provider: 'mistral', model: 'mistral-embed', input: ['a', 'b'] })
      .withResponse()
    expect(embedded.request_id).toBe(correlationIdOf(embedded.response))
    expect(embedded.data._request_id).toBe(embedded.request_id)
    expect(embedded.data.data).toHaveLength(2)

    const completed = await client.completions
      .create({ provider: 'mistral', model: 'codestral-latest', prompt: 'def f(', suffix: ')' })
      .withResponse()
    expect(completed.request_id).toBe(correlationIdOf(completed.response))
    expect(completed.data.object).toBe('text_completion')

    const page = await client.models.list({ provider: 'mistral' })
    expect(page._request_id).toMatch(/\S/)
    const listed = await client.models.list({ provider: 'mistral' }).withResponse()
    expect(listed.response.status).toBe(200)
    expect(listed.data.data.length).toBeGreaterThan(0)
  })

  it('errors reject withResponse(), asResponse() and await alike (the key scrubbed as before)', async () => {
    harness.emulator.enqueue({ kind: 'http', status: 400 })
    const promise = harness
      .client()
      .chat.completions.create({ provider: 'mistral', model: 'mistral-small-latest', messages: hello })
    await expect(promise.withResponse()).rejects.toMatchObject({ status: 400 })
    await expect(promise).rejects.toMatchObject({ status: 400 })
    await expect(promise.asResponse()).rejects.toMatchObject({ status: 400 })
  })
})
