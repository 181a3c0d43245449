/**
 * Real recorded Anthropic traffic (test/fixtures/real/anthropic, with provenance) against the emulator:
 * every recorded request body gets the recorded status class (and, for errors, the recorded type and
 * wording); the emulator's answers have the recorded shapes (keys present, event order, where usage
 * sits); every recorded stream and every emulator stream obey the same event grammar.
 *
 * Recorded models the emulator no longer serves (claude-3-opus-latest, claude-sonnet-4-0, the
 * claude-sonnet-4-5 ids: retired since) are first checked to be a 404 `not_found_error` as the API
 * answers today, then replayed on claude-sonnet-4-6. The cassettes keep no anthropic-version; the SDKs
 * that recorded them sent 2023-06-01, so that is what is replayed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ANTHROPIC_EMULATOR_MODELS,
  startAnthropicEmulator,
  type AnthropicEmulator,
} from '../../packages/emulator/src/anthropic/index.js'
import {
  anthropicRecordings,
  recordedEvents,
  type AnthropicRecording,
  type RecordedEvent,
} from '../fixtures/real/anthropic/index.js'
import { anthropicHeaders, errorOf, parseSse, postMessages } from './helpers.js'

const recordings = anthropicRecordings()
const REPLAY_MODEL = 'claude-sonnet-4-6'
const served = new Set([...ANTHROPIC_EMULATOR_MODELS.map((card) => card.id), 'claude-haiku-4-5', 'claude-opus-4-5'])

let emulator: AnthropicEmulator
beforeAll(async () => {
  emulator = await startAnthropicEmulator({ logRequests: false })
})
afterAll(async () => {
  await emulator.close()
})

const withRequest = recordings.filter(
  (recording): recording is AnthropicRecording & { request: NonNullable<AnthropicRecording['request']> } =>
    recording.request !== undefined && recording.request.path.startsWith('/v1/messages'),
)

function emulatorPath(path: string): string {
  return path.replace(/^\/v1/, '')
}

async function replay(recording: (typeof withRequest)[number], model?: string) {
  const body = model === undefined ? recording.request.body : { ...recording.request.body, model }
  return postMessages(emulator, body, anthropicHeaders(emulator, '2023-06-01'), emulatorPath(recording.request.path))
}

const BLOCK_DELTAS: Readonly<Record<string, readonly string[]>> = {
  text: ['text_delta', 'citations_delta'],
  thinking: ['thinking_delta', 'signature_delta'],
  redacted_thinking: [],
  tool_use: ['input_json_delta'],
  server_tool_use: ['input_json_delta'],
}

/** Everything in `events` that breaks the Messages stream grammar. */
function grammarProblems(events: readonly RecordedEvent[], framingRecorded: boolean): string[] {
  const problems: string[] = []
  const types = events.map((event) => String(event.data.type))
  if (types[0] !== 'message_start') problems.push(`first event is ${types[0]}`)
  if (types[types.length - 1] !== 'message_stop') problems.push(`last event is ${types[types.length - 1]}`)
  if (!types.includes('message_delta')) problems.push('no message_delta')
  let next = 0
  let open: { index: number; type: string } | undefined
  let sawDelta = false
  events.forEach((event, position) => {
    const { data } = event
    if (framingRecorded && event.event !== data.type)
      problems.push(`#${position}: event ${event.event} carries ${String(data.type)}`)
    switch (data.type) {
      case 'content_block_start': {
        const block = data.content_block as { type: string }
        if (open !== undefined)
          problems.push(`#${position}: block ${String(data.index)} starts inside block ${open.index}`)
        if (data.index !== next) problems.push(`#${position}: block index ${String(data.index)}, expected ${next}`)
        open = { index: Number(data.index), type: block.type }
        next++
        break
      }
      case 'content_block_delta': {
        const delta = data.delta as { type: string }
        if (open === undefined || data.index !== open.index) problems.push(`#${position}: delta for a closed block`)
        else if (BLOCK_DELTAS[open.type] !== undefined && !BLOCK_DELTAS[open.type]?.includes(delta.type))
          problems.push(`#${position}: ${delta.type} in a ${open.type} block`)
        break
      }
      case 'content_block_stop':
        if (open === undefined || data.index !== open.index)
          problems.push(`#${position}: stop for a block that is not open`)
        open = undefined
        break
      case 'message_delta': {
        sawDelta = true
        const usage = data.usage as { output_tokens?: unknown } | undefined
        if (typeof usage?.output_tokens !== 'number')
          problems.push(`#${position}: message_delta without usage.output_tokens`)
        if (!('stop_reason' in (data.delta as object)))
          problems.push(`#${position}: message_delta without delta.stop_reason`)
        break
      }
      case 'message_start':
        if (next > 0 || sawDelta) problems.push(`#${position}: message_start after content`)
        break
      case 'ping':
      case 'message_stop':
      case 'error':
        break
      default:
        problems.push(`#${position}: unknown event ${String(data.type)}`)
    }
  })
  if (open !== undefined) problems.push(`block ${open.index} never stops`)
  return problems
}

const keysOf = (value: unknown): string[] => Object.keys(value ?? {}).sort()

describe('recorded requests against the emulator: the recorded status class', () => {
  for (const recording of withRequest) {
    it(`${recording.name} → ${recording.response.status}`, async () => {
      const model = String(recording.request.body.model)
      let replayModel: string | undefined
      if (!served.has(model) && recording.response.status !== 404) {
        const today = await replay(recording)
        expect(today.status, today.text).toBe(404)
        expect(errorOf(today.json)).toEqual({ type: 'not_found_error', message: `model: ${model}` })
        replayModel = REPLAY_MODEL
      }
      const response = await replay(recording, replayModel)
      expect(Math.floor(response.status / 100), response.text).toBe(Math.floor(recording.response.status / 100))
      if (recording.response.status >= 400) {
        expect(response.status).toBe(recording.response.status)
        expect(errorOf(response.json)).toEqual(errorOf(recording.response.body))
        expect(keysOf(response.json)).toEqual(keysOf(recording.response.body))
      }
      const streamed = recording.request.body.stream === true
      expect(
        response.headers.get('content-type')?.startsWith(streamed ? 'text/event-stream' : 'application/json'),
      ).toBe(true)
    })
  }
})

describe('the emulator answers in the recorded shapes', () => {
  const messages = recordings.filter((recording) => recording.response.body?.type === 'message')
  for (const recording of messages) {
    it(`${recording.name}: the Message's keys, usage keys and block keys are the emulator's`, async () => {
      const recorded = recording.response.body as Record<string, unknown>
      const request = withRequest.find((candidate) => candidate === recording)
      const model = request !== undefined && served.has(String(request.request.body.model)) ? undefined : REPLAY_MODEL
      const response =
        request !== undefined
          ? await replay(request, model)
          : await postMessages(emulator, {
              model: REPLAY_MODEL,
              max_tokens: 64,
              messages: [{ role: 'user', content: 'Hi' }],
            })
      const answer = response.json as Record<string, unknown>
      for (const key of keysOf(recorded)) expect(keysOf(answer), `Message key ${key}`).toContain(key)
      for (const key of keysOf(recorded.usage)) expect(keysOf(answer.usage), `usage key ${key}`).toContain(key)
      const blockKeys = new Map<string, string[]>()
      for (const block of answer.content as Record<string, unknown>[]) blockKeys.set(String(block.type), keysOf(block))
      for (const block of recorded.content as Record<string, unknown>[]) {
        const emulated = blockKeys.get(String(block.type))
        // Older recordings (2025) lack keys the API added since (`caller` on tool_use, 2026); none may be missing.
        if (emulated !== undefined)
          for (const key of keysOf(block)) expect(emulated, `${String(block.type)} block`).toContain(key)
      }
    })
  }

  it('the newest recording with its request (2026) lists the Message keys in the emulator’s order, model first', async () => {
    const recorded = recordings.find((recording) => recording.name === 'vercel-ai/issue-14707-opus-4-7-no-temperature')
    const body = recorded?.request?.body
    const response = await postMessages(emulator, body)
    expect(Object.keys(response.json as object)).toEqual(Object.keys(recorded?.response.body ?? {}))
    expect(keysOf((response.json as { usage: unknown }).usage)).toEqual(keysOf(recorded?.response.body?.usage))
    expect((response.json as { content: unknown[] }).content).toHaveLength(1)
  })

  const streams = recordings.filter((recording) => recording.response.sse !== undefined)
  for (const recording of streams) {
    it(`${recording.name}: the recorded stream and the emulator's obey one grammar; usage sits in the same places`, async () => {
      const recorded = recordedEvents(recording)
      expect(grammarProblems(recorded, recording.response.sseFraming === 'recorded')).toEqual([])
      const request = withRequest.find((candidate) => candidate === recording)
      const body = request?.request.body ?? {
        model: REPLAY_MODEL,
        max_tokens: 64,
        stream: true,
        messages: [{ role: 'user', content: 'Hi' }],
      }
      const model = served.has(String(body.model)) ? body.model : REPLAY_MODEL
      const response = await postMessages(emulator, { ...body, model }, anthropicHeaders(emulator, '2023-06-01'))
      const emulated = parseSse(response.text)
      expect(grammarProblems(emulated, true)).toEqual([])
      const start = (events: readonly RecordedEvent[]) =>
        events.find((event) => event.data.type === 'message_start')?.data.message
      const delta = (events: readonly RecordedEvent[]) =>
        events.find((event) => event.data.type === 'message_delta')?.data
      for (const key of keysOf(start(recorded)))
        expect(keysOf(start(emulated)), `message_start.message.${key}`).toContain(key)
      for (const key of keysOf((start(recorded) as { usage?: unknown }).usage))
        expect(keysOf((start(emulated) as { usage?: unknown }).usage), `message_start usage ${key}`).toContain(key)
      for (const key of keysOf(delta(recorded)?.usage))
        expect(keysOf(delta(emulated)?.usage), `message_delta usage ${key}`).toContain(key)
      for (const key of keysOf(delta(recorded)?.delta))
        expect(keysOf(delta(emulated)?.delta), `message_delta.delta ${key}`).toContain(key)
      if (recorded.some((event) => event.data.type === 'ping'))
        expect(emulated.some((event) => event.event === 'ping')).toBe(true)
    })
  }
})

describe('recorded error bodies', () => {
  const errors = recordings.filter((recording) => recording.response.body?.type === 'error')
  it('have the emulator’s error body keys, and request_id', async () => {
    const response = await postMessages(emulator, { model: REPLAY_MODEL, messages: [] })
    for (const recording of errors) {
      expect(keysOf(recording.response.body), recording.name).toEqual(keysOf(response.json))
      expect(keysOf(recording.response.body?.error), recording.name).toEqual(
        keysOf((response.json as { error: unknown }).error),
      )
    }
  })

  it('the emulator words an unanswered tool_result id as recorded (vercel/ai#21832, #17366)', async () => {
    const first = errors.find((recording) => recording.name.endsWith('issue-21832-unexpected-tool-use-id'))
    const lone = await postMessages(emulator, {
      model: REPLAY_MODEL,
      max_tokens: 64,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'x' },
            { type: 'tool_result', tool_use_id: 'T1', content: 'y' },
          ],
        },
      ],
    })
    expect(errorOf(lone.json)).toEqual(errorOf(first?.response.body))
    const second = errors.find((recording) => recording.name.endsWith('issue-17366-unexpected-tool-use-id'))
    const later = await postMessages(emulator, {
      model: REPLAY_MODEL,
      max_tokens: 64,
      messages: [
        { role: 'user', content: 'x' },
        { role: 'assistant', content: 'y' },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'srvtoolu_issue_17366_invalid', content: 'z' }] },
      ],
    })
    expect(errorOf(later.json)).toEqual(errorOf(second?.response.body))
  })
})

describe('the recordings themselves', () => {
  it('each one names its repository, file and commit', () => {
    expect(recordings.length).toBeGreaterThan(50)
    for (const recording of recordings) {
      expect(recording.source.repository, recording.name).toMatch(/^[\w.-]+\/[\w.-]+$/)
      expect(recording.source.commit, recording.name).toMatch(/^[0-9a-f]{40}$/)
      expect(recording.source.path, recording.name).not.toBe('')
    }
  })
})
