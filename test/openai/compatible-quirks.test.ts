/**
 * What OpenAI-compatible services do differently (as the presets cite them): the Groq preset against
 * the emulator with Groq's quirks; usage under `x_groq.usage`; `reasoning` vs `reasoning_content`;
 * tool-call deltas without `index` (Ollama); chunks with `choices: []`, without `choices`, or `null`.
 */
import { describe, expect, it } from 'vitest'
import { BadRequestError, type ChatCompletionChunk } from 'token.js'
import { GROQ_QUIRKS } from '@tokenjs/emulator'
import { expectInputError, LOCAL_MODEL, useOpenAIEmulator } from './harness.js'

const GROQ_MODEL = 'openai/gpt-oss-120b'
const hello = [{ role: 'user' as const, content: 'Hello!' }]
const weatherTool = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
}

async function collect(iterable: AsyncIterable<ChatCompletionChunk>): Promise<ChatCompletionChunk[]> {
  const chunks: ChatCompletionChunk[] = []
  for await (const chunk of iterable) chunks.push(chunk)
  return chunks
}

describe("groq preset against an emulator with Groq's quirks", () => {
  const harness = useOpenAIEmulator('groq', { quirks: GROQ_QUIRKS, extraModels: [GROQ_MODEL] })
  const create = (extra: Record<string, unknown>, options: { dropUnsupportedParams?: boolean } = {}) =>
    harness
      .client(options)
      .chat.completions.create({ provider: 'groq', model: GROQ_MODEL, messages: hello, ...extra } as never)

  it.each([
    ['logprobs', { logprobs: true }, 'logprobs'],
    ['top_logprobs', { logprobs: true, top_logprobs: 2 }, 'logprobs'],
    ['logit_bias', { logit_bias: { '1': 1 } }, 'logit_bias'],
    ['messages[].name', { messages: [{ role: 'user', content: 'hi', name: 'ann' }] }, 'messages[0].name'],
    ['n > 1', { n: 2 }, 'n'],
    [
      'more than 128 tools',
      { tools: Array.from({ length: 129 }, (_, index) => ({ type: 'function', function: { name: `f${index}` } })) },
      'tools',
    ],
  ])('refuses %s before sending (Groq answers 400 to it)', async (_name, extra, param) => {
    await expectInputError(harness, create(extra), param)
  })

  it('the emulator really rejects them (the quirk data matches what the service does)', async () => {
    for (const extra of [{ logprobs: true }, { messages: [{ role: 'user', content: 'hi', name: 'ann' }] }, { n: 2 }]) {
      const response = await fetch(`${harness.emulator.url}/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${harness.emulator.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: GROQ_MODEL, messages: hello, ...extra }),
      })
      expect(response.status).toBe(400)
      const body = (await response.json()) as { error: Record<string, unknown> }
      expect(body.error).toMatchObject({ type: 'invalid_request_error', message: expect.any(String) })
      expect(body.error).not.toHaveProperty('code')
    }
  })

  it('drops them on opt-in, sends developer as system', async () => {
    await create(
      {
        logprobs: true,
        messages: [
          { role: 'developer', content: 'Be brief.' },
          { role: 'user', content: 'hi', name: 'ann' },
        ],
      },
      { dropUnsupportedParams: true },
    )
    expect(harness.lastBody()).toEqual({
      model: GROQ_MODEL,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hi' },
      ],
    })
  })

  it("reads streamed usage from x_groq.usage and reasoning from Groq's `reasoning` field", async () => {
    const chunks = await collect(
      await harness.client().chat.completions.create({
        provider: 'groq',
        model: GROQ_MODEL,
        messages: hello,
        reasoning_effort: 'high',
        stream: true,
      }),
    )
    const usageChunk = chunks.find((chunk) => chunk.usage !== undefined && chunk.usage !== null)
    expect(usageChunk?.usage).toMatchObject({
      prompt_tokens: expect.any(Number),
      completion_tokens: expect.any(Number),
    })
    expect(usageChunk?.choices[0]?.finish_reason).toBe('stop')
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.reasoning_content ?? '').join('')).toContain('The user wrote')
    const direct = await harness
      .client()
      .chat.completions.create({ provider: 'groq', model: GROQ_MODEL, messages: hello, reasoning_effort: 'high' })
    expect(direct.choices[0]?.message.reasoning_content).toContain('The user wrote')
    expect(direct.choices[0]?.message).not.toHaveProperty('reasoning')
  })

  it("a Groq 400 without `code` arrives as BadRequestError with Groq's message", async () => {
    harness.emulator.enqueue({
      kind: 'http',
      status: 400,
      body: {
        error: { message: 'tool call validation failed', type: 'invalid_request_error', failed_generation: '<tool>' },
      },
    })
    const error = await create({}).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(BadRequestError)
    expect((error as BadRequestError).message).toContain('tool call validation failed')
    expect((error as BadRequestError).body).toMatchObject({ error: { failed_generation: '<tool>' } })
  })
})

describe('openai-compatible servers that stream differently', () => {
  const harness = useOpenAIEmulator('openai-compatible', { quirks: { reasoningField: 'reasoning_content' } })
  const stream = async () =>
    harness.client().chat.completions.create({
      provider: 'openai-compatible',
      model: LOCAL_MODEL,
      messages: hello,
      tools: [weatherTool],
      stream: true,
    })
  const frame = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`
  const base = { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: LOCAL_MODEL }

  it('reads reasoning_content (DeepSeek, llama.cpp) like `reasoning`', async () => {
    const completion = await harness.client().chat.completions.create({
      provider: 'openai-compatible',
      model: LOCAL_MODEL,
      messages: hello,
      reasoning_effort: 'high',
    })
    expect(completion.choices[0]?.message.reasoning_content).toContain('The user wrote')
  })

  it('assembles tool calls whose deltas carry no index, or reuse index 0 for a second call (Ollama)', async () => {
    const data =
      frame({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: null }, finish_reason: null }] }) +
      frame({
        ...base,
        choices: [
          {
            index: 0,
            delta: {
              tool_calls: [
                { id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '{"city":' } },
              ],
            },
            finish_reason: null,
          },
        ],
      }) +
      frame({
        ...base,
        choices: [{ index: 0, delta: { tool_calls: [{ function: { arguments: '"Paris"}' } }] }, finish_reason: null }],
      }) +
      frame({
        ...base,
        choices: [
          {
            index: 0,
            delta: {
              tool_calls: [
                {
                  index: 0,
                  id: 'call_b',
                  type: 'function',
                  function: { name: 'get_weather', arguments: '{"city":"Rome"}' },
                },
              ],
            },
            finish_reason: null,
          },
        ],
      }) +
      frame({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] }) +
      'data: [DONE]\n\n'
    harness.emulator.enqueue({ kind: 'sse-raw', data })
    const completion = await (await stream()).finalCompletion()
    expect(completion.choices[0]?.message.tool_calls).toEqual([
      { id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
      { id: 'call_b', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Rome"}' } },
    ])
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls')
  })

  it('skips nothing and crashes on nothing with choices: [], a missing `choices` or `choices: null` (usage-only chunks)', async () => {
    const usage = { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 }
    const data =
      ': OPENROUTER PROCESSING\n\n' +
      frame({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: 'Hi' }, finish_reason: null }] }) +
      frame({ ...base, choices: null }) +
      frame({ ...base }) +
      frame({ ...base, choices: [{ index: 0, delta: { content: '!' }, finish_reason: 'stop' }] }) +
      frame({ ...base, choices: [], usage }) +
      'data: [DONE]\n\n'
    harness.emulator.enqueue({ kind: 'sse-raw', data })
    const completion = await (await stream()).finalCompletion()
    expect(completion.choices[0]?.message.content).toBe('Hi!')
    expect(completion.usage).toEqual(usage)
  })

  it('reads Groq-style x_groq.usage on a final chunk from any compatible server', async () => {
    const usage = { prompt_tokens: 7, completion_tokens: 1, total_tokens: 8 }
    const data =
      frame({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: 'ok' }, finish_reason: null }] }) +
      frame({
        ...base,
        choices: [{ index: 0, delta: {}, finish_reason: 'stop' }],
        x_groq: { id: 'req_1', usage: { queue_time: 0.1, ...usage } },
      }) +
      'data: [DONE]\n\n'
    harness.emulator.enqueue({ kind: 'sse-raw', data })
    const completion = await (await stream()).finalCompletion()
    expect(completion.usage).toMatchObject(usage)
  })
})
