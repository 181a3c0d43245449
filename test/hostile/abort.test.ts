/**
 * Abort always works: a signal, `stream.controller.abort()` and `break` stop delivery at once, whatever
 * the transport already buffered, with no uncaught error, and the abort listener is gone once the
 * request ends (so a pooled socket never carries it). Each case runs 1,000 times on both transports.
 */
import { getEventListeners } from 'node:events'
import { describe, expect, it } from 'vitest'
import { APIUserAbortError, type ChatCompletionChunk } from 'token.js'
import {
  countUncaught,
  delay,
  hello,
  MODEL,
  rejectionOf,
  SSE_HEADERS,
  sseChunk,
  sseStream,
  transports,
  useHostileServer,
} from './support.js'

const server = useHostileServer()
const ROUNDS = 1_000
const params = { provider: 'mistral' as const, model: MODEL, messages: hello, stream: true as const }

/** Reads until chunk 2, then stops the way `how` says; returns the chunks seen and the loop's error. */
async function stopAtSecond(
  stream: AsyncIterable<ChatCompletionChunk> & { controller: AbortController },
  how: 'signal' | 'controller' | 'break',
  controller: AbortController,
): Promise<{ seen: number; error: unknown }> {
  let seen = 0
  try {
    for await (const _chunk of stream) {
      seen++
      if (seen === 2) {
        if (how === 'break') break
        if (how === 'signal') controller.abort()
        else stream.controller.abort()
      }
    }
  } catch (error) {
    return { seen, error }
  }
  return { seen, error: undefined }
}

describe.each(transports)('%s', (_name, transportOptions) => {
  for (const how of ['signal', 'controller', 'break'] as const) {
    it(
      `unpaced (every chunk already arrived): ${how} stops at chunk 2, ${ROUNDS} times, nothing uncaught`,
      { timeout: 120_000 },
      async () => {
        server.handle((_request, response) => {
          response.writeHead(200, SSE_HEADERS)
          response.end(sseStream(20))
        })
        const client = server.client(transportOptions)
        const listeners: number[] = []
        const uncaught = await countUncaught(async () => {
          for (let round = 0; round < ROUNDS; round++) {
            const controller = new AbortController()
            const stream = await client.chat.completions.create(params, { signal: controller.signal })
            const { seen, error } = await stopAtSecond(stream, how, controller)
            expect(seen).toBe(2)
            if (how === 'signal') expect(error).toBeInstanceOf(APIUserAbortError)
            else expect(error).toBeUndefined()
            listeners.push(getEventListeners(controller.signal, 'abort').length)
          }
        })
        expect(uncaught).toEqual([])
        // The transport's listener is gone once the stream stopped (the stream's own is gone too).
        expect(listeners.filter((count) => count > 0)).toEqual([])
      },
    )
  }

  it(
    `paced (chunks still coming): the signal stops at chunk 2, ${ROUNDS} times, nothing uncaught`,
    { timeout: 120_000 },
    async () => {
      server.handle((_request, response) => {
        response.writeHead(200, SSE_HEADERS)
        response.write(sseChunk('one '))
        response.write(sseChunk('two '))
        const timer = setTimeout(() => response.end(sseStream(5)), 2)
        response.on('close', () => clearTimeout(timer))
      })
      const client = server.client(transportOptions)
      const uncaught = await countUncaught(async () => {
        for (let round = 0; round < ROUNDS; round++) {
          const controller = new AbortController()
          const stream = await client.chat.completions.create(params, { signal: controller.signal })
          const { seen, error } = await stopAtSecond(stream, 'signal', controller)
          expect(seen).toBe(2)
          expect(error).toBeInstanceOf(APIUserAbortError)
        }
      })
      expect(uncaught).toEqual([])
    },
  )

  it(
    `socket reused before the abort: the first stream stops, the second is untouched, ${ROUNDS} times`,
    { timeout: 120_000 },
    async () => {
      server.handle((_request, response) => {
        response.writeHead(200, SSE_HEADERS)
        response.end(sseStream(4))
      })
      const client = server.client(transportOptions)
      const uncaught = await countUncaught(async () => {
        for (let round = 0; round < ROUNDS; round++) {
          const controller = new AbortController()
          const first = await client.chat.completions.create(params, { signal: controller.signal })
          const iterator = first[Symbol.asyncIterator]()
          await iterator.next()
          // Let the first body end and its socket go back to the pool, then reuse it.
          await delay(0)
          const second = await client.chat.completions.create(params)
          controller.abort()
          const error = await rejectionOf(iterator.next())
          expect(error).toBeInstanceOf(APIUserAbortError)
          let count = 0
          for await (const _chunk of second) count++
          expect(count).toBe(4)
          expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
        }
      })
      expect(uncaught).toEqual([])
    },
  )

  it('an abort before the headers rejects create() and sends nothing more', async () => {
    server.handle(() => {
      // Never answers.
    })
    const client = server.client(transportOptions)
    const controller = new AbortController()
    const pending = client.chat.completions.create(params, { signal: controller.signal })
    await delay(50)
    controller.abort(new Error('user left'))
    const error = await rejectionOf(pending)
    expect(error).toBeInstanceOf(APIUserAbortError)
    expect((error as Error).cause).toEqual(new Error('user left'))
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
  })

  it('a non-streaming call detaches its abort listener when it ends', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(
        JSON.stringify({
          id: 'a',
          object: 'chat.completion',
          created: 1,
          model: MODEL,
          choices: [{ index: 0, message: { role: 'assistant', content: 'Hi' }, finish_reason: 'stop' }],
        }),
      )
    })
    const client = server.client(transportOptions)
    const controller = new AbortController()
    await client.chat.completions.create(
      { provider: 'mistral', model: MODEL, messages: hello },
      { signal: controller.signal },
    )
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
    controller.abort()
  })
})
