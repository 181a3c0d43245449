/**
 * Every recorded Anthropic exchange (test/fixtures/real/anthropic, with provenance) through the public
 * client, over loopback:
 * 1. each recorded request is rewritten as the OpenAI-format params a token.js user would pass for it
 *    (system, text, images, PDFs, tool calls and results, signed thinking, tools, tool_choice, thinking,
 *    effort, max_tokens, metadata); the body our client sends for those params passes the checker built
 *    from `@anthropic-ai/sdk` (test/support/anthropic-conformance.ts) and has the recorded turns and
 *    block types. What the user cannot say in OpenAI's format (a PDF by URL, a text document) or what
 *    API version 2026-10-21 removed (temperature, top_k) is listed, and the removed ones must be refused
 *    by name before any request;
 * 2. each recorded answer (JSON, event stream, error body) is served byte for byte and the OpenAI result
 *    equals what the recording says, read here independently: text, tool calls (ids, names, arguments),
 *    reasoning_content with its signature, usage with cache and thinking tokens, finish_reason, and for
 *    errors the class, status, type and message;
 * 3. a stream recorded with its own framing (pydantic-ai cassette) is cut at every byte offset and gives
 *    the same chunks each time (the vercel/ai stream at every offset is in test/anthropic).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  BadRequestError,
  InputError,
  NotFoundError,
  TokenJS,
  type APIError,
  type ChatCompletion,
  type ChatCompletionChunk,
  type ChatCompletionMessageParam,
} from 'token.js'
import {
  anthropicRecordings,
  recordedEvents,
  type AnthropicRecording,
  type RecordedAnthropicRequest,
} from '../fixtures/real/anthropic/index.js'
import { assertAnthropicRequest } from '../support/anthropic-conformance.js'
import { startReplayServer, type ReplayServer } from '../support/replay-server.js'

type Json = Record<string, any>

let server: ReplayServer
beforeAll(async () => {
  server = await startReplayServer()
})
afterAll(() => server.close())

const recordings = anthropicRecordings()
const client = () => new TokenJS({ apiKey: 'replay-key-anthropic', baseURL: server.url, maxRetries: 0 })

function answer(recording: AnthropicRecording, splitAt?: readonly number[]): void {
  const { response } = recording
  const streamed = response.sse !== undefined
  const headers: Record<string, string> = {
    'content-type': response.headers['content-type'] ?? (streamed ? 'text/event-stream' : 'application/json'),
  }
  const body = streamed ? response.sse : JSON.stringify(response.body)
  server.answer({ status: response.status, headers, body, ...(splitAt === undefined ? {} : { splitAt }) })
}

// ---------------------------------------------------------------------------------------------------
// 1. Recorded request → the OpenAI params a user would write for it.

/** Why a recorded request has no OpenAI-format equivalent; `refused` = token.js must refuse it by name. */
interface Untranslatable {
  readonly reason: string
  readonly refused?: string
}

const dataURL = (mediaType: string, data: string) => `data:${mediaType};base64,${data}`

function userPart(block: Json): Json | Untranslatable {
  switch (block.type) {
    case 'text':
      return { type: 'text', text: block.text }
    case 'image':
      return block.source.type === 'url'
        ? { type: 'image_url', image_url: { url: block.source.url } }
        : { type: 'image_url', image_url: { url: dataURL(block.source.media_type, block.source.data) } }
    case 'document':
      if (block.source.type === 'base64' && block.source.media_type === 'application/pdf')
        return {
          type: 'file',
          file: { filename: 'recorded.pdf', file_data: dataURL('application/pdf', block.source.data) },
        }
      return { reason: `a ${block.source.type} document source (OpenAI's file part carries base64 PDFs only)` }
    default:
      return { reason: `a ${String(block.type)} block in a user turn` }
  }
}

function assistantMessage(blocks: Json[]): Json {
  const message: Json = { role: 'assistant', content: null }
  const text = blocks.filter((block) => block.type === 'text').map((block) => block.text as string)
  if (text.length > 0) message.content = text.join('')
  const details = blocks.flatMap((block): Json[] =>
    block.type === 'thinking'
      ? [{ type: 'reasoning.text', text: block.thinking, signature: block.signature, format: 'anthropic-claude-v1' }]
      : block.type === 'redacted_thinking'
        ? [{ type: 'reasoning.encrypted', data: block.data, format: 'anthropic-claude-v1' }]
        : [],
  )
  if (details.length > 0) message.reasoning_details = details
  const calls = blocks.filter((block) => block.type === 'tool_use')
  if (calls.length > 0)
    message.tool_calls = calls.map((call) => ({
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: JSON.stringify(call.input) },
    }))
  return message
}

function toolChoice(choice: Json | undefined): Json {
  if (choice === undefined) return {}
  const parallel = choice.disable_parallel_tool_use === true ? { parallel_tool_calls: false } : {}
  switch (choice.type) {
    case 'auto':
      return { tool_choice: 'auto', ...parallel }
    case 'any':
      return { tool_choice: 'required', ...parallel }
    case 'none':
      return { tool_choice: 'none' }
    case 'tool':
      return { tool_choice: { type: 'function', function: { name: choice.name } }, ...parallel }
    default:
      throw new Error(`tool_choice ${String(choice.type)}`)
  }
}

function toOpenAIParams(request: RecordedAnthropicRequest): Json | Untranslatable {
  const body = request.body as Json
  if (body.temperature !== undefined && body.temperature !== 1)
    return { reason: 'temperature (removed by API version 2026-10-21)', refused: 'temperature' }
  if (body.top_k !== undefined) return { reason: 'top_k (removed by API version 2026-10-21)' }
  const messages: Json[] = []
  const system = typeof body.system === 'string' ? [{ text: body.system }] : ((body.system ?? []) as Json[])
  if (system.length > 0) messages.push({ role: 'system', content: system.map((block) => block.text).join('\n') })
  for (const turn of body.messages as Json[]) {
    const blocks: Json[] = typeof turn.content === 'string' ? [{ type: 'text', text: turn.content }] : turn.content
    if (turn.role === 'assistant') {
      messages.push(assistantMessage(blocks))
      continue
    }
    for (const result of blocks.filter((block) => block.type === 'tool_result'))
      messages.push({ role: 'tool', tool_call_id: result.tool_use_id, content: result.content })
    const parts = blocks.filter((block) => block.type !== 'tool_result').map(userPart)
    const lost = parts.find((part): part is Untranslatable => 'reason' in part)
    if (lost !== undefined) return lost
    if (parts.length > 0) messages.push({ role: 'user', content: parts })
  }
  const params: Json = { provider: 'anthropic', model: body.model, messages, max_tokens: body.max_tokens }
  if (body.stream === true) params.stream = true
  if (body.tools !== undefined)
    params.tools = (body.tools as Json[]).map((tool) => ({
      type: 'function',
      function: { name: tool.name, description: tool.description, parameters: tool.input_schema },
    }))
  Object.assign(params, toolChoice(body.tool_choice))
  if (body.thinking !== undefined) params.thinking = body.thinking
  if (body.metadata?.user_id !== undefined) params.metadata = { user_id: body.metadata.user_id }
  const output = (body.output_config ?? {}) as Json
  if (output.effort !== undefined) params.reasoning_effort = output.effort
  if (output.format !== undefined)
    params.response_format = { type: 'json_schema', json_schema: { name: 'recorded', schema: output.format.schema } }
  return params
}

/**
 * The turns of a Messages body as `role: block types`, the part a translation must keep. Consecutive
 * turns of one role count as one (the API merges them; token.js sends them merged).
 */
function turnsOf(body: Json): string[] {
  const turns: { role: string; types: string[] }[] = []
  for (const turn of body.messages as Json[]) {
    const blocks: Json[] = typeof turn.content === 'string' ? [{ type: 'text', text: turn.content }] : turn.content
    const types = blocks
      .filter((block) => !(block.type === 'text' && block.text === ''))
      .map((block) => `${block.type}${block.source ? `/${block.source.type}` : ''}`)
    const last = turns.at(-1)
    if (last !== undefined && last.role === turn.role) last.types.push(...types)
    else turns.push({ role: turn.role, types })
  }
  return turns.map((turn) => `${turn.role}: ${turn.types.join(' ')}`)
}

const messageRequests = recordings.filter(
  (recording) => recording.request !== undefined && /^\/v1\/messages(\?|$)/.test(recording.request.path),
)
const translated = messageRequests.map((recording) => ({
  recording,
  params: toOpenAIParams(recording.request as RecordedAnthropicRequest),
}))
const sendable = translated.filter(
  (entry): entry is { recording: AnthropicRecording; params: Json } => !('reason' in entry.params),
)

/** Recordings whose request OpenAI's format cannot carry, and why (a new one must be looked at). */
const UNTRANSLATABLE: Readonly<Record<string, string>> = {
  'pydantic-ai/document_url_input': "a url document source (OpenAI's file part carries base64 PDFs only)",
  'pydantic-ai/text_document_as_binary_content_input':
    "a text document source (OpenAI's file part carries base64 PDFs only)",
  'pydantic-ai/text_document_url_input.2': "a text document source (OpenAI's file part carries base64 PDFs only)",
  'pydantic-ai/sampling_settings_reach_the_wire': 'temperature (removed by API version 2026-10-21)',
}

describe('recorded requests, rewritten as OpenAI params, go out as requests the Messages API accepts', () => {
  it('the requests OpenAI’s format cannot carry are exactly the listed ones', () => {
    const lost = Object.fromEntries(
      translated.flatMap(({ recording, params }) =>
        'reason' in params ? [[recording.name, (params as Untranslatable).reason]] : [],
      ),
    )
    expect(lost).toEqual(UNTRANSLATABLE)
    expect(sendable.length).toBeGreaterThanOrEqual(35)
  })

  it('what API version 2026-10-21 removed is refused by name before any request', async () => {
    for (const { params } of translated) {
      const refused = (params as Untranslatable).refused
      if (refused === undefined) continue
      const before = server.received.length
      const error = await client()
        .chat.completions.create({
          provider: 'anthropic',
          model: 'claude-sonnet-4-6',
          messages: [{ role: 'user', content: 'x' }],
          [refused]: 0.5,
        } as never)
        .catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(InputError)
      expect((error as InputError).param).toBe(refused)
      expect(server.received.length).toBe(before)
    }
  })

  it.each(sendable.map((entry) => [entry.recording.name, entry] as const))(
    '%s',
    async (_name, { recording, params }) => {
      answer(recording)
      const before = server.received.length
      const result = await client()
        .chat.completions.create(params as never)
        .then(async (value: unknown) => {
          if (params.stream === true) for await (const _chunk of value as AsyncIterable<unknown>);
          return value
        })
        .catch((caught: unknown) => caught)
      if (recording.response.status < 400) expect(result).not.toBeInstanceOf(Error)
      expect(server.received.length).toBe(before + 1)
      const sent = server.received.at(-1)!
      expect(sent.path).toBe('/v1/messages')
      const body = JSON.parse(sent.body) as Json
      assertAnthropicRequest(body, sent.headers)
      expect(sent.headers['x-api-key']).toBe('replay-key-anthropic')
      const recorded = recording.request?.body as Json
      expect(turnsOf(body)).toEqual(turnsOf(recorded))
      expect(body.model).toBe(recorded.model)
      expect(body.max_tokens).toBe(recorded.max_tokens)
      expect(body.stream === true).toBe(recorded.stream === true)
      // OpenAI's reasoning_effort turns adaptive thinking on with the effort (reasoning.ts); the recorded
      // effort-only requests are that.
      const effortOnly = recorded.thinking === undefined && recorded.output_config?.effort !== undefined
      expect(body.thinking).toEqual(effortOnly ? { type: 'adaptive' } : recorded.thinking)
      expect((body.tools as Json[] | undefined)?.map((tool) => tool.name)).toEqual(
        (recorded.tools as Json[] | undefined)?.map((tool) => tool.name),
      )
      if (recorded.tool_choice !== undefined) expect(body.tool_choice).toEqual(recorded.tool_choice)
      expect(body.output_config).toEqual(recorded.output_config)
    },
  )
})

// ---------------------------------------------------------------------------------------------------
// 2. Recorded answers → the OpenAI result, read independently from the recording.

interface Expected {
  id: string
  text: string
  hasText: boolean
  reasoning: string
  signatures: string[]
  redacted: string[]
  toolCalls: { id: string; name: string; arguments: unknown }[]
  stopReason: string | null
  usage: Json
}

const FINISH: Readonly<Record<string, string>> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  pause_turn: 'stop',
  tool_use: 'tool_calls',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  refusal: 'content_filter',
}

function expectedOfMessage(message: Json): Expected {
  const blocks = message.content as Json[]
  return {
    id: message.id,
    text: blocks
      .filter((block) => block.type === 'text')
      .map((block) => block.text)
      .join(''),
    hasText: blocks.some((block) => block.type === 'text'),
    reasoning: blocks
      .filter((block) => block.type === 'thinking')
      .map((block) => block.thinking)
      .join(''),
    signatures: blocks.filter((block) => block.type === 'thinking').map((block) => block.signature),
    redacted: blocks.filter((block) => block.type === 'redacted_thinking').map((block) => block.data),
    toolCalls: blocks
      .filter((block) => block.type === 'tool_use')
      .map((block) => ({ id: block.id, name: block.name, arguments: block.input })),
    stopReason: message.stop_reason,
    usage: message.usage,
  }
}

/** Replays the stream's events the way Anthropic documents them: blocks by index, usage last value wins. */
function expectedOfStream(recording: AnthropicRecording): Expected {
  const events = recordedEvents(recording).map((event) => event.data as Json)
  const start = events.find((event) => event.type === 'message_start')!.message as Json
  const blocks: Json[] = []
  const usage: Json = { ...start.usage }
  let stopReason: string | null = null
  const seenStarts = new Set<number>()
  for (const event of events) {
    if (event.type === 'content_block_start' && !seenStarts.has(event.index)) {
      seenStarts.add(event.index)
      blocks[event.index] = { ...event.content_block, json: '' }
    }
    if (event.type === 'content_block_delta') {
      const block = blocks[event.index]!
      const delta = event.delta as Json
      if (delta.type === 'text_delta') block.text += delta.text
      if (delta.type === 'thinking_delta') block.thinking += delta.thinking
      if (delta.type === 'signature_delta') block.signature = (block.signature ?? '') + delta.signature
      if (delta.type === 'input_json_delta') block.json += delta.partial_json
    }
    if (event.type === 'message_delta') {
      for (const [key, value] of Object.entries((event.usage ?? {}) as Json)) if (value !== null) usage[key] = value
      if (event.delta?.stop_reason !== undefined) stopReason = event.delta.stop_reason
    }
  }
  for (const block of blocks)
    if (block.type === 'tool_use') block.input = block.json === '' ? block.input : JSON.parse(block.json)
  return expectedOfMessage({ id: start.id, content: blocks, stop_reason: stopReason, usage })
}

function checkCompletion(completion: ChatCompletion, expected: Expected): void {
  expect(completion.id).toBe(expected.id)
  const choice = completion.choices[0]!
  const { message } = choice
  expect(message.content).toBe(expected.hasText || expected.toolCalls.length === 0 ? expected.text : null)
  expect(message.reasoning_content ?? '').toBe(expected.reasoning)
  expect(
    (message.tool_calls ?? []).map((call) => ({
      id: call.id,
      name: call.function.name,
      arguments: JSON.parse(call.function.arguments),
    })),
  ).toEqual(expected.toolCalls)
  const details = message.reasoning_details ?? []
  expect(details.filter((detail) => detail.type === 'reasoning.text').map((detail) => detail.signature)).toEqual(
    expected.signatures,
  )
  expect(details.filter((detail) => detail.type === 'reasoning.encrypted').map((detail) => detail.data)).toEqual(
    expected.redacted,
  )
  expect(choice.finish_reason).toBe(FINISH[expected.stopReason ?? 'end_turn'])
  const read = expected.usage.cache_read_input_tokens ?? 0
  const written = expected.usage.cache_creation_input_tokens ?? 0
  const prompt = expected.usage.input_tokens + read + written
  expect(completion.usage).toMatchObject({
    prompt_tokens: prompt,
    completion_tokens: expected.usage.output_tokens,
    total_tokens: prompt + expected.usage.output_tokens,
    prompt_tokens_details: { cached_tokens: read, cache_write_tokens: written },
  })
  const thinking = expected.usage.output_tokens_details?.thinking_tokens
  expect(completion.usage?.completion_tokens_details?.reasoning_tokens).toBe(thinking)
}

const plainParams = { provider: 'anthropic' as const, model: 'claude-sonnet-4-6', messages: [] as never[] }
const ask: ChatCompletionMessageParam[] = [{ role: 'user', content: 'replayed' }]

describe('recorded JSON answers through chat.completions.create', () => {
  const messages = recordings.filter((recording) => recording.response.body?.type === 'message')
  it.each(messages.map((recording) => [recording.name, recording] as const))('%s', async (_name, recording) => {
    answer(recording)
    const completion = await client().chat.completions.create({ ...plainParams, messages: ask })
    checkCompletion(completion, expectedOfMessage(recording.response.body as Json))
    expect(completion.model).toBe((recording.response.body as Json).model)
  })
})

async function collect(recording: AnthropicRecording, splitAt?: readonly number[]): Promise<ChatCompletionChunk[]> {
  answer(recording, splitAt)
  const chunks: ChatCompletionChunk[] = []
  for await (const chunk of await client().chat.completions.create({ ...plainParams, messages: ask, stream: true }))
    chunks.push(chunk)
  return chunks
}

describe('recorded event streams through chat.completions.create({ stream: true })', () => {
  const streams = recordings.filter((recording) => recording.response.sse !== undefined)
  it.each(streams.map((recording) => [recording.name, recording] as const))('%s', async (_name, recording) => {
    const expected = expectedOfStream(recording)
    const chunks = await collect(recording)
    expect(chunks[0]?.choices[0]?.delta.role).toBe('assistant')
    expect(new Set(chunks.map((chunk) => chunk.id))).toEqual(new Set([expected.id]))
    // Tool-call indexes are dense (0, 1, …) whatever Anthropic's block index was.
    const indexes = [
      ...new Set(chunks.flatMap((chunk) => chunk.choices[0]?.delta.tool_calls ?? []).map((call) => call.index)),
    ]
    expect(indexes).toEqual(expected.toolCalls.map((_call, index) => index))
    expect(chunks.at(-1)?.choices).toEqual([])
    const finishes = chunks.flatMap((chunk) => chunk.choices.map((choice) => choice.finish_reason)).filter(Boolean)
    expect(finishes).toHaveLength(1)
    // The joined chunks are the completion the stream describes.
    answer(recording)
    const stream = await client().chat.completions.create({ ...plainParams, messages: ask, stream: true })
    checkCompletion(await stream.finalCompletion(), expected)
  })

  it('a stream recorded with its own framing gives the same chunks cut at every byte offset', async () => {
    const recording = recordings.find((candidate) => candidate.name === 'pydantic-ai/model_thinking_part_stream')!
    expect(recording.response.sseFraming).toBe('recorded')
    const baseline = (await collect(recording)).map((chunk) => ({ ...chunk, created: 0 }))
    expect(baseline.length).toBeGreaterThan(10)
    const length = Buffer.byteLength(recording.response.sse as string)
    // Request k cuts at k, k + STRIDE, k + 2·STRIDE…: every offset is a cut in exactly one request.
    const STRIDE = 128
    for (let first = 1; first <= STRIDE; first++) {
      const splitAt: number[] = []
      for (let offset = first; offset < length; offset += STRIDE) splitAt.push(offset)
      const chunks = (await collect(recording, splitAt)).map((chunk) => ({ ...chunk, created: 0 }))
      expect(chunks).toEqual(baseline)
    }
  }, 120_000)
})

describe('recorded error answers are typed errors with Anthropic’s type and message', () => {
  const failures = recordings.filter((recording) => recording.response.status >= 400)
  const classes: Readonly<Record<number, new (...args: never[]) => APIError>> = {
    400: BadRequestError,
    404: NotFoundError,
  }
  it('the corpus has its four error answers (no 429 or 529 was recorded: retry-after is tested in test/anthropic)', () => {
    expect(failures.map((recording) => recording.response.status).sort()).toEqual([400, 400, 400, 404])
  })
  it.each(failures.map((recording) => [recording.name, recording] as const))('%s', async (_name, recording) => {
    answer(recording)
    const error = (await client()
      .chat.completions.create({ ...plainParams, messages: ask })
      .catch((caught: unknown) => caught)) as APIError
    const recorded = (recording.response.body as Json).error as Json
    expect(error).toBeInstanceOf(classes[recording.response.status]!)
    expect(error.status).toBe(recording.response.status)
    expect(error.type).toBe(recorded.type)
    expect(error.code).toBe(recorded.type)
    expect(error.message).toContain(recorded.message)
    expect(error.body).toEqual(recording.response.body)
    expect(JSON.stringify(error)).not.toContain('replay-key-anthropic')
  })
})
