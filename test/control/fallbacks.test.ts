/**
 * Fallbacks (issue 21) against two emulators: a failing Mistral (scripted 503s past the retries, a retired
 * model, a dropped connection) falling back to OpenAI, for create and stream; what must NOT fall back (a
 * stream that failed after its first chunk, the caller's abort, an InputError); entries validated before
 * any I/O; and the answer saying who answered. Every body each emulator received passes its provider's
 * conformance check.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  APIConnectionError,
  APIUserAbortError,
  AuthenticationError,
  InputError,
  InternalServerError,
  TokenJS,
  type ClientOptions,
} from 'token.js'
import { startMistralEmulator, startOpenAIEmulator, type MistralEmulator, type OpenAIEmulator } from '@tokenjs/emulator'
import { assertMistralChatRequest } from '../support/mistral-conformance.js'
import { assertOpenAIChatRequest } from '../support/openai-conformance.js'

let mistral: MistralEmulator
let openai: OpenAIEmulator

beforeAll(async () => {
  ;[mistral, openai] = await Promise.all([startMistralEmulator(), startOpenAIEmulator()])
})
afterAll(async () => {
  await Promise.all([mistral.close(), openai.close()])
})
beforeEach(() => {
  mistral.reset()
  openai.reset()
})

const chatRequests = (emulator: MistralEmulator) =>
  emulator.requests.filter((request) => request.path === '/v1/chat/completions')
afterEach(() => {
  for (const request of chatRequests(mistral)) assertMistralChatRequest(request.body)
  for (const request of chatRequests(openai)) assertOpenAIChatRequest(request.body)
})

const hello = [{ role: 'user' as const, content: 'Hello!' }]
const openAIEntry = { provider: 'openai' as const, model: 'gpt-4.1-mini' }
const toOpenAI = [openAIEntry]
/** A 503 that asks for an immediate retry, so the retries are spent without waiting out a backoff. */
const unavailable = { kind: 'http', status: 503, headers: { 'retry-after-ms': '1' } } as const

function client(options: ClientOptions = {}): TokenJS {
  return new TokenJS({
    providers: {
      mistral: { apiKey: mistral.apiKey, baseURL: mistral.url },
      openai: { apiKey: openai.apiKey, baseURL: openai.url },
    },
    maxRetries: 2,
    ...options,
  })
}

describe('falling back from a failing Mistral to OpenAI', () => {
  it('create: 503 past the retries (three attempts), then OpenAI answers; the result says so', async () => {
    mistral.enqueue(unavailable, unavailable, unavailable)
    const completion = await client({ fallbacks: toOpenAI }).chat.completions.create({
      provider: 'mistral',
      model: 'mistral-small-latest',
      messages: hello,
    })
    expect(chatRequests(mistral).map((request) => request.status)).toEqual([503, 503, 503])
    expect(chatRequests(openai)).toHaveLength(1)
    expect(completion.choices[0]?.message.content).toBe('You said: Hello!')
    expect(completion._answered_by).toEqual({ provider: 'openai', model: 'gpt-4.1-mini', attempt: 1 })
    expect(completion._request_id).toMatch(/^req_/)
  })

  it('stream: the same, before the first chunk; withResponse() names the fallback and its request id', async () => {
    mistral.enqueue(unavailable, unavailable, unavailable)
    const { data, request_id, answered_by } = await client()
      .chat.completions.create(
        { provider: 'mistral', model: 'mistral-small-latest', messages: hello, stream: true },
        { fallbacks: toOpenAI },
      )
      .withResponse()
    expect(answered_by).toEqual({ provider: 'openai', model: 'gpt-4.1-mini', attempt: 1 })
    expect(data._answered_by).toEqual(answered_by)
    expect(request_id).toMatch(/^req_/)
    let text = ''
    for await (const chunk of data) text += chunk.choices[0]?.delta.content ?? ''
    expect(text).toBe('You said: Hello!')
    expect(chatRequests(mistral)).toHaveLength(3)
  })

  it('stream: a connection dropped before the first chunk falls back too', async () => {
    mistral.enqueue({ kind: 'drop-after-chunks', chunks: 0 })
    const stream = await client({ fallbacks: toOpenAI }).chat.completions.create({
      provider: 'mistral',
      model: 'mistral-small-latest',
      messages: hello,
      stream: true,
    })
    expect(stream._answered_by?.provider).toBe('openai')
    expect((await stream.finalCompletion()).choices[0]?.message.content).toBe('You said: Hello!')
  })

  it('a retired model (NotFoundError) falls back to the next entry', async () => {
    const completion = await client({
      fallbacks: [{ provider: 'mistral', model: 'mistral-large-latest' }, ...toOpenAI],
    }).chat.completions.create({ provider: 'mistral', model: 'mistral-large-2402', messages: hello })
    expect(chatRequests(mistral).map((request) => (request.body as { model: string }).model)).toEqual([
      'mistral-large-2402',
      'mistral-large-latest',
    ])
    expect(completion._answered_by).toEqual({ provider: 'mistral', model: 'mistral-large-latest', attempt: 1 })
    expect(chatRequests(openai)).toHaveLength(0)
  })

  it('when every entry fails, the last error reaches the caller', async () => {
    mistral.enqueue(unavailable, unavailable, unavailable)
    openai.enqueue(unavailable, unavailable, unavailable)
    const error = await client({ fallbacks: toOpenAI })
      .chat.completions.create({ provider: 'mistral', model: 'mistral-small-latest', messages: hello })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InternalServerError)
    expect((error as InternalServerError).provider).toBe('openai')
  })
})

describe('fallbacks and the other parts', () => {
  it('text completions fall back too (a Codestral 503 past the retries, then another Mistral FIM model)', async () => {
    mistral.enqueue(unavailable, unavailable, unavailable)
    const completion = await client({
      fallbacks: [{ provider: 'mistral', model: 'codestral-2508' }],
    }).completions.create({
      provider: 'mistral',
      model: 'codestral-latest',
      prompt: 'def f(',
      suffix: ')',
    })
    expect(completion._answered_by).toEqual({ provider: 'mistral', model: 'codestral-2508', attempt: 1 })
    expect(mistral.requests.map((request) => request.status)).toEqual([503, 503, 503, 200])
  })

  it('a cache middleware sits outside the fallbacks: a hit sends nothing, to no provider', async () => {
    const cache = new Map<string, unknown>()
    const tokenjs = client({
      fallbacks: toOpenAI,
      middleware: [
        {
          async wrapGenerate(call) {
            const key = JSON.stringify(call.params)
            if (!cache.has(key)) cache.set(key, await call.next())
            return cache.get(key) as Awaited<ReturnType<typeof call.next>>
          },
        },
      ],
    })
    mistral.enqueue(unavailable, unavailable, unavailable)
    const params = { provider: 'mistral' as const, model: 'mistral-small-latest', messages: hello }
    const first = await tokenjs.chat.completions.create(params)
    const second = await tokenjs.chat.completions.create(params)
    expect(second).toBe(first)
    expect(first._answered_by?.provider).toBe('openai')
    expect(mistral.requests).toHaveLength(3)
    expect(openai.requests).toHaveLength(1)
  })
})

describe('what does not fall back', () => {
  it('a stream that fails after its first chunk: the error reaches the caller, OpenAI is never called', async () => {
    mistral.enqueue({ kind: 'drop-after-chunks', chunks: 2 })
    const stream = await client({ fallbacks: toOpenAI }).chat.completions.create({
      provider: 'mistral',
      model: 'mistral-small-latest',
      messages: hello,
      stream: true,
    })
    let chunks = 0
    const error = await (async () => {
      for await (const _chunk of stream) chunks++
    })().catch((caught: unknown) => caught)
    expect(chunks).toBeGreaterThan(0)
    expect(error).toBeInstanceOf(APIConnectionError)
    expect(chatRequests(openai)).toHaveLength(0)
  })

  it("the caller's abort: APIUserAbortError, OpenAI is never called", async () => {
    mistral.enqueue({ kind: 'hang' })
    const controller = new AbortController()
    const pending = client({ fallbacks: toOpenAI })
      .chat.completions.create(
        { provider: 'mistral', model: 'mistral-small-latest', messages: hello },
        { signal: controller.signal },
      )
      .catch((caught: unknown) => caught)
    await expect.poll(() => chatRequests(mistral).length).toBe(1)
    controller.abort()
    expect(await pending).toBeInstanceOf(APIUserAbortError)
    expect(chatRequests(openai)).toHaveLength(0)
  })

  it('an InputError of the call: nothing is sent anywhere', async () => {
    const error = await client({ fallbacks: toOpenAI })
      .chat.completions.create({ provider: 'mistral', model: 'mistral-small-latest', messages: hello, temperature: 3 })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).param).toBe('temperature')
    expect(mistral.requests).toHaveLength(0)
    expect(openai.requests).toHaveLength(0)
  })

  it('an authentication error by default; with fallbackOn: [AuthenticationError] it falls back', async () => {
    const badKey = new TokenJS({
      providers: {
        mistral: { apiKey: 'wrong-key', baseURL: mistral.url },
        openai: { apiKey: openai.apiKey, baseURL: openai.url },
      },
      fallbacks: toOpenAI,
    })
    const params = { provider: 'mistral' as const, model: 'mistral-small-latest', messages: hello }
    await expect(badKey.chat.completions.create(params)).rejects.toBeInstanceOf(AuthenticationError)
    expect(chatRequests(openai)).toHaveLength(0)
    const completion = await badKey.chat.completions.create(params, { fallbackOn: [AuthenticationError] })
    expect(completion._answered_by?.provider).toBe('openai')
  })

  it('a request with fallbacks: [] turns the client default off', async () => {
    mistral.enqueue(unavailable, unavailable, unavailable)
    await expect(
      client({ fallbacks: toOpenAI }).chat.completions.create(
        { provider: 'mistral', model: 'mistral-small-latest', messages: hello },
        { fallbacks: [] },
      ),
    ).rejects.toBeInstanceOf(InternalServerError)
    expect(chatRequests(openai)).toHaveLength(0)
  })
})

describe('fallback entries are checked before any I/O', () => {
  const attempt = async (fallbacks: unknown): Promise<InputError> => {
    const error = await client({ fallbacks: fallbacks as never })
      .chat.completions.create({
        provider: 'mistral',
        model: 'mistral-small-latest',
        messages: hello,
        safe_prompt: true,
      })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InputError)
    expect(mistral.requests).toHaveLength(0)
    expect(openai.requests).toHaveLength(0)
    return error as InputError
  }

  it('an unknown provider', async () => {
    const error = await attempt([{ provider: 'openia', model: 'gpt-4.1-mini' }])
    expect(error.message).toMatch(/^fallbacks\[0\]: Unknown provider "openia"/)
    expect(error.param).toBe('fallbacks[0].provider')
  })

  it("a param the fallback's provider does not take, and the fix: override it with undefined", async () => {
    const error = await attempt(toOpenAI)
    expect(error.message).toMatch(/^fallbacks\[0\]: .*safe_prompt/)
    expect(error.param).toBe('fallbacks[0].safe_prompt')
    mistral.enqueue(unavailable, unavailable, unavailable)
    const completion = await client({
      fallbacks: [{ ...openAIEntry, safe_prompt: undefined }],
    }).chat.completions.create({
      provider: 'mistral',
      model: 'mistral-small-latest',
      messages: hello,
      safe_prompt: true,
    })
    expect(completion._answered_by?.provider).toBe('openai')
  })

  it('fallbacks or fallbackOn of the wrong shape', async () => {
    expect((await attempt(null)).param).toBe('fallbacks')
    const error = await client({ fallbacks: toOpenAI, fallbackOn: ['AuthenticationError'] as never })
      .chat.completions.create({ provider: 'mistral', model: 'mistral-small-latest', messages: hello })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).param).toBe('fallbackOn')
    expect(mistral.requests).toHaveLength(0)
  })

  it('a malformed entry, a missing model, an override of stream', async () => {
    expect((await attempt('openai')).param).toBe('fallbacks')
    expect((await attempt([{ provider: 'openai' }])).param).toBe('fallbacks[0].model')
    expect((await attempt([{ ...openAIEntry, stream: true }])).param).toBe('fallbacks[0].stream')
  })
})
