/**
 * Gemini streaming through token.js: chunks joined equal the JSON answer (property over prompts, tools,
 * candidates and thinking), tool-call indexes, usage on the last chunk, every split point of a recorded
 * stream (pydantic/pydantic-ai `test_google_model_stream`), and an error event mid-stream.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  APIError,
  ChunkAccumulator,
  type ChatCompletion,
  type ChatCompletionChunk,
  type ChatCompletionTool,
} from 'token.js'
import { useGeminiEmulator } from './harness.js'

const harness = useGeminiEmulator({ chunkSize: 1 })
const weather: ChatCompletionTool = {
  type: 'function',
  function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
}

async function collect(stream: AsyncIterable<ChatCompletionChunk>): Promise<ChatCompletionChunk[]> {
  const chunks: ChatCompletionChunk[] = []
  for await (const chunk of stream) chunks.push(chunk)
  return chunks
}

function joinChunks(chunks: readonly ChatCompletionChunk[]): ChatCompletion {
  const accumulator = new ChunkAccumulator()
  for (const chunk of chunks) accumulator.add(chunk)
  return accumulator.result()
}

/** The fields a stream and a JSON answer must agree on (`created` is local time in both). */
const comparable = (completion: ChatCompletion) => ({
  id: completion.id,
  model: completion.model,
  choices: completion.choices,
  usage: completion.usage,
})

describe('Gemini streaming', () => {
  it('joins to the JSON answer, whatever the prompt (property)', async () => {
    const client = harness.client()
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          text: fc.string({ minLength: 1, maxLength: 40 }),
          tools: fc.boolean(),
          model: fc.constantFrom('gemini-3.8-flash', 'gemini-2.5-flash'),
          n: fc.integer({ min: 1, max: 3 }),
          effort: fc.constantFrom(undefined, 'low' as const, 'high' as const),
        }),
        async ({ text, tools, model, n, effort }) => {
          const params = {
            provider: 'gemini' as const,
            model,
            messages: [{ role: 'user' as const, content: tools ? `${text} get_weather` : text }],
            ...(tools ? { tools: [weather] } : {}),
            ...(n > 1 && model === 'gemini-2.5-flash' ? { n } : {}),
            ...(effort === undefined ? {} : { reasoning_effort: effort }),
          }
          const whole = await client.chat.completions.create(params)
          const chunks = await collect(await client.chat.completions.create({ ...params, stream: true }))
          expect(comparable(joinChunks(chunks))).toEqual(comparable(whole))
          expect(chunks.filter((chunk) => chunk.usage !== undefined).at(-1)).toBe(chunks.at(-1))
          const roles = chunks.flatMap((chunk) => chunk.choices.filter((choice) => choice.delta.role !== undefined))
          expect(roles).toHaveLength(whole.choices.length)
        },
      ),
      { numRuns: 40 },
    )
  })

  it('numbers tool calls per choice and ends with tool_calls', async () => {
    const tools: ChatCompletionTool[] = [
      weather,
      { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: {} } } },
    ]
    const chunks = await collect(
      await harness.client().chat.completions.create({
        provider: 'gemini',
        model: 'gemini-3.8-flash',
        messages: [{ role: 'user', content: 'get_weather and get_time' }],
        tools,
        stream: true,
      }),
    )
    const calls = chunks.flatMap((chunk) => chunk.choices.flatMap((choice) => choice.delta.tool_calls ?? []))
    expect(calls.map((call) => [call.index, call.function?.name])).toEqual([
      [0, 'get_weather'],
      [1, 'get_time'],
    ])
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('tool_calls')
  })

  it('reads a recorded stream split at every byte', async () => {
    const recording = JSON.parse(
      readFileSync(
        join(import.meta.dirname, '../fixtures/real/gemini/pydantic-ai/test_google_model_stream.json'),
        'utf8',
      ),
    ) as {
      interactions: { response: { body: string } }[]
    }
    const raw = recording.interactions[0]?.response.body ?? ''
    const client = harness.client()
    const expected = 'The capital of France is Paris.\n'
    const bytes = Buffer.byteLength(raw)
    expect(bytes).toBeGreaterThan(500)
    for (let at = 1; at < bytes; at += 1) {
      harness.emulator.enqueue({ kind: 'sse-raw', data: raw, splitAt: [at] })
      const chunks = await collect(
        await client.chat.completions.create({
          provider: 'gemini',
          model: 'gemini-3.8-flash',
          messages: [{ role: 'user', content: 'x' }],
          stream: true,
        }),
      )
      const joined = joinChunks(chunks)
      expect(joined.choices[0]?.message.content, `split at ${at}`).toBe(expected)
      expect(joined.choices[0]?.finish_reason).toBe('stop')
      expect(joined.usage).toMatchObject({ prompt_tokens: 13, completion_tokens: 8, total_tokens: 21 })
    }
  }, 120_000)

  it('turns an error event into an APIError after the chunks before it', async () => {
    harness.emulator.enqueue({ kind: 'stream-error', afterChunks: 2 })
    const received: ChatCompletionChunk[] = []
    const stream = await harness.client().chat.completions.create({
      provider: 'gemini',
      model: 'gemini-3.8-flash',
      messages: [{ role: 'user', content: 'a b c d e f g' }],
      stream: true,
    })
    const error = await (async () => {
      for await (const chunk of stream) received.push(chunk)
    })().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(APIError)
    expect((error as APIError).message).toContain('internal error')
    expect(received.length).toBe(2)
  })
})
