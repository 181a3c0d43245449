/** OpenAI error bodies → token.js error classes, retries (retry-after, x-should-retry) and timeouts, through the public client. */
import { describe, expect, it } from 'vitest'
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from 'token.js'
import { useOpenAIEmulator } from './harness.js'

const harness = useOpenAIEmulator('openai')
const hello = [{ role: 'user' as const, content: 'Hello!' }]
const ask = { provider: 'openai' as const, model: 'gpt-4.1', messages: hello }

type ErrorClass = new (...args: never[]) => APIError

describe("status → class with OpenAI's error body", () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
    [418, APIError],
  ] as Array<[number, ErrorClass]>)(
    '%i → %o, with message, type, param, code and request id',
    async (status, errorClass) => {
      const body = {
        error: {
          message: `Scripted failure ${status}`,
          type: 'invalid_request_error',
          param: 'messages',
          code: `code_${status}`,
        },
      }
      harness.emulator.enqueue({ kind: 'http', status, body, headers: { 'x-request-id': `req_${status}` } })
      const error = await harness
        .client()
        .chat.completions.create(ask)
        .catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(errorClass)
      expect((error as object).constructor).toBe(errorClass)
      expect(error).toMatchObject({
        status,
        type: 'invalid_request_error',
        param: 'messages',
        code: `code_${status}`,
        provider: 'openai',
        requestId: `req_${status}`,
      })
      expect((error as APIError).message).toContain(`Scripted failure ${status}`)
      expect((error as APIError).body).toEqual(body)
    },
  )

  it("a wrong key is OpenAI's 401 invalid_api_key; the key never appears in the error", async () => {
    const secret = 'sk-proj-THIS-IS-THE-SECRET-KEY-1234'
    const error = await harness
      .client({ providers: { openai: { apiKey: secret, baseURL: harness.emulator.url } } })
      .chat.completions.create(ask)
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(AuthenticationError)
    expect((error as APIError).code).toBe('invalid_api_key')
    expect(JSON.stringify(error)).not.toContain(secret)
    expect((error as Error).message).not.toContain(secret)
  })
})

describe('retries', () => {
  it('retries 429 after retry-after-ms / retry-after, then succeeds', async () => {
    harness.emulator.enqueue(
      { kind: 'http', status: 429, headers: { 'retry-after-ms': '20' } },
      { kind: 'http', status: 429, headers: { 'retry-after': '0' } },
    )
    const started = Date.now()
    const completion = await harness.client({ maxRetries: 2 }).chat.completions.create(ask)
    expect(completion.choices[0]?.message.content).toBe('You said: Hello!')
    expect(harness.emulator.requests.map((request) => request.status)).toEqual([429, 429, 200])
    expect(Date.now() - started).toBeGreaterThanOrEqual(20)
  })

  it("a 429 body says rate_limit_exceeded by default (OpenAI's shape), and gives up after maxRetries", async () => {
    harness.emulator.enqueue(
      { kind: 'http', status: 429, headers: { 'retry-after-ms': '1' } },
      { kind: 'http', status: 429, headers: { 'retry-after-ms': '1' } },
    )
    const error = await harness
      .client({ maxRetries: 1 })
      .chat.completions.create(ask)
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(RateLimitError)
    expect((error as APIError).code).toBe('rate_limit_exceeded')
    expect(harness.emulator.requests).toHaveLength(2)
  })

  it('x-should-retry: false stops a retryable 500; x-should-retry: true retries a 400', async () => {
    harness.emulator.enqueue({ kind: 'http', status: 500, headers: { 'x-should-retry': 'false' } })
    await expect(harness.client({ maxRetries: 2 }).chat.completions.create(ask)).rejects.toBeInstanceOf(
      InternalServerError,
    )
    expect(harness.emulator.requests).toHaveLength(1)
    harness.emulator.reset()
    harness.emulator.enqueue({
      kind: 'http',
      status: 400,
      headers: { 'x-should-retry': 'true', 'retry-after-ms': '1' },
    })
    const completion = await harness.client({ maxRetries: 2 }).chat.completions.create(ask)
    expect(completion.choices).toHaveLength(1)
    expect(harness.emulator.requests.map((request) => request.status)).toEqual([400, 200])
  })

  it('a reset connection is retried; without retries it is an APIConnectionError', async () => {
    harness.emulator.enqueue({ kind: 'reset' })
    await expect(harness.client({ maxRetries: 1 }).chat.completions.create(ask)).resolves.toMatchObject({
      object: 'chat.completion',
    })
    harness.emulator.enqueue({ kind: 'reset' })
    await expect(harness.client().chat.completions.create(ask)).rejects.toBeInstanceOf(APIConnectionError)
  })

  it('a hanging server times out with APIConnectionTimeoutError', async () => {
    harness.emulator.enqueue({ kind: 'hang' })
    await expect(harness.client({ timeout: 100 }).chat.completions.create(ask)).rejects.toBeInstanceOf(
      APIConnectionTimeoutError,
    )
  })
})
