/** Streaming through the public client: exact OpenAI chunks from Mistral's SSE, and every way a stream ends. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  FinishReasonError,
  ResponseParseError,
  type ChatCompletion,
  type ChatCompletionChunk,
  type ChatCompletionCreateParams,
} from 'token.js'
import type { ScriptedReply } from '@tokenjs/emulator'
import { assertMistralChunk } from '../support/mistral-conformance.js'
import { useEmulator } from './harness.js'

const harness = useEmulator({ chunkSize: 4 })
const hello = [{ role: 'user' as const, content: 'Hello streaming world, ça va? 😀' }]
const weatherTool = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
}

type Params = Omit<Extract<ChatCompletionCreateParams, { provider: 'mistral' }>, 'provider' | 'stream'>

async function stream(
  params: Partial<Params> = {},
  options: { signal?: AbortSignal; maxRetries?: number; idleTimeout?: number } = {},
) {
  const { maxRetries, idleTimeout, ...requestOptions } = options
  return harness
    .client({ maxRetries: maxRetries ?? 0, idleTimeout })
    .chat.completions.create(
      { provider: 'mistral', model: 'mistral-large-latest', messages: hello, ...params, stream: true },
      requestOptions,
    )
}

async function collect(iterable: AsyncIterable<ChatCompletionChunk>): Promise<ChatCompletionChunk[]> {
  const chunks: ChatCompletionChunk[] = []
  for await (const chunk of iterable) chunks.push(chunk)
  return chunks
}

const withoutIds = (completion: ChatCompletion) => ({ ...completion, id: '', created: 0 })

/** Waits until the emulator has at most `count` open sockets (the client released its connection). */
async function expectConnectionsBackTo(count: number): Promise<void> {
  for (let waited = 0; waited < 2_000 && harness.emulator.openConnections() > count; waited += 10) {
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  expect(harness.emulator.openConnections()).toBeLessThanOrEqual(count)
}

describe('chunks', () => {
  it('first chunk carries the role, pieces join to the answer, the last carries finish_reason and usage', async () => {
    const chunks = await collect(await stream())
    expect(harness.lastBody().stream).toBe(true)
    expect(harness.lastBody().stream_options).toBeUndefined()
    expect(chunks[0]?.choices[0]?.delta.role).toBe('assistant')
    expect(chunks.slice(1).every((chunk) => chunk.choices[0]?.delta.role === undefined)).toBe(true)
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe(
      'You said: Hello streaming world, ça va? 😀',
    )
    expect(chunks.length).toBeGreaterThan(5)
    const last = chunks[chunks.length - 1]
    expect(last?.choices[0]?.finish_reason).toBe('stop')
    expect(last?.usage).toEqual({
      prompt_tokens: expect.any(Number),
      completion_tokens: expect.any(Number),
      total_tokens: expect.any(Number),
      prompt_tokens_details: { cached_tokens: 0 },
    })
    for (const chunk of chunks) {
      expect(chunk.object).toBe('chat.completion.chunk')
      expect(Object.keys(chunk)).not.toContain('p')
    }
  })

  it('rejects the await (not the loop) on an HTTP error', async () => {
    harness.emulator.enqueue({ kind: 'http', status: 401, body: { message: 'Unauthorized', request_id: 'abc' } })
    await expect(stream()).rejects.toBeInstanceOf(AuthenticationError)
  })

  it('turns whole Mistral tool calls (no index) into OpenAI deltas with stable indexes', async () => {
    const tools = [weatherTool, { type: 'function' as const, function: { name: 'get_time' } }]
    harness.emulator.enqueue({
      kind: 'reply',
      toolCalls: [
        { name: 'get_weather', arguments: '{"city":"Paris"}' },
        { name: 'get_time', arguments: {} },
      ],
    })
    const chunks = await collect(await stream({ tools }))
    const calls = chunks.flatMap((chunk) => chunk.choices[0]?.delta.tool_calls ?? [])
    expect(calls).toEqual([
      {
        index: 0,
        id: expect.stringMatching(/^[a-zA-Z0-9]{9}$/),
        type: 'function',
        function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
      },
      {
        index: 1,
        id: expect.stringMatching(/^[a-zA-Z0-9]{9}$/),
        type: 'function',
        function: { name: 'get_time', arguments: '{}' },
      },
    ])
    expect(chunks[chunks.length - 1]?.choices[0]?.finish_reason).toBe('tool_calls')
  })

  it('assembles tool calls streamed in pieces (zai-glm-5-3) and keeps their index', async () => {
    const result = await (
      await stream({ model: 'zai-glm-5-3', tools: [weatherTool], tool_choice: 'required' })
    ).finalCompletion()
    const call = result.choices[0]?.message.tool_calls?.[0]
    expect(call?.id).toMatch(/^chatcmpl-tool-/)
    expect(call?.function.name).toBe('get_weather')
    expect(JSON.parse(call?.function.arguments ?? '')).toEqual({ city: expect.any(String) })
    expect(harness.emulator.requests).toHaveLength(1)
  })

  it('streams reasoning into delta.reasoning_content, whether Mistral sends it as chunks or strings', async () => {
    const chunks = await collect(await stream({ model: 'mistral-small-latest', reasoning_effort: 'high' }))
    const reasoning = chunks.map((chunk) => chunk.choices[0]?.delta.reasoning_content ?? '').join('')
    const content = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')
    expect(reasoning.length).toBeGreaterThan(0)
    expect(content).toContain('You said')
    const direct = await harness.client().chat.completions.create({
      provider: 'mistral',
      model: 'mistral-small-latest',
      reasoning_effort: 'high',
      messages: hello,
    })
    expect(reasoning).toBe(direct.choices[0]?.message.reasoning_content)
    expect(content).toBe(direct.choices[0]?.message.content)
  })

  it('keeps n > 1 choices apart by index', async () => {
    const result = await (await stream({ n: 2 })).finalCompletion()
    const direct = await harness
      .client()
      .chat.completions.create({ provider: 'mistral', model: 'mistral-large-latest', messages: hello, n: 2 })
    expect(result.choices.map((choice) => choice.message.content)).toEqual(
      direct.choices.map((choice) => choice.message.content),
    )
    expect(result.choices[0]?.message.content).not.toBe(result.choices[1]?.message.content)
  })

  it('every chunk the emulator sent parses with the official SDK chunk schema', async () => {
    const response = await fetch(`${harness.emulator.url}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${harness.emulator.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'mistral-small-latest', messages: hello, stream: true, reasoning_effort: 'high' }),
    })
    const text = await response.text()
    const events = text.split('\n\n').filter((block) => block.startsWith('data: ') && block !== 'data: [DONE]')
    expect(events.length).toBeGreaterThan(3)
    for (const event of events) assertMistralChunk(JSON.parse(event.slice(6)))
  })
})

describe('joining the deltas gives exactly the non-streaming result', () => {
  const scriptedReply = fc.record(
    {
      content: fc.string({ unit: 'grapheme', maxLength: 60 }),
      reasoning: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
      toolCalls: fc.array(
        fc.record({
          id: fc.stringMatching(/^[a-zA-Z0-9]{9}$/),
          name: fc.constantFrom('get_weather', 'get_time'),
          arguments: fc
            .dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string({ maxLength: 8 }), fc.integer()))
            .map((value) => JSON.stringify(value)),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      finishReason: fc.constantFrom('stop' as const, 'length' as const, 'tool_calls' as const),
      usage: fc.record({ prompt_tokens: fc.nat(1000), completion_tokens: fc.nat(1000), cached_tokens: fc.nat(10) }),
    },
    { requiredKeys: ['content', 'finishReason', 'usage'] },
  )

  it('for many generated replies (content, reasoning, tool calls, finish reasons, usage)', async () => {
    const tools = [weatherTool, { type: 'function' as const, function: { name: 'get_time' } }]
    await fc.assert(
      fc.asyncProperty(scriptedReply, async (reply) => {
        const script: ScriptedReply = { kind: 'reply', ...reply }
        harness.emulator.enqueue(script, script)
        const client = harness.client()
        const direct = await client.chat.completions.create({
          provider: 'mistral',
          model: 'mistral-small-latest',
          messages: hello,
          tools,
        })
        const streamed = await (
          await client.chat.completions.create({
            provider: 'mistral',
            model: 'mistral-small-latest',
            messages: hello,
            tools,
            stream: true,
          })
        ).finalCompletion()
        expect(withoutIds(streamed)).toEqual(withoutIds(direct))
      }),
      { numRuns: 60 },
    )
  })
})

describe('byte boundaries', () => {
  it('split points of a recorded stream yield identical chunks (multi-byte characters included)', async () => {
    const recorded = await fetch(`${harness.emulator.url}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${harness.emulator.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'mistral-large-latest',
        messages: [{ role: 'user', content: 'é€😀 日' }],
        stream: true,
        max_tokens: 6,
      }),
    }).then(async (response) => new Uint8Array(await response.arrayBuffer()))
    harness.emulator.enqueue({ kind: 'sse-raw', data: recorded })
    const baseline = await collect(await stream())
    expect(baseline.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toContain('é€😀')
    expect(recorded.length).toBeGreaterThan(500)
    // One byte per write: every boundary of the stream at once.
    harness.emulator.enqueue({ kind: 'sse-raw', data: recorded, chunkBytes: 1, delayMs: 1 })
    expect(await collect(await stream())).toEqual(baseline)
    // Two pieces, cut where decoding is delicate: inside a multi-byte character, at a line or event
    // boundary; and every 64th byte elsewhere. (Every byte split of the decoder alone: sse-decoder.test.ts.)
    const delicate = (at: number): boolean =>
      ((recorded[at] as number) & 0xc0) === 0x80 || recorded[at] === 0x0a || recorded[at - 1] === 0x0a
    const splits = Array.from({ length: recorded.length - 1 }, (_, index) => index + 1).filter(
      (at) => delicate(at) || at % 64 === 0,
    )
    expect(splits.filter((at) => ((recorded[at] as number) & 0xc0) === 0x80).length).toBeGreaterThanOrEqual(6)
    for (const split of splits) {
      harness.emulator.enqueue({ kind: 'sse-raw', data: recorded, splitAt: [split], delayMs: 1 })
      expect(await collect(await stream())).toEqual(baseline)
    }
  }, 60_000)

  it('decodes CRLF line ends, comments, event names and multi-line data as the SSE spec says', async () => {
    const chunk = (content: string, finish: string | null) =>
      JSON.stringify({
        id: 'x',
        object: 'chat.completion.chunk',
        created: 1,
        model: 'm',
        choices: [{ index: 0, delta: { content }, finish_reason: finish }],
      })
    const body = `: keep-alive\r\nevent: message\r\nid: 1\r\ndata: ${chunk('a', null)}\r\n\r\nretry: 10\rdata: ${chunk('b', null).replace(',', ',\ndata: ')}\n\ndata: ${chunk('', 'stop')}\n\ndata: [DONE]`
    harness.emulator.enqueue({ kind: 'sse-raw', data: body })
    const chunks = await collect(await stream())
    expect(chunks.map((piece) => piece.choices[0]?.delta.content)).toEqual(['a', 'b', ''])
  })
})

describe('endings', () => {
  const slow: ScriptedReply = { kind: 'split', chunkBytes: 16, delayMs: 15 }

  it.each([
    [
      'break',
      async (iterable: AsyncIterable<ChatCompletionChunk>) => {
        for await (const _chunk of iterable) break
      },
    ],
    [
      'return()',
      async (iterable: AsyncIterable<ChatCompletionChunk>) => {
        const iterator = iterable[Symbol.asyncIterator]()
        await iterator.next()
        await iterator.return?.()
      },
    ],
    [
      'a throw in the loop body',
      async (iterable: AsyncIterable<ChatCompletionChunk>) => {
        await expect(
          (async () => {
            for await (const _chunk of iterable) throw new Error('consumer failed')
          })(),
        ).rejects.toThrow('consumer failed')
      },
    ],
  ])('stopping early with %s aborts the request and releases the socket', async (_name, consume) => {
    const before = harness.emulator.openConnections()
    harness.emulator.enqueue(slow)
    await consume(await stream())
    await expectConnectionsBackTo(before)
  })

  it('controller.abort() ends the loop and releases the socket', async () => {
    const before = harness.emulator.openConnections()
    harness.emulator.enqueue(slow)
    const iterable = await stream()
    const seen: ChatCompletionChunk[] = []
    for await (const chunk of iterable) {
      seen.push(chunk)
      iterable.controller.abort()
    }
    expect(seen).toHaveLength(1)
    await expectConnectionsBackTo(before)
  })

  it("the request's signal aborts a running stream with APIUserAbortError carrying the reason", async () => {
    const before = harness.emulator.openConnections()
    harness.emulator.enqueue(slow)
    const controller = new AbortController()
    const iterable = await stream({}, { signal: controller.signal })
    const error = await (async () => {
      for await (const _chunk of iterable) controller.abort(new Error('user left'))
    })().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(APIUserAbortError)
    expect(((error as Error).cause as Error).message).toBe('user left')
    await expectConnectionsBackTo(before)
  })

  it('a connection dropped before [DONE] is an error, and nothing is retried after a chunk', async () => {
    harness.emulator.enqueue({ kind: 'drop-after-chunks', chunks: 2 })
    const iterable = await stream({}, { maxRetries: 2 })
    const seen: ChatCompletionChunk[] = []
    const error = await (async () => {
      for await (const chunk of iterable) seen.push(chunk)
    })().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(APIConnectionError)
    expect(seen.length).toBeGreaterThan(0)
    expect(harness.emulator.requests).toHaveLength(1)
  })

  it('a clean end without [DONE] and without finish_reason is an error; with finish_reason it is complete', async () => {
    const chunk = (finish: string | null) =>
      `data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content: 'hi' }, finish_reason: finish }] })}\n\n`
    harness.emulator.enqueue({ kind: 'sse-raw', data: chunk(null) })
    await expect(collect(await stream())).rejects.toBeInstanceOf(APIConnectionError)
    harness.emulator.enqueue({ kind: 'sse-raw', data: chunk(null) + chunk('stop') })
    expect(await collect(await stream())).toHaveLength(2)
  })

  it('malformed JSON in a chunk is a ResponseParseError with the raw text', async () => {
    harness.emulator.enqueue({ kind: 'malformed-json' })
    const error = await collect(await stream()).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ResponseParseError)
    expect((error as ResponseParseError).raw).toContain('"broken"')
  })

  it('an error object in the stream is an APIError with the provider message', async () => {
    harness.emulator.enqueue({
      kind: 'sse-raw',
      data: `data: {"object":"error","message":"Service unavailable.","type":"internal_server_error","code":"3000"}\n\n`,
    })
    const error = await collect(await stream()).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(APIError)
    expect((error as APIError).message).toBe('Service unavailable.')
    expect((error as APIError).code).toBe('3000')
    expect((error as APIError).status).toBeUndefined()
  })

  it('finish_reason "error" is a FinishReasonError with the raw chunk, after the chunks before it', async () => {
    harness.emulator.enqueue({ kind: 'stream-error', afterChunks: 2 })
    const seen: ChatCompletionChunk[] = []
    const error = await (async () => {
      for await (const chunk of await stream()) seen.push(chunk)
    })().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(FinishReasonError)
    expect((error as FinishReasonError).raw).toContain('"error"')
    expect(seen.length).toBeGreaterThanOrEqual(1)
  })

  it('idleTimeout bounds the silence between chunks', async () => {
    harness.emulator.enqueue({ kind: 'split', chunkBytes: 40, delayMs: 300 })
    const error = await collect(await stream({}, { idleTimeout: 100 })).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(APIConnectionTimeoutError)
  })

  it('a stream can be iterated only once', async () => {
    const iterable = await stream()
    await collect(iterable)
    expect(() => iterable[Symbol.asyncIterator]()).toThrow('only once')
  })
})
