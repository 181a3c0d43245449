/**
 * Middleware (issue 21): params, results and chunks transformed, a cache answering without a network
 * call (the emulator sees one request), the documented order, and bad middleware refused before any I/O.
 */
import { describe, expect, it } from 'vitest'
import {
  ChatCompletionStream,
  InputError,
  type ChatCompletion,
  type ChatCompletionChunk,
  type Middleware,
} from 'token.js'
import { useEmulator } from '../e2e/harness.js'

const harness = useEmulator()
const hello = [{ role: 'user' as const, content: 'Hello!' }]
const params = { provider: 'mistral' as const, model: 'mistral-small-latest', messages: hello }

/** A cache of non-streaming answers keyed by the params, the test case of the issue. */
function cacheMiddleware(): Middleware & { hits: number } {
  const cache = new Map<string, unknown>()
  const middleware = {
    name: 'cache',
    hits: 0,
    async wrapGenerate(call: Parameters<NonNullable<Middleware['wrapGenerate']>>[0]) {
      const key = JSON.stringify([call.operation, call.params])
      const cached = cache.get(key)
      if (cached !== undefined) {
        middleware.hits++
        return cached as ChatCompletion
      }
      const result = await call.next()
      cache.set(key, result)
      return result
    },
  }
  return middleware
}

describe('a cache middleware', () => {
  it('serves the second identical call from the cache: the emulator sees one request', async () => {
    const cache = cacheMiddleware()
    const client = harness.client({ middleware: [cache] })
    const first = await client.chat.completions.create(params)
    const second = await client.chat.completions.create(params)
    expect(second).toEqual(first)
    expect(cache.hits).toBe(1)
    expect(harness.emulator.requests).toHaveLength(1)
    // Different params are a different key: a second request.
    await client.chat.completions.create({ ...params, temperature: 0.5 })
    expect(harness.emulator.requests).toHaveLength(2)
  })

  it('a cache hit has no HTTP exchange: withResponse() gives a 200 with the data as JSON, the cached request id', async () => {
    const client = harness.client({ middleware: [cacheMiddleware()] })
    const first = await client.chat.completions.create(params)
    const { data, response, request_id } = await client.chat.completions.create(params).withResponse()
    expect(data).toBe(first)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(first)))
    expect(request_id).toBe(first._request_id)
    expect(harness.emulator.requests).toHaveLength(1)
  })
})

describe('transforming params, results and chunks', () => {
  it('transformParams: the request sent carries what the middleware returned', async () => {
    const client = harness.client({
      middleware: [{ transformParams: ({ params: given }) => ({ ...given, temperature: 0.25, max_tokens: 64 }) }],
    })
    await client.chat.completions.create(params)
    expect(harness.lastBody()).toMatchObject({ temperature: 0.25, max_tokens: 64 })
  })

  it('params a middleware returns are validated like the caller’s: InputError before any I/O', async () => {
    const client = harness.client({
      middleware: [{ transformParams: ({ params: given }) => ({ ...given, temperature: 'hot' }) as never }],
    })
    await expect(client.chat.completions.create(params)).rejects.toBeInstanceOf(InputError)
    const broken = harness.client({ middleware: [{ transformParams: () => 42 as never }] })
    await expect(broken.chat.completions.create(params)).rejects.toThrow('transformParams must return a params object')
    expect(harness.emulator.requests).toHaveLength(0)
  })

  it('wrapGenerate changes the result', async () => {
    const shout: Middleware = {
      async wrapGenerate(call) {
        const result = await call.next()
        if (call.operation !== 'chat') return result
        const completion = result as ChatCompletion
        const choice = completion.choices[0]
        if (choice === undefined) return completion
        const content = choice.message.content?.toUpperCase() ?? null
        return { ...completion, choices: [{ ...choice, message: { ...choice.message, content } }] }
      },
    }
    const completion = await harness.client().chat.completions.create(params, { middleware: [shout] })
    expect(completion.choices[0]?.message.content).toBe('YOU SAID: HELLO!')
  })

  it('wrapStream maps chunks: the result is a full stream (finalCompletion works)', async () => {
    const shout: Middleware = {
      async wrapStream(call) {
        const stream = (await call.next()) as ChatCompletionStream
        return (async function* () {
          for await (const chunk of stream) {
            yield {
              ...chunk,
              choices: chunk.choices.map((choice) => ({
                ...choice,
                delta: { ...choice.delta, content: choice.delta.content?.toUpperCase() ?? null },
              })),
            } satisfies ChatCompletionChunk
          }
        })()
      },
    }
    const stream = await harness.client({ middleware: [shout] }).chat.completions.create({ ...params, stream: true })
    expect(stream).toBeInstanceOf(ChatCompletionStream)
    const completion = await stream.finalCompletion()
    expect(completion.choices[0]?.message.content).toBe('YOU SAID: HELLO!')
  })

  it('a stream replayed from memory (no network)', async () => {
    const recorded: ChatCompletionChunk[] = []
    const replay: Middleware = {
      async wrapStream(call) {
        if (recorded.length > 0)
          // eslint-disable-next-line @typescript-eslint/require-await -- replays recorded chunks: nothing to wait for
          return (async function* () {
            yield* recorded
          })()
        const stream = (await call.next()) as ChatCompletionStream
        return (async function* () {
          for await (const chunk of stream) {
            recorded.push(chunk)
            yield chunk
          }
        })()
      },
    }
    const client = harness.client({ middleware: [replay] })
    let first = ''
    for await (const chunk of await client.chat.completions.create({ ...params, stream: true }))
      first += chunk.choices[0]?.delta.content ?? ''
    let second = ''
    for await (const chunk of await client.chat.completions.create({ ...params, stream: true }))
      second += chunk.choices[0]?.delta.content ?? ''
    expect(second).toBe(first)
    expect(first).toBe('You said: Hello!')
    expect(harness.emulator.requests).toHaveLength(1)
  })

  it('stopping a wrapped stream early returns the middleware iterable, which stops the inner stream', async () => {
    harness.emulator.enqueue({ kind: 'reply', content: 'word '.repeat(400) })
    let read = 0
    let innerStopped = false
    const passThrough: Middleware = {
      async wrapStream(call) {
        const stream = (await call.next()) as ChatCompletionStream
        return (async function* () {
          try {
            for await (const chunk of stream) {
              read++
              yield chunk
            }
          } finally {
            innerStopped = true
          }
        })()
      },
    }
    const stream = await harness
      .client({ middleware: [passThrough] })
      .chat.completions.create({ ...params, stream: true })
    for await (const _chunk of stream) break
    await expect.poll(() => innerStopped).toBe(true)
    expect(read).toBeLessThan(250)
  })
})

describe('order and checks', () => {
  it('client middleware, then request middleware, in array order; each transformParams before its wrap', async () => {
    const log: string[] = []
    const layer = (name: string): Middleware => ({
      name,
      transformParams: ({ params: given }) => {
        log.push(`${name}.transformParams`)
        return given
      },
      async wrapGenerate(call) {
        log.push(`${name}.enter`)
        const result = await call.next()
        log.push(`${name}.exit`)
        return result
      },
    })
    await harness.client({ middleware: [layer('a'), layer('b')] }).chat.completions.create(params, {
      middleware: [layer('c')],
    })
    expect(log).toEqual([
      'a.transformParams',
      'a.enter',
      'b.transformParams',
      'b.enter',
      'c.transformParams',
      'c.enter',
      'c.exit',
      'b.exit',
      'a.exit',
    ])
  })

  it('every endpoint goes through middleware, named by operation', async () => {
    const seen: string[] = []
    const client = harness.client({
      middleware: [{ transformParams: ({ operation, params: given }) => (seen.push(operation), given) }],
    })
    await client.embeddings.create({ provider: 'mistral', model: 'mistral-embed', input: 'a' })
    await client.completions.create({ provider: 'mistral', model: 'codestral-latest', prompt: 'def f(' })
    await client.models.list({ provider: 'mistral' })
    expect(seen).toEqual(['embeddings', 'completions', 'models'])
  })

  it('a middleware that is not an object of functions is an InputError before any I/O', async () => {
    const client = harness.client({ middleware: [{ wrapGenerate: 'cache' } as never] })
    const error = await client.chat.completions.create(params).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).message).toBe("'middleware[0].wrapGenerate' must be a function.")
    expect(harness.emulator.requests).toHaveLength(0)
  })
})
