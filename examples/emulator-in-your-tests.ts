// Run with: node --import tsx --test examples/emulator-in-your-tests.ts (or as a plain script).
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { APIConnectionError, TokenJS } from 'token.js'
import { startMistralEmulator, type MistralEmulator } from '@tokenjs/emulator'

// The code under test: your app's function that calls a model.
async function summarize(tokenjs: TokenJS, text: string): Promise<string> {
  const completion = await tokenjs.chat.completions.create({
    provider: 'mistral',
    model: 'mistral-small-latest',
    messages: [{ role: 'user', content: `Summarize: ${text}` }],
  })
  return completion.choices[0]!.message.content ?? ''
}

let emulator: MistralEmulator
let tokenjs: TokenJS

before(async () => {
  // A local Mistral API on a free port: real HTTP, real validation, Mistral's wire format.
  emulator = await startMistralEmulator()
  tokenjs = new TokenJS({ baseURL: emulator.url, apiKey: emulator.apiKey })
})
after(() => emulator.close())

test('returns the model text', async () => {
  emulator.enqueue({ kind: 'reply', content: 'A short summary.' })
  assert.equal(await summarize(tokenjs, 'a long text'), 'A short summary.')
  const sent = emulator.lastRequest()?.body as { model: string }
  assert.equal(sent.model, 'mistral-small-latest')
})

test('survives a rate limit (retried after Retry-After)', async () => {
  emulator.reset()
  emulator.enqueue({ kind: 'http', status: 429, headers: { 'retry-after': '0' } })
  assert.match(await summarize(tokenjs, 'a long text'), /Summarize: a long text/)
  assert.deepEqual(
    emulator.requests.map((request) => request.status),
    [429, 200],
  )
})

test('a connection cut mid-stream is an error, not a short answer', async () => {
  emulator.enqueue({ kind: 'drop-after-chunks', chunks: 2 })
  const stream = await tokenjs.chat.completions.create({
    provider: 'mistral',
    model: 'mistral-small-latest',
    stream: true,
    messages: [{ role: 'user', content: 'Tell me a story.' }],
  })
  await assert.rejects(stream.finalCompletion(), APIConnectionError)
})
