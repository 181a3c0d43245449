/**
 * Nothing is dropped silently: what `dropUnsupportedParams` drops (parameters the provider has no place
 * for, unknown message fields) is listed on the result, on a stream and passed to `onWarning`, before
 * anything is sent; and the body the emulator received lacks exactly those.
 */
import { describe, expect, it } from 'vitest'
import { InputError, type TokenJSWarning } from 'token.js'
import { useEmulator } from './harness.js'
import { rejectionOf } from '../resilience/support.js'

const harness = useEmulator()

const base = { provider: 'mistral' as const, model: 'mistral-small-latest' }
const dropped = {
  ...base,
  logit_bias: { '1734': -100 },
  user: 'user-42',
  messages: [{ role: 'user' as const, content: 'Hi!', cache_hint: 'x' }],
}

const expected: TokenJSWarning[] = [
  {
    type: 'unsupported',
    param: 'messages[0].cache_hint',
    details: 'it is not a field of this message role.',
    provider: 'mistral',
    model: 'mistral-small-latest',
  },
  {
    type: 'unsupported',
    param: 'logit_bias',
    details: 'Mistral has no token biasing.',
    provider: 'mistral',
    model: 'mistral-small-latest',
  },
  {
    type: 'unsupported',
    param: 'user',
    details: 'Mistral has no end-user id field.',
    provider: 'mistral',
    model: 'mistral-small-latest',
  },
]

describe('warnings for what dropUnsupportedParams dropped', () => {
  it('are on the result, go to onWarning once each, and the body lacks exactly those', async () => {
    const seen: TokenJSWarning[] = []
    const client = harness.client({ dropUnsupportedParams: true, onWarning: (warning) => seen.push(warning) })
    // The params object is typed loosely on purpose: an unknown message field is what is being dropped.
    const completion = await client.chat.completions.create(
      dropped as Parameters<typeof client.chat.completions.create>[0],
    )
    expect(completion.warnings).toEqual(expected)
    expect(seen).toEqual(expected)
    const body = harness.lastBody()
    expect(body).not.toHaveProperty('logit_bias')
    expect(body).not.toHaveProperty('user')
    expect(body.messages).toEqual([{ role: 'user', content: 'Hi!' }])
  })

  it('are on a stream before its first chunk (the per-request opt-in)', async () => {
    const seen: string[] = []
    const client = harness.client({ onWarning: (warning) => seen.push(warning.param) })
    const stream = await client.chat.completions.create(
      { ...base, stream: true, logit_bias: { '1': 1 }, messages: [{ role: 'user', content: 'Hi!' }] },
      { dropUnsupportedParams: true },
    )
    expect(stream.warnings.map((warning) => warning.param)).toEqual(['logit_bias'])
    expect(seen).toEqual(['logit_bias'])
    let text = ''
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? ''
    expect(text).toBe('You said: Hi!')
  })

  it('nothing dropped: no warnings key on the result, an empty list on a stream, no hook call', async () => {
    const seen: TokenJSWarning[] = []
    const client = harness.client({ dropUnsupportedParams: true, onWarning: (warning) => seen.push(warning) })
    const completion = await client.chat.completions.create({ ...base, messages: [{ role: 'user', content: 'Hi!' }] })
    expect(Object.hasOwn(completion, 'warnings')).toBe(false)
    const stream = await client.chat.completions.create({
      ...base,
      stream: true,
      messages: [{ role: 'user', content: 'Hi!' }],
    })
    expect(stream.warnings).toEqual([])
    for await (const _chunk of stream) {
      // drain
    }
    expect(seen).toEqual([])
  })

  it('without the opt-in the same request is an InputError and nothing is sent', async () => {
    const seen: TokenJSWarning[] = []
    const client = harness.client({ onWarning: (warning) => seen.push(warning) })
    const error = await rejectionOf(
      client.chat.completions.create(dropped as Parameters<typeof client.chat.completions.create>[0]),
    )
    expect(error).toBeInstanceOf(InputError)
    expect(seen).toEqual([])
    expect(harness.emulator.requests).toHaveLength(0)
  })

  it('an onWarning that throws fails the call before anything is sent', async () => {
    const client = harness.client({
      dropUnsupportedParams: true,
      onWarning: () => {
        throw new Error('logger down')
      },
    })
    const error = await rejectionOf(
      client.chat.completions.create({ ...base, logit_bias: { '1': 1 }, messages: [{ role: 'user', content: 'Hi!' }] }),
    )
    expect((error as Error).message).toBe('logger down')
    expect(harness.emulator.requests).toHaveLength(0)
  })

  it('text completions (FIM) and embeddings report theirs too, once per parameter', async () => {
    const client = harness.client({ dropUnsupportedParams: true })
    const fim = await client.completions.create({
      provider: 'mistral',
      model: 'codestral-latest',
      prompt: 'function add(a, b) {',
      logit_bias: { '1': 1 },
    })
    expect(fim.warnings?.map((warning) => [warning.param, warning.details])).toEqual([
      ['logit_bias', 'Mistral has no logit bias.'],
    ])
    const embedded = await client.embeddings.create({
      provider: 'mistral',
      model: 'mistral-embed',
      input: ['one', 'two'],
      user: 'user-42',
    })
    expect(embedded.warnings?.map((warning) => warning.param)).toEqual(['user'])
    expect(embedded.data).toHaveLength(2)
  })
})
