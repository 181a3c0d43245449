/** Every scripted reply kind behaves as documented on `ScriptedReply`. */
import { CompletionChunk$inboundSchema } from '@mistralai/mistralai/models/components'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { MistralEmulator } from '@tokenjs/emulator'
import { chat, eventually, get, postChat, rawPost, sseData, startTestEmulator, user } from './helpers.js'

let emulator: MistralEmulator
beforeAll(async () => {
  emulator = await startTestEmulator()
})
afterEach(() => emulator.reset())
afterAll(() => emulator.close())

const streamBody = (text: string) =>
  JSON.stringify({ model: 'mistral-large-latest', messages: [user(text)], stream: true })

describe('http', () => {
  it('429 with Retry-After headers, then normal again (FIFO)', async () => {
    emulator.enqueue(
      { kind: 'http', status: 429, headers: { 'retry-after': '2', 'retry-after-ms': '1500' } },
      { kind: 'http', status: 503 },
    )
    const first = await postChat(emulator, chat())
    expect(first.status).toBe(429)
    expect(first.headers.get('retry-after')).toBe('2')
    expect(first.headers.get('retry-after-ms')).toBe('1500')
    expect(first.json).toMatchObject({ object: 'error', type: 'rate_limited', code: '1300' })
    expect((await postChat(emulator, chat())).status).toBe(503)
    expect((await postChat(emulator, chat())).status).toBe(200)
  })
  it('custom string or object body; validation still wins unless skipped', async () => {
    emulator.enqueue({ kind: 'http', status: 500, body: 'oops' })
    const invalid = await postChat(emulator, chat({ seed: 1 }))
    expect(invalid.status).toBe(422)
    emulator.enqueue({ kind: 'http', status: 500, body: { message: 'boom' }, skipValidation: true })
    const scripted = await postChat(emulator, chat({ seed: 1 }))
    expect(scripted).toMatchObject({ status: 500, json: { message: 'boom' } })
  })
  it('route filter and handler', async () => {
    emulator.enqueue({ kind: 'http', status: 502, route: 'models' })
    expect((await postChat(emulator, chat())).status).toBe(200)
    expect((await get(emulator, '/v1/models')).status).toBe(502)
    emulator.setHandler((request) =>
      (request.body as any)?.messages?.[0]?.content === 'fail' ? { kind: 'http', status: 504 } : undefined,
    )
    expect((await postChat(emulator, { model: 'mistral-large-latest', messages: [user('fail')] })).status).toBe(504)
    expect((await postChat(emulator, chat())).status).toBe(200)
    emulator.setHandler(undefined)
  })
})

describe('reply override', () => {
  it('replaces content, tool calls, finish reason and usage, in JSON and SSE', async () => {
    emulator.enqueue({
      kind: 'reply',
      content: 'Scripted!',
      finishReason: 'length',
      usage: { prompt_tokens: 5, completion_tokens: 7 },
    })
    const json = (await postChat(emulator, chat())).json
    expect(json.choices[0]).toMatchObject({ finish_reason: 'length', message: { content: 'Scripted!' } })
    expect(json.usage).toMatchObject({ prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 })
    emulator.enqueue({ kind: 'reply', toolCalls: [{ name: 'lookup', arguments: { q: 1 } }] })
    const chunks = sseData((await postChat(emulator, chat({ stream: true }))).text).slice(0, -1) as any[]
    const last = chunks[chunks.length - 1]
    expect(last.choices[0].finish_reason).toBe('tool_calls')
    expect(last.choices[0].delta.tool_calls[0]).toMatchObject({ function: { name: 'lookup', arguments: '{"q":1}' } })
  })
})

describe('transport faults', () => {
  it('sse-raw sends exact bytes, split where asked', async () => {
    const data = 'data: {"hello":1}\n\n: comment\n\ndata: [DONE]\n\n'
    emulator.enqueue({ kind: 'sse-raw', data, splitAt: [3, 10], delayMs: 5 })
    const result = await rawPost(emulator, streamBody('x'))
    expect(Buffer.concat(result.pieces).toString()).toBe(data)
    expect(result.pieces.length).toBeGreaterThanOrEqual(2)
  })
  it('split cuts inside a multi-byte character; reassembled bytes equal the unsplit reply', async () => {
    const body = streamBody('€uro 😀 ok')
    const whole = Buffer.concat((await rawPost(emulator, body)).pieces)
    const euro = whole.indexOf(Buffer.from('€'))
    expect(euro).toBeGreaterThan(0)
    emulator.enqueue({ kind: 'split', splitAt: [euro + 1, euro + 2, whole.indexOf(Buffer.from('😀')) + 3], delayMs: 5 })
    const split = await rawPost(emulator, body)
    const first = split.pieces[0] ?? Buffer.alloc(0)
    expect(first.length).toBeLessThanOrEqual(euro + 1)
    // The ids are per request; compare with them masked.
    const mask = (bytes: Buffer) => bytes.toString('latin1').replace(/"id":"[0-9a-f]{32}"/g, '"id":"X"')
    expect(mask(Buffer.concat(split.pieces))).toBe(mask(whole))
  })
  it('split with chunkBytes on a JSON reply', async () => {
    emulator.enqueue({ kind: 'split', chunkBytes: 7 })
    const result = await rawPost(emulator, JSON.stringify(chat()))
    expect(JSON.parse(Buffer.concat(result.pieces).toString()).choices[0].message.content).toBe('You said: Hello there')
  })
  it('reset destroys the socket before headers', async () => {
    emulator.enqueue({ kind: 'reset' })
    await expect(
      fetch(`${emulator.url}/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${emulator.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(chat()),
      }),
    ).rejects.toThrow()
    expect(emulator.lastRequest()?.status).toBe(0)
  })
  it('hang never answers until the client aborts', async () => {
    emulator.enqueue({ kind: 'hang' })
    const started = Date.now()
    await expect(
      fetch(`${emulator.url}/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${emulator.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(chat()),
        signal: AbortSignal.timeout(150),
      }),
    ).rejects.toThrow()
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
  })
  it('drop-after-chunks streams N events then cuts the connection without [DONE]', async () => {
    emulator.enqueue({ kind: 'drop-after-chunks', chunks: 2 })
    const result = await rawPost(emulator, streamBody('a fairly long message to stream'))
    expect(result.status).toBe(200)
    expect(result.error).toBeDefined()
    const text = Buffer.concat(result.pieces).toString()
    expect(sseData(text)).toHaveLength(2)
    expect(text).not.toContain('[DONE]')
  })
  it('malformed-json: truncated JSON body, or a broken SSE event', async () => {
    emulator.enqueue({ kind: 'malformed-json' })
    const json = await postChat(emulator, chat())
    expect(json.status).toBe(200)
    expect(() => JSON.parse(json.text)).toThrow()
    emulator.enqueue({ kind: 'malformed-json' })
    const stream = await postChat(emulator, chat({ stream: true }))
    const events = stream.text.split('\n\n').filter(Boolean)
    expect(() => JSON.parse(events[1]!.slice(6))).toThrow()
    expect(events[events.length - 1]).toBe('data: [DONE]')
  })
  it('html-error: 502 text/html', async () => {
    emulator.enqueue({ kind: 'html-error' })
    const response = await postChat(emulator, chat())
    expect(response.status).toBe(502)
    expect(response.headers.get('content-type')).toBe('text/html')
    expect(response.text).toContain('<html>')
  })
  it('stream-error: some chunks then finish_reason error', async () => {
    emulator.enqueue({ kind: 'stream-error', afterChunks: 2 })
    const chunks = sseData((await postChat(emulator, chat({ stream: true }))).text).slice(0, -1) as any[]
    expect(chunks).toHaveLength(3)
    for (const chunk of chunks) CompletionChunk$inboundSchema.parse(chunk)
    expect(chunks[2].choices[0].finish_reason).toBe('error')
  })
  it('delay waits then answers normally', async () => {
    emulator.enqueue({ kind: 'delay', ms: 120 })
    const started = Date.now()
    expect((await postChat(emulator, chat())).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(110)
  })
})

describe('sockets', () => {
  it('openConnections returns to 0 after clients close, and close() releases a hanging request', async () => {
    const local = await startTestEmulator()
    await rawPost(local, JSON.stringify(chat()))
    await eventually(() => local.openConnections() === 0)
    local.enqueue({ kind: 'hang' })
    const pending = rawPost(local, JSON.stringify(chat()))
    await eventually(() => local.openConnections() === 1)
    await local.close()
    await local.close()
    expect((await pending).error).toBeDefined()
    expect(local.openConnections()).toBe(0)
  })
})
