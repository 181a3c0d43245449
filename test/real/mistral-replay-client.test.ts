/**
 * Corpus test 1: every recorded Mistral response, served byte for byte over loopback, read through the
 * public client gives the OpenAI result read independently from the recording here: text, reasoning,
 * tool calls, finish reason, usage (cached tokens included), ids; an error answer is the typed class
 * for its status (a model the API does not serve: NotFoundError) with Mistral's message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  RateLimitError,
  TokenJS,
  UnprocessableEntityError,
  type APIError,
  type ChatCompletion,
  type ChatCompletionChunk,
} from 'token.js'
import { recordedChunks, recordings, sseBytes, type Recording } from '../fixtures/real/mistral/recordings.js'
import { startReplayServer, type ReplayServer } from '../support/replay-server.js'

let server: ReplayServer
beforeAll(async () => {
  server = await startReplayServer()
})
afterAll(() => server.close())

type Json = Record<string, any>

/** What an OpenAI reader should see in one Mistral message or delta, read straight from the wire. */
interface Expected {
  text: string
  reasoning: string
  toolCalls: { id?: string; name: string; arguments: string }[]
}

function readContent(content: unknown, into: Expected): void {
  if (typeof content === 'string') into.text += content
  if (!Array.isArray(content)) return
  for (const chunk of content as Json[]) {
    if (chunk.type === 'text') into.text += chunk.text
    if (chunk.type === 'thinking') for (const part of chunk.thinking as Json[]) into.reasoning += part.text ?? ''
  }
}

function argumentsText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function expectedMessage(message: Json): Expected {
  const expected: Expected = { text: '', reasoning: '', toolCalls: [] }
  readContent(message.content, expected)
  for (const call of (message.tool_calls ?? []) as Json[]) {
    expected.toolCalls.push({
      id: call.id,
      name: call.function.name,
      arguments: argumentsText(call.function.arguments),
    })
  }
  return expected
}

function expectedStream(chunks: Json[]): Expected & { finish: string | null; usage: Json | undefined } {
  const expected: Expected = { text: '', reasoning: '', toolCalls: [] }
  let finish: string | null = null
  let usage: Json | undefined
  for (const chunk of chunks) {
    if (chunk.usage !== undefined && chunk.usage !== null) usage = chunk.usage
    for (const choice of (chunk.choices ?? []) as Json[]) {
      readContent(choice.delta?.content, expected)
      for (const [position, call] of ((choice.delta?.tool_calls ?? []) as Json[]).entries()) {
        const index = typeof call.index === 'number' ? call.index : position
        const known = expected.toolCalls[index] ?? { name: '', arguments: '' }
        if (call.id !== undefined) known.id = call.id
        known.name += call.function?.name ?? ''
        known.arguments += argumentsText(call.function?.arguments ?? '')
        expected.toolCalls[index] = known
      }
      if (choice.finish_reason !== null && choice.finish_reason !== undefined) finish = choice.finish_reason
    }
  }
  return { ...expected, finish, usage }
}

function cachedTokens(usage: Json | undefined): number | undefined {
  return usage?.prompt_tokens_details?.cached_tokens ?? usage?.num_cached_tokens
}

function mistralMessage(body: unknown): string {
  const record = body as Json
  if (typeof record.detail === 'string') return record.detail
  if (typeof record.message === 'string' && !record.message.trim().startsWith('{')) return record.message
  const detail = record.detail ?? record.message?.detail ?? JSON.parse(String(record.message)).detail
  return (detail as Json[])[0]?.msg
}

function client(): TokenJS {
  return new TokenJS({ apiKey: 'replay-key', baseURL: server.url, maxRetries: 0 })
}

function answer(recording: Recording): void {
  const response = recording.response
  const sse = sseBytes(response)
  const contentType =
    response.headers?.['content-type'] ?? (sse === undefined ? 'application/json' : 'text/event-stream')
  const headers: Record<string, string> = { 'content-type': contentType }
  const correlation = response.headers?.['mistral-correlation-id']
  if (correlation !== undefined) headers['mistral-correlation-id'] = correlation
  server.answer({ status: response.status, headers, body: sse ?? JSON.stringify(response.body) })
}

function modelOf(recording: Recording): string {
  const body = recording.response.body as Json | undefined
  return (
    (recording.request?.body?.model as string | undefined) ??
    body?.model ??
    (recordedChunks(recording.response)[0]?.model as string | undefined) ??
    'mistral-small-latest'
  )
}

const chat = recordings.filter(
  (recording) => (recording.request?.path ?? '/v1/chat/completions') === '/v1/chat/completions',
)
const successes = chat.filter((recording) => recording.response.status === 200)
const failures = recordings.filter((recording) => recording.response.status >= 400)

describe('recorded JSON answers through chat.completions.create', () => {
  it.each(successes.filter((recording) => recording.response.body !== undefined).map((r) => [r.id, r] as const))(
    '%s',
    async (_id, recording) => {
      answer(recording)
      const body = recording.response.body as Json
      const completion = (await client().chat.completions.create({
        provider: 'mistral',
        model: modelOf(recording),
        messages: [{ role: 'user', content: 'replayed' }],
      })) as ChatCompletion
      expect(completion.id).toBe(body.id)
      expect(completion.model).toBe(body.model)
      expect(completion.created).toBe(body.created)
      expect(completion.choices).toHaveLength((body.choices as Json[]).length)
      for (const [index, choice] of (body.choices as Json[]).entries()) {
        const expected = expectedMessage(choice.message)
        const message = completion.choices[index]!.message
        expect(message.content ?? '').toBe(expected.text)
        expect(message.reasoning_content ?? '').toBe(expected.reasoning)
        expect(
          (message.tool_calls ?? []).map((call) => ({
            id: call.id,
            name: call.function.name,
            arguments: call.function.arguments,
          })),
        ).toEqual(expected.toolCalls)
        expect(completion.choices[index]!.finish_reason).toBe(
          choice.finish_reason === 'model_length' ? 'length' : choice.finish_reason,
        )
      }
      expect(completion.usage?.prompt_tokens).toBe(body.usage.prompt_tokens)
      expect(completion.usage?.completion_tokens).toBe(body.usage.completion_tokens)
      expect(completion.usage?.total_tokens).toBe(body.usage.total_tokens)
      expect(completion.usage?.prompt_tokens_details?.cached_tokens).toBe(cachedTokens(body.usage))
    },
  )
})

describe('recorded event streams through chat.completions.create({ stream: true })', () => {
  it.each(successes.filter((recording) => sseBytes(recording.response) !== undefined).map((r) => [r.id, r] as const))(
    '%s',
    async (_id, recording) => {
      answer(recording)
      const chunks = recordedChunks(recording.response) as Json[]
      const expected = expectedStream(chunks)
      const stream = await client().chat.completions.create({
        provider: 'mistral',
        model: modelOf(recording),
        messages: [{ role: 'user', content: 'replayed' }],
        stream: true,
      })
      const received: ChatCompletionChunk[] = []
      for await (const chunk of stream) received.push(chunk)
      expect(new Set(received.map((chunk) => chunk.id))).toEqual(new Set([chunks[0]!.id]))
      const deltas = received.flatMap((chunk) => chunk.choices.map((choice) => choice.delta))
      expect(deltas.map((delta) => delta.content ?? '').join('')).toBe(expected.text)
      expect(deltas.map((delta) => delta.reasoning_content ?? '').join('')).toBe(expected.reasoning)
      const calls = new Map<number, { id?: string; name: string; arguments: string }>()
      for (const call of deltas.flatMap((delta) => delta.tool_calls ?? [])) {
        const known = calls.get(call.index) ?? { name: '', arguments: '' }
        if (call.id !== undefined) known.id = call.id
        known.name += call.function?.name ?? ''
        known.arguments += call.function?.arguments ?? ''
        calls.set(call.index, known)
      }
      expect([...calls.values()]).toEqual(expected.toolCalls)
      const finishes = received.flatMap((chunk) => chunk.choices.map((choice) => choice.finish_reason)).filter(Boolean)
      expect(finishes).toEqual(expected.finish === null ? [] : [expected.finish])
      const usage = received.find((chunk) => chunk.usage !== undefined && chunk.usage !== null)?.usage
      expect(usage?.prompt_tokens).toBe(expected.usage?.prompt_tokens)
      expect(usage?.completion_tokens).toBe(expected.usage?.completion_tokens)
      expect(usage?.prompt_tokens_details?.cached_tokens).toBe(cachedTokens(expected.usage))
    },
  )
})

describe('recorded error answers are typed errors with Mistral’s message', () => {
  const classFor = (recording: Recording): new (...args: never[]) => APIError => {
    const body = recording.response.body as Json
    if (body.type === 'invalid_model') return NotFoundError
    const byStatus: Record<number, new (...args: never[]) => APIError> = {
      400: BadRequestError,
      401: AuthenticationError,
      422: UnprocessableEntityError,
      429: RateLimitError,
    }
    return byStatus[recording.response.status]!
  }
  it.each(failures.map((r) => [r.id, r] as const))('%s', async (_id, recording) => {
    answer(recording)
    const call =
      recording.request?.method === 'GET'
        ? client().models.list({ provider: 'mistral' })
        : client().chat.completions.create({
            provider: 'mistral',
            model: modelOf(recording),
            messages: [{ role: 'user', content: 'replayed' }],
          })
    const error = (await call.catch((caught: unknown) => caught)) as APIError
    expect(error).toBeInstanceOf(classFor(recording))
    expect(error.status).toBe(recording.response.status)
    expect(error.message).toContain(mistralMessage(recording.response.body))
    expect(error.body).toEqual(recording.response.body)
    expect(error.message).not.toContain('replay-key')
  })
})

it('the corpus holds every kind of answer these tests read', () => {
  expect(successes.filter((recording) => recording.response.body !== undefined).length).toBeGreaterThan(40)
  expect(successes.filter((recording) => sseBytes(recording.response) !== undefined).length).toBeGreaterThanOrEqual(4)
  expect(failures.length).toBeGreaterThanOrEqual(10)
})
