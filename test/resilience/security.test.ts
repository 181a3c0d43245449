/**
 * Security through the public client: the API key never leaks into an error (message, stack, cause
 * chain, JSON, util.inspect, a console line) whatever failed; Authorization never follows a redirect to
 * another origin (both transports); header injection and non-http base URLs are refused; a browser
 * needs dangerouslyAllowBrowser.
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { Console } from 'node:console'
import { Writable } from 'node:stream'
import { inspect, format } from 'node:util'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  InputError,
  InternalServerError,
  RateLimitError,
  ResponseParseError,
  TokenJS,
  type ClientOptions,
} from 'token.js'
import { expectInputError } from '../e2e/expect-input-error.js'
import { useEmulator } from '../e2e/harness.js'
import { stringify } from '../support/text.js'
import { abortWhen, collect, contentOf, delay, rejectionOf, transports } from './support.js'

const CANARY = 'sk-TOKENJS-CANARY-0123456789'
const WRONG_CANARY = 'sk-TOKENJS-CANARY-WRONG-9876543210'
const harness = useEmulator({ apiKey: CANARY })
const hello = [{ role: 'user' as const, content: 'Hello!' }]
const params = { provider: 'mistral' as const, model: 'mistral-large-latest', messages: hello }

/** Every way an error can end up in a log: message, stack, causes, JSON, inspect, format, console. */
function renderings(error: unknown): string[] {
  const out: string[] = []
  const seen = new Set<unknown>()
  for (
    let current: unknown = error;
    current !== undefined && current !== null && !seen.has(current);
    current = (current as { cause?: unknown }).cause
  ) {
    seen.add(current)
    if (current instanceof Error) out.push(current.message, String(current.stack), String(current))
    out.push(inspect(current, { depth: 10, showHidden: true }))
  }
  out.push(stringify(error) ?? '')
  out.push(inspect(error, { depth: 10 }))
  out.push(format('%s | %o | %O | %j', error, error, error, error))
  let logged = ''
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logged += chunk.toString()
      done()
    },
  })
  const logger = new Console({ stdout: sink, stderr: sink })
  logger.error(error)
  logger.log('request failed:', error, { error })
  out.push(logged)
  return out
}

function expectNoKey(error: unknown, ...keys: string[]): void {
  expect(error).toBeInstanceOf(Error)
  const text = renderings(error).join('\n')
  for (const key of keys) {
    expect(text).not.toContain(key)
    // Nor a recognisable piece of it.
    expect(text).not.toContain(key.slice(-12))
  }
}

/** A plain HTTP server for a test (redirect target, echoing proxy). */
async function startServer(
  handler: (request: IncomingMessage, response: ServerResponse, body: string) => void,
): Promise<{ server: Server; url: string; seen: Array<{ headers: IncomingHttpHeaders; body: string; url: string }> }> {
  const seen: Array<{ headers: IncomingHttpHeaders; body: string; url: string }> = []
  const server = createServer((request, response) => {
    let body = ''
    request.setEncoding('utf8')
    request.on('data', (piece: string) => (body += piece))
    request.on('end', () => {
      seen.push({ headers: request.headers, body, url: request.url ?? '' })
      handler(request, response, body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen }
}

async function stopServer(server: Server): Promise<void> {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
}

const completionJSON = JSON.stringify({
  id: 'a2984449b4204304a731f30927977d5c',
  object: 'chat.completion',
  created: 1787865809,
  model: 'mistral-large-latest',
  usage: { prompt_tokens: 19, completion_tokens: 2, total_tokens: 21 },
  choices: [
    {
      index: 0,
      finish_reason: 'stop',
      message: { role: 'assistant', content: 'from the other origin', tool_calls: null },
    },
  ],
})

describe.each(transports)('the API key never leaks into an error (%s)', (_transport, transportOptions) => {
  const client = (options: ClientOptions = {}) => harness.client({ ...transportOptions, maxRetries: 0, ...options })

  it('401 (a wrong key)', async () => {
    const error = await rejectionOf(client({ apiKey: WRONG_CANARY }).chat.completions.create(params))
    expect(error).toBeInstanceOf(AuthenticationError)
    expectNoKey(error, WRONG_CANARY, CANARY)
  })

  it('500, after retries', async () => {
    harness.emulator.enqueue(
      { kind: 'http', status: 500, headers: { 'retry-after-ms': '1' } },
      { kind: 'http', status: 500, headers: { 'retry-after-ms': '1' } },
    )
    const error = await rejectionOf(client({ maxRetries: 1 }).chat.completions.create(params))
    expect(error).toBeInstanceOf(InternalServerError)
    expectNoKey(error, CANARY)
  })

  it('connection refused (a closed port)', async () => {
    const { server, url } = await startServer(() => undefined)
    await stopServer(server)
    const error = await rejectionOf(
      new TokenJS({ apiKey: CANARY, baseURL: `${url}/v1`, ...transportOptions, maxRetries: 0 }).chat.completions.create(
        params,
      ),
    )
    expect(error).toBeInstanceOf(APIConnectionError)
    expectNoKey(error, CANARY)
  })

  it('timeout', async () => {
    harness.emulator.enqueue({ kind: 'hang' })
    const error = await rejectionOf(client({ timeout: 100 }).chat.completions.create(params))
    expect(error).toBeInstanceOf(APIConnectionTimeoutError)
    expectNoKey(error, CANARY)
  })

  it('abort, while waiting and while streaming', async () => {
    harness.emulator.enqueue({ kind: 'hang' })
    const controller = new AbortController()
    // Once the request is in: an earlier abort would leave the scripted hang for the next request.
    abortWhen(controller, () => harness.emulator.requests.length > 0, new Error('stop'))
    const error = await rejectionOf(client().chat.completions.create(params, { signal: controller.signal }))
    expect(error).toBeInstanceOf(APIUserAbortError)
    expectNoKey(error, CANARY)
    harness.emulator.enqueue({ kind: 'split', chunkBytes: 16, delayMs: 10 })
    const streaming = new AbortController()
    const stream = await client().chat.completions.create({ ...params, stream: true }, { signal: streaming.signal })
    const streamError = await rejectionOf(
      (async () => {
        for await (const _chunk of stream) streaming.abort()
      })(),
    )
    expect(streamError).toBeInstanceOf(APIUserAbortError)
    expectNoKey(streamError, CANARY)
  })

  it('a malformed body, and a stream with a malformed event', async () => {
    harness.emulator.enqueue({ kind: 'malformed-json' })
    const error = await rejectionOf(client().chat.completions.create(params))
    expect(error).toBeInstanceOf(ResponseParseError)
    expectNoKey(error, CANARY)
    harness.emulator.enqueue({ kind: 'malformed-json' })
    const streamError = await rejectionOf(collect(await client().chat.completions.create({ ...params, stream: true })))
    expect(streamError).toBeInstanceOf(ResponseParseError)
    expectNoKey(streamError, CANARY)
  })

  it('the key echoed in received text is redacted: error body, headers, stream error events, broken events', async () => {
    harness.emulator.enqueue({
      kind: 'http',
      status: 429,
      body: {
        object: 'error',
        message: `Key ${CANARY} is rate limited`,
        type: 'rate_limited',
        param: CANARY,
        code: CANARY,
      },
      headers: { 'x-echo': `Bearer ${CANARY}`, 'mistral-correlation-id': `id-${CANARY}` },
    })
    const error = await rejectionOf(client().chat.completions.create(params))
    expect(error).toBeInstanceOf(RateLimitError)
    expectNoKey(error, CANARY)
    expect((error as APIError).message).toBe('429 Key *** is rate limited')
    expect((error as APIError).headers?.['x-echo']).toBe('Bearer ***')

    harness.emulator.enqueue({
      kind: 'sse-raw',
      data: `data: {"object":"error","message":"bad key ${CANARY}","type":"authentication_error","code":"${CANARY}"}\n\n`,
    })
    const eventError = await rejectionOf(collect(await client().chat.completions.create({ ...params, stream: true })))
    expect(eventError).toBeInstanceOf(APIError)
    expect((eventError as APIError).message).toBe('bad key ***')
    expectNoKey(eventError, CANARY)

    harness.emulator.enqueue({ kind: 'sse-raw', data: `data: {"id":"x","echo":"${CANARY}",\n\n` })
    const brokenError = await rejectionOf(collect(await client().chat.completions.create({ ...params, stream: true })))
    expect(brokenError).toBeInstanceOf(ResponseParseError)
    expect((brokenError as ResponseParseError).raw).toContain('***')
    expectNoKey(brokenError, CANARY)
  })

  it('a proxy that echoes the Authorization header in its error body and headers', async () => {
    const proxy = await startServer((request, response) => {
      const authorization = String(request.headers.authorization)
      const status = request.url?.includes('ok') ? 200 : 502
      response.writeHead(status, {
        'content-type': status === 200 ? 'text/plain' : 'application/json',
        'x-echo-authorization': authorization,
        'set-cookie': `session=${authorization.replace(' ', '_')}`,
      })
      response.end(
        status === 200
          ? `<html>proxy login page for ${authorization}</html>`
          : JSON.stringify({ message: `upstream refused ${authorization}`, received: request.headers }),
      )
    })
    try {
      const error = await rejectionOf(
        new TokenJS({
          apiKey: CANARY,
          baseURL: `${proxy.url}/v1`,
          ...transportOptions,
          maxRetries: 0,
        }).chat.completions.create(params),
      )
      expect(proxy.seen[0]?.headers.authorization).toBe(`Bearer ${CANARY}`)
      expect(error).toBeInstanceOf(InternalServerError)
      expectNoKey(error, CANARY)
      expect((error as APIError).message).toBe('502 upstream refused Bearer ***')
      expect((error as APIError).headers?.['x-echo-authorization']).toBe('Bearer ***')
      expect(JSON.stringify((error as APIError).body)).toContain('"authorization":"Bearer ***"')

      const parseError = await rejectionOf(
        new TokenJS({
          apiKey: CANARY,
          baseURL: `${proxy.url}/ok/v1`,
          ...transportOptions,
          maxRetries: 0,
        }).chat.completions.create(params),
      )
      expect(parseError).toBeInstanceOf(ResponseParseError)
      expect((parseError as ResponseParseError).raw).toBe('<html>proxy login page for Bearer ***</html>')
      expectNoKey(parseError, CANARY)
    } finally {
      await stopServer(proxy.server)
    }
  })
})

describe.each(transports)('redirects (%s)', (_transport, transportOptions) => {
  it('a 307 to another origin arrives there without Authorization, with method and body kept', async () => {
    const other = await startServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(completionJSON)
    })
    try {
      harness.emulator.enqueue({ kind: 'http', status: 307, headers: { location: `${other.url}/v1/chat/completions` } })
      const completion = await harness.client(transportOptions).chat.completions.create(params)
      expect(await contentOf(completion)).toBe('from the other origin')
      expect(harness.emulator.requests).toHaveLength(1)
      expect(other.seen).toHaveLength(1)
      const arrived = other.seen[0]
      expect(arrived?.headers.authorization).toBeUndefined()
      expect(JSON.stringify(arrived?.headers)).not.toContain(CANARY)
      expect(JSON.parse(arrived?.body ?? '')).toEqual(harness.lastBody())
    } finally {
      await stopServer(other.server)
    }
  })

  it('a 308 to another origin: no Authorization either', async () => {
    const other = await startServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(completionJSON)
    })
    try {
      harness.emulator.enqueue({ kind: 'http', status: 308, headers: { location: `${other.url}/v1/chat/completions` } })
      await harness.client(transportOptions).chat.completions.create(params)
      expect(other.seen[0]?.headers.authorization).toBeUndefined()
    } finally {
      await stopServer(other.server)
    }
  })

  it('a same-origin 307 keeps Authorization', async () => {
    harness.emulator.enqueue({ kind: 'http', status: 307, headers: { location: '/v1/chat/completions?moved=1' } })
    const completion = await harness.client(transportOptions).chat.completions.create(params)
    expect(await contentOf(completion)).toBe('You said: Hello!')
    expect(
      harness.emulator.requests.map((request) => [request.path, request.status, request.headers.authorization]),
    ).toEqual([
      ['/v1/chat/completions', 307, 'Bearer ***'],
      ['/v1/chat/completions?moved=1', 200, 'Bearer ***'],
    ])
  })
})

describe('input that could inject or misroute is refused before any I/O', () => {
  it.each([
    ['a key with CR LF', { apiKey: `${CANARY}\r\nX-Injected: 1` }, 'apiKey'],
    ['a key with a lone LF', { apiKey: `${CANARY}\n` }, 'apiKey'],
    ['a key with NUL', { apiKey: `${CANARY}\0` }, 'apiKey'],
    [
      'a default header value with CR LF',
      { defaultHeaders: { 'x-team': 'a\r\nInjected: 1' } },
      'defaultHeaders.x-team',
    ],
    ['a default header name with LF', { defaultHeaders: { 'x-a\nInjected': '1' } }, undefined],
  ])('%s', async (_name, options, param) => {
    const error = await expectInputError(harness, harness.client(options).chat.completions.create(params), param)
    expectNoKey(error, CANARY)
  })

  it.each([
    'file:///etc/passwd',
    'ftp://example.com/v1',
    'javascript:alert(1)',
    'data:text/plain,hi',
    'ws://127.0.0.1/v1',
    'not a url',
  ])('base URL %s', async (baseURL) => {
    await expectInputError(harness, new TokenJS({ apiKey: CANARY, baseURL }).chat.completions.create(params), 'baseURL')
  })

  it('a request header with CR LF', async () => {
    await expectInputError(
      harness,
      harness.client().chat.completions.create(params, { headers: { 'x-trace': 'a\rb' } }),
      'headers.x-trace',
    )
  })
})

describe('in a browser', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.unstubAllEnvs()
  })

  const browserGlobals: Array<[string, () => void]> = [
    [
      'a page (window and document)',
      () => {
        vi.stubGlobal('window', {})
        vi.stubGlobal('document', {})
      },
    ],
    ['a worker (importScripts)', () => vi.stubGlobal('importScripts', () => undefined)],
  ]

  it.each(browserGlobals)('%s: refuses a key unless dangerouslyAllowBrowser', async (_name, stub) => {
    stub()
    let thrown: unknown
    try {
      new TokenJS({ apiKey: CANARY, baseURL: harness.emulator.url })
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(InputError)
    expect((thrown as InputError).param).toBe('dangerouslyAllowBrowser')
    expectNoKey(thrown, CANARY)
    // A key from the environment is refused at the first call, before any I/O.
    vi.stubEnv('MISTRAL_API_KEY', CANARY)
    vi.stubEnv('MISTRAL_BASE_URL', harness.emulator.url)
    await expectInputError(harness, new TokenJS().chat.completions.create(params), 'dangerouslyAllowBrowser')
    // Allowed explicitly, it runs.
    const completion = await new TokenJS({
      apiKey: CANARY,
      baseURL: harness.emulator.url,
      dangerouslyAllowBrowser: true,
      maxRetries: 0,
    }).chat.completions.create(params)
    expect(await contentOf(completion)).toBe('You said: Hello!')
  })

  it('a window without a document (e.g. a test shim) is not a browser', async () => {
    vi.stubGlobal('window', {})
    const completion = await harness.client().chat.completions.create(params)
    expect(await contentOf(completion)).toBe('You said: Hello!')
    await delay(0)
  })
})

describe('logging the client itself', () => {
  it('util.inspect and JSON.stringify of a TokenJS instance never show the key, even after a request', async () => {
    const { inspect } = await import('node:util')
    const { TokenJS } = await import('token.js')
    const key = 'sk-TOKENJS-CANARY-INSPECT-42'
    const client = new TokenJS({ apiKey: key, baseURL: 'http://127.0.0.1:9/v1', maxRetries: 0 })
    await client.chat.completions
      .create({ provider: 'mistral', model: 'mistral-large-latest', messages: [{ role: 'user', content: 'hi' }] })
      .catch(() => undefined)
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(key)
    expect(JSON.stringify(client)).not.toContain(key)
  })
})
