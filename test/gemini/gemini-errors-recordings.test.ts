/**
 * Gemini errors through token.js (status → error class, Google's message and status name, the key never
 * in an error), keys from GEMINI_API_KEY / GOOGLE_API_KEY, and recorded real answers (pydantic-ai
 * cassettes; vercel/ai fixtures for errors) replayed through the client.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  APIError,
  BadRequestError,
  InputError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  TokenJS,
  InternalServerError,
} from 'token.js'
import { useGeminiEmulator } from './harness.js'

const harness = useGeminiEmulator()
const ask = (client: TokenJS, model = 'gemini-3.8-flash') =>
  client.chat.completions
    .create({ provider: 'gemini', model, messages: [{ role: 'user', content: 'x' }] })
    .catch((error: unknown) => error)

describe('Gemini errors', () => {
  it('maps 400/403/404/429/500/503 to typed errors carrying Google’s message and status', async () => {
    const client = harness.client()
    const bad = await ask(
      harness.client({ providers: { gemini: { apiKey: 'wrong-key-123', baseURL: harness.emulator.url } } }),
    )
    expect(bad).toBeInstanceOf(BadRequestError)
    expect((bad as APIError).message).toContain('API key not valid')
    expect(JSON.stringify(bad)).not.toContain('wrong-key-123')
    const missing = await ask(client, 'gemini-3.6-flahs')
    expect(missing).toBeInstanceOf(NotFoundError)
    expect((missing as Error).message).toContain("model 'gemini-3.6-flahs'")
    harness.emulator.enqueue(
      { kind: 'http', status: 403 },
      { kind: 'http', status: 429 },
      { kind: 'http', status: 500 },
      { kind: 'http', status: 503 },
    )
    expect(await ask(client)).toBeInstanceOf(PermissionDeniedError)
    const limited = await ask(client)
    expect(limited).toBeInstanceOf(RateLimitError)
    expect((limited as APIError).message).toMatch(/retry in \d+s/)
    expect(await ask(client)).toBeInstanceOf(InternalServerError)
    const overloaded = await ask(client)
    expect(overloaded).toBeInstanceOf(InternalServerError)
    expect((overloaded as APIError).code).toBe('UNAVAILABLE')
  })

  it('reads the key from GOOGLE_API_KEY before GEMINI_API_KEY, as Google’s SDK does, and names both when missing', async () => {
    const saved = { google: process.env.GOOGLE_API_KEY, gemini: process.env.GEMINI_API_KEY }
    try {
      delete process.env.GOOGLE_API_KEY
      delete process.env.GEMINI_API_KEY
      const none = await ask(new TokenJS({ baseURL: harness.emulator.url }))
      expect(none).toBeInstanceOf(InputError)
      expect((none as Error).message).toContain('GOOGLE_API_KEY or GEMINI_API_KEY')
      process.env.GEMINI_API_KEY = harness.emulator.apiKey
      expect(await ask(new TokenJS({ baseURL: harness.emulator.url }))).toMatchObject({ object: 'chat.completion' })
      process.env.GOOGLE_API_KEY = 'google-key-wins'
      expect(await ask(new TokenJS({ baseURL: harness.emulator.url }))).toBeInstanceOf(BadRequestError)
    } finally {
      for (const [name, value] of [
        ['GOOGLE_API_KEY', saved.google],
        ['GEMINI_API_KEY', saved.gemini],
      ] as const)
        if (value === undefined) delete process.env[name]
        else process.env[name] = value
    }
  })
})

interface Recording {
  interactions: { request: { url: string; body: any }; response: { status: number; body: any } }[]
}
const DIR = join(import.meta.dirname, '../fixtures/real/gemini/pydantic-ai')
const answers = readdirSync(DIR).flatMap((file) =>
  (JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Recording).interactions
    .filter(
      (interaction) =>
        /:(stream)?[gG]enerateContent/.test(interaction.request.url) && interaction.response.status === 200,
    )
    .map((interaction) => ({
      file,
      stream: interaction.request.url.includes('streamGenerateContent'),
      body: interaction.response.body,
    })),
)
const textOf = (response: any): string =>
  (response.candidates?.[0]?.content?.parts ?? [])
    .filter((part: any) => typeof part.text === 'string' && part.thought !== true)
    .map((part: any) => part.text)
    .join('')

describe('recorded Gemini answers through the client', () => {
  it('parses every recorded answer: text, tool calls and usage as Gemini sent them', async () => {
    expect(answers.length).toBeGreaterThan(80)
    const client = harness.client()
    for (const answer of answers) {
      const events = answer.stream
        ? String(answer.body)
            .split(/\r?\n\r?\n/)
            .filter((frame) => frame.startsWith('data: '))
            .map((frame) => JSON.parse(frame.slice(6)))
        : [answer.body]
      if (answer.stream) harness.emulator.enqueue({ kind: 'sse-raw', data: String(answer.body) })
      else harness.emulator.enqueue({ kind: 'http', status: 200, body: answer.body })
      const params = {
        provider: 'gemini' as const,
        model: 'gemini-3.8-flash',
        messages: [{ role: 'user' as const, content: 'x' }],
      }
      const completion = answer.stream
        ? await (await client.chat.completions.create({ ...params, stream: true })).finalCompletion()
        : await client.chat.completions.create(params)
      const expectedText = events.map(textOf).join('')
      const calls = events.flatMap((event: any) =>
        (event.candidates?.[0]?.content?.parts ?? []).filter((part: any) => part.functionCall !== undefined),
      )
      const message = completion.choices[0]?.message
      expect(message?.content ?? '', answer.file).toBe(calls.length > 0 && expectedText === '' ? '' : expectedText)
      expect(message?.tool_calls?.map((call) => call.function.name) ?? [], answer.file).toEqual(
        calls.map((part: any) => part.functionCall.name),
      )
      const usage = events.at(-1)?.usageMetadata
      if (usage?.totalTokenCount !== undefined)
        expect(completion.usage?.total_tokens, answer.file).toBe(usage.totalTokenCount)
    }
  }, 60_000)

  it('reads recorded error bodies (vercel/ai fixtures) into the message', async () => {
    const bodies = [
      {
        status: 400,
        body: {
          error: {
            code: 400,
            message: 'Penalty is not enabled for models/gemini-2.5-flash',
            status: 'INVALID_ARGUMENT',
          },
        },
      },
      {
        status: 429,
        body: {
          error: {
            code: 429,
            message: 'You exceeded your current quota, please check your plan.',
            status: 'RESOURCE_EXHAUSTED',
            details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '34.4s' }],
          },
        },
      },
    ]
    for (const { status, body } of bodies) {
      harness.emulator.enqueue({ kind: 'http', status, body })
      const error = (await ask(harness.client())) as APIError
      expect(error.message).toContain(body.error.message)
      expect(error.code).toBe(body.error.status)
    }
  })
})
