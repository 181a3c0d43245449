/**
 * Header names, values and the key are checked before any I/O (RFC 9110 section 5.1 token names, section 5.5
 * field-value characters, nothing beyond Latin-1): an InputError at once, nothing sent, never retried,
 * on both transports (fetch used to fail with "fetch failed" after ~1.3 s of retries, node:http with a
 * raw TypeError).
 */
import { describe, expect, it } from 'vitest'
import { InputError, TokenJS } from 'token.js'
import { hello, MODEL, rejectionOf, transports, useHostileServer } from './support.js'

const server = useHostileServer()
const chat = { provider: 'mistral' as const, model: MODEL, messages: hello }

const badNames = ['x\u0001y', 'x\u007fy', 'x y', 'x:y', 'é-header', '']
const badValues = ['a\u0001b', 'a\u007fb', 'price €5', 'emoji 🙂']
const badKeys = ['sk-€uro', 'sk-\u007fdel', 'sk-\u0001ctl', 'sk-“quoted”']

describe.each(transports)('%s', (_name, transportOptions) => {
  const client = (options = {}): TokenJS => server.client({ ...transportOptions, maxRetries: 2, ...options })

  async function expectRefused(run: () => Promise<unknown>, param: RegExp): Promise<void> {
    const started = performance.now()
    const error = await rejectionOf(run())
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).param).toMatch(param)
    expect(performance.now() - started).toBeLessThan(200)
    expect(server.requests).toHaveLength(0)
  }

  for (const name of badNames) {
    it(`refuses the header name ${JSON.stringify(name)} before any I/O (request and default headers)`, async () => {
      await expectRefused(() => client().chat.completions.create(chat, { headers: { [name]: 'v' } }), /^headers\./)
      await expectRefused(
        () => client({ defaultHeaders: { [name]: 'v' } }).chat.completions.create(chat),
        /^defaultHeaders\./,
      )
    })
  }

  for (const value of badValues) {
    it(`refuses the header value ${JSON.stringify(value)} without quoting it`, async () => {
      const error = await rejectionOf(client().chat.completions.create(chat, { headers: { 'x-note': value } }))
      expect(error).toBeInstanceOf(InputError)
      expect((error as Error).message).not.toContain(value)
      expect(server.requests).toHaveLength(0)
    })
  }

  for (const key of badKeys) {
    it(`refuses an API key with ${JSON.stringify(key.slice(3))} without echoing it`, async () => {
      const error = await rejectionOf(client({ apiKey: key }).chat.completions.create(chat))
      expect(error).toBeInstanceOf(InputError)
      expect((error as InputError).param).toBe('apiKey')
      expect(JSON.stringify(error)).not.toContain(key)
      expect(server.requests).toHaveLength(0)
    })
  }

  it('accepts every RFC 9110 token character in a name and obs-text (Latin-1) in a value', async () => {
    server.handle((_request, response) => {
      response.writeHead(500)
      response.end()
    })
    const error = await rejectionOf(
      client({ maxRetries: 0 }).chat.completions.create(chat, {
        headers: { "x-!#$%&'*+-.^_`|~09AZaz": 'caf\u00e9 \t ok' },
      }),
    )
    expect(error).not.toBeInstanceOf(InputError)
    expect(server.requests).toHaveLength(1)
  })
})
