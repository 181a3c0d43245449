/**
 * Bounded memory on both transports: `maxResponseSize` caps a body (after Content-Encoding is decoded)
 * and each stream event while they are read, the connection is closed, and the error reaches the
 * caller's `await`. Content-Encoding gzip/deflate/br is decoded on both transports; a UTF-8 BOM is
 * skipped. RSS growth is printed for the oversized and gzip-bomb cases.
 */
import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { ResponseTooLargeError } from 'token.js'
import {
  collect,
  completionJson,
  countUncaught,
  hello,
  JSON_HEADERS,
  MODEL,
  rejectionOf,
  SSE_HEADERS,
  sseStream,
  transports,
  useHostileServer,
  waitFor,
} from './support.js'

const server = useHostileServer()
const chat = { provider: 'mistral' as const, model: MODEL, messages: hello }
const MB = 1024 * 1024

/**
 * A 256 MiB body of spaces, gzipped (≈ 0.25 MB on the wire). Built from one reused 1 MiB buffer, so
 * making it does not move the RSS figures the test reports.
 */
let bomb: Buffer | undefined
async function gzipBomb(): Promise<Buffer> {
  if (bomb !== undefined) return bomb
  const gzip = zlib.createGzip({ level: 9 })
  const pieces: Buffer[] = []
  gzip.on('data', (piece: Buffer) => pieces.push(piece))
  const ended = new Promise((resolve) => gzip.on('end', resolve))
  const spaces = Buffer.alloc(MB, 0x20)
  for (let index = 0; index < 256; index++) {
    if (!gzip.write(spaces)) await new Promise((resolve) => gzip.once('drain', resolve))
  }
  gzip.end()
  await ended
  bomb = Buffer.concat(pieces)
  return bomb
}

function rssMB(): number {
  return process.memoryUsage().rss / MB
}

describe.each(transports)('%s', (name, transportOptions) => {
  it('an endless body stops at maxResponseSize: typed error, socket closed, RSS bounded', async () => {
    let written = 0
    let closed = false
    server.handle((request, response) => {
      request.socket.on('close', () => (closed = true))
      response.writeHead(200, JSON_HEADERS)
      const piece = Buffer.alloc(64 * 1024, 0x20)
      const pump = (): void => {
        while (response.write(piece)) written += piece.length
        written += piece.length
      }
      response.on('drain', pump)
      pump()
    })
    const client = server.client({ ...transportOptions, maxResponseSize: 16 * MB, timeout: 60_000 })
    const before = rssMB()
    let error: unknown
    const uncaught = await countUncaught(async () => {
      error = await rejectionOf(client.chat.completions.create(chat))
    })
    const growth = rssMB() - before
    expect(uncaught).toEqual([])
    expect(error).toBeInstanceOf(ResponseTooLargeError)
    expect((error as ResponseTooLargeError).limit).toBe(16 * MB)
    expect(await waitFor(() => closed)).toBe(true)
    expect(growth).toBeLessThan(200)
    console.log(
      `[hostile] ${name}: endless body, cap 16 MiB → RSS +${growth.toFixed(0)} MB, server wrote ${(written / MB).toFixed(0)} MB`,
    )
  })

  it('the cap stands in for the > 512 MB string case: no ERR_STRING_TOO_LONG, nothing thrown outside the promise', async () => {
    // Without a cap node:http would build one string of the whole body and throw in its end handler;
    // with the default cap the body stops at 64 MiB, far below V8's string limit.
    server.handle((_request, response) => {
      response.writeHead(200, { ...JSON_HEADERS, 'content-length': String(600 * MB) })
      const piece = Buffer.alloc(256 * 1024, 0x61)
      const pump = (): void => {
        while (response.write(piece));
      }
      response.on('drain', pump)
      pump()
    })
    const client = server.client(transportOptions)
    const uncaught = await countUncaught(async () => {
      const error = await rejectionOf(client.chat.completions.create(chat))
      expect(error).toBeInstanceOf(ResponseTooLargeError)
      expect((error as ResponseTooLargeError).limit).toBe(64 * MB)
    })
    expect(uncaught).toEqual([])
  })

  it('a gzip bomb stops at the cap on decoded bytes (RSS bounded)', async () => {
    const body = await gzipBomb()
    server.handle((_request, response) => {
      response.writeHead(200, { ...JSON_HEADERS, 'content-encoding': 'gzip', 'content-length': String(body.length) })
      response.end(body)
    })
    const client = server.client(transportOptions)
    const before = rssMB()
    const error = await rejectionOf(client.chat.completions.create(chat))
    const growth = rssMB() - before
    expect(error).toBeInstanceOf(ResponseTooLargeError)
    expect(growth).toBeLessThan(300)
    console.log(
      `[hostile] ${name}: gzip bomb ${(body.length / MB).toFixed(2)} MB → 256 MiB, default cap 64 MiB → RSS +${growth.toFixed(0)} MB`,
    )
  })

  it('one stream event over the cap fails, even when it never ends', async () => {
    let closed = false
    server.handle((request, response) => {
      request.socket.on('close', () => (closed = true))
      response.writeHead(200, SSE_HEADERS)
      response.write('data: "')
      const piece = 'a'.repeat(64 * 1024)
      const pump = (): void => {
        while (response.write(piece));
      }
      response.on('drain', pump)
      pump()
    })
    const client = server.client({ ...transportOptions, maxResponseSize: 2 * MB })
    const stream = await client.chat.completions.create({ ...chat, stream: true })
    const error = await rejectionOf(collect(stream))
    expect(error).toBeInstanceOf(ResponseTooLargeError)
    expect(await waitFor(() => closed)).toBe(true)
  })

  it('a stream longer than the cap in total is fine: the cap is per event', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, SSE_HEADERS)
      response.end(sseStream(400))
    })
    const client = server.client({ ...transportOptions, maxResponseSize: 4_096 })
    const chunks = await collect(await client.chat.completions.create({ ...chat, stream: true }))
    expect(chunks).toHaveLength(400)
  })

  it('the request option wins over the client option', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, JSON_HEADERS)
      response.end(completionJson('x'.repeat(10_000)))
    })
    const client = server.client({ ...transportOptions, maxResponseSize: 1_000 })
    expect(await rejectionOf(client.chat.completions.create(chat))).toBeInstanceOf(ResponseTooLargeError)
    const completion = await client.chat.completions.create(chat, { maxResponseSize: 100_000 })
    expect(completion.choices[0]?.message.content).toHaveLength(10_000)
  })

  for (const [coding, encode] of [
    ['gzip', zlib.gzipSync],
    ['deflate', zlib.deflateSync],
    ['br', zlib.brotliCompressSync],
  ] as const) {
    it(`decodes Content-Encoding ${coding} for JSON and for a stream`, async () => {
      server.handle((request, response) => {
        const streaming = request.headers.accept === 'text/event-stream'
        response.writeHead(200, { ...(streaming ? SSE_HEADERS : JSON_HEADERS), 'content-encoding': coding })
        response.end(encode(Buffer.from(streaming ? sseStream(3) : completionJson('decoded'))))
      })
      const client = server.client(transportOptions)
      const completion = await client.chat.completions.create(chat)
      expect(completion.choices[0]?.message.content).toBe('decoded')
      const chunks = await collect(await client.chat.completions.create({ ...chat, stream: true }))
      expect(chunks.map((chunk) => chunk.choices[0]?.delta.content).join('')).toBe('w0 w1 w2 ')
    })
  }

  it('skips a UTF-8 byte order mark before a JSON body', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, JSON_HEADERS)
      response.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(completionJson('with BOM'))]))
    })
    const completion = await server.client(transportOptions).chat.completions.create(chat)
    expect(completion.choices[0]?.message.content).toBe('with BOM')
  })
})
