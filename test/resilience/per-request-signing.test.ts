/**
 * Credentials that sign each request (`ProviderAuth.sign`: Bedrock's SigV4 over the body and date, a
 * refreshed Vertex token). A test-only provider (Mistral's mapping with a signing auth) drives the real
 * core (validation, send path, retries, redirects, error reading) against a loopback server that checks
 * every signature over the bytes it received: each attempt is signed over exactly what is sent, a
 * retried attempt is signed again, the signature never reaches an error, and it never follows a
 * redirect to another origin. Both transports.
 */
import { createHmac } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ClientInternals } from '../../src/core/client-internals.js'
import type { ClientOptions } from '../../src/core/client-options.js'
import { createFetchTransport } from '../../src/core/fetch-transport.js'
import { createNodeTransport } from '../../src/core/node-transport.js'
import type { ProviderAdapter, SignableRequest } from '../../src/core/provider-adapter.js'
import { resolveProviderConnection, type ProviderConnection } from '../../src/core/provider-connection.js'
import { runChatCompletion } from '../../src/core/run-chat-completion.js'
import type { Transport } from '../../src/core/transport.js'
import { APIError, type ChatCompletion } from '../../src/index.js'
import { mistralProvider } from '../../src/providers/mistral/index.js'

const KEY = 'signing-secret-key-0123456789'

/** What the signer computes, and the server recomputes over the received bytes. */
function signature(method: string, path: string, date: string, body: Buffer | string): string {
  return createHmac('sha256', KEY).update(`${method}\n${path}\n${date}\n`).update(body).digest('hex')
}

/** The calls the signer saw, in order. */
const signed: SignableRequest[] = []
let clock = 0

const signingProvider: ProviderAdapter = {
  ...mistralProvider,
  id: 'signing-test',
  displayName: 'Signing test',
  auth: {
    secretHeaders: ['x-test-signature'],
    headers: () => ({}),
    async sign(request, apiKey) {
      expect(apiKey).toBe(KEY)
      signed.push(request)
      // A fresh date per attempt, as SigV4's x-amz-date: a retried attempt has a new signature.
      const date = `2026-12-02T00:00:${String(clock++).padStart(2, '0')}Z`
      const path = new URL(request.url).pathname
      await new Promise((resolve) => setImmediate(resolve)) // really asynchronous, as a token refresh is
      return { 'x-test-date': date, 'x-test-signature': signature(request.method, path, date, request.body ?? '') }
    },
  },
}

interface Seen {
  readonly path: string
  readonly headers: IncomingMessage['headers']
  readonly valid: boolean
}

type Reply = (response: ServerResponse, seen: Seen) => void

interface TestServer {
  origin: string
  readonly seen: Seen[]
  replies: Reply[]
  close(): Promise<void>
}

async function startServer(): Promise<TestServer> {
  const state: TestServer = { origin: '', seen: [], replies: [], close: () => Promise.resolve() }
  const server: Server = createServer((request, response) => {
    const parts: Buffer[] = []
    request.on('data', (part: Buffer) => parts.push(part))
    request.on('end', () => {
      const body = Buffer.concat(parts)
      const date = String(request.headers['x-test-date'] ?? '')
      const path = new URL(request.url ?? '/', 'http://x').pathname
      const valid = request.headers['x-test-signature'] === signature(request.method ?? '', path, date, body)
      const seen = { path, headers: request.headers, valid }
      state.seen.push(seen)
      const reply = state.replies.shift() ?? answerOk
      reply(response, seen)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return Object.assign(state, {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  })
}

const answerOk: Reply = (response, seen) => {
  response.writeHead(seen.valid ? 200 : 401, { 'content-type': 'application/json' })
  response.end(
    JSON.stringify(
      seen.valid
        ? {
            id: 'sig-1',
            object: 'chat.completion',
            created: 1,
            model: 'mistral-small-latest',
            choices: [{ index: 0, message: { role: 'assistant', content: 'signed ok' }, finish_reason: 'stop' }],
            usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
          }
        : { message: 'bad signature' },
    ),
  )
}

function internals(options: ClientOptions, transport: Transport): ClientInternals {
  const connections = new Map<string, ProviderConnection>()
  return {
    options,
    findProvider: (id) => (id === signingProvider.id ? signingProvider : undefined),
    providerIds: () => [signingProvider.id],
    connection: (provider) => {
      let connection = connections.get(provider.id)
      if (connection === undefined)
        connections.set(provider.id, (connection = resolveProviderConnection(provider, options)))
      return connection
    },
    models: (provider) => provider.models,
    transport: () => transport,
  }
}

const params = {
  provider: 'signing-test',
  model: 'mistral-small-latest',
  // Non-ASCII text: the signature covers the UTF-8 bytes on the wire, not the string's UTF-16 units.
  messages: [{ role: 'user', content: 'Sign me: ça va? 😀' }],
}

let server: TestServer
let other: TestServer
beforeAll(async () => {
  server = await startServer()
  other = await startServer()
})
afterAll(async () => {
  await server.close()
  await other.close()
})
beforeEach(() => {
  signed.length = 0
  server.seen.length = 0
  other.seen.length = 0
  server.replies = []
  other.replies = []
})

const transports: [string, () => Transport][] = [
  ['node:http', () => createNodeTransport()],
  ['fetch', () => createFetchTransport(fetch)],
]

describe.each(transports)('per-request signing over %s', (_name, makeTransport) => {
  const client = (extra: Partial<ClientOptions> = {}) =>
    internals({ apiKey: KEY, baseURL: `${server.origin}/v1`, maxRetries: 2, ...extra }, makeTransport())

  it('signs each attempt over the exact bytes sent; a retried attempt is signed again', async () => {
    server.replies = [
      (response) => {
        response.writeHead(503, { 'content-type': 'application/json', 'retry-after-ms': '1' })
        response.end('{"message":"busy"}')
      },
    ]
    const completion = (await runChatCompletion(client(), params, undefined)) as ChatCompletion
    expect(completion.choices[0]?.message.content).toBe('signed ok')
    expect(server.seen.map((seen) => seen.valid)).toEqual([true, true])
    expect(signed).toHaveLength(2)
    const [first, second] = server.seen
    expect(first?.headers['x-test-signature']).not.toBe(second?.headers['x-test-signature'])
    expect(first?.headers['x-test-date']).not.toBe(second?.headers['x-test-date'])
    // The signer saw the attempt as sent: method, URL, the other headers, the body text.
    expect(signed[0]).toMatchObject({ method: 'POST', url: `${server.origin}/v1/chat/completions` })
    expect(JSON.parse(signed[0]?.body ?? '')).toMatchObject({ messages: [{ content: 'Sign me: ça va? 😀' }] })
    expect(signed[0]?.headers['content-type']).toBe('application/json')
    expect(signed[0]?.headers['x-test-signature']).toBeUndefined()
  })

  it('a streamed request is signed too', async () => {
    server.replies = [
      (response, seen) => {
        response.writeHead(seen.valid ? 200 : 401, { 'content-type': 'text/event-stream' })
        const chunk = {
          id: 'sig-2',
          object: 'chat.completion.chunk',
          created: 1,
          model: 'mistral-small-latest',
          choices: [{ index: 0, delta: { role: 'assistant', content: 'streamed' }, finish_reason: 'stop' }],
        }
        response.end(`data: ${JSON.stringify(chunk)}\n\ndata: [DONE]\n\n`)
      },
    ]
    const stream = (await runChatCompletion(client(), { ...params, stream: true }, undefined)) as AsyncIterable<{
      choices: { delta: { content?: string | null } }[]
    }>
    let text = ''
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? ''
    expect(text).toBe('streamed')
    expect(server.seen.map((seen) => seen.valid)).toEqual([true])
  })

  it('the signature and its date never appear in an error, even when the server echoes them', async () => {
    server.replies = [
      (response, seen) => {
        response.writeHead(400, {
          'content-type': 'application/json',
          'x-echo': String(seen.headers['x-test-signature']),
        })
        response.end(
          JSON.stringify({
            message: `rejected signature ${String(seen.headers['x-test-signature'])} dated ${String(seen.headers['x-test-date'])}`,
          }),
        )
      },
    ]
    const error = await runChatCompletion(client({ maxRetries: 0 }), params, undefined).catch(
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(APIError)
    const sent = server.seen[0]?.headers
    const everything = JSON.stringify(error) + String((error as Error).stack) + JSON.stringify((error as APIError).body)
    const echoed = JSON.stringify((error as APIError).headers)
    for (const value of [sent?.['x-test-signature'], sent?.['x-test-date']]) {
      expect(typeof value).toBe('string')
      expect(everything + echoed).not.toContain(value)
    }
    expect((error as APIError).message).toContain('rejected signature ***')
  })

  it('a redirect to another origin gets no signature; the same origin is signed again', async () => {
    server.replies = [
      (response) => {
        response.writeHead(307, { location: '/v1/moved/chat/completions' })
        response.end()
      },
      (response) => {
        response.writeHead(307, { location: `${other.origin}/v1/chat/completions` })
        response.end()
      },
    ]
    // The other origin cannot check a signature it never got: it answers as if valid.
    other.replies = [(response, seen) => answerOk(response, { ...seen, valid: true })]
    const completion = (await runChatCompletion(client(), params, undefined)) as ChatCompletion
    expect(completion.choices[0]?.message.content).toBe('signed ok')
    expect(server.seen.map((seen) => [seen.path, seen.valid])).toEqual([
      ['/v1/chat/completions', true],
      ['/v1/moved/chat/completions', true],
    ])
    expect(signed.map((request) => new URL(request.url).pathname)).toEqual([
      '/v1/chat/completions',
      '/v1/moved/chat/completions',
    ])
    expect(other.seen).toHaveLength(1)
    expect(other.seen[0]?.headers['x-test-signature']).toBeUndefined()
    expect(other.seen[0]?.headers['x-test-date']).toBeUndefined()
  })
})

describe('static keys', () => {
  it('have no signer: the headers are computed once per client', () => {
    const connection = resolveProviderConnection(mistralProvider, { apiKey: KEY })
    expect(connection.sign).toBeUndefined()
    expect(connection.jsonHeaders.authorization).toBe(`Bearer ${KEY}`)
  })
})
