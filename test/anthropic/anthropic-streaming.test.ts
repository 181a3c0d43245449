/**
 * Anthropic streaming through the public client: Anthropic's named events to OpenAI chunks. The
 * joined deltas equal the non-streaming answer for generated replies (fast-check); recorded real
 * streams (test/fixtures/anthropic-streams, with provenance) give identical chunks at every byte split;
 * a mid-stream `error` event and an early end reject the loop.
 */
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { APIConnectionError, APIError, type ChatCompletion, type ChatCompletionChunk } from 'token.js'
import type { ScriptedReply } from '@tokenjs/emulator'
import { useAnthropicEmulator } from './harness.js'

const harness = useAnthropicEmulator({ chunkSize: 5 })
const model = 'claude-sonnet-5-5'
const hello = [{ role: 'user' as const, content: 'Hello streaming world, ça va? 😀' }]
const tools = [
  {
    type: 'function' as const,
    function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
  },
  { type: 'function' as const, function: { name: 'get_time' } },
]

async function collect(iterable: AsyncIterable<ChatCompletionChunk>): Promise<ChatCompletionChunk[]> {
  const chunks: ChatCompletionChunk[] = []
  for await (const chunk of iterable) chunks.push(chunk)
  return chunks
}

const stream = () =>
  harness.client().chat.completions.create({ provider: 'anthropic', model, messages: hello, tools, stream: true })

const withoutTimes = (completion: ChatCompletion) => ({ ...completion, created: 0 })

/** A recorded stream (one `data:` payload per line) as the SSE the API sends: `event:` is each payload's type. */
function recordedSSE(name: string): string {
  return readFileSync(new URL(`../fixtures/anthropic-streams/${name}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => `event: ${(JSON.parse(line) as { type: string }).type}\ndata: ${line}\n\n`)
    .join('')
}

describe('chunks', () => {
  it('start with the role, carry dense tool-call indexes, and end with the usage chunk', async () => {
    harness.emulator.enqueue({
      kind: 'reply',
      content: 'Both.',
      reasoning: 'Two calls.',
      toolCalls: [
        { name: 'get_weather', arguments: { city: 'Paris' } },
        { name: 'get_time', arguments: {} },
      ],
      finishReason: 'tool_calls',
    })
    const chunks = await collect(await stream())
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: '' })
    const calls = chunks.flatMap((chunk) => chunk.choices.flatMap((choice) => choice.delta.tool_calls ?? []))
    expect([...new Set(calls.map((call) => call.index))]).toEqual([0, 1])
    expect(calls.filter((call) => call.id !== undefined).map((call) => call.function?.name)).toEqual([
      'get_weather',
      'get_time',
    ])
    const finish = chunks.filter((chunk) => chunk.choices[0]?.finish_reason)
    expect(finish.map((chunk) => chunk.choices[0]?.finish_reason)).toEqual(['tool_calls'])
    const last = chunks.at(-1)
    expect(last?.choices).toEqual([])
    expect(last?.usage?.total_tokens).toBeGreaterThan(0)
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1)
  })
})

describe('joining the deltas gives exactly the non-streaming result', () => {
  const scriptedReply = fc.record(
    {
      content: fc.string({ unit: 'grapheme', maxLength: 60 }),
      reasoning: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
      toolCalls: fc.array(
        fc.record({
          name: fc.constantFrom('get_weather', 'get_time'),
          arguments: fc.dictionary(
            fc.string({ minLength: 1, maxLength: 5 }),
            fc.oneof(fc.string({ maxLength: 8 }), fc.integer()),
          ),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      finishReason: fc.constantFrom('stop' as const, 'length' as const, 'tool_calls' as const),
      usage: fc.record({ prompt_tokens: fc.nat(1000), completion_tokens: fc.nat(1000), cached_tokens: fc.nat(10) }),
    },
    { requiredKeys: ['content', 'finishReason', 'usage'] },
  )

  it('for many generated replies (text, thinking, tool calls, stop reasons, usage)', async () => {
    await fc.assert(
      fc.asyncProperty(scriptedReply, async (reply) => {
        // Tool-call ids are generated per answer: give both answers the same ones.
        const toolCalls = reply.toolCalls?.map((call, index) => ({ ...call, id: `toolu_${index}abc` }))
        const script: ScriptedReply = { kind: 'reply', ...reply, ...(toolCalls === undefined ? {} : { toolCalls }) }
        harness.emulator.enqueue(script, script)
        const client = harness.client()
        const direct = await client.chat.completions.create({ provider: 'anthropic', model, messages: hello, tools })
        const streamed = await (
          await client.chat.completions.create({ provider: 'anthropic', model, messages: hello, tools, stream: true })
        ).finalCompletion()
        expect(withoutTimes({ ...streamed, id: '' })).toEqual(withoutTimes({ ...direct, id: '' }))
      }),
      { numRuns: 40 },
    )
  })
})

describe('recorded streams', () => {
  it('a real thinking stream: reasoning, its signature, the text and the usage (thinking tokens)', async () => {
    harness.emulator.enqueue({ kind: 'sse-raw', data: recordedSSE('sonnet-5-reasoning-summarized.chunks.txt') })
    const completion = await (await stream()).finalCompletion()
    const message = completion.choices[0]?.message
    expect(message?.reasoning_content).toMatch(/^I'm working through the Euclidean algorithm/)
    expect(message?.reasoning_details?.[0]).toMatchObject({
      type: 'reasoning.text',
      signature: expect.stringMatching(/^EsEC/),
    })
    expect(message?.content).toMatch(/= 21\$\$/)
    expect(completion.choices[0]?.finish_reason).toBe('stop')
    expect(completion.usage).toMatchObject({
      prompt_tokens: 47,
      completion_tokens: 373,
      completion_tokens_details: { reasoning_tokens: 62 },
    })
    expect(completion.id).toBe('msg_011CdZqGg4K3tq97K7RDtTw7')
  })

  it('a real tool call without arguments gets "{}", and pings are skipped', async () => {
    harness.emulator.enqueue({ kind: 'sse-raw', data: recordedSSE('tool-no-args.chunks.txt') })
    const completion = await (await stream()).finalCompletion()
    expect(completion.choices[0]?.message.tool_calls).toEqual([
      {
        id: 'toolu_01QE1WLsSVp5hy5Q3GmGTmjP',
        type: 'function',
        function: { name: 'updateIssueList', arguments: '{}' },
      },
    ])
    expect(completion.choices[0]?.message.content).toBe("I'll update the issue list for you.")
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls')
  })

  it('every byte split point of a recorded stream yields identical chunks (multi-byte characters included)', async () => {
    const recorded = new TextEncoder().encode(recordedSSE('sonnet-5-reasoning-summarized.chunks.txt'))
    harness.emulator.enqueue({ kind: 'sse-raw', data: recorded })
    const baseline = (await collect(await stream())).map((chunk) => ({ ...chunk, created: 0 }))
    expect(baseline.length).toBeGreaterThan(10)
    // Every byte offset is a cut in exactly one request: request k cuts at k, k + STRIDE, k + 2·STRIDE…
    const STRIDE = 256
    for (let first = 1; first <= STRIDE; first++) {
      const splitAt: number[] = []
      for (let offset = first; offset < recorded.length; offset += STRIDE) splitAt.push(offset)
      harness.emulator.enqueue({ kind: 'sse-raw', data: recorded, splitAt, delayMs: 1 })
      const chunks = (await collect(await stream())).map((chunk) => ({ ...chunk, created: 0 }))
      expect(chunks).toEqual(baseline)
    }
  }, 60_000)
})

describe('endings', () => {
  it('an error event after some chunks rejects the loop with an APIError (overloaded_error)', async () => {
    harness.emulator.enqueue({ kind: 'stream-error', afterChunks: 3 })
    const chunks: ChatCompletionChunk[] = []
    const error = await (async () => {
      for await (const chunk of await stream()) chunks.push(chunk)
    })().then(
      () => undefined,
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(APIError)
    expect(error).toMatchObject({ type: 'overloaded_error', provider: 'anthropic' })
    expect(chunks.length).toBeGreaterThan(0)
  })

  it('a stream cut before message_stop is an error, never a short success', async () => {
    harness.emulator.enqueue({ kind: 'drop-after-chunks', chunks: 4 })
    const error = await (await stream()).finalCompletion().then(
      () => undefined,
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(APIConnectionError)
  })

  it('stopping early aborts the request and releases the connection', async () => {
    const before = harness.emulator.openConnections()
    harness.emulator.enqueue({ kind: 'split', chunkBytes: 16, delayMs: 15 })
    for await (const _chunk of await stream()) break
    for (let waited = 0; waited < 2_000 && harness.emulator.openConnections() > before; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    expect(harness.emulator.openConnections()).toBeLessThanOrEqual(before)
  })
})
