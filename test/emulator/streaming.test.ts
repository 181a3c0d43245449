/** Streaming wire format (`CompletionChunk` in Mistral's spec), checked chunk by chunk and with the official SDK's schema. */
import { CompletionChunk$inboundSchema } from '@mistralai/mistralai/models/components'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MistralEmulator } from '@tokenjs/emulator'
import { chat, postChat, sseData, startTestEmulator, user, weatherTool } from './helpers.js'

let emulator: MistralEmulator
beforeAll(async () => {
  emulator = await startTestEmulator({ chunkSize: 4 })
})
afterAll(() => emulator.close())

async function stream(body: Record<string, unknown>): Promise<any[]> {
  const response = await postChat(emulator, { ...body, stream: true })
  expect(response.status, response.text).toBe(200)
  expect(response.headers.get('content-type')).toBe('text/event-stream')
  const events = sseData(response.text)
  expect(events[events.length - 1]).toBe('[DONE]')
  const chunks = events.slice(0, -1) as any[]
  const thirdParty = String(body.model).startsWith('zai-')
  for (const [position, chunk] of chunks.entries()) {
    CompletionChunk$inboundSchema.parse(chunk)
    expect(chunk.object).toBe('chat.completion.chunk')
    // Recorded: never `p` on the first chunk, each value a prefix of the alphabet and digits; none on zai-glm.
    if (position === 0 || thirdParty) expect(chunk.p).toBeUndefined()
    else expect('abcdefghijklmnopqrstuvwxyz0123456789'.startsWith(chunk.p)).toBe(true)
  }
  return chunks
}

const deltas = (chunks: any[]) => chunks.map((chunk) => chunk.choices[0].delta)

describe('text stream', () => {
  it('role chunk, small content pieces, final chunk with finish_reason + usage', async () => {
    const chunks = await stream({ model: 'mistral-large-latest', messages: [user('héllo 😀😀 wörld')] })
    expect(deltas(chunks)[0]).toEqual({ role: 'assistant', content: '' })
    const pieces = deltas(chunks)
      .slice(1, -1)
      .map((delta) => delta.content)
    expect(pieces.every((piece) => typeof piece === 'string' && piece.length <= 5)).toBe(true)
    expect(pieces.join('')).toBe('You said: héllo 😀😀 wörld')
    // No piece starts or ends inside a surrogate pair.
    for (const piece of pieces) expect(piece).toBe(Buffer.from(piece, 'utf8').toString('utf8'))
    const last = chunks[chunks.length - 1]
    expect(last.choices[0]).toMatchObject({ finish_reason: 'stop', delta: { content: '' } })
    expect(last.usage).toMatchObject({
      prompt_tokens: expect.any(Number),
      completion_tokens: expect.any(Number),
      total_tokens: expect.any(Number),
    })
    expect(
      chunks.slice(0, -1).every((chunk) => chunk.usage === undefined && chunk.choices[0].finish_reason === null),
    ).toBe(true)
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1)
  })
  it('padding can be turned off', async () => {
    const quiet = await (await import('./helpers.js')).startTestEmulator({ padding: false })
    try {
      const events = sseData((await postChat(quiet, chat({ stream: true }))).text).slice(0, -1) as any[]
      expect(events.every((chunk) => !('p' in chunk))).toBe(true)
    } finally {
      await quiet.close()
    }
  })
  it('n > 1 interleaves choices by index, each with its own finish', async () => {
    const chunks = await stream(chat({ n: 2 }))
    const indexes = chunks.map((chunk) => chunk.choices[0].index)
    expect(indexes.slice(0, 4)).toEqual([0, 1, 0, 1])
    for (const index of [0, 1]) {
      const own = chunks.filter((chunk) => chunk.choices[0].index === index)
      expect(own[0].choices[0].delta.role).toBe('assistant')
      expect(own[own.length - 1].choices[0].finish_reason).toBe('stop')
    }
    expect(chunks[chunks.length - 1].usage).toBeDefined()
  })
  it('max_tokens ends the stream with finish_reason length', async () => {
    const chunks = await stream(chat({ max_tokens: 1 }))
    expect(chunks[chunks.length - 1].choices[0].finish_reason).toBe('length')
    expect(
      deltas(chunks)
        .map((d) => d.content)
        .join(''),
    ).toBe('You')
  })
})

describe('tool-call streams', () => {
  it('Mistral: the call arrives whole, without index or type, with finish_reason and usage', async () => {
    const chunks = await stream(chat({ tools: [weatherTool], tool_choice: 'any' }))
    const last = chunks[chunks.length - 1]
    expect(last.choices[0].finish_reason).toBe('tool_calls')
    expect(last.usage).toBeDefined()
    const [call] = last.choices[0].delta.tool_calls
    expect(Object.keys(call).sort()).toEqual(['function', 'id'])
    expect(call.id).toMatch(/^[a-zA-Z0-9]{9}$/)
    expect(JSON.parse(call.function.arguments)).toHaveProperty('city')
    expect(chunks.filter((chunk) => chunk.choices[0].delta.tool_calls !== undefined)).toHaveLength(1)
  })
  it('zai-glm-5-2: OpenAI-style incremental pieces with long ids', async () => {
    const chunks = await stream(chat({ tools: [weatherTool], tool_choice: 'any' }, 'zai-glm-5-2'))
    const calls = deltas(chunks)
      .filter((delta) => delta.tool_calls !== undefined)
      .map((delta) => delta.tool_calls[0])
    expect(calls.length).toBeGreaterThan(2)
    expect(calls[0]).toMatchObject({ index: 0, type: 'function', function: { name: 'get_weather', arguments: '' } })
    expect(calls[0].id).toMatch(/^chatcmpl-tool-[0-9a-f]{16}$/)
    for (const later of calls.slice(1)) {
      expect(later.id).toBeUndefined()
      expect(later.function.name).toBe('')
    }
    expect(JSON.parse(calls.map((call) => call.function.arguments).join(''))).toHaveProperty('unit')
    expect(chunks[chunks.length - 1].choices[0].finish_reason).toBe('tool_calls')
  })
})

describe('reasoning stream', () => {
  it('thinking lists, then a transition list, then plain strings', async () => {
    const chunks = await stream(chat({ reasoning_effort: 'high' }, 'mistral-small-latest'))
    const contents = deltas(chunks)
      .slice(1, -1)
      .map((delta) => delta.content)
    const transition = contents.findIndex((content) => Array.isArray(content) && content.length === 2)
    expect(transition).toBeGreaterThan(0)
    for (const content of contents.slice(0, transition)) {
      expect(content).toHaveLength(1)
      expect(content[0]).toMatchObject({ type: 'thinking', thinking: [{ type: 'text', text: expect.any(String) }] })
    }
    expect(contents[transition][0]).toMatchObject({ type: 'thinking' })
    // The test clock (2026-06-01) is before the first recording of `closed` (2026-07-20): none yet.
    expect(contents.slice(0, transition + 1).every((content) => content[0].closed === undefined)).toBe(true)
    expect(contents[transition][1]).toMatchObject({ type: 'text' })
    expect(contents.slice(transition + 1).every((content) => typeof content === 'string')).toBe(true)
    const text = contents[transition][1].text + contents.slice(transition + 1).join('')
    expect(text).toBe('You said: Hello there')
  })
})
