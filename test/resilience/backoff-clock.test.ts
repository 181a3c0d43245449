/**
 * The backoff wiring of `sendRequest` with a recording clock: which delay the loop asks for between
 * attempts (server hints read through each transport, exponential backoff, the 60 s cap), without
 * waiting for it. The delays themselves come from the pure policy (test/unit/retry-policy.test.ts); the
 * public client's real-time behaviour (a real sleep, abort during a sleep) stays in
 * retry-timeout-abort.test.ts. A plain loopback server scripts the replies; nothing is mocked.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { APIConnectionError, APIConnectionTimeoutError, InternalServerError, RateLimitError } from 'token.js'
import { createFetchTransport } from '../../src/core/fetch-transport.js'
import { createNodeTransport } from '../../src/core/node-transport.js'
import { sendRequest, type SendOptions } from '../../src/core/send-request.js'
import type { Transport } from '../../src/core/transport.js'
import { providers } from '../../src/providers/index.js'
import { rejectionOf } from './support.js'

/** One scripted reply: a status with headers, or a hang (no answer until the client gives up). */
type Reply = { status: number; headers?: Record<string, string> } | 'hang'

let server: Server
let url: string
let replies: Reply[] = []
let arrivals = 0

beforeAll(async () => {
  server = createServer((_request: IncomingMessage, response: ServerResponse) => {
    const reply = replies[arrivals++] ?? { status: 200 }
    if (reply === 'hang') return
    response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers })
    response.end(reply.status === 200 ? '{"ok":true}' : '{"message":"scripted"}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/models`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})
beforeEach(() => {
  replies = []
  arrivals = 0
})

/** A clock that records every backoff asked for and returns at once. */
function recordingClock(): { slept: number[]; sleep: NonNullable<SendOptions['sleep']> } {
  const slept: number[] = []
  return {
    slept,
    sleep: (ms) => {
      slept.push(ms)
      return Promise.resolve()
    },
  }
}

const transports: Array<[string, () => Transport]> = [
  ['node:http transport', () => createNodeTransport()],
  ['fetch transport', () => createFetchTransport(globalThis.fetch)],
]

describe.each(transports)('%s', (_name, makeTransport) => {
  const send = (script: Reply[], options: Partial<SendOptions> = {}) => {
    replies = script
    const clock = recordingClock()
    const done = sendRequest({
      transport: makeTransport(),
      provider: providers.mistral,
      method: 'GET',
      url,
      headers: { authorization: 'Bearer k-1234' },
      body: undefined,
      signal: undefined,
      timeoutMs: 5_000,
      maxRetries: 2,
      redact: (text) => text,
      secretHeaders: ['authorization'],
      sleep: clock.sleep,
      ...options,
    })
    return { done, slept: clock.slept }
  }

  it('backs off exponentially without a server hint: 500 ms × 2^n minus ≤ 25% jitter', async () => {
    const { done, slept } = send([{ status: 503 }, { status: 503 }])
    expect((await done).status).toBe(200)
    expect(arrivals).toBe(3)
    expect(slept).toHaveLength(2)
    expect(slept[0]).toBeGreaterThanOrEqual(375)
    expect(slept[0]).toBeLessThanOrEqual(500)
    expect(slept[1]).toBeGreaterThanOrEqual(750)
    expect(slept[1]).toBeLessThanOrEqual(1_000)
  })

  it('honours retry-after-ms exactly', async () => {
    const { done, slept } = send([{ status: 429, headers: { 'retry-after-ms': '1200' } }])
    expect((await done).status).toBe(200)
    expect(slept).toEqual([1_200])
  })

  it('honours Retry-After in seconds', async () => {
    const { done, slept } = send([{ status: 503, headers: { 'retry-after': '1' } }])
    expect((await done).status).toBe(200)
    expect(slept).toEqual([1_000])
  })

  it('honours Retry-After as an HTTP date (whole seconds on the wire)', async () => {
    const at = new Date(Math.ceil((Date.now() + 1_500) / 1_000) * 1_000)
    const { done, slept } = send([{ status: 429, headers: { 'retry-after': at.toUTCString() } }])
    expect((await done).status).toBe(200)
    expect(slept).toHaveLength(1)
    expect(slept[0]).toBeGreaterThan(1_000)
    expect(slept[0]).toBeLessThanOrEqual(2_500)
  })

  it('ignores a server delay beyond the 60 s cap and backs off instead', async () => {
    const { done, slept } = send([
      { status: 429, headers: { 'retry-after-ms': '90000' } },
      { status: 503, headers: { 'retry-after': '120' } },
    ])
    expect((await done).status).toBe(200)
    expect(slept).toHaveLength(2)
    expect(slept[0]).toBeLessThanOrEqual(500)
    expect(slept[1]).toBeLessThanOrEqual(1_000)
  })

  it('no backoff after the last attempt: the last error is thrown', async () => {
    const { done, slept } = send([{ status: 429 }, { status: 429 }, { status: 429 }, { status: 429 }])
    expect(await rejectionOf(done)).toBeInstanceOf(RateLimitError)
    expect(arrivals).toBe(3)
    expect(slept).toHaveLength(2)
  })

  it('a non-retryable status never sleeps', async () => {
    const { done, slept } = send([{ status: 400 }])
    expect(((await rejectionOf(done)) as { status: number }).status).toBe(400)
    expect(slept).toEqual([])
  })

  it('timeouts back off like any connection error, then the last one is thrown', async () => {
    const { done, slept } = send(['hang', 'hang', 'hang'], { timeoutMs: 100 })
    expect(await rejectionOf(done)).toBeInstanceOf(APIConnectionTimeoutError)
    expect(arrivals).toBe(3)
    expect(slept).toHaveLength(2)
    expect(slept[0]).toBeGreaterThanOrEqual(375)
    expect(slept[1]).toBeGreaterThanOrEqual(750)
  })

  it('a refused connection backs off before each retry', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as AddressInfo
    await new Promise((resolve) => closed.close(resolve))
    const { done, slept } = send([], { url: `http://127.0.0.1:${port}/v1/models`, maxRetries: 1 })
    const error = await rejectionOf(done)
    expect(error).toBeInstanceOf(APIConnectionError)
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError)
    expect(slept).toHaveLength(1)
    expect(slept[0]).toBeGreaterThanOrEqual(375)
  })

  it('the clock gets the caller’s signal, and its rejection ends the request', async () => {
    replies = [{ status: 503 }]
    const controller = new AbortController()
    const seen: Array<AbortSignal | undefined> = []
    const stop = new Error('clock stopped')
    const error = await rejectionOf(
      sendRequest({
        transport: makeTransport(),
        provider: providers.mistral,
        method: 'GET',
        url,
        headers: {},
        body: undefined,
        signal: controller.signal,
        timeoutMs: 5_000,
        maxRetries: 2,
        redact: (text) => text,
        secretHeaders: ['authorization'],
        sleep: (_ms, signal) => {
          seen.push(signal)
          return Promise.reject(stop)
        },
      }),
    )
    expect(error).toBe(stop)
    expect(seen).toEqual([controller.signal])
    expect(arrivals).toBe(1)
  })

  it('a 5xx that ends the budget is the typed error', async () => {
    const { done } = send([{ status: 500 }, { status: 500 }, { status: 500 }])
    expect(await rejectionOf(done)).toBeInstanceOf(InternalServerError)
  })
})
