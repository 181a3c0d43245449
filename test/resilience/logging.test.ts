/**
 * Logging (`logLevel`, `TOKENJS_LOG`, `logger`) through the public client against the Mistral emulator, on
 * both transports: which lines each level writes, the environment variable, bad levels, and the API key in no
 * line, even when the server echoes it back in a header and an error body.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { InputError, type ClientOptions } from 'token.js'
import { useEmulator } from '../e2e/harness.js'
import { capturingLogger, collect, rejectionOf, transports } from './support.js'

const harness = useEmulator({ chunkSize: 4 })
const hello = [{ role: 'user' as const, content: 'Hello!' }]
const params = { provider: 'mistral', model: 'mistral-small-latest', messages: hello } as const

afterEach(() => {
  delete process.env.TOKENJS_LOG
})

describe.each(transports)('logging (%s)', (_name, transportOptions: ClientOptions) => {
  const client = (options: ClientOptions = {}) => harness.client({ ...transportOptions, maxRetries: 2, ...options })

  it('debug: request and response lines, secrets as ***, the key in no line even when the server echoes it', async () => {
    const key = harness.emulator.apiKey
    harness.emulator.enqueue({
      kind: 'http',
      status: 500,
      headers: { 'retry-after-ms': '1', 'x-echo': `Bearer ${key}` },
      body: { message: `upstream saw Authorization: Bearer ${key}`, type: 'internal' },
    })
    const { lines, logger } = capturingLogger()
    await client({ logLevel: 'debug', logger }).chat.completions.create(params)
    const all = lines.map((line) => line.text).join('\n')
    expect(all).not.toContain(key)
    const sending = lines.filter((line) => line.level === 'debug' && line.text.includes('sending request'))
    expect(sending).toHaveLength(2)
    expect(sending[0]?.text).toContain("authorization: '***'")
    expect(sending[0]?.text).toContain("model: 'mistral-small-latest'")
    const info = lines.filter((line) => line.level === 'info').map((line) => line.text)
    expect(info[0]).toMatch(
      /^token\.js \[log_[0-9a-f]{6}\] POST \S+\/chat\/completions failed \(InternalServerError: .*\*\*\*.*\) - retrying in 1ms \(attempt 2\)$/,
    )
    expect(info[1]).toMatch(
      /^token\.js \[log_[0-9a-f]{6}\] POST \S+\/chat\/completions succeeded with status 200 in \d+ms$/,
    )
    const response = lines.find((line) => line.level === 'debug' && line.text.includes(' response '))
    expect(response?.text).toContain("'mistral-correlation-id'")
  })

  it('info: one line per response and stream end, no request bodies', async () => {
    const { lines, logger } = capturingLogger()
    await collect(await client({ logLevel: 'info', logger }).chat.completions.create({ ...params, stream: true }))
    expect(lines.map((line) => line.level)).toEqual(['info', 'info'])
    expect(lines[0]?.text).toMatch(/succeeded with status 200/)
    expect(lines[1]?.text).toMatch(
      /stream ended: \d+ chunks in \d+ms, first after \d+ms \(mistral mistral-small-latest\)$/,
    )
  })

  it('a failure is an info line naming the error', async () => {
    harness.emulator.enqueue({ kind: 'http', status: 400, body: { message: 'scripted', type: 'invalid_request' } })
    const { lines, logger } = capturingLogger()
    await rejectionOf(client({ logLevel: 'info', logger }).chat.completions.create(params))
    expect(lines.map((line) => line.text)).toEqual([expect.stringMatching(/failed after \d+ms: BadRequestError: /)])
  })
})

describe('log level', () => {
  it("default 'warn': nothing for a retried success", async () => {
    harness.emulator.enqueue({ kind: 'http', status: 503, headers: { 'retry-after-ms': '1' } })
    const { lines, logger } = capturingLogger()
    await harness.client({ logger, maxRetries: 1 }).chat.completions.create(params)
    expect(harness.emulator.requests).toHaveLength(2)
    expect(lines).toEqual([])
  })

  it('TOKENJS_LOG sets it when logLevel is not given; logLevel wins', async () => {
    process.env.TOKENJS_LOG = 'info'
    const fromEnvironment = capturingLogger()
    await harness.client({ logger: fromEnvironment.logger }).chat.completions.create(params)
    expect(fromEnvironment.lines.map((line) => line.level)).toEqual(['info'])
    const option = capturingLogger()
    await harness.client({ logger: option.logger, logLevel: 'off' }).chat.completions.create(params)
    expect(option.lines).toEqual([])
  })

  it('a bad TOKENJS_LOG is a warning and counts as warn', async () => {
    process.env.TOKENJS_LOG = 'loud'
    const { lines, logger } = capturingLogger()
    await harness.client({ logger }).chat.completions.create(params)
    expect(lines).toEqual([
      {
        level: 'warn',
        text: expect.stringMatching(/TOKENJS_LOG is "loud", expected one of off, error, warn, info, debug/),
      },
    ])
  })

  it('a bad logLevel is an InputError before any request', async () => {
    const error = await rejectionOf(harness.client({ logLevel: 'verbose' as never }).chat.completions.create(params))
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).param).toBe('logLevel')
    expect(harness.emulator.requests).toHaveLength(0)
  })
})
