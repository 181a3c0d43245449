/**
 * ANTHROPIC_BASE_URL as `@anthropic-ai/sdk` reads it (its default `https://api.anthropic.com` has no
 * version path; it posts to `${baseURL}/v1/messages`: client.ts and resources/messages/messages.ts of
 * the installed SDK), so one value serves both; a value ending in /v1 (token.js's own convention) is
 * kept. Checked on the paths a loopback server receives, and end to end against the emulator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TokenJS } from 'token.js'
import { startAnthropicEmulator, type AnthropicEmulator } from '@tokenjs/emulator'
import { startReplayServer, type ReplayServer } from '../support/replay-server.js'
import { assertAnthropicRequest } from '../support/anthropic-conformance.js'

let server: ReplayServer
let emulator: AnthropicEmulator
let origin: string
beforeAll(async () => {
  server = await startReplayServer()
  emulator = await startAnthropicEmulator({ logRequests: false })
  origin = new URL(server.url).origin
  server.answer({
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: 'msg_base_url',
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-6',
      content: [{ type: 'text', text: 'ok' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 1, output_tokens: 1 },
    }),
  })
})
afterAll(async () => {
  await server.close()
  await emulator.close()
})

const ask = (client: TokenJS) =>
  client.chat.completions.create({
    provider: 'anthropic',
    model: 'claude-sonnet-4-6',
    messages: [{ role: 'user', content: 'Hi' }],
  })

async function withBaseURLEnv<T>(value: string, run: () => Promise<T>): Promise<T> {
  const saved = process.env.ANTHROPIC_BASE_URL
  process.env.ANTHROPIC_BASE_URL = value
  try {
    return await run()
  } finally {
    if (saved === undefined) delete process.env.ANTHROPIC_BASE_URL
    else process.env.ANTHROPIC_BASE_URL = saved
  }
}

/** The path the server received for one request made with ANTHROPIC_BASE_URL (or baseURL) set to `base`. */
async function pathFor(base: string, via: 'env' | 'option'): Promise<string> {
  const client = () =>
    via === 'env' ? new TokenJS({ apiKey: 'k-base-url' }) : new TokenJS({ apiKey: 'k-base-url', baseURL: base })
  await (via === 'env' ? withBaseURLEnv(base, () => ask(client())) : ask(client()))
  const sent = server.received.at(-1)!
  assertAnthropicRequest(JSON.parse(sent.body), sent.headers)
  return sent.path
}

describe('the Anthropic base URL', () => {
  const cases: [string, (origin: string) => string, string][] = [
    ['the SDK’s form: an origin', (at) => at, '/v1/messages'],
    ['the SDK’s form with a trailing slash', (at) => `${at}/`, '/v1/messages'],
    [
      'a proxy root without /v1 (as the SDK takes it)',
      (at) => `${at}/gateway/anthropic`,
      '/gateway/anthropic/v1/messages',
    ],
    ['token.js’s form, ending in /v1', (at) => `${at}/v1`, '/v1/messages'],
    ['ending in /v1/', (at) => `${at}/v1/`, '/v1/messages'],
    ['a proxy path ending in /v1', (at) => `${at}/gateway/anthropic/v1`, '/gateway/anthropic/v1/messages'],
  ]
  for (const via of ['env', 'option'] as const)
    it.each(cases)(`${via}: %s`, async (_name, base, path) => {
      expect(await pathFor(base(origin), via)).toBe(path)
    })

  it('one ANTHROPIC_BASE_URL serves the emulator with or without /v1', async () => {
    const root = new URL(emulator.url).origin
    for (const value of [root, `${root}/v1`]) {
      const completion = await withBaseURLEnv(value, () => ask(new TokenJS({ apiKey: emulator.apiKey })))
      expect(completion.object).toBe('chat.completion')
    }
  })
})
