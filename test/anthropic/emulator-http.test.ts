/**
 * The Anthropic emulator's HTTP surface: authentication (`x-api-key` or Bearer) with Anthropic's 401,
 * the required `anthropic-version`, routes (messages, count_tokens, models list/page/get), error bodies
 * and statuses of scripted faults (429 with retry-after, 529 overloaded, a mid-stream `error` event),
 * transport faults, the request log with the key redacted, and socket release.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startAnthropicEmulator, type AnthropicEmulator } from '../../packages/emulator/src/anthropic/index.js'
import { anthropicHeaders, errorOf, parseSse, postMessages } from './helpers.js'

let emulator: AnthropicEmulator
beforeAll(async () => {
  emulator = await startAnthropicEmulator({ apiKey: 'sk-ant-test-secret' })
})
beforeEach(() => emulator.reset())
afterAll(async () => {
  await emulator.close()
})

const hello = { model: 'claude-sonnet-4-6', max_tokens: 64, messages: [{ role: 'user', content: 'Hi' }] }

async function get(path: string, headers = anthropicHeaders(emulator)) {
  const response = await fetch(`${emulator.url}${path}`, { headers })
  return {
    status: response.status,
    json: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  }
}

describe('authentication and version', () => {
  it('accepts x-api-key and Authorization: Bearer', async () => {
    expect((await postMessages(emulator, hello)).status).toBe(200)
    const bearer = {
      authorization: `Bearer ${emulator.apiKey}`,
      'anthropic-version': '2026-10-21',
      'content-type': 'application/json',
    }
    expect((await postMessages(emulator, hello, bearer)).status).toBe(200)
  })

  it('a missing or wrong key is a 401 authentication_error that does not echo the key', async () => {
    const missing = await postMessages(emulator, hello, { 'anthropic-version': '2026-10-21' })
    expect(missing.status).toBe(401)
    expect(missing.json).toMatchObject({
      type: 'error',
      error: { type: 'authentication_error', message: 'x-api-key header is required' },
    })
    const wrong = await postMessages(
      emulator,
      hello,
      anthropicHeaders(emulator, '2026-10-21', { 'x-api-key': 'sk-ant-wrong-value' }),
    )
    expect(wrong.status).toBe(401)
    expect(errorOf(wrong.json)).toEqual({ type: 'authentication_error', message: 'invalid x-api-key' })
    expect(wrong.text).not.toContain('sk-ant-wrong-value')
  })

  it('anthropic-version is required and must be a known version', async () => {
    const { 'anthropic-version': _version, ...rest } = anthropicHeaders(emulator)
    const missing = await postMessages(emulator, hello, rest)
    expect(missing.status).toBe(400)
    expect(errorOf(missing.json)).toEqual({
      type: 'invalid_request_error',
      message: 'anthropic-version: header is required',
    })
    expect((await postMessages(emulator, hello, anthropicHeaders(emulator, '2099-01-01'))).status).toBe(400)
    expect((await postMessages(emulator, hello, anthropicHeaders(emulator, '2023-06-01'))).status).toBe(200)
  })

  it('logs requests with both key headers redacted', async () => {
    await postMessages(
      emulator,
      hello,
      anthropicHeaders(emulator, '2026-10-21', { authorization: 'Bearer sk-ant-test-secret' }),
    )
    const logged = emulator.lastRequest()
    expect(logged?.headers['x-api-key']).toBe('***')
    expect(logged?.headers.authorization).toBe('Bearer ***')
    expect(JSON.stringify(emulator.requests)).not.toContain('sk-ant-test-secret')
    expect(logged).toMatchObject({ method: 'POST', path: '/v1/messages', body: hello, status: 200 })
  })
})

describe('routes', () => {
  it('count_tokens answers input_tokens and refuses max_tokens', async () => {
    const { max_tokens: _max, ...body } = hello
    const counted = await postMessages(emulator, body, anthropicHeaders(emulator), '/messages/count_tokens')
    expect(counted.json).toEqual({ input_tokens: 4 })
    const refused = await postMessages(emulator, hello, anthropicHeaders(emulator), '/messages/count_tokens')
    expect(errorOf(refused.json).message).toBe('max_tokens: Extra inputs are not permitted')
  })

  it('GET /v1/models pages with data, has_more, first_id, last_id and after_id / before_id', async () => {
    const first = await get('/models?limit=3')
    const data = first.json.data as { id: string; type: string; display_name: string; max_tokens: number }[]
    expect(data).toHaveLength(3)
    expect(first.json).toMatchObject({ has_more: true, first_id: data[0]?.id, last_id: data[2]?.id })
    expect(data[0]).toMatchObject({
      type: 'model',
      id: 'claude-fable-5-2',
      display_name: 'Claude Fable 5.2',
      max_tokens: 128000,
    })
    const next = await get(`/models?limit=3&after_id=${String(first.json.last_id)}`)
    expect((next.json.data as { id: string }[])[0]?.id).not.toBe(data[2]?.id)
    const back = await get(`/models?limit=2&before_id=${String(next.json.first_id)}`)
    expect((back.json.data as { id: string }[]).map((model) => model.id)).toEqual([data[1]?.id, data[2]?.id])
    const all = await get('/models?limit=1000')
    expect(all.json.has_more).toBe(false)
    expect((await get('/models?limit=0')).status).toBe(400)
  })

  it('GET /v1/models/{id} answers a ModelInfo, aliases included; unknown ids are 404 not_found_error', async () => {
    const found = await get('/models/claude-haiku-4-5')
    expect(found.json).toMatchObject({
      type: 'model',
      id: 'claude-haiku-4-5-20251001',
      max_input_tokens: 200000,
      max_tokens: 64000,
    })
    const missing = await get('/models/claude-2.1')
    expect(missing.status).toBe(404)
    expect(missing.json).toMatchObject({
      type: 'error',
      error: { type: 'not_found_error', message: 'model: claude-2.1' },
    })
  })

  it('unknown paths are 404, wrong methods 405, broken JSON 400', async () => {
    expect((await postMessages(emulator, hello, anthropicHeaders(emulator), '/chat/completions')).status).toBe(404)
    expect((await get('/messages')).status).toBe(405)
    const broken = await postMessages(emulator, '{"model":', anthropicHeaders(emulator))
    expect(broken.status).toBe(400)
    expect(errorOf(broken.json).type).toBe('invalid_request_error')
  })

  it('bodies over the limit are 413 request_too_large', async () => {
    const small = await startAnthropicEmulator({ maxBodyBytes: 200 })
    try {
      const big = { ...hello, messages: [{ role: 'user', content: 'x'.repeat(500) }] }
      const response = await postMessages(small, big, anthropicHeaders(small))
      expect(response.status).toBe(413)
      expect(errorOf(response.json).type).toBe('request_too_large')
    } finally {
      await small.close()
    }
  })
})

describe('scripted faults', () => {
  const cases: [number, string][] = [
    [400, 'invalid_request_error'],
    [401, 'authentication_error'],
    [403, 'permission_error'],
    [404, 'not_found_error'],
    [413, 'request_too_large'],
    [429, 'rate_limit_error'],
    [500, 'api_error'],
    [529, 'overloaded_error'],
  ]
  for (const [status, type] of cases) {
    it(`http ${status} sends Anthropic's ${type} body with a request_id`, async () => {
      emulator.enqueue({ kind: 'http', status, headers: status === 429 ? { 'retry-after': '7' } : {} })
      const response = await postMessages(emulator, hello)
      expect(response.status).toBe(status)
      expect(response.json).toMatchObject({ type: 'error', error: { type } })
      expect((response.json as { request_id: string }).request_id).toBe(response.headers.get('request-id'))
      if (status === 429) expect(response.headers.get('retry-after')).toBe('7')
    })
  }

  it('stream-error: events, then `event: error` with overloaded_error, then the end of the body', async () => {
    emulator.enqueue({ kind: 'stream-error', afterChunks: 3 })
    const response = await postMessages(emulator, { ...hello, stream: true })
    expect(response.status).toBe(200)
    const events = parseSse(response.text)
    expect(events.map((event) => event.event)).toEqual(['message_start', 'content_block_start', 'ping', 'error'])
    expect(events[3]?.data).toMatchObject({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } })
  })

  it('stream-error on a JSON request is a 529 overloaded_error', async () => {
    emulator.enqueue({ kind: 'stream-error' })
    const response = await postMessages(emulator, hello)
    expect(response.status).toBe(529)
    expect(errorOf(response.json).type).toBe('overloaded_error')
  })

  it('drop-after-chunks cuts the stream; reset cuts before headers; the sockets are released', async () => {
    emulator.enqueue({ kind: 'drop-after-chunks', chunks: 2 })
    await expect(postMessages(emulator, { ...hello, stream: true })).rejects.toThrow()
    emulator.enqueue({ kind: 'reset' })
    await expect(postMessages(emulator, hello)).rejects.toThrow()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(emulator.requests.map((request) => request.status)).toEqual([200, 0])
  })

  it('split delivers the same bytes cut at arbitrary offsets; sse-raw sends exactly the given bytes', async () => {
    const whole = (await postMessages(emulator, { ...hello, stream: true })).text
    emulator.enqueue({ kind: 'split', chunkBytes: 7 })
    const split = (await postMessages(emulator, { ...hello, stream: true })).text
    expect(parseSse(split).map((event) => event.event)).toEqual(parseSse(whole).map((event) => event.event))
    const raw = 'event: ping\ndata: {"type":"ping"}\n\n'
    emulator.enqueue({ kind: 'sse-raw', data: raw, splitAt: [3, 10] })
    expect((await postMessages(emulator, { ...hello, stream: true })).text).toBe(raw)
  })

  it('skipValidation answers an invalid body; a handler scripts by request', async () => {
    emulator.enqueue({ kind: 'reply', content: 'forced', skipValidation: true })
    expect((await postMessages(emulator, { bogus: true })).json).toMatchObject({
      content: [{ type: 'text', text: 'forced' }],
    })
    emulator.setHandler((request) =>
      (request.body as { stream?: boolean }).stream === true ? { kind: 'http', status: 500 } : undefined,
    )
    expect((await postMessages(emulator, { ...hello, stream: true })).status).toBe(500)
    expect((await postMessages(emulator, hello)).status).toBe(200)
  })
})
