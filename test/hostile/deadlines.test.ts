/**
 * Real deadlines on both transports: `timeout` bounds the whole non-streaming response (connect,
 * headers, body) and a stream's wait for its headers; `idleTimeout` bounds the silence between
 * complete SSE lines — a comment line is life, bytes of a line that never ends are not.
 */
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APIConnectionTimeoutError, TokenJS } from 'token.js'
import {
  API_KEY,
  collect,
  completionJson,
  hello,
  JSON_HEADERS,
  MODEL,
  rejectionOf,
  SSE_HEADERS,
  sseChunk,
  transports,
  useHostileServer,
} from './support.js'

const server = useHostileServer()
const chat = { provider: 'mistral' as const, model: MODEL, messages: hello }

/** A raw TCP server that sends the start of a response's headers and then nothing. */
let halfHeaders: net.Server
let halfHeadersPort = 0
beforeAll(async () => {
  halfHeaders = net.createServer((socket) => {
    socket.on('data', () => socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nx-slow: '))
    socket.on('error', () => {})
  })
  await new Promise<void>((resolve) => halfHeaders.listen(0, '127.0.0.1', resolve))
  halfHeadersPort = (halfHeaders.address() as net.AddressInfo).port
})
afterAll(() => new Promise<void>((resolve) => halfHeaders.close(() => resolve())))

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now()
  const value = await run()
  return { value, ms: performance.now() - started }
}

describe.each(transports)('%s', (_name, transportOptions) => {
  it('timeout bounds a body dripping 1 byte every 100 ms (timeout 1000 ms)', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, JSON_HEADERS)
      const body = completionJson()
      let sent = 0
      const timer = setInterval(() => {
        response.write(body.slice(sent, sent + 1))
        if (++sent === body.length) {
          clearInterval(timer)
          response.end()
        }
      }, 100)
      response.on('close', () => clearInterval(timer))
    })
    const client = server.client({ ...transportOptions, timeout: 1_000 })
    const { value: error, ms } = await timed(() => rejectionOf(client.chat.completions.create(chat)))
    expect(error).toBeInstanceOf(APIConnectionTimeoutError)
    expect(ms).toBeGreaterThanOrEqual(950)
    expect(ms).toBeLessThan(2_500)
    console.log(`[hostile] ${_name}: dripping body → timeout after ${ms.toFixed(0)} ms (timeout 1000)`)
  })

  it('timeout bounds a body that never ends, and stops reading it', async () => {
    let written = 0
    server.handle((_request, response) => {
      response.writeHead(200, JSON_HEADERS)
      response.write('{"id":"x","padding":"')
      const piece = 'x'.repeat(16_384)
      const pump = (): void => {
        while (response.write(piece)) written += piece.length
        written += piece.length
      }
      response.on('drain', pump)
      pump()
    })
    const client = server.client({ ...transportOptions, timeout: 1_000, maxResponseSize: 1024 * 1024 * 1024 })
    const { value: error, ms } = await timed(() => rejectionOf(client.chat.completions.create(chat)))
    expect(error).toBeInstanceOf(APIConnectionTimeoutError)
    expect(ms).toBeLessThan(2_500)
    const atTimeout = written
    await new Promise((resolve) => setTimeout(resolve, 200))
    // The connection was closed: the server cannot write more than what sat in the socket buffers.
    expect(written - atTimeout).toBeLessThan(8 * 1024 * 1024)
    console.log(`[hostile] ${_name}: endless body → timeout after ${ms.toFixed(0)} ms (timeout 1000)`)
  })

  it('timeout bounds headers that never finish', async () => {
    const client = new TokenJS({
      apiKey: API_KEY,
      baseURL: `http://127.0.0.1:${halfHeadersPort}/v1`,
      maxRetries: 0,
      timeout: 1_000,
      ...transportOptions,
    })
    const { value: error, ms } = await timed(() => rejectionOf(client.chat.completions.create(chat)))
    expect(error).toBeInstanceOf(APIConnectionTimeoutError)
    expect(ms).toBeGreaterThanOrEqual(950)
    expect(ms).toBeLessThan(2_500)
    console.log(`[hostile] ${_name}: unfinished headers → timeout after ${ms.toFixed(0)} ms (timeout 1000)`)
  })

  it('timeout bounds the wait for a stream’s headers, not the stream itself', async () => {
    server.handle((_request, response) => {
      setTimeout(() => {
        response.writeHead(200, SSE_HEADERS)
        let index = 0
        const timer = setInterval(() => {
          index++
          if (index < 8) response.write(sseChunk(`w${index} `))
          else {
            clearInterval(timer)
            response.end(`${sseChunk('end', 'stop')}data: [DONE]\n\n`)
          }
        }, 100)
        response.on('close', () => clearInterval(timer))
      }, 200)
    })
    // 900 ms of streaming after headers at 200 ms: over `timeout`, each gap well within `idleTimeout`.
    const client = server.client({ ...transportOptions, timeout: 500, idleTimeout: 400 })
    const chunks = await collect(await client.chat.completions.create({ ...chat, stream: true }))
    expect(chunks).toHaveLength(8)
  })

  it('a stream whose headers never come times out after `timeout`', async () => {
    server.handle(() => {})
    const client = server.client({ ...transportOptions, timeout: 600 })
    const { value: error, ms } = await timed(() =>
      rejectionOf(client.chat.completions.create({ ...chat, stream: true })),
    )
    expect(error).toBeInstanceOf(APIConnectionTimeoutError)
    expect(ms).toBeLessThan(2_000)
  })

  it('idleTimeout: a stream dripping one byte at a time is not alive', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, SSE_HEADERS)
      response.write(sseChunk('first '))
      const line = sseChunk('never completed')
      let sent = 0
      const timer = setInterval(() => response.write(line.slice(sent, ++sent) || ' '), 50)
      response.on('close', () => clearInterval(timer))
    })
    const client = server.client({ ...transportOptions, idleTimeout: 500 })
    const stream = await client.chat.completions.create({ ...chat, stream: true })
    const started = performance.now()
    let chunks = 0
    const error = await rejectionOf(
      (async () => {
        for await (const _chunk of stream) chunks++
      })(),
    )
    const ms = performance.now() - started
    expect(chunks).toBe(1)
    expect(error).toBeInstanceOf(APIConnectionTimeoutError)
    expect((error as Error).message).toMatch(/idleTimeout/)
    expect(ms).toBeGreaterThanOrEqual(450)
    expect(ms).toBeLessThan(2_000)
    console.log(`[hostile] ${_name}: byte-dripping stream → idle timeout after ${ms.toFixed(0)} ms (idleTimeout 500)`)
  })

  it('idleTimeout: comment lines count as life', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, SSE_HEADERS)
      let beats = 0
      const timer = setInterval(() => {
        if (++beats < 8) response.write(': keep-alive\n')
        else {
          clearInterval(timer)
          response.end(`${sseChunk('done', 'stop')}data: [DONE]\n\n`)
        }
      }, 150)
      response.on('close', () => clearInterval(timer))
    })
    const client = server.client({ ...transportOptions, idleTimeout: 500 })
    const chunks = await collect(await client.chat.completions.create({ ...chat, stream: true }))
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content)).toEqual(['done'])
  })

  it('idleTimeout does not run while the consumer is slow', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, SSE_HEADERS)
      let text = ''
      for (let index = 0; index < 200; index++) text += sseChunk(`w${index} `)
      response.end(`${text}${sseChunk('', 'stop')}data: [DONE]\n\n`)
    })
    const client = server.client({ ...transportOptions, idleTimeout: 300 })
    const stream = await client.chat.completions.create({ ...chat, stream: true })
    let count = 0
    for await (const _chunk of stream) {
      if (++count === 10) await new Promise((resolve) => setTimeout(resolve, 700))
    }
    expect(count).toBe(201)
  })
})
