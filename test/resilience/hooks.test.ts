/**
 * Hooks (`new TokenJS({ hooks })`, `create(params, { hooks })`) through the public client against the Mistral
 * emulator, on both transports: the events of a retried stream in order with their payloads, JSON answers,
 * failures, and hooks that throw (reported through the logger, the outcome and the connection unchanged).
 */
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import {
  BadRequestError,
  InternalServerError,
  type ChatCompletionChunk,
  type ClientOptions,
  type Hooks,
} from 'token.js'
import { useEmulator } from '../e2e/harness.js'
import { capturingLogger, collect, rejectionOf, transports, waitFor } from './support.js'

const harness = useEmulator({ chunkSize: 4 })
const hello = [{ role: 'user' as const, content: 'Hello!' }]
const quick = { 'retry-after-ms': '1' }

/** Records every hook call as [name, event]. */
function recordingHooks(): { events: Array<[string, Record<string, unknown>]>; hooks: Hooks } {
  const events: Array<[string, Record<string, unknown>]> = []
  const record =
    (name: string) =>
    (event: object): void =>
      void events.push([name, event as Record<string, unknown>])
  return {
    events,
    hooks: {
      onRequest: record('onRequest'),
      onRetry: record('onRetry'),
      onResponse: record('onResponse'),
      onError: record('onError'),
      onFirstChunk: record('onFirstChunk'),
      onFinish: record('onFinish'),
    },
  }
}

describe.each(transports)('hooks (%s)', (_name, transportOptions: ClientOptions) => {
  const client = (options: ClientOptions = {}) => harness.client({ ...transportOptions, maxRetries: 2, ...options })

  it('a retried stream: onRequest ×2, onRetry with attempt, delay and cause, onResponse, onFirstChunk, onFinish', async () => {
    harness.emulator.enqueue({ kind: 'http', status: 503, headers: quick })
    const { events, hooks } = recordingHooks()
    const stream = await client({ hooks }).chat.completions.create({
      provider: 'mistral',
      model: 'mistral-small-latest',
      messages: hello,
      stream: true,
    })
    const chunks: ChatCompletionChunk[] = await collect(stream)
    expect(events.map(([name]) => name)).toEqual([
      'onRequest',
      'onRetry',
      'onRequest',
      'onResponse',
      'onFirstChunk',
      'onFinish',
    ])
    const [first, retry, second, response, firstChunk, finish] = events.map(([, event]) => event)
    const call = { operation: 'chat', provider: 'mistral', model: 'mistral-small-latest', stream: true }
    expect(first).toMatchObject({
      ...call,
      attempt: 1,
      method: 'POST',
      url: `${harness.emulator.url}/chat/completions`,
    })
    expect(second).toMatchObject({ ...call, attempt: 2 })
    // The final provider body as sent, the key's header redacted.
    expect(second?.body).toEqual(harness.emulator.lastRequest()?.body)
    expect((second?.headers as Record<string, string>).authorization).toBe('***')
    expect((second?.headers as Record<string, string>).accept).toBe('text/event-stream')
    expect(retry).toMatchObject({ ...call, attempt: 2, delayMs: 1 })
    expect(retry?.cause).toBeInstanceOf(InternalServerError)
    expect((retry?.cause as InternalServerError).status).toBe(503)
    expect(response).toMatchObject({ ...call, attempt: 2, status: 200, usage: undefined })
    expect(response?.requestId).toBe((response?.headers as Record<string, string>)['mistral-correlation-id'])
    expect(typeof response?.requestId).toBe('string')
    expect(response?.durationMs).toBeGreaterThanOrEqual(0)
    expect(firstChunk?.msToFirstChunk).toBeGreaterThanOrEqual(response?.durationMs as number)
    expect(finish).toMatchObject({ ...call, chunks: chunks.length, finishReasons: ['stop'], aborted: false })
    expect(finish?.usage).toEqual(chunks.at(-1)?.usage)
    expect(finish?.usage).toMatchObject({ prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number) })
    expect(finish?.msToFirstChunk).toBe(firstChunk?.msToFirstChunk)
    expect(finish?.durationMs).toBeGreaterThanOrEqual(finish?.msToFirstChunk as number)
    expect(harness.emulator.requests).toHaveLength(2)
    // No form of the key in any event.
    expect(inspect(events, { depth: 12 })).not.toContain(harness.emulator.apiKey)
  })

  it('a JSON answer: onResponse carries the usage of the result; client hooks run before request hooks', async () => {
    const order: string[] = []
    const { events, hooks } = recordingHooks()
    const completion = await client({
      hooks: { ...hooks, onResponse: () => void order.push('client') },
    }).chat.completions.create(
      { provider: 'mistral', model: 'mistral-small-latest', messages: hello },
      {
        hooks: {
          onResponse: (event) => {
            order.push('request')
            events.push(['onResponse', event as unknown as Record<string, unknown>])
          },
        },
      },
    )
    expect(order).toEqual(['client', 'request'])
    expect(events.map(([name]) => name)).toEqual(['onRequest', 'onResponse'])
    const response = events[1]?.[1]
    expect(response).toMatchObject({ status: 200, attempt: 1, stream: false })
    expect(response?.usage).toEqual(completion.usage)
  })

  it('a failure: onError once with the error the caller gets, after the retries it allows', async () => {
    harness.emulator.enqueue({ kind: 'http', status: 400, body: { message: 'scripted', type: 'invalid_request' } })
    const { events, hooks } = recordingHooks()
    const error = await rejectionOf(
      client({ hooks }).chat.completions.create({
        provider: 'mistral',
        model: 'mistral-small-latest',
        messages: hello,
      }),
    )
    expect(error).toBeInstanceOf(BadRequestError)
    expect(events.map(([name]) => name)).toEqual(['onRequest', 'onError'])
    expect(events[1]?.[1].error).toBe(error)
  })

  it('completions, embeddings and models.list report their operation', async () => {
    const { events, hooks } = recordingHooks()
    const tokenjs = client({ hooks })
    await tokenjs.completions.create({ provider: 'mistral', model: 'codestral-latest', prompt: 'def f(' })
    await tokenjs.embeddings.create({ provider: 'mistral', model: 'mistral-embed', input: ['a', 'b'] })
    await tokenjs.models.list({ provider: 'mistral' })
    const responses = events.filter(([name]) => name === 'onResponse').map(([, event]) => event)
    expect(responses.map((event) => [event.operation, event.model])).toEqual([
      ['text_completion', 'codestral-latest'],
      ['embeddings', 'mistral-embed'],
      ['list_models', undefined],
    ])
    expect(events.find(([name]) => name === 'onRequest')?.[1].method).toBe('POST')
    expect(events.filter(([name]) => name === 'onRequest').at(-1)?.[1].method).toBe('GET')
    expect(responses[1]?.usage).toMatchObject({ prompt_tokens: expect.any(Number) })
  })

  it('hooks that throw (and one that rejects) are logged at warn; the stream is whole and its socket reused', async () => {
    const { lines, logger } = capturingLogger()
    const boom = (): never => {
      throw new Error('hook bug')
    }
    const tokenjs = client({
      logger,
      hooks: {
        onRequest: boom,
        onResponse: boom,
        onFirstChunk: boom,
        onFinish: () => Promise.reject(new Error('late')),
      },
    })
    const params = { provider: 'mistral', model: 'mistral-small-latest', messages: hello, stream: true } as const
    // Warm the keep-alive pool: one connection.
    await collect(await tokenjs.chat.completions.create(params))
    await waitFor(() => lines.filter((line) => line.level === 'warn').length >= 4)
    const before = harness.emulator.openConnections()
    lines.length = 0
    const chunks = await collect(await tokenjs.chat.completions.create(params))
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe('You said: Hello!')
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop')
    expect(await waitFor(() => lines.length >= 4)).toBe(true)
    const warned = lines.filter((line) => line.level === 'warn').map((line) => line.text)
    for (const name of ['onRequest', 'onResponse', 'onFirstChunk', 'onFinish']) {
      expect(warned.some((text) => text.includes(`hooks.${name} threw`))).toBe(true)
    }
    expect(warned.join('\n')).toContain('hook bug')
    expect(warned.join('\n')).toContain('late')
    // The connection went back to the pool: a third call reuses it instead of opening another.
    await collect(await tokenjs.chat.completions.create(params))
    expect(harness.emulator.openConnections()).toBeLessThanOrEqual(before)
  })

  it('a throwing hook when the consumer stops early: the connection is released', async () => {
    harness.emulator.enqueue({ kind: 'split', chunkBytes: 16, delayMs: 15 })
    const { lines, logger } = capturingLogger()
    const before = harness.emulator.openConnections()
    const stream = await client({
      logger,
      hooks: {
        onFirstChunk: () => {
          throw new Error('first')
        },
        onFinish: () => {
          throw new Error('finish')
        },
      },
    }).chat.completions.create({ provider: 'mistral', model: 'mistral-small-latest', messages: hello, stream: true })
    let seen = 0
    for await (const _chunk of stream) {
      seen++
      break
    }
    expect(seen).toBe(1)
    expect(await waitFor(() => harness.emulator.openConnections() <= before)).toBe(true)
    expect(lines.map((line) => line.text).join('\n')).toMatch(/hooks\.onFinish threw[\s\S]*finish/)
  })

  it('logLevel off: a throwing hook is still harmless (and silent, as asked)', async () => {
    const { lines, logger } = capturingLogger()
    const completion = await client({
      logger,
      logLevel: 'off',
      hooks: {
        onResponse: () => {
          throw new Error('x')
        },
      },
    }).chat.completions.create({ provider: 'mistral', model: 'mistral-small-latest', messages: hello })
    expect(completion.choices[0]?.message.content).toBe('You said: Hello!')
    expect(lines).toEqual([])
  })
})
