/**
 * Proof under load: 1,000 concurrent calls (half streaming) against the emulator, with every fault kind
 * it offers injected into ~5% of the calls each. Each call's fault — and whether it hits only the first
 * attempt — is fixed in advance from a marker in its last user message, so each call's outcome and the
 * number of requests it causes are known: every call returns exactly the expected answer or rejects with
 * exactly the expected class, the emulator sees exactly the expected attempts, nothing is left unhandled,
 * and no socket stays open.
 */
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  FinishReasonError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseParseError,
  TokenJS,
  UnprocessableEntityError,
  type ChatCompletionChunk,
} from 'token.js'
import type { ScriptedReply } from '@tokenjs/emulator'
import { createNodeTransport } from '../../src/core/node-transport.js'
import { useEmulator } from '../e2e/harness.js'
import { waitFor } from './support.js'
import { text } from '../support/text.js'

const CALLS = 1_000
const PER_KIND = 50 // 5% of the calls for each fault kind
// A whole-response deadline (not an idle timer): under a loaded CI machine, 1,000 calls on 64 sockets
// in one process need headroom for the calls that are answered normally.
const TIMEOUT_MS = 4_000
const MAX_RETRIES = 2

const harness = useEmulator({ chunkSize: 6 })

type ErrorClass = abstract new (...args: never[]) => Error
type Kind =
  | 'none'
  | 'http-retryable'
  | 'http-final'
  | 'reset'
  | 'hang'
  | 'html-error'
  | 'drop-after-chunks'
  | 'split'
  | 'malformed-json'
  | 'stream-error'
  | 'delay'
  | 'reply'
  | 'sse-raw'

const faultKinds: Kind[] = [
  'http-retryable',
  'http-final',
  'reset',
  'hang',
  'html-error',
  'drop-after-chunks',
  'split',
  'malformed-json',
  'stream-error',
  'delay',
  'reply',
  'sse-raw',
]
const retryableStatuses: Array<[number, ErrorClass]> = [
  [408, APIError],
  [409, ConflictError],
  [429, RateLimitError],
  [500, InternalServerError],
  [502, InternalServerError],
  [503, InternalServerError],
  [504, InternalServerError],
]
const finalStatuses: Array<[number, ErrorClass]> = [
  [400, BadRequestError],
  [401, AuthenticationError],
  [403, PermissionDeniedError],
  [404, NotFoundError],
  [422, UnprocessableEntityError],
]

interface Call {
  index: number
  marker: string
  kind: Kind
  stream: boolean
  /** The fault hits the first attempt only (later attempts are answered normally). */
  firstOnly: boolean
}

interface Expected {
  /** `undefined`: the call succeeds with `content`. */
  errorClass: ErrorClass | undefined
  content: string
  attempts: number
}

/** A small seeded PRNG (mulberry32) so the plan is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

function plan(): Call[] {
  const next = random(20_260_817)
  const kinds: Kind[] = [...faultKinds.flatMap((kind) => Array.from({ length: PER_KIND }, () => kind))]
  while (kinds.length < CALLS) kinds.push('none')
  for (let index = kinds.length - 1; index > 0; index--) {
    const other = Math.floor(next() * (index + 1))
    ;[kinds[index], kinds[other]] = [kinds[other] as Kind, kinds[index] as Kind]
  }
  return kinds.map((kind, index) => ({
    index,
    marker: `call-${index}`,
    kind,
    stream: index % 2 === 0,
    firstOnly: next() < 0.5,
  }))
}

const quick = { 'retry-after-ms': '1' }

function faultOf(call: Call): ScriptedReply | undefined {
  const index = call.index
  switch (call.kind) {
    case 'none':
      return undefined
    case 'http-retryable':
      return {
        kind: 'http',
        status: (retryableStatuses[index % retryableStatuses.length] as [number, ErrorClass])[0],
        headers: quick,
      }
    case 'http-final':
      return {
        kind: 'http',
        status: (finalStatuses[index % finalStatuses.length] as [number, ErrorClass])[0],
        headers: quick,
      }
    case 'reset':
      return { kind: 'reset' }
    case 'hang':
      return { kind: 'hang' }
    case 'html-error':
      return { kind: 'html-error', status: 502 }
    case 'drop-after-chunks':
      return { kind: 'drop-after-chunks', chunks: 1 }
    case 'split':
      return { kind: 'split', chunkBytes: 7 }
    case 'malformed-json':
      return { kind: 'malformed-json' }
    case 'stream-error':
      return { kind: 'stream-error', afterChunks: 1 }
    case 'delay':
      return { kind: 'delay', ms: 20 }
    case 'reply':
      return { kind: 'reply', content: `scripted answer ${index}` }
    case 'sse-raw':
      return {
        kind: 'sse-raw',
        data: `data: {"object":"error","message":"overloaded ${index}","type":"internal_server_error","code":"3000"}\n\n`,
      }
  }
}

function expectedOf(call: Call): Expected {
  const answer = `You said: ${call.marker}`
  const retried = (errorClass: ErrorClass): Expected =>
    call.firstOnly
      ? { errorClass: undefined, content: answer, attempts: 2 }
      : { errorClass, content: '', attempts: MAX_RETRIES + 1 }
  const final = (errorClass: ErrorClass): Expected => ({ errorClass, content: '', attempts: 1 })
  switch (call.kind) {
    case 'none':
    case 'split':
    case 'delay':
      return { errorClass: undefined, content: answer, attempts: 1 }
    case 'reply':
      return { errorClass: undefined, content: `scripted answer ${call.index}`, attempts: 1 }
    case 'http-retryable':
      return retried((retryableStatuses[call.index % retryableStatuses.length] as [number, ErrorClass])[1])
    case 'http-final':
      return final((finalStatuses[call.index % finalStatuses.length] as [number, ErrorClass])[1])
    case 'reset':
      return retried(APIConnectionError)
    case 'hang':
      return retried(APIConnectionTimeoutError)
    case 'html-error':
      return retried(InternalServerError)
    // Faults after the headers: the body is never retried (a stream may already have delivered chunks).
    case 'drop-after-chunks':
      return final(APIConnectionError)
    case 'malformed-json':
      return final(ResponseParseError)
    case 'stream-error':
      return final(FinishReasonError)
    case 'sse-raw':
      // Streaming: an error event is an APIError; as a JSON body the same bytes are not JSON.
      return final(call.stream ? APIError : ResponseParseError)
  }
}

interface Outcome {
  content?: string
  error?: unknown
}

async function run(client: TokenJS, call: Call): Promise<Outcome> {
  const params = {
    provider: 'mistral' as const,
    model: 'mistral-large-latest',
    messages: [{ role: 'user' as const, content: call.marker }],
  }
  try {
    if (!call.stream) {
      const completion = await client.chat.completions.create(params)
      return { content: completion.choices[0]?.message.content ?? '' }
    }
    const stream = await client.chat.completions.create({ ...params, stream: true })
    let content = ''
    for await (const chunk of stream as AsyncIterable<ChatCompletionChunk>)
      content += chunk.choices[0]?.delta.content ?? ''
    return { content }
  } catch (error) {
    return { error }
  }
}

function resourceCounts(): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const resource of process.getActiveResourcesInfo()) counts[resource] = (counts[resource] ?? 0) + 1
  return counts
}

describe('1,000 concurrent calls with injected faults', () => {
  const unhandled: unknown[] = []
  const onUnhandled = (reason: unknown): void => {
    unhandled.push(reason)
  }
  beforeAll(() => {
    process.on('unhandledRejection', onUnhandled)
  })
  afterAll(() => {
    process.off('unhandledRejection', onUnhandled)
  })

  it(
    'every call ends exactly as planned, with exactly the planned requests, and releases every socket',
    { timeout: 60_000 },
    async () => {
      const calls = plan()
      const byMarker = new Map(calls.map((call) => [call.marker, call]))
      const attempts = new Map<string, number>()
      harness.emulator.setHandler((request) => {
        const messages = (request.body as { messages?: Array<{ content?: unknown }> } | undefined)?.messages
        const marker = messages?.[messages.length - 1]?.content
        const call = typeof marker === 'string' ? byMarker.get(marker) : undefined
        if (call === undefined) throw new Error(`request without a known marker: ${String(marker)}`)
        const attempt = (attempts.get(call.marker) ?? 0) + 1
        attempts.set(call.marker, attempt)
        return call.firstOnly && attempt > 1 ? undefined : faultOf(call)
      })

      const before = resourceCounts()
      const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })
      const client = new TokenJS({
        apiKey: harness.emulator.apiKey,
        baseURL: harness.emulator.url,
        transport: createNodeTransport({ httpAgent: agent }),
        timeout: TIMEOUT_MS,
        maxRetries: MAX_RETRIES,
      })
      const started = performance.now()
      const outcomes = await Promise.all(calls.map((call) => run(client, call)))
      const elapsed = performance.now() - started

      // Outcomes.
      const mismatches: string[] = []
      const byClass: Record<string, number> = {}
      calls.forEach((call, position) => {
        const outcome = outcomes[position] as Outcome
        const expected = expectedOf(call)
        const label = `${call.marker} (${call.kind}${call.stream ? ', stream' : ''}${call.firstOnly ? ', first attempt only' : ''})`
        const className = outcome.error === undefined ? 'success' : (outcome.error as Error).constructor.name
        byClass[className] = (byClass[className] ?? 0) + 1
        if (expected.errorClass === undefined) {
          if (outcome.error !== undefined) mismatches.push(`${label}: expected success, got ${text(outcome.error)}`)
          else if (outcome.content !== expected.content)
            mismatches.push(
              `${label}: content ${JSON.stringify(outcome.content)} ≠ ${JSON.stringify(expected.content)}`,
            )
        } else if (outcome.error === undefined) {
          mismatches.push(`${label}: expected ${expected.errorClass.name}, got success`)
        } else if ((outcome.error as Error).constructor !== expected.errorClass) {
          mismatches.push(`${label}: expected ${expected.errorClass.name}, got ${text(outcome.error)}`)
        }
        const seen = attempts.get(call.marker) ?? 0
        if (seen !== expected.attempts) mismatches.push(`${label}: ${seen} requests, expected ${expected.attempts}`)
      })
      expect(mismatches).toEqual([])
      const expectedRequests = calls.reduce((sum, call) => sum + expectedOf(call).attempts, 0)
      expect(harness.emulator.requests).toHaveLength(expectedRequests)

      // No socket in use, none left open once the agent is destroyed, nothing unhandled.
      expect(
        await waitFor(() => Object.keys(agent.sockets).length === 0 && Object.keys(agent.requests).length === 0),
      ).toBe(true)
      const openBeforeDestroy = harness.emulator.openConnections()
      agent.destroy()
      expect(await waitFor(() => harness.emulator.openConnections() === 0)).toBe(true)
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(unhandled).toEqual([])
      expect(await waitFor(() => (resourceCounts().TCPSocketWrap ?? 0) <= (before.TCPSocketWrap ?? 0))).toBe(true)
      const after = resourceCounts()

      const faults: Record<string, number> = {}
      for (const call of calls) {
        const key = `${call.kind}${call.kind === 'none' ? '' : call.firstOnly ? ' (first attempt)' : ' (every attempt)'}`
        faults[key] = (faults[key] ?? 0) + 1
      }
      console.log(
        JSON.stringify(
          {
            calls: CALLS,
            streaming: calls.filter((call) => call.stream).length,
            requests: harness.emulator.requests.length,
            expectedRequests,
            elapsedMs: Math.round(elapsed),
            faults,
            outcomesByClass: byClass,
            keepAliveSocketsBeforeDestroy: openBeforeDestroy,
            activeResourcesBefore: before,
            activeResourcesAfter: after,
          },
          null,
          1,
        ),
      )
    },
  )
})
