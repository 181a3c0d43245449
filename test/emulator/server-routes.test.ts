/** Auth, routes, CORS, model cards, the request log and the CLI. */
import { ModelList$inboundSchema } from '@mistralai/mistralai/models/components'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_EMULATOR_API_KEY, runEmulatorCli, startMistralEmulator, type MistralEmulator } from '@tokenjs/emulator'
import { chat, get, postChat, startTestEmulator } from './helpers.js'

let emulator: MistralEmulator
beforeAll(async () => {
  emulator = await startTestEmulator()
})
afterAll(() => emulator.close())

describe('auth', () => {
  it.each([
    ['missing', {}],
    ['wrong', { authorization: 'Bearer nope' }],
    ['not bearer', { authorization: `Basic ${DEFAULT_EMULATOR_API_KEY}` }],
  ])('%s key → 401 Unauthorized', async (_name, headers) => {
    const response = await fetch(`${emulator.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(chat()),
    })
    expect(response.status).toBe(401)
    const body = await response.json()
    expect(body).toEqual({ message: 'Unauthorized', request_id: expect.stringMatching(/^[0-9a-f]{32}$/) })
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
  })
  it('the default key is emulator-key and the URL ends in /v1', () => {
    expect(emulator.apiKey).toBe('emulator-key')
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/)
    expect(emulator.url).toBe(`${emulator.origin}/v1`)
  })
})

describe('routes', () => {
  it('unknown path → 404 JSON, wrong method → 405 JSON', async () => {
    const missing = await get(emulator, '/v1/embeddingz')
    expect(missing.status).toBe(404)
    expect(missing.json).toMatchObject({ object: 'error', message: 'Not Found' })
    const wrongMethod = await get(emulator, '/v1/chat/completions')
    expect(wrongMethod.status).toBe(405)
  })
  it('OPTIONS preflight → 204 with CORS headers covering Authorization', async () => {
    const response = await fetch(`${emulator.url}/chat/completions`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,x-custom',
      },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization')
    expect(response.headers.get('access-control-allow-headers')).toContain('x-custom')
    expect(response.headers.get('access-control-allow-methods')).toContain('POST')
  })
  it('responses carry a correlation id and rate-limit headers', async () => {
    const response = await postChat(emulator, chat())
    expect(response.headers.get('mistral-correlation-id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(response.headers.get('x-ratelimit-remaining-req-minute')).toBe('999')
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization')
  })
})

describe('/v1/models', () => {
  it('lists served ids as base cards with all capability keys, aliases and deprecation', async () => {
    const response = await get(emulator, '/v1/models')
    expect(response.status).toBe(200)
    ModelList$inboundSchema.parse(response.json)
    const cards = response.json.data as any[]
    const ids = cards.map((card) => card.id)
    expect(ids).toContain('mistral-large-latest')
    expect(ids).not.toContain('open-mistral-7b')
    const large = cards.find((card) => card.id === 'mistral-large-latest')
    expect(large).toMatchObject({
      object: 'model',
      owned_by: 'mistralai',
      type: 'base',
      name: 'mistral-large-2512',
      aliases: ['mistral-large-2512'],
      max_context_length: 262144,
      default_model_temperature: 0.3,
      deprecation: null,
    })
    expect(Object.keys(large.capabilities).sort()).toEqual([
      'audio',
      'audio_speech',
      'audio_transcription',
      'audio_transcription_realtime',
      'classification',
      'completion_chat',
      'completion_fim',
      'fine_tuning',
      'function_calling',
      'moderation',
      'ocr',
      'reasoning',
      'unified_resources',
      'vision',
    ])
    expect(large.capabilities).toMatchObject({
      completion_chat: true,
      function_calling: true,
      vision: true,
      reasoning: false,
    })
    const medium = cards.find((card) => card.id === 'mistral-medium-2505')
    expect(medium).toMatchObject({
      deprecation: '2026-08-31T12:00:00Z',
      deprecation_replacement_model: 'mistral-medium-3-5',
    })
  })
  it('one card by id, 404 for unknown or retired', async () => {
    expect((await get(emulator, '/v1/models/codestral-latest')).json).toMatchObject({
      id: 'codestral-latest',
      capabilities: { completion_fim: true },
    })
    const retired = await get(emulator, '/v1/models/open-mistral-7b')
    expect(retired.status).toBe(404)
    expect(retired.json).toMatchObject({ type: 'invalid_model', code: '1500' })
  })
  it("the default catalogue is token.js's Mistral table", async () => {
    const defaults = await startMistralEmulator()
    try {
      const list = await get(defaults, '/v1/models')
      ModelList$inboundSchema.parse(list.json)
      expect(list.json.data.map((card: any) => card.id)).toContain('mistral-large-latest')
      expect((await postChat(defaults, chat())).status).toBe(200)
    } finally {
      await defaults.close()
    }
  })
})

describe('request log', () => {
  it('records method, path, redacted headers, parsed body and status; reset clears it', async () => {
    emulator.reset()
    await postChat(emulator, chat({ temperature: 0.2 }))
    const entry = emulator.lastRequest()
    expect(entry).toMatchObject({
      method: 'POST',
      path: '/v1/chat/completions',
      status: 200,
      body: { temperature: 0.2 },
    })
    expect(entry?.headers['authorization']).toBe('Bearer ***')
    expect(entry?.rawBody).toContain('"temperature":0.2')
    expect(emulator.requests).toHaveLength(1)
    emulator.reset()
    expect(emulator.requests).toHaveLength(0)
  })
  it('logRequests: false keeps nothing', async () => {
    const quiet = await startTestEmulator({ logRequests: false })
    await postChat(quiet, chat())
    expect(quiet.requests).toHaveLength(0)
    await quiet.close()
  })
  it('bodies above maxBodyBytes → 413', async () => {
    const small = await startTestEmulator({ maxBodyBytes: 1000 })
    const response = await postChat(small, chat({ messages: [{ role: 'user', content: 'x'.repeat(5000) }] }))
    expect(response.status).toBe(413)
    expect(response.json).toMatchObject({ object: 'error' })
    await small.close()
  })
})

describe('CLI', () => {
  it('runEmulatorCli parses flags and prints one line with the URL and key', async () => {
    const lines: string[] = []
    const cli = await runEmulatorCli(['--port', '0', '--host', '127.0.0.1', '--api-key', 'k123'], {
      print: (line) => lines.push(line),
      handleSignals: false,
    })
    try {
      expect(lines).toEqual([`Mistral emulator listening on ${cli.url} (API key: k123)`])
      expect((await fetch(`${cli.url}/models`, { headers: { authorization: 'Bearer k123' } })).status).toBe(200)
    } finally {
      await cli.close()
    }
  })
  it('rejects a bad port', async () => {
    await expect(runEmulatorCli(['--port', 'abc'], { handleSignals: false })).rejects.toThrow(/--port/)
  })
})
