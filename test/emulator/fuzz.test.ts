/** The emulator never crashes or hangs: any body gets a well-formed HTTP response with a JSON body. */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MistralEmulator } from '@tokenjs/emulator'
import { chat, postChat, rawPost, startTestEmulator } from './helpers.js'

let emulator: MistralEmulator
beforeAll(async () => {
  emulator = await startTestEmulator({ logRequests: false, maxBodyBytes: 1 << 20 })
})
afterAll(() => emulator.close())

const ALLOWED = new Set([200, 400, 404, 413, 422])

/** Plausible-looking request bodies: valid keys with random values, random keys, random messages. */
const requestish = fc
  .record(
    {
      model: fc.oneof(
        fc.constantFrom('mistral-large-latest', 'mistral-small-latest', 'zai-glm-5-2', 'codestral-latest'),
        fc.string(),
      ),
      messages: fc.array(
        fc.oneof(
          fc.record({
            role: fc.constantFrom('user', 'assistant', 'tool', 'system', 'developer'),
            content: fc.oneof(
              fc.string(),
              fc.constant(null),
              fc.array(fc.record({ type: fc.constantFrom('text', 'image_url', 'thinking'), text: fc.string() })),
            ),
          }),
          fc.anything(),
        ),
        { maxLength: 4 },
      ),
    },
    { requiredKeys: [] },
  )
  .chain((base) =>
    fc.record({
      base: fc.constant(base),
      extra: fc.dictionary(
        fc.constantFrom(
          'temperature',
          'top_p',
          'n',
          'max_tokens',
          'stream',
          'stop',
          'tools',
          'tool_choice',
          'response_format',
          'reasoning_effort',
          'seed',
          'x',
        ),
        fc.anything(),
        { maxKeys: 4 },
      ),
    }),
  )
  .map(({ base, extra }) => ({ ...base, ...extra }))

describe('fuzz', () => {
  it('random JSON and near-valid requests always get JSON (or SSE) answers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(requestish, fc.jsonValue({ maxDepth: 4 })), async (body) => {
        const response = await postChat(emulator, body)
        expect(ALLOWED.has(response.status), `${response.status} ${response.text.slice(0, 300)}`).toBe(true)
        if (response.headers.get('content-type') === 'text/event-stream')
          expect(response.text.endsWith('data: [DONE]\n\n')).toBe(true)
        else expect(response.json).toBeTypeOf('object')
      }),
      { numRuns: 300 },
    )
  })
  it('random bytes (including invalid UTF-8) get a JSON 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
        const result = await rawPost(emulator, Buffer.from(bytes))
        expect(result.error).toBeUndefined()
        expect([200, 422, 404, 400]).toContain(result.status)
        expect(() => JSON.parse(Buffer.concat(result.pieces).toString())).not.toThrow()
      }),
      { numRuns: 100 },
    )
  })
  it('100k levels of nesting, a 900 KB string and the server stays up', async () => {
    const deep = await postChat(emulator, `${'['.repeat(100_000)}${']'.repeat(100_000)}`)
    expect(deep.status).toBe(422)
    expect(deep.json.detail[0].type).toBe('json_invalid')
    const deepObject = await postChat(
      emulator,
      `{"model":"m","messages":[],"metadata":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`,
    )
    expect(deepObject.status).toBe(422)
    const huge = await postChat(
      emulator,
      chat({ messages: [{ role: 'user', content: 'é'.repeat(450_000) }], stream: true }),
    )
    expect(huge.status).toBe(200)
    expect((await postChat(emulator, chat())).status).toBe(200)
  })
})
