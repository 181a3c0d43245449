/**
 * Servers that misbehave on purpose, on loopback, for the hostile-network suite. Each test gets a
 * plain node:http (or raw TCP) server whose handler it writes; every chat body a server receives is
 * checked against Mistral's official SDK schema after the test (as the emulator harness does).
 */
import http from 'node:http'
import net from 'node:net'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { TokenJS, type ChatCompletionChunk, type ClientOptions } from 'token.js'
import { assertMistralChatRequest } from '../support/mistral-conformance.js'
import { assertOpenAIChatRequest } from '../support/openai-conformance.js'

export const API_KEY = 'sk-hostile/+key=42'
export const MODEL = 'mistral-small-latest'
export const hello = [{ role: 'user' as const, content: 'Hello!' }]

/** The two built-in transports: the default node:http one, and fetch (as a user passing their own). */
export const transports: Array<[name: string, options: ClientOptions]> = [
  ['node:http transport', {}],
  ['fetch transport', { fetch: globalThis.fetch }],
]

export type Handler = (request: http.IncomingMessage, response: http.ServerResponse, body: string) => void

export interface HostileServer {
  readonly url: string
  readonly port: number
  /** Replaces the handler (a test sets its own). */
  handle(handler: Handler): void
  /** Requests received since the last reset. */
  readonly requests: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders; body: string }>
  /** Open TCP connections right now. */
  openConnections(): number
  client(options?: ClientOptions): TokenJS
}

/** One http server for a test file, its handler set per test; request bodies checked after each test. */
export function useHostileServer(): HostileServer {
  let handler: Handler = (_request, response) => response.end()
  const requests: HostileServer['requests'] = []
  const sockets = new Set<net.Socket>()
  const server = http.createServer((request, response) => {
    const pieces: Buffer[] = []
    request.on('data', (piece: Buffer) => pieces.push(piece))
    request.on('end', () => {
      const body = Buffer.concat(pieces).toString('utf8')
      requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body })
      handler(request, response, body)
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  let port = 0
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as net.AddressInfo).port
  })
  afterAll(async () => {
    for (const socket of sockets) socket.destroy()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })
  afterEach(() => {
    const received = requests.splice(0)
    handler = (_request, response) => response.end()
    for (const request of received) {
      if (!request.url.endsWith('/chat/completions') || request.body === '') continue
      const body = JSON.parse(request.body) as { model?: unknown }
      // Mistral's models go to Mistral's schema, any other to OpenAI's (the OpenAI-format providers).
      if (body.model === MODEL) assertMistralChatRequest(body)
      else assertOpenAIChatRequest(body)
    }
  })
  return {
    get url() {
      return `http://127.0.0.1:${port}/v1`
    },
    get port() {
      return port
    },
    handle: (next) => {
      handler = next
    },
    requests,
    openConnections: () => sockets.size,
    client: (options = {}) =>
      new TokenJS({ apiKey: API_KEY, baseURL: `http://127.0.0.1:${port}/v1`, maxRetries: 0, ...options }),
  }
}

/** An OpenAI/Mistral chunk as SSE text. */
export function sseChunk(content: string, finish: string | null = null): string {
  const chunk = {
    id: 'x',
    object: 'chat.completion.chunk',
    created: 1,
    model: MODEL,
    choices: [{ index: 0, delta: { role: 'assistant', content }, finish_reason: finish }],
  }
  return `data: ${JSON.stringify(chunk)}\n\n`
}

/** A whole stream of `count` chunks and [DONE]. */
export function sseStream(count: number): string {
  let text = ''
  for (let index = 0; index < count; index++) text += sseChunk(`w${index} `, index === count - 1 ? 'stop' : null)
  return `${text}data: [DONE]\n\n`
}

/** A Mistral chat completion JSON body. */
export function completionJson(content = 'Hi there'): string {
  return JSON.stringify({
    id: 'cmpl-1',
    object: 'chat.completion',
    created: 1,
    model: MODEL,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
  })
}

export const SSE_HEADERS = { 'content-type': 'text/event-stream' }
export const JSON_HEADERS = { 'content-type': 'application/json' }

/** Resolves with what `promise` rejected with; fails if it resolved. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${String(value).slice(0, 200)}`)
    },
    (error: unknown) => error,
  )
}

/** Counts uncaught exceptions and unhandled rejections while `run` runs (and a tick after). */
export async function countUncaught(run: () => Promise<void>): Promise<unknown[]> {
  const seen: unknown[] = []
  const onError = (error: unknown): void => {
    seen.push(error)
  }
  process.on('uncaughtException', onError)
  process.on('unhandledRejection', onError)
  try {
    await run()
    await new Promise((resolve) => setTimeout(resolve, 20))
  } finally {
    process.off('uncaughtException', onError)
    process.off('unhandledRejection', onError)
  }
  return seen
}

export async function collect(iterable: AsyncIterable<ChatCompletionChunk>): Promise<ChatCompletionChunk[]> {
  const chunks: ChatCompletionChunk[] = []
  for await (const chunk of iterable) chunks.push(chunk)
  return chunks
}

export const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls `condition` every 10 ms for up to `ms`; returns its last value. */
export async function waitFor(condition: () => boolean, ms = 3_000): Promise<boolean> {
  for (let waited = 0; waited < ms; waited += 10) {
    if (condition()) return true
    await delay(10)
  }
  return condition()
}
