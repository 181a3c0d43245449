/**
 * Retries, timeouts and the caller's AbortSignal, through the public client against the emulator — the
 * whole suite runs once with the default node:http transport and once with `fetch`. Every claim about
 * retries is proven by counting the requests the emulator received.
 */
import { createServer as createHttpServer } from 'node:http'
import { createServer, type AddressInfo, type Server } from 'node:net'
import { describe, expect, it } from 'vitest'
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  TokenJS,
  UnprocessableEntityError,
  type ClientOptions,
} from 'token.js'
import type { ScriptedReply } from '@tokenjs/emulator'
import { useEmulator } from '../e2e/harness.js'
import { abortWhen, collect, contentOf, delay, rejectionOf, transports, waitFor } from './support.js'

const harness = useEmulator({ chunkSize: 4 })
const hello = [{ role: 'user' as const, content: 'Hello!' }]
const ANSWER = 'You said: Hello!'
const quick = { 'retry-after-ms': '1' }

/**
 * Scripts the replies of successive requests (`undefined` = answer normally) and records when each
 * request arrived, so retries and their delays are read from the server's side.
 */
function script(...replies: Array<ScriptedReply | undefined>): { arrivals: number[]; gaps: () => number[] } {
  const arrivals: number[] = []
  harness.emulator.setHandler(() => {
    const reply = replies[arrivals.length]
    arrivals.push(performance.now())
    return reply
  })
  return { arrivals, gaps: () => arrivals.slice(1).map((at, index) => at - (arrivals[index] as number)) }
}

/** A localhost port with nothing listening (connection refused). */
async function closedPort(): Promise<number> {
  const server: Server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

function sseChunk(content: string, finish: string | null = null): string {
  const chunk = {
    id: 'x',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'mistral-large-latest',
    choices: [{ index: 0, delta: { content }, finish_reason: finish }],
  }
  return `data: ${JSON.stringify(chunk)}\n\n`
}

/**
 * One real-time run of the backoff through the public client, so the default sleep is a real timer; the
 * delays for every server hint, on both transports, are read from a recording clock in
 * backoff-clock.test.ts.
 */
describe('backoff in real time (node:http transport)', () => {
  it('waits ≥ 375 ms, then ≥ 750 ms without a server hint (500 ms × 2^n minus ≤ 25% jitter)', async () => {
    const plain503: ScriptedReply = { kind: 'http', status: 503 }
    const timing = script(plain503, plain503)
    const client = new TokenJS({ apiKey: harness.emulator.apiKey, baseURL: harness.emulator.url })
    const completion = await client.chat.completions.create({
      provider: 'mistral',
      model: 'mistral-large-latest',
      messages: hello,
    })
    expect(await contentOf(completion)).toBe(ANSWER)
    const [first, second] = timing.gaps()
    expect(timing.arrivals).toHaveLength(3)
    expect(first).toBeGreaterThanOrEqual(370)
    expect(second).toBeGreaterThanOrEqual(740)
  })
})

describe.each(transports)('%s', (_transport, transportOptions) => {
  /** A client on the emulator with this transport; `maxRetries` is the library default unless given. */
  const client = (options: ClientOptions = {}) =>
    new TokenJS({ apiKey: harness.emulator.apiKey, baseURL: harness.emulator.url, ...transportOptions, ...options })
  type Request = Parameters<TokenJS['chat']['completions']['create']>[1]
  const createStream = (options: ClientOptions = {}, request: Request = {}) =>
    client(options).chat.completions.create(
      { provider: 'mistral', model: 'mistral-large-latest', messages: hello, stream: true },
      request,
    )
  const create = (options: ClientOptions = {}, request: Request = {}, stream = false) =>
    stream
      ? createStream(options, request)
      : client(options).chat.completions.create(
          { provider: 'mistral', model: 'mistral-large-latest', messages: hello },
          request,
        )

  describe('retries', () => {
    it.each([408, 409, 429, 500, 502, 503, 504])('retries %i, then returns the answer', async (status) => {
      script({ kind: 'http', status, headers: quick })
      expect(await contentOf(await create())).toBe(ANSWER)
      expect(harness.emulator.requests.map((request) => request.status)).toEqual([status, 200])
    })

    it.each([
      [400, BadRequestError],
      [401, AuthenticationError],
      [403, PermissionDeniedError],
      [404, NotFoundError],
      [422, UnprocessableEntityError],
    ])('never retries %i', async (status, errorClass) => {
      script({ kind: 'http', status, headers: quick }, { kind: 'http', status, headers: quick })
      expect(await rejectionOf(create())).toBeInstanceOf(errorClass)
      expect(harness.emulator.requests).toHaveLength(1)
    })

    it('retries twice by default, then throws the last error', async () => {
      const always503: ScriptedReply = { kind: 'http', status: 503, headers: quick }
      script(always503, always503, always503, always503)
      const error = await rejectionOf(create())
      expect(error).toBeInstanceOf(InternalServerError)
      expect(harness.emulator.requests).toHaveLength(3)
    })

    it('maxRetries per client and per request (the request wins)', async () => {
      const always429: ScriptedReply = { kind: 'http', status: 429, headers: quick }
      const replies = Array.from({ length: 10 }, () => always429)
      script(...replies)
      expect(await rejectionOf(create({ maxRetries: 1 }))).toBeInstanceOf(RateLimitError)
      expect(harness.emulator.requests).toHaveLength(2)
      harness.emulator.reset()
      script(...replies)
      expect(await rejectionOf(create({ maxRetries: 3 }, { maxRetries: 0 }))).toBeInstanceOf(RateLimitError)
      expect(harness.emulator.requests).toHaveLength(1)
      harness.emulator.reset()
      script(...replies)
      expect(await rejectionOf(create({ maxRetries: 0 }, { maxRetries: 4 }))).toBeInstanceOf(RateLimitError)
      expect(harness.emulator.requests).toHaveLength(5)
    })

    it('x-should-retry overrides the status (within the budget)', async () => {
      script({ kind: 'http', status: 500, headers: { ...quick, 'x-should-retry': 'false' } })
      expect(await rejectionOf(create())).toBeInstanceOf(InternalServerError)
      expect(harness.emulator.requests).toHaveLength(1)
      harness.emulator.reset()
      script({ kind: 'http', status: 400, headers: { ...quick, 'x-should-retry': 'true' } })
      expect(await contentOf(await create())).toBe(ANSWER)
      expect(harness.emulator.requests).toHaveLength(2)
    })

    it('retries a connection reset, streaming or not', async () => {
      script({ kind: 'reset' })
      expect(await contentOf(await create())).toBe(ANSWER)
      expect(harness.emulator.requests).toHaveLength(2)
      harness.emulator.reset()
      script({ kind: 'reset' }, { kind: 'http', status: 502, headers: quick })
      expect(await contentOf(await create({}, {}, true))).toBe(ANSWER)
      expect(harness.emulator.requests).toHaveLength(3)
    })

    it('a refused connection is an APIConnectionError', async () => {
      // The backoff between attempts is read from a recording clock in backoff-clock.test.ts.
      const port = await closedPort()
      const error = await rejectionOf(
        new TokenJS({
          apiKey: 'k-1234',
          baseURL: `http://127.0.0.1:${port}/v1`,
          ...transportOptions,
          maxRetries: 0,
        }).chat.completions.create({
          provider: 'mistral',
          model: 'mistral-large-latest',
          messages: hello,
        }),
      )
      expect(error).toBeInstanceOf(APIConnectionError)
      expect(error).not.toBeInstanceOf(APIConnectionTimeoutError)
      expect(JSON.stringify(causes(error))).toContain('ECONNREFUSED')
    })

    it('a stream is retried before its first chunk, never after', async () => {
      script({ kind: 'http', status: 503, headers: quick })
      expect(await contentOf(await create({}, {}, true))).toBe(ANSWER)
      expect(harness.emulator.requests).toHaveLength(2)
      harness.emulator.reset()
      script({ kind: 'drop-after-chunks', chunks: 2 }, undefined, undefined)
      const stream = await createStream({ maxRetries: 2 }, {})
      const seen: unknown[] = []
      const error = await rejectionOf(
        (async () => {
          for await (const chunk of stream) seen.push(chunk)
        })(),
      )
      expect(error).toBeInstanceOf(APIConnectionError)
      expect(seen.length).toBeGreaterThan(0)
      await delay(100)
      expect(harness.emulator.requests).toHaveLength(1)
    })
  })

  describe('timeouts', () => {
    it('a hang is an APIConnectionTimeoutError; with maxRetries 0 exactly one request', async () => {
      script({ kind: 'hang' }, { kind: 'hang' })
      const error = await rejectionOf(create({ timeout: 200, maxRetries: 0 }))
      expect(error).toBeInstanceOf(APIConnectionTimeoutError)
      expect(error).toBeInstanceOf(APIConnectionError)
      await delay(100)
      expect(harness.emulator.requests).toHaveLength(1)
    })

    it('a timeout is retried like a connection error; the per-request timeout wins', async () => {
      script({ kind: 'hang' })
      expect(await contentOf(await create({ maxRetries: 1 }, { timeout: 200 }))).toBe(ANSWER)
      expect(harness.emulator.requests).toHaveLength(2)
      harness.emulator.reset()
      // The client's timeout applies without a per-request one (the retry count of timeouts, with its
      // backoff, is read from a recording clock in backoff-clock.test.ts).
      script({ kind: 'hang' }, { kind: 'hang' })
      expect(await rejectionOf(create({ timeout: 150, maxRetries: 0 }))).toBeInstanceOf(APIConnectionTimeoutError)
      expect(harness.emulator.requests).toHaveLength(1)
    })

    it('a stream whose headers never come times out', async () => {
      script({ kind: 'hang' })
      expect(await rejectionOf(create({ timeout: 200, maxRetries: 0 }, {}, true))).toBeInstanceOf(
        APIConnectionTimeoutError,
      )
      expect(harness.emulator.requests).toHaveLength(1)
    })

    it('for a stream the timeout covers the headers: a stream longer than it, with steady chunks, completes', async () => {
      script({ kind: 'split', chunkBytes: 80, delayMs: 60 })
      const started = performance.now()
      // idleTimeout apart from timeout: this test is about what `timeout` bounds, and the idle clock runs
      // between complete lines, which several 80-byte pieces make up (marginal on a loaded machine).
      expect(await contentOf(await create({ timeout: 300, maxRetries: 0 }, { idleTimeout: 5_000 }, true))).toBe(ANSWER)
      expect(performance.now() - started).toBeGreaterThan(300)
    })

    it('idleTimeout bounds the silence between chunks; nothing is retried after the headers', async () => {
      script({ kind: 'split', chunkBytes: 40, delayMs: 400 }, undefined)
      const stream = await createStream({ maxRetries: 2 }, { idleTimeout: 100 })
      expect(await rejectionOf(collect(stream))).toBeInstanceOf(APIConnectionTimeoutError)
      expect(harness.emulator.requests).toHaveLength(1)
    })

    it('the idle clock stops while the consumer is slow (socket paused), and runs again once it catches up', async () => {
      // A plain server with exact timing: one event, 100 ms later a burst of 100 events (the consumer is
      // busy, so the queue passes its high-water mark and the socket is paused), then 3 s of silence.
      const server = createHttpServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/event-stream' })
        response.write(sseChunk('first'))
        const burst = setTimeout(() => response.write(Array.from({ length: 100 }, () => sseChunk('a')).join('')), 100)
        const rest = setTimeout(() => response.end(sseChunk('', 'stop') + 'data: [DONE]\n\n'), 3_000)
        response.on('close', () => {
          clearTimeout(burst)
          clearTimeout(rest)
        })
      })
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      const { port } = server.address() as AddressInfo
      try {
        const stream = await new TokenJS({
          apiKey: 'k-1234',
          baseURL: `http://127.0.0.1:${port}/v1`,
          ...transportOptions,
          maxRetries: 0,
        }).chat.completions.create(
          { provider: 'mistral', model: 'mistral-large-latest', messages: hello, stream: true },
          { idleTimeout: 300 },
        )
        let count = 0
        let drainedAt = 0
        const error = await rejectionOf(
          (async () => {
            for await (const _chunk of stream) {
              // Slower than the idle timeout while data is queued: that is not server silence.
              if (count++ === 0) await delay(800)
              drainedAt = performance.now()
            }
          })(),
        )
        const failedAt = performance.now()
        expect(count).toBe(101)
        expect(error).toBeInstanceOf(APIConnectionTimeoutError)
        // The timeout measured the silence after the consumer caught up, not the consumer's own pause.
        expect(failedAt - drainedAt).toBeGreaterThanOrEqual(250)
      } finally {
        server.closeAllConnections()
        await new Promise((resolve) => server.close(resolve))
      }
    })

    it('a response body that stalls after the headers times out', async () => {
      script({ kind: 'split', splitAt: [20], delayMs: 2_000 })
      expect(await rejectionOf(create({ timeout: 300, maxRetries: 0 }))).toBeInstanceOf(APIConnectionTimeoutError)
    })
  })

  describe('abort', () => {
    const reason = () => new Error('user left')

    it.each([false, true])('an already aborted signal sends nothing (stream: %s)', async (stream) => {
      const controller = new AbortController()
      const why = reason()
      controller.abort(why)
      const before = harness.emulator.openConnections()
      const error = await rejectionOf(create({}, { signal: controller.signal }, stream))
      expect(error).toBeInstanceOf(APIUserAbortError)
      expect((error as Error).cause).toBe(why)
      await delay(50)
      expect(harness.emulator.requests).toHaveLength(0)
      expect(harness.emulator.openConnections()).toBeLessThanOrEqual(before)
    })

    it.each([false, true])(
      'aborting while waiting for the response: APIUserAbortError, never retried (stream: %s)',
      async (stream) => {
        const timing = script({ kind: 'hang' }, { kind: 'hang' }, { kind: 'hang' })
        const before = harness.emulator.openConnections()
        const controller = new AbortController()
        const why = reason()
        abortWhen(controller, () => timing.arrivals.length > 0, why)
        const error = await rejectionOf(create({ maxRetries: 2 }, { signal: controller.signal }, stream))
        expect(error).toBeInstanceOf(APIUserAbortError)
        expect((error as Error).cause).toBe(why)
        await delay(100)
        expect(harness.emulator.requests).toHaveLength(1)
        expect(await waitFor(() => harness.emulator.openConnections() <= before)).toBe(true)
      },
    )

    it('aborting during a backoff sleep rejects at once, after one request', async () => {
      const timing = script({ kind: 'http', status: 429, headers: { 'retry-after-ms': '5000' } })
      const controller = new AbortController()
      const why = reason()
      // Polled every 10 ms after the 429 arrived: the client is in its 5 s sleep by then.
      abortWhen(controller, () => timing.arrivals.length > 0, why)
      const started = performance.now()
      const error = await rejectionOf(create({ maxRetries: 2 }, { signal: controller.signal }))
      const elapsed = performance.now() - started
      expect(error).toBeInstanceOf(APIUserAbortError)
      expect((error as Error).cause).toBe(why)
      // The 5 s sleep was cut short (a behaviour, not a speed claim: without abort this takes ≥ 5 s).
      expect(elapsed).toBeLessThan(2_500)
      await delay(100)
      expect(harness.emulator.requests).toHaveLength(1)
    })

    it('aborting while a response body is read', async () => {
      const timing = script({ kind: 'split', splitAt: [20], delayMs: 1_000 })
      const controller = new AbortController()
      const why = reason()
      const before = harness.emulator.openConnections()
      // The first 20 bytes go out as the request arrives; the rest 1 s later.
      abortWhen(
        controller,
        () => timing.arrivals.length > 0 && performance.now() - (timing.arrivals[0] as number) > 150,
        why,
      )
      const error = await rejectionOf(create({}, { signal: controller.signal }))
      expect(error).toBeInstanceOf(APIUserAbortError)
      expect((error as Error).cause).toBe(why)
      expect(harness.emulator.requests).toHaveLength(1)
      expect(await waitFor(() => harness.emulator.openConnections() <= before)).toBe(true)
    })

    it('aborting a running stream: APIUserAbortError with the reason, connection released', async () => {
      script({ kind: 'split', chunkBytes: 16, delayMs: 15 })
      const before = harness.emulator.openConnections()
      const controller = new AbortController()
      const why = reason()
      const stream = await createStream({}, { signal: controller.signal })
      let seen = 0
      const error = await rejectionOf(
        (async () => {
          for await (const _chunk of stream) {
            seen++
            controller.abort(why)
          }
        })(),
      )
      expect(error).toBeInstanceOf(APIUserAbortError)
      expect((error as Error).cause).toBe(why)
      expect(seen).toBe(1)
      expect(harness.emulator.requests).toHaveLength(1)
      expect(await waitFor(() => harness.emulator.openConnections() <= before)).toBe(true)
    })

    it("abort() without a reason: the cause is the signal's AbortError", async () => {
      const timing = script({ kind: 'hang' })
      const controller = new AbortController()
      abortWhen(controller, () => timing.arrivals.length > 0)
      const error = await rejectionOf(create({}, { signal: controller.signal }))
      expect(error).toBeInstanceOf(APIUserAbortError)
      expect((error as Error).cause).toBe(controller.signal.reason)
      expect(((error as Error).cause as Error).name).toBe('AbortError')
    })

    it('a signal that fires after success changes nothing (its listener is gone)', async () => {
      const controller = new AbortController()
      expect(await contentOf(await create({}, { signal: controller.signal }))).toBe(ANSWER)
      controller.abort(reason())
      expect(await contentOf(await create({}, {}))).toBe(ANSWER)
      expect(harness.emulator.requests).toHaveLength(2)
    })
  })
})

function causes(error: unknown): unknown[] {
  const chain: unknown[] = []
  for (
    let current = error;
    current !== undefined && chain.length < 10;
    current = (current as { cause?: unknown }).cause
  ) {
    chain.push(
      current instanceof Error
        ? { name: current.name, message: current.message, code: (current as { code?: unknown }).code }
        : current,
    )
  }
  return chain
}
