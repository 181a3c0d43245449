/**
 * Cross-provider proof: a conversation produced by one provider is continued by the other, through ONE
 * public client configured for both, against both emulators. Every body each emulator received passes
 * that provider's conformance check (Mistral: the official SDK schema + API rules; OpenAI: keys from the
 * openai package's types + ranges + tool-message rules).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { TokenJS, type ChatCompletionMessageParam } from 'token.js'
import { startMistralEmulator, startOpenAIEmulator, type MistralEmulator, type OpenAIEmulator } from '@tokenjs/emulator'
import { assertMistralChatRequest } from '../support/mistral-conformance.js'
import { assertOpenAIChatRequest } from '../support/openai-conformance.js'

let mistral: MistralEmulator
let openai: OpenAIEmulator
let client: TokenJS

beforeAll(async () => {
  ;[mistral, openai] = await Promise.all([
    startMistralEmulator({ chunkSize: 4 }),
    startOpenAIEmulator({ chunkSize: 4 }),
  ])
  client = new TokenJS({
    providers: {
      mistral: { apiKey: mistral.apiKey, baseURL: mistral.url },
      openai: { apiKey: openai.apiKey, baseURL: openai.url },
    },
    maxRetries: 0,
  })
})
afterAll(async () => {
  await Promise.all([mistral.close(), openai.close()])
})
beforeEach(() => {
  mistral.reset()
  openai.reset()
})

const chatBodies = (emulator: MistralEmulator) =>
  emulator.requests
    .filter((request) => request.path === '/v1/chat/completions')
    .map((request) => request.body as Record<string, unknown>)

afterEach(() => {
  for (const body of chatBodies(mistral)) assertMistralChatRequest(body)
  for (const body of chatBodies(openai)) assertOpenAIChatRequest(body)
})

const tools = [
  {
    type: 'function' as const,
    function: {
      name: 'get_weather',
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
  },
  {
    type: 'function' as const,
    function: {
      name: 'get_time',
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
  },
]

/** Tool results for every call of an assistant message. */
function answer(message: ChatCompletionMessageParam, results: Record<string, string>): ChatCompletionMessageParam[] {
  const calls = message.role === 'assistant' ? (message.tool_calls ?? []) : []
  return calls.map((call) => ({
    role: 'tool' as const,
    tool_call_id: call.id,
    content: results[call.type === 'function' ? call.function.name : ''] ?? '?',
  }))
}

describe('Mistral → OpenAI', () => {
  it('a Mistral conversation (9-character tool-call ids, tool results, reasoning) continues on OpenAI', async () => {
    const messages: ChatCompletionMessageParam[] = [{ role: 'user', content: 'Use get_weather and get_time for Paris' }]
    const calling = await client.chat.completions.create({
      provider: 'mistral',
      model: 'mistral-large-latest',
      messages,
      tools,
      tool_choice: 'required',
    })
    const assistant = calling.choices[0]?.message as ChatCompletionMessageParam & { tool_calls: { id: string }[] }
    expect(assistant.tool_calls.map((call) => call.id)).toEqual([
      expect.stringMatching(/^[a-zA-Z0-9]{9}$/),
      expect.stringMatching(/^[a-zA-Z0-9]{9}$/),
    ])
    messages.push(assistant, ...answer(assistant, { get_weather: 'sunny', get_time: '14:00' }))
    const answered = await client.chat.completions.create({
      provider: 'mistral',
      model: 'mistral-large-latest',
      messages,
      tools,
    })
    messages.push(answered.choices[0]?.message as ChatCompletionMessageParam, {
      role: 'user',
      content: 'Think: is 14:00 in the afternoon?',
    })
    const reasoned = await client.chat.completions.create({
      provider: 'mistral',
      model: 'mistral-small-latest',
      reasoning_effort: 'high',
      messages,
      tools,
    })
    const thinking = reasoned.choices[0]?.message
    expect(thinking?.reasoning_content).toEqual(expect.any(String))
    messages.push(thinking as ChatCompletionMessageParam, { role: 'user', content: 'Summarise for me.' })

    const continued = await client.chat.completions.create({ provider: 'openai', model: 'gpt-4.1', messages, tools })
    expect(continued.choices[0]?.message.content).toBe('You said: Summarise for me.')
    const sent = chatBodies(openai)[0]?.messages as Array<Record<string, unknown>>
    expect(sent).toHaveLength(messages.length)
    expect((sent[1]?.tool_calls as { id: string }[]).map((call) => call.id)).toEqual(
      assistant.tool_calls.map((call) => call.id),
    )
    expect(sent.map((message) => message.tool_call_id).filter(Boolean)).toEqual(
      assistant.tool_calls.map((call) => call.id),
    )
    expect(sent.some((message) => 'reasoning_content' in message)).toBe(false)
    expect(sent[6]).toMatchObject({ role: 'assistant', content: thinking?.content })
  })

  it('the same, streamed from Mistral and assembled with finalCompletion()', async () => {
    const messages: ChatCompletionMessageParam[] = [{ role: 'user', content: 'get_weather in Rome' }]
    const stream = await client.chat.completions.create({
      provider: 'mistral',
      model: 'mistral-large-latest',
      messages,
      tools,
      stream: true,
    })
    const assistant = (await stream.finalCompletion()).choices[0]?.message as ChatCompletionMessageParam
    messages.push(assistant, ...answer(assistant, { get_weather: 'rain' }))
    const continued = await client.chat.completions.create({ provider: 'openai', model: 'gpt-4o', messages, tools })
    expect(continued.choices[0]?.message.content).toBe('The tool get_weather returned: rain')
  })
})

describe('OpenAI → Mistral', () => {
  it('an OpenAI conversation (call_ ids, fragment-streamed calls, annotations) continues on Mistral with consistent 9-character ids', async () => {
    const messages: ChatCompletionMessageParam[] = [{ role: 'user', content: 'Use get_weather and get_time for Oslo' }]
    const stream = await client.chat.completions.create({
      provider: 'openai',
      model: 'gpt-4.1',
      messages,
      tools,
      tool_choice: 'required',
      stream: true,
    })
    const assistant = (await stream.finalCompletion()).choices[0]?.message as ChatCompletionMessageParam & {
      tool_calls: { id: string }[]
    }
    expect(assistant.tool_calls.map((call) => call.id)).toEqual([
      expect.stringMatching(/^call_/),
      expect.stringMatching(/^call_/),
    ])
    messages.push(assistant, ...answer(assistant, { get_weather: 'snow', get_time: '09:00' }))
    const answered = await client.chat.completions.create({ provider: 'openai', model: 'gpt-4.1', messages, tools })
    expect(answered.choices[0]?.message.content).toBe('The tool get_time returned: 09:00')
    messages.push(answered.choices[0]?.message as ChatCompletionMessageParam, {
      role: 'user',
      content: 'And tomorrow?',
    })
    // Replayed to OpenAI itself first: the response message (annotations, refusal: null) must be a valid request message.
    await client.chat.completions.create({ provider: 'openai', model: 'gpt-4.1', messages, tools })

    const continued = await client.chat.completions.create({
      provider: 'mistral',
      model: 'mistral-large-latest',
      messages,
      tools,
    })
    expect(continued.choices[0]?.message.content).toBe('You said: And tomorrow?')
    const sent = chatBodies(mistral)[0]?.messages as Array<Record<string, unknown>>
    const ids = (sent[1]?.tool_calls as { id: string }[]).map((call) => call.id)
    expect(ids).toEqual([expect.stringMatching(/^[a-zA-Z0-9]{9}$/), expect.stringMatching(/^[a-zA-Z0-9]{9}$/)])
    expect(new Set(ids).size).toBe(2)
    expect([sent[2]?.tool_call_id, sent[3]?.tool_call_id]).toEqual(ids)
    // The same OpenAI ids map to the same Mistral ids on the next request.
    await client.chat.completions.create({ provider: 'mistral', model: 'mistral-large-latest', messages, tools })
    expect((chatBodies(mistral)[1]?.messages as Array<Record<string, unknown>>)[1]).toEqual(sent[1])
  })
})
