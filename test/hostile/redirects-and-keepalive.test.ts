/**
 * One redirect policy on both transports (307/308 same origin followed with method and body, other
 * origins without credentials, 301/302/303 on a POST refused, bounded hops), and the immediate retry
 * of a request that failed on a reused keep-alive socket before any byte came back.
 */
import http from 'node:http'
import type net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APIConnectionError, APIError, TokenJS } from 'token.js'
import {
  API_KEY,
  completionJson,
  hello,
  JSON_HEADERS,
  MODEL,
  rejectionOf,
  transports,
  useHostileServer,
} from './support.js'

const server = useHostileServer()
const chat = { provider: 'mistral' as const, model: MODEL, messages: hello }

/** A second origin (another port): records what reaches it. */
const other: { server: http.Server; port: number; seen: http.IncomingHttpHeaders[] } = {
  server: http.createServer((request, response) => {
    other.seen.push(request.headers)
    request.resume()
    request.on('end', () => {
      response.writeHead(200, JSON_HEADERS)
      response.end(completionJson('from the other origin'))
    })
  }),
  port: 0,
  seen: [],
}
beforeAll(async () => {
  await new Promise<void>((resolve) => other.server.listen(0, '127.0.0.1', resolve))
  other.port = (other.server.address() as net.AddressInfo).port
})
afterAll(() => new Promise<void>((resolve) => other.server.close(() => resolve())))

describe.each(transports)('%s', (name, transportOptions) => {
  for (const status of [307, 308]) {
    it(`${status} to the same origin is followed with method, body and key`, async () => {
      server.handle((request, response) => {
        if (request.url === '/v1/chat/completions') {
          response.writeHead(status, { location: '/v2/chat/completions' })
          response.end()
          return
        }
        response.writeHead(200, JSON_HEADERS)
        response.end(completionJson('moved'))
      })
      const completion = await server.client(transportOptions).chat.completions.create(chat)
      expect(completion.choices[0]?.message.content).toBe('moved')
      const [first, second] = server.requests
      expect(second?.method).toBe('POST')
      expect(second?.url).toBe('/v2/chat/completions')
      expect(second?.body).toBe(first?.body)
      expect(second?.headers.authorization).toBe(`Bearer ${API_KEY}`)
    })
  }

  it('307 to another origin is followed without the key', async () => {
    other.seen.length = 0
    server.handle((_request, response) => {
      response.writeHead(307, { location: `http://127.0.0.1:${other.port}/v1/chat/completions` })
      response.end()
    })
    const completion = await server.client(transportOptions).chat.completions.create(chat)
    expect(completion.choices[0]?.message.content).toBe('from the other origin')
    expect(other.seen).toHaveLength(1)
    expect(other.seen[0]?.authorization).toBeUndefined()
    expect(JSON.stringify(other.seen[0])).not.toContain(API_KEY)
  })

  for (const status of [301, 302, 303]) {
    it(`${status} on a POST is refused with a clear error, never resent as a GET`, async () => {
      server.handle((_request, response) => {
        response.writeHead(status, { location: '/v2/chat/completions' })
        response.end()
      })
      const error = await rejectionOf(server.client(transportOptions).chat.completions.create(chat))
      expect(error).toBeInstanceOf(APIError)
      expect((error as APIError).status).toBe(status)
      expect((error as Error).message).toMatch(/does not follow a 30\d for a POST/)
      expect(server.requests.map((request) => request.method)).toEqual(['POST'])
    })
  }

  it('a redirect loop stops after 5 hops', async () => {
    server.handle((_request, response) => {
      response.writeHead(307, { location: '/v1/chat/completions' })
      response.end()
    })
    const error = await rejectionOf(server.client(transportOptions).chat.completions.create(chat))
    expect(error).toBeInstanceOf(APIError)
    expect((error as Error).message).toMatch(/more than 5 redirects/)
    expect(server.requests).toHaveLength(6)
  })

  it('a redirect without Location is an error naming it', async () => {
    server.handle((_request, response) => {
      response.writeHead(308)
      response.end()
    })
    const error = await rejectionOf(server.client(transportOptions).chat.completions.create(chat))
    expect((error as Error).message).toMatch(/without a Location header/)
  })

  if (name === 'node:http transport') {
    it('a reused keep-alive socket the server drops before answering is retried at once, as an attempt', async () => {
      // Each connection serves one request; the second request on it finds it closed (no byte back).
      const served = new WeakSet<net.Socket>()
      server.handle((request, response) => {
        if (served.has(request.socket)) {
          request.socket.destroy()
          return
        }
        served.add(request.socket)
        response.writeHead(200, JSON_HEADERS)
        response.end(completionJson())
      })
      const client = server.client({ ...transportOptions, maxRetries: 1 })
      const gaps: number[] = []
      for (let round = 0; round < 5; round++) {
        await client.chat.completions.create(chat)
        const before = server.requests.length
        const started = performance.now()
        const completion = await client.chat.completions.create(chat)
        gaps.push(performance.now() - started)
        expect(completion.choices[0]?.message.content).toBe('Hi there')
        // The dropped attempt and its retry.
        expect(server.requests.length - before).toBe(2)
      }
      console.log(`[hostile] stale keep-alive socket → answered in ${gaps.map((gap) => gap.toFixed(0)).join(', ')} ms`)
      // A backoff would be ≥ 375 ms; the immediate retry is a loopback round trip.
      expect(Math.max(...gaps)).toBeLessThan(300)
    })

    it('the immediate retry still counts: with maxRetries 0 the stale socket fails', async () => {
      const served = new WeakSet<net.Socket>()
      server.handle((request, response) => {
        if (served.has(request.socket)) {
          request.socket.destroy()
          return
        }
        served.add(request.socket)
        response.writeHead(200, JSON_HEADERS)
        response.end(completionJson())
      })
      const client = new TokenJS({ apiKey: API_KEY, baseURL: server.url, maxRetries: 0 })
      await client.chat.completions.create(chat)
      expect(await rejectionOf(client.chat.completions.create(chat))).toBeInstanceOf(APIConnectionError)
    })
  }
})
