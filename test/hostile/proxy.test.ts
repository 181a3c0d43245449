/**
 * Proxies on the node transport, against a small proxy this test starts on loopback: CONNECT tunnels
 * for https targets (TLS end to end, the proxy sees only host:port), plain-http forwarding for http
 * targets, Basic proxy authentication, a proxy that refuses, and the environment variables honoured
 * as Node does under NODE_USE_ENV_PROXY=1 (NO_PROXY included).
 */
import { readFileSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { APIConnectionError, APIError, InputError, TokenJS } from 'token.js'
import { createNodeTransport } from '../../src/core/node-transport.js'
import {
  API_KEY,
  collect,
  completionJson,
  hello,
  JSON_HEADERS,
  MODEL,
  rejectionOf,
  SSE_HEADERS,
  sseStream,
} from './support.js'

const chat = { provider: 'mistral' as const, model: MODEL, messages: hello }
const tlsFixture = (name: string): string => readFileSync(new URL(`../fixtures/tls/${name}`, import.meta.url), 'utf8')
const ca = tlsFixture('localhost-cert.pem')

/** The API: one https and one http server answering chat completions (JSON or SSE). */
const answer = (request: http.IncomingMessage, response: http.ServerResponse): void => {
  seenByApi.push({ url: request.url ?? '', authorization: request.headers.authorization })
  request.resume()
  request.on('end', () => {
    const streaming = request.headers.accept === 'text/event-stream'
    response.writeHead(200, streaming ? SSE_HEADERS : JSON_HEADERS)
    response.end(streaming ? sseStream(3) : completionJson('through the proxy'))
  })
}
const seenByApi: Array<{ url: string; authorization: string | undefined }> = []
const api = https.createServer({ key: tlsFixture('localhost-key.pem'), cert: ca }, answer)
const plainApi = http.createServer(answer)

/** The proxy: CONNECT tunnels and absolute-URI forwarding; optional Basic auth; can refuse. */
const proxyState = {
  requireAuth: undefined as string | undefined,
  refuse: false,
  connects: [] as string[],
  forwards: [] as string[],
}
const proxy = http.createServer((request, response) => {
  if (!authorized(request.headers['proxy-authorization'])) {
    response.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"' })
    response.end()
    return
  }
  proxyState.forwards.push(request.url ?? '')
  const target = new URL(request.url ?? '')
  const { 'proxy-authorization': _auth, ...headers } = request.headers
  const upstream = http.request(
    {
      hostname: target.hostname,
      port: target.port,
      path: target.pathname + target.search,
      method: request.method,
      headers,
    },
    (reply) => {
      response.writeHead(reply.statusCode ?? 502, reply.headers)
      reply.pipe(response)
    },
  )
  request.pipe(upstream)
})
proxy.on('connect', (request: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
  socket.on('error', () => {})
  proxyState.connects.push(request.url ?? '')
  if (!authorized(request.headers['proxy-authorization'])) {
    socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\n\r\n')
    return
  }
  if (proxyState.refuse) {
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
    return
  }
  const [host, port] = (request.url ?? '').split(':')
  const upstream = net.connect(Number(port), host, () => {
    sockets.add(upstream)
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
    upstream.write(head)
    upstream.pipe(socket)
    socket.pipe(upstream)
  })
  upstream.on('error', () => socket.destroy())
})

function authorized(header: string | undefined): boolean {
  if (proxyState.requireAuth === undefined) return true
  return header === `Basic ${Buffer.from(proxyState.requireAuth).toString('base64')}`
}

/** Every socket a server accepted (tunnels included), destroyed when the file ends. */
const sockets = new Set<net.Socket>()
for (const server of [api, plainApi, proxy] as net.Server[]) {
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
}
api.on('secureConnection', (socket: net.Socket) => sockets.add(socket))

const ports = { api: 0, plainApi: 0, proxy: 0 }
const listen = async (server: net.Server): Promise<number> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as net.AddressInfo).port
}
beforeAll(async () => {
  ports.api = await listen(api)
  ports.plainApi = await listen(plainApi)
  ports.proxy = await listen(proxy)
})
afterAll(async () => {
  for (const socket of sockets) socket.destroy()
  await Promise.all(
    [api, plainApi, proxy].map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
  )
})
beforeEach(() => {
  proxyState.requireAuth = undefined
  proxyState.refuse = false
  proxyState.connects.length = 0
  proxyState.forwards.length = 0
  seenByApi.length = 0
})

/** A client on the node transport with the test CA, through `proxy` (or the environment). */
function client(
  baseURL: string,
  options: { proxy?: string; environment?: Record<string, string | undefined> } = {},
): TokenJS {
  const transport = createNodeTransport({ httpsAgent: new https.Agent({ ca, keepAlive: true }), ...options })
  return new TokenJS({ apiKey: API_KEY, baseURL, transport, maxRetries: 0 })
}

const httpsBase = (): string => `https://127.0.0.1:${ports.api}/v1`
const httpBase = (): string => `http://127.0.0.1:${ports.plainApi}/v1`
const proxyURL = (auth = ''): string => `http://${auth}127.0.0.1:${ports.proxy}`

describe('proxy option (node transport)', () => {
  it('reaches an https API through a CONNECT tunnel, JSON and stream, the key end to end', async () => {
    const tokenjs = client(httpsBase(), { proxy: proxyURL() })
    const completion = await tokenjs.chat.completions.create(chat)
    expect(completion.choices[0]?.message.content).toBe('through the proxy')
    expect(await collect(await tokenjs.chat.completions.create({ ...chat, stream: true }))).toHaveLength(3)
    expect(proxyState.connects[0]).toBe(`127.0.0.1:${ports.api}`)
    // Keep-alive through the tunnel: the second request reused it.
    expect(proxyState.connects).toHaveLength(1)
    expect(seenByApi.map((seen) => seen.authorization)).toEqual([`Bearer ${API_KEY}`, `Bearer ${API_KEY}`])
  })

  it('forwards an http API request with its absolute URL', async () => {
    const completion = await client(httpBase(), { proxy: proxyURL() }).chat.completions.create(chat)
    expect(completion.choices[0]?.message.content).toBe('through the proxy')
    expect(proxyState.forwards).toEqual([`http://127.0.0.1:${ports.plainApi}/v1/chat/completions`])
  })

  it('sends the credentials in the proxy URL as Proxy-Authorization (tunnel and forwarding)', async () => {
    proxyState.requireAuth = 'alice:s3cr:et/'
    const auth = `alice:${encodeURIComponent('s3cr:et/')}@`
    await client(httpsBase(), { proxy: proxyURL(auth) }).chat.completions.create(chat)
    await client(httpBase(), { proxy: proxyURL(auth) }).chat.completions.create(chat)
    expect(proxyState.connects).toHaveLength(1)
    expect(proxyState.forwards).toHaveLength(1)
  })

  it('a 407 from the proxy is a clear connection error that does not quote the credentials', async () => {
    proxyState.requireAuth = 'alice:right'
    const error = await rejectionOf(
      client(httpsBase(), { proxy: proxyURL('alice:wrong@') }).chat.completions.create(chat),
    )
    expect(error).toBeInstanceOf(APIConnectionError)
    expect((error as Error).message).toMatch(/refused the tunnel .*407.*credentials/)
    expect(JSON.stringify(error)).not.toContain('wrong')
    // Forwarding: the proxy's 407 is the answer, an APIError with that status.
    const forwarded = await rejectionOf(
      client(httpBase(), { proxy: proxyURL('alice:wrong@') }).chat.completions.create(chat),
    )
    expect(forwarded).toBeInstanceOf(APIError)
    expect((forwarded as APIError).status).toBe(407)
  })

  it('a proxy that refuses the tunnel fails the call with the status', async () => {
    proxyState.refuse = true
    const error = await rejectionOf(client(httpsBase(), { proxy: proxyURL() }).chat.completions.create(chat))
    expect(error).toBeInstanceOf(APIConnectionError)
    expect((error as Error).message).toMatch(/refused the tunnel to 127\.0\.0\.1:\d+: 403/)
    expect(seenByApi).toHaveLength(0)
  })

  it('an unreachable proxy is a connection error naming it', async () => {
    const error = await rejectionOf(client(httpsBase(), { proxy: 'http://127.0.0.1:9' }).chat.completions.create(chat))
    expect(error).toBeInstanceOf(APIConnectionError)
    expect((error as Error).message).toMatch(/Could not reach the proxy 127\.0\.0\.1:9/)
  })

  it('a proxy URL that is not http(s) is an InputError before any I/O', async () => {
    expect(() => createNodeTransport({ proxy: 'socks5://127.0.0.1:1080' })).toThrow(InputError)
    const tokenjs = new TokenJS({ apiKey: API_KEY, baseURL: httpBase(), proxy: 'not a url' })
    expect(await rejectionOf(tokenjs.chat.completions.create(chat))).toBeInstanceOf(InputError)
  })

  it('the public `proxy` option drives the built-in transport', async () => {
    const tokenjs = new TokenJS({ apiKey: API_KEY, baseURL: httpBase(), proxy: proxyURL(), maxRetries: 0 })
    await tokenjs.chat.completions.create(chat)
    expect(proxyState.forwards).toHaveLength(1)
  })

  it('`proxy` with a custom fetch is refused: the proxy is that fetch’s business', async () => {
    const tokenjs = new TokenJS({ apiKey: API_KEY, baseURL: httpBase(), proxy: proxyURL(), fetch: globalThis.fetch })
    const error = await rejectionOf(tokenjs.chat.completions.create(chat))
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).param).toBe('proxy')
  })
})

describe('environment variables, as Node reads them under NODE_USE_ENV_PROXY=1', () => {
  const env = (extra: Record<string, string>): Record<string, string> => ({ NODE_USE_ENV_PROXY: '1', ...extra })

  it('HTTPS_PROXY tunnels https, HTTP_PROXY forwards http; lower case wins', async () => {
    await client(httpsBase(), {
      environment: env({ HTTPS_PROXY: 'http://127.0.0.1:9', https_proxy: proxyURL() }),
    }).chat.completions.create(chat)
    await client(httpBase(), { environment: env({ HTTP_PROXY: proxyURL() }) }).chat.completions.create(chat)
    expect(proxyState.connects).toHaveLength(1)
    expect(proxyState.forwards).toHaveLength(1)
  })

  it('without NODE_USE_ENV_PROXY=1 the variables are ignored, as in Node', async () => {
    await client(httpBase(), { environment: { HTTP_PROXY: proxyURL() } }).chat.completions.create(chat)
    expect(proxyState.forwards).toHaveLength(0)
    expect(seenByApi).toHaveLength(1)
  })

  for (const noProxy of ['127.0.0.1', '*', 'localhost,127.0.0.1', `127.0.0.1:0`]) {
    it(`NO_PROXY=${JSON.stringify(noProxy)} bypasses the proxy for a matching host`, async () => {
      const entry = noProxy.replace(':0', `:${ports.plainApi}`)
      await client(httpBase(), {
        environment: env({ HTTP_PROXY: proxyURL(), NO_PROXY: entry }),
      }).chat.completions.create(chat)
      expect(proxyState.forwards).toHaveLength(0)
      expect(seenByApi).toHaveLength(1)
    })
  }

  it('NO_PROXY with another host or port still proxies', async () => {
    await client(httpBase(), {
      environment: env({ HTTP_PROXY: proxyURL(), NO_PROXY: 'example.com,127.0.0.1:1' }),
    }).chat.completions.create(chat)
    expect(proxyState.forwards).toHaveLength(1)
  })

  it('the client reads process.env when its transport is made', async () => {
    const saved = { flag: process.env.NODE_USE_ENV_PROXY, proxy: process.env.HTTP_PROXY }
    process.env.NODE_USE_ENV_PROXY = '1'
    process.env.HTTP_PROXY = proxyURL()
    try {
      await new TokenJS({ apiKey: API_KEY, baseURL: httpBase(), maxRetries: 0 }).chat.completions.create(chat)
    } finally {
      if (saved.flag === undefined) delete process.env.NODE_USE_ENV_PROXY
      else process.env.NODE_USE_ENV_PROXY = saved.flag
      if (saved.proxy === undefined) delete process.env.HTTP_PROXY
      else process.env.HTTP_PROXY = saved.proxy
    }
    expect(proxyState.forwards).toHaveLength(1)
  })
})
