/**
 * Bad options and inputs of a first hour with token.js, each an InputError before any I/O that names the
 * option and what to pass instead (issue 19): option values, unknown option keys with "did you mean",
 * an empty API key, a model id with spaces, an assistant message that carries nothing.
 */
import { describe, expect, it } from 'vitest'
import { InputError, TokenJS, type RequestOptions } from 'token.js'
import { text } from '../support/text.js'
import { expectInputError } from './expect-input-error.js'
import { useEmulator } from './harness.js'

const harness = useEmulator()
const params = {
  provider: 'mistral' as const,
  model: 'mistral-small-latest',
  messages: [{ role: 'user' as const, content: 'Hi' }],
}

/** A client with `options` (typed loosely: these are the mistakes a JavaScript caller can make). */
const clientWith = (options: Record<string, unknown>): TokenJS => harness.client(options)

describe('client option values', () => {
  for (const [option, value, expected] of [
    ['timeout', 'abc', `'timeout' must be a number from 1 to 2147483647 (milliseconds`],
    ['timeout', -1, 'got -1'],
    ['timeout', Number.NaN, 'got NaN'],
    ['timeout', 0, 'got 0'],
    ['timeout', 1e12, 'got 1000000000000'],
    ['timeout', '5000', 'Pass the number 5000, not a string.'],
    ['idleTimeout', -5, `'idleTimeout' must be a number`],
    ['maxRetries', -1, `'maxRetries' must be an integer from 0 to 100`],
    ['maxRetries', 1.5, 'got 1.5'],
    ['maxRetries', 'x', 'got the string "x"'],
    ['maxResponseSize', 0, `'maxResponseSize' must be an integer`],
    ['dropUnsupportedParams', 'yes', `'dropUnsupportedParams' must be a boolean`],
    ['fetch', {}, `'fetch' must be a function`],
    ['defaultHeaders', 'x-a: 1', `'defaultHeaders' must be an object of header names`],
  ] as const) {
    it(`${option}: ${text(value)} → InputError naming '${option}'`, async () => {
      await expectInputError(harness, clientWith({ [option]: value }).chat.completions.create(params), option, expected)
    })
  }

  it('accepts every valid value (and undefined)', async () => {
    const client = clientWith({ timeout: 30_000, idleTimeout: undefined, maxRetries: 0, maxResponseSize: 1 << 20 })
    const completion = await client.chat.completions.create(params)
    expect(completion.choices[0]?.message.role).toBe('assistant')
  })
})

describe('unknown option keys get a "did you mean"', () => {
  for (const [options, param, suggestion] of [
    [{ timeOut: 5000 }, 'timeOut', "did you mean 'timeout'?"],
    [{ maxRetry: 1 }, 'maxRetry', "did you mean 'maxRetries'?"],
    [{ baseUrl: 'http://x' }, 'baseUrl', "did you mean 'baseURL'?"],
    [{ providers: { mistrall: { apiKey: 'k' } } }, 'providers.mistrall', "did you mean 'providers.mistral'?"],
    [
      { providers: { mistral: { apikey: 'k' } } },
      'providers.mistral.apikey',
      "did you mean 'providers.mistral.apiKey'?",
    ],
    [{ liveModelCapabilities: { ttl: 5 } }, 'liveModelCapabilities.ttl', "did you mean 'liveModelCapabilities.ttlMs'?"],
  ] as const) {
    it(param, async () => {
      await expectInputError(harness, clientWith(options).chat.completions.create(params), param, suggestion)
    })
  }

  it('a key far from every option lists the known ones', async () => {
    const error = await expectInputError(harness, clientWith({ zzz: 1 }).chat.completions.create(params), 'zzz')
    expect(error.message).toContain('known: apiKey, baseURL, timeout')
  })

  it('request options are checked the same way, on every call', async () => {
    const client = harness.client()
    const create = (options: Record<string, unknown>): Promise<unknown> =>
      client.chat.completions.create(params, options)
    await expectInputError(harness, create({ timeOut: 5 }), 'timeOut', "did you mean 'timeout'?")
    await expectInputError(harness, create({ maxRetry: 1 }), 'maxRetry', "did you mean 'maxRetries'?")
    await expectInputError(harness, create({ timeout: -5 }), 'timeout', 'got -5')
    await expectInputError(harness, create({ signal: 'stop' }), 'signal', `'signal' must be an object`)
    // The same client still works with good options.
    await client.chat.completions.create(params, { timeout: 30_000 })
  })

  it('embeddings, completions and models.list check their request options too', async () => {
    const client = harness.client()
    const bad = { timeOut: 1 } as RequestOptions
    await expectInputError(
      harness,
      client.embeddings.create({ provider: 'mistral', model: 'mistral-embed', input: 'x' }, bad),
      'timeOut',
    )
    await expectInputError(
      harness,
      client.completions.create({ provider: 'mistral', model: 'codestral-latest', prompt: 'x' }, bad),
      'timeOut',
    )
    await expectInputError(harness, client.models.list({ provider: 'mistral' }, bad), 'timeOut')
  })
})

describe('an empty API key', () => {
  for (const [label, options] of [
    ["apiKey: ''", { apiKey: '' }],
    ["apiKey: '  '", { apiKey: '  ' }],
    ["providers.mistral.apiKey: ''", { providers: { mistral: { apiKey: '' } } }],
  ] as const) {
    it(`${label}: InputError naming MISTRAL_API_KEY, never sent as an empty bearer`, async () => {
      await expectInputError(
        harness,
        clientWith(options).chat.completions.create(params),
        'apiKey',
        'An empty API key for Mistral',
        'set the MISTRAL_API_KEY environment variable',
      )
    })
  }
})

describe('a model id with spaces or quotes', () => {
  for (const [model, expected] of [
    ['mistral small latest', "did you mean 'mistral-small-latest'?"],
    ['Mistral Small Latest', "did you mean 'mistral-small-latest'?"],
    [' mistral-small-latest', "did you mean 'mistral-small-latest'?"],
    ["'mistral-small-latest'", "did you mean 'mistral-small-latest'?"],
    ['my model', "which no model id has (e.g. 'mistral-"],
  ] as const) {
    it(`${JSON.stringify(model)}: ${expected}`, async () => {
      await expectInputError(harness, harness.client().chat.completions.create({ ...params, model }), 'model', expected)
    })
  }

  it('embeddings and fill-in-the-middle refuse them too', async () => {
    const client = harness.client()
    await expectInputError(
      harness,
      client.embeddings.create({ provider: 'mistral', model: 'mistral embed', input: 'x' }),
      'model',
      "did you mean 'mistral-embed'?",
    )
    await expectInputError(
      harness,
      client.completions.create({ provider: 'mistral', model: 'codestral latest', prompt: 'x' }),
      'model',
      "did you mean 'codestral-latest'?",
    )
  })

  it('ids with ":" "/" "." and "@" (fine-tunes, routes, versions) are still sent', async () => {
    const client = harness.client()
    await expect(
      client.chat.completions.create({ ...params, model: 'ft:mistral-small-latest:acme:7c1f2a' }),
    ).resolves.toBeDefined()
  })
})

describe('an assistant message that carries nothing', () => {
  for (const [label, message] of [
    ['content: null', { role: 'assistant' as const, content: null }],
    ["content: ''", { role: 'assistant' as const, content: '' }],
    ['no content', { role: 'assistant' as const }],
    ['content: []', { role: 'assistant' as const, content: [] }],
  ] as const) {
    it(`${label} and no tool_calls: refused by name (not dropped)`, async () => {
      const messages = [{ role: 'user' as const, content: 'Hi' }, message, { role: 'user' as const, content: 'Again' }]
      const error = await expectInputError(
        harness,
        harness.client().chat.completions.create({ ...params, messages } as never),
        'messages[1].content',
        'no content and no tool_calls',
      )
      expect(error).toBeInstanceOf(InputError)
    })
  }

  it('content: null with a refusal is sent (the refusal becomes the content)', async () => {
    const messages = [
      { role: 'user' as const, content: 'Hi' },
      { role: 'assistant' as const, content: null, refusal: 'I cannot.' },
      { role: 'user' as const, content: 'Again' },
    ]
    await harness.client().chat.completions.create({ ...params, messages })
    expect(harness.lastBody().messages).toHaveLength(3)
  })
})
