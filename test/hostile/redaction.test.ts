/**
 * No key in any field of any error, on both transports, for every provider: servers echo the request
 * (headers and body) back as it was, JSON-escaped with `\/`, URL-encoded and base64-encoded at every
 * alignment, into error bodies, response headers, 200 bodies that are not JSON, chunks, finish-reason
 * errors and stream error events. Each error is checked field by field, through `toJSON`
 * (`JSON.stringify`), `util.inspect` and its `cause` chain.
 */
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { TokenJS, type ProviderId } from 'token.js'
import { collect, JSON_HEADERS, MODEL, rejectionOf, SSE_HEADERS, transports, useHostileServer } from './support.js'
import { text } from '../support/text.js'

const server = useHostileServer()
const KEY = 'sk-live/9f+Qz=Tr1ck/y~key'

/** Every text form of the key a server could echo. */
function formsOf(key: string): string[] {
  const json = JSON.stringify(key).slice(1, -1)
  const base64 = Buffer.from(key).toString('base64')
  return [
    key,
    json.replace(/\//g, '\\/'),
    encodeURIComponent(key),
    base64,
    base64.replace(/=+$/, ''),
    Buffer.from(`user:${key}`).toString('base64'),
    Buffer.from(`ab${key}`).toString('base64'),
    // The heart of the key (any 12 characters of it) is what must never survive.
    key.slice(3, 15),
  ]
}

/** What a hostile server puts in its answers: the key in every form, around the echoed request. */
function echo(headers: Record<string, unknown>): string {
  const key = text(headers.authorization ?? '').replace(/^Bearer /, '')
  return [
    JSON.stringify(headers).replace(/\//g, '\\/'),
    encodeURIComponent(String(headers.authorization)),
    Buffer.from(key).toString('base64'),
    Buffer.from(`user:${key}`).toString('base64'),
    Buffer.from(`ab${key}`).toString('base64'),
  ].join(' | ')
}

/** Every string reachable from `value` (own properties, cause chains), with its path. */
function strings(value: unknown, path = 'error', seen = new Set<unknown>()): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]]
  if (typeof value !== 'object' || value === null || seen.has(value)) return []
  seen.add(value)
  const found: Array<[string, string]> = []
  for (const name of Object.getOwnPropertyNames(value)) {
    found.push(...strings((value as Record<string, unknown>)[name], `${path}.${name}`, seen))
  }
  return found
}

function expectNoKey(error: unknown, key: string): void {
  expect(error).toBeInstanceOf(Error)
  const views: Array<[string, string]> = [
    ...strings(error),
    ['JSON.stringify', JSON.stringify(error)],
    ['util.inspect', inspect(error, { depth: 20 })],
    ['String', String(error)],
  ]
  const leaks = views.flatMap(([where, text]) =>
    formsOf(key)
      .filter((form) => text.includes(form))
      .map((form) => `${where} holds ${JSON.stringify(form)}`),
  )
  expect(leaks).toEqual([])
}

// Perplexity is unavailable (its chat API was retired): it fails before any I/O, with nothing to leak.
const providers: ProviderId[] = ['mistral', 'openai', 'openai-compatible', 'groq', 'openrouter', 'requesty']

function chatChunk(content: string, finish: string | null): string {
  return JSON.stringify({
    id: 'x',
    object: 'chat.completion.chunk',
    created: 1,
    model: MODEL,
    choices: [{ index: 0, delta: { role: 'assistant', content }, finish_reason: finish }],
  })
}

type Scenario = readonly [
  name: string,
  stream: boolean,
  answer: (headers: Record<string, unknown>) => [number, Record<string, string>, string],
]

const scenarios: Scenario[] = [
  [
    '400 error body echoing the request',
    false,
    (h) => [400, JSON_HEADERS, JSON.stringify({ message: echo(h), type: 'invalid_request_error' })],
  ],
  ['500 HTML page echoing the request', false, (h) => [500, { 'content-type': 'text/html' }, `<pre>${echo(h)}</pre>`]],
  [
    'response headers holding the key',
    false,
    (h) => [
      503,
      {
        ...JSON_HEADERS,
        'x-echo': echo(h).slice(0, 4000),
        'mistral-correlation-id': String(h.authorization),
        'x-request-id': String(h.authorization),
      },
      '{}',
    ],
  ],
  ['200 that is not JSON', false, (h) => [200, JSON_HEADERS, `not json ${echo(h)}`]],
  ['200 JSON that is no completion', false, (h) => [200, JSON_HEADERS, JSON.stringify({ echo: echo(h) })]],
  [
    '200 with finish_reason "error"',
    false,
    (h) => [
      200,
      JSON_HEADERS,
      JSON.stringify({
        id: 'x',
        object: 'chat.completion',
        created: 1,
        model: MODEL,
        choices: [{ index: 0, message: { role: 'assistant', content: echo(h) }, finish_reason: 'error' }],
      }),
    ],
  ],
  ['a chunk without choices', true, (h) => [200, SSE_HEADERS, `data: ${JSON.stringify({ echo: echo(h) })}\n\n`]],
  ['a chunk that is not JSON', true, (h) => [200, SSE_HEADERS, `data: {${echo(h)}\n\n`]],
  [
    'an error event',
    true,
    (h) => [200, SSE_HEADERS, `event: error\ndata: ${JSON.stringify({ error: { message: echo(h) } })}\n\n`],
  ],
  ['a finish_reason "error" chunk', true, (h) => [200, SSE_HEADERS, `data: ${chatChunk(echo(h), 'error')}\n\n`]],
]

describe.each(transports)('%s', (_name, transportOptions) => {
  for (const provider of providers) {
    it(`${provider}: no form of the key in any error field`, async () => {
      let answer: Scenario[2] = scenarios[0]![2]
      server.handle((request, response) => {
        const [status, headers, body] = answer(request.headers)
        response.writeHead(status, headers)
        response.end(body)
      })
      const client = new TokenJS({ ...transportOptions, apiKey: KEY, baseURL: server.url, maxRetries: 0 })
      const failures: string[] = []
      let checked = 0
      for (const [name, stream, respond] of scenarios) {
        answer = respond
        const params = {
          provider,
          model: provider === 'mistral' ? MODEL : 'some-model',
          messages: [{ role: 'user' as const, content: 'Hi' }],
        }
        const run = stream
          ? client.chat.completions.create({ ...params, stream: true }).then(collect)
          : client.chat.completions.create(params)
        // OpenAI-format mappings accept some of these answers (an unknown field, a chunk without choices).
        const error = await run.then(
          () => undefined,
          (failure: unknown) => failure,
        )
        if (error === undefined) continue
        checked++
        try {
          expectNoKey(error, KEY)
        } catch (failure) {
          failures.push(`${name}: ${(failure as Error).message.slice(0, 400)}`)
        }
      }
      expect(checked).toBeGreaterThanOrEqual(7)
      expect(failures).toEqual([])
      // The servers really did receive (and echo) the key: the test is not vacuous.
      expect(server.requests).toHaveLength(scenarios.length)
      expect(server.requests.every((request) => request.headers.authorization === `Bearer ${KEY}`)).toBe(true)
    })
  }

  it('models.list and embeddings errors are scrubbed too', async () => {
    server.handle((request, response) => {
      response.writeHead(401, JSON_HEADERS)
      response.end(JSON.stringify({ message: echo(request.headers) }))
    })
    const client = new TokenJS({ ...transportOptions, apiKey: KEY, baseURL: server.url, maxRetries: 0 })
    expectNoKey(await rejectionOf(client.models.list({ provider: 'mistral' })), KEY)
    expectNoKey(
      await rejectionOf(client.embeddings.create({ provider: 'mistral', model: 'mistral-embed', input: 'x' })),
      KEY,
    )
  })
})
