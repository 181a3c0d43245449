/** Streaming from OpenAI-format servers through the public client: chunks, fragment tool calls, usage, and every way a stream ends. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  ResponseParseError,
  type ChatCompletion,
  type ChatCompletionChunk,
  type ChatCompletionCreateParamsStreaming,
} from 'token.js'
import type { ScriptedReply } from '@tokenjs/emulator'
import { expectConnectionsBackTo, LOCAL_MODEL, useOpenAIEmulator } from './harness.js'

const hello = [{ role: 'user' as const, content: 'Hello streaming world, ça va? 😀' }]
const weatherTool = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' }, days: { type: 'integer' } },
      required: ['city', 'days'],
    },
  },
}
const timeTool = {
  type: 'function' as const,
  function: { name: 'get_time', parameters: { type: 'object', properties: { zone: { type: 'string' } } } },
}

async function collect(iterable: AsyncIterable<ChatCompletionChunk>): Promise<ChatCompletionChunk[]> {
  const chunks: ChatCompletionChunk[] = []
  for await (const chunk of iterable) chunks.push(chunk)
  return chunks
}
/** The completion without its per-request ids (everything else must match: service_tier, fingerprint, logprobs). */
const withoutIds = (completion: ChatCompletion) => ({ ...completion, id: '', created: 0 })

describe.each([
  ['openai', 'gpt-4.1'],
  ['openai-compatible', LOCAL_MODEL],
] as const)('%s', (provider, model) => {
  const harness = useOpenAIEmulator(provider, { chunkSize: 4 })
  const stream = (extra: Record<string, unknown> = {}, options: { maxRetries?: number; idleTimeout?: number } = {}) =>
    harness
      .client({ maxRetries: options.maxRetries ?? 0, idleTimeout: options.idleTimeout })
      .chat.completions.create({ provider, model, messages: hello, ...extra, stream: true })

  it('role once, content pieces, finish_reason, then usage from include_usage on the final choices: [] chunk', async () => {
    const chunks = await collect(await stream())
    expect(harness.lastBody()).toMatchObject({ stream: true, stream_options: { include_usage: true } })
    expect(chunks[0]?.choices[0]?.delta.role).toBe('assistant')
    expect(chunks.slice(1).every((chunk) => chunk.choices[0]?.delta.role === undefined)).toBe(true)
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe(
      'You said: Hello streaming world, ça va? 😀',
    )
    const last = chunks.at(-1)
    expect(last?.choices).toEqual([])
    expect(last?.usage).toMatchObject({
      prompt_tokens: expect.any(Number),
      completion_tokens: expect.any(Number),
      total_tokens: expect.any(Number),
    })
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop')
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === undefined || chunk.usage === null)).toBe(true)
    for (const chunk of chunks) expect(chunk).toMatchObject({ object: 'chat.completion.chunk', id: chunks[0]?.id })
  })

  it('joins fragment-streamed parallel tool calls by index (id, type and name first, then argument pieces)', async () => {
    const iterable = await stream({
      tools: [weatherTool, timeTool],
      tool_choice: 'required',
      messages: [{ role: 'user', content: 'get_weather then get_time' }],
    })
    const chunks = await collect(iterable)
    const fragments = chunks.flatMap((chunk) => chunk.choices[0]?.delta.tool_calls ?? [])
    expect(fragments.length).toBeGreaterThan(6)
    expect(fragments[0]).toEqual({
      index: 0,
      id: expect.stringMatching(/^call_/),
      type: 'function',
      function: { name: 'get_weather', arguments: '' },
    })
    const joined = [0, 1].map((index) =>
      fragments
        .filter((fragment) => fragment.index === index)
        .map((fragment) => fragment.function?.arguments ?? '')
        .join(''),
    )
    expect(JSON.parse(joined[0] ?? '')).toEqual({ city: expect.any(String), days: expect.any(Number) })
    expect(JSON.parse(joined[1] ?? '')).toEqual({ zone: expect.any(String) })
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('tool_calls')
  })

  it('finalCompletion() equals the non-streaming result (content, tool calls, n choices, usage)', async () => {
    const client = harness.client()
    for (const extra of [
      {},
      { n: 3 },
      {
        tools: [weatherTool, timeTool],
        tool_choice: 'required',
        messages: [{ role: 'user', content: 'get_weather and get_time' }],
      },
      { max_completion_tokens: 3 },
    ]) {
      const direct = await client.chat.completions.create({ provider, model, messages: hello, ...extra } as never)
      const streamed = await (
        await client.chat.completions.create({
          provider,
          model,
          messages: hello,
          ...extra,
          stream: true,
        } as ChatCompletionCreateParamsStreaming)
      ).finalCompletion()
      expect(withoutIds(streamed)).toEqual(withoutIds(direct))
    }
  })

  it('for many scripted replies, the joined stream equals the direct answer', async () => {
    const reply = fc.record({
      content: fc.string({ unit: 'grapheme', maxLength: 40 }),
      toolCalls: fc.array(
        fc.record({
          name: fc.constantFrom('get_weather', 'get_time'),
          arguments: fc
            .dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string({ maxLength: 8 }), fc.integer()))
            .map((value) => JSON.stringify(value)),
        }),
        { maxLength: 3 },
      ),
      finishReason: fc.constantFrom('stop' as const, 'length' as const, 'tool_calls' as const),
    })
    await fc.assert(
      fc.asyncProperty(reply, async (scripted) => {
        const script: ScriptedReply = { kind: 'reply', ...scripted }
        harness.emulator.enqueue(script, script)
        const client = harness.client()
        const direct = await client.chat.completions.create({
          provider,
          model,
          messages: hello,
          tools: [weatherTool, timeTool],
        })
        const streamed = await (
          await client.chat.completions.create({
            provider,
            model,
            messages: hello,
            tools: [weatherTool, timeTool],
            stream: true,
          })
        ).finalCompletion()
        expect(withoutIds(streamed)).toEqual(withoutIds(direct))
      }),
      { numRuns: 25 },
    )
  })

  it('stopping early releases the socket', async () => {
    const before = harness.emulator.openConnections()
    harness.emulator.enqueue({ kind: 'split', chunkBytes: 16, delayMs: 15 })
    for await (const _chunk of await stream()) break
    await expectConnectionsBackTo(harness, before)
  })

  it('a connection dropped before [DONE] is an APIConnectionError, never retried after a chunk', async () => {
    harness.emulator.enqueue({ kind: 'drop-after-chunks', chunks: 2 })
    const seen: ChatCompletionChunk[] = []
    const error = await (async () => {
      for await (const chunk of await stream({}, { maxRetries: 2 })) seen.push(chunk)
    })().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(APIConnectionError)
    expect(seen.length).toBe(2)
    expect(harness.emulator.requests).toHaveLength(1)
  })

  it('an error frame {"error":{…}} mid-stream is an APIError with OpenAI\'s message, after the chunks before it', async () => {
    harness.emulator.enqueue({ kind: 'stream-error', afterChunks: 2 })
    const seen: ChatCompletionChunk[] = []
    const error = await (async () => {
      for await (const chunk of await stream()) seen.push(chunk)
    })().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(APIError)
    expect((error as APIError).message).toContain('The server had an error while processing your request')
    expect((error as APIError).type).toBe('server_error')
    expect((error as APIError).status).toBeUndefined()
    expect(seen).toHaveLength(2)
  })

  it('malformed JSON in a chunk is a ResponseParseError; idleTimeout bounds the silence between chunks', async () => {
    harness.emulator.enqueue({ kind: 'malformed-json' })
    expect(await collect(await stream()).catch((caught: unknown) => caught)).toBeInstanceOf(ResponseParseError)
    harness.emulator.enqueue({ kind: 'split', chunkBytes: 40, delayMs: 300 })
    expect(await collect(await stream({}, { idleTimeout: 100 })).catch((caught: unknown) => caught)).toBeInstanceOf(
      APIConnectionTimeoutError,
    )
  })
})
