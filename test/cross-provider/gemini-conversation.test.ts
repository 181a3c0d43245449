/**
 * Gemini joins the cross-provider conversations: a Gemini tool loop (8-character call ids, thought
 * signatures in `reasoning_details`, thoughts in `reasoning_content`) continues on Mistral and OpenAI, and
 * a Mistral conversation continues on Gemini 3 (calls without signatures get Google's documented stand-in).
 * Every body each emulator received passes that provider's conformance check.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { TokenJS, type ChatCompletionMessageParam } from 'token.js'
import {
  startGeminiEmulator,
  startMistralEmulator,
  startOpenAIEmulator,
  type GeminiEmulator,
  type MistralEmulator,
  type OpenAIEmulator,
} from '@tokenjs/emulator'
import { assertGeminiRequest } from '../support/gemini-conformance.js'
import { assertMistralChatRequest } from '../support/mistral-conformance.js'
import { assertOpenAIChatRequest } from '../support/openai-conformance.js'

let gemini: GeminiEmulator
let mistral: MistralEmulator
let openai: OpenAIEmulator
let client: TokenJS

beforeAll(async () => {
  ;[gemini, mistral, openai] = await Promise.all([
    startGeminiEmulator({ chunkSize: 2 }),
    startMistralEmulator({ chunkSize: 4 }),
    startOpenAIEmulator({ chunkSize: 4 }),
  ])
  client = new TokenJS({
    providers: {
      gemini: { apiKey: gemini.apiKey, baseURL: gemini.url },
      mistral: { apiKey: mistral.apiKey, baseURL: mistral.url },
      openai: { apiKey: openai.apiKey, baseURL: openai.url },
    },
    maxRetries: 0,
  })
})
afterAll(async () => {
  await Promise.all([gemini.close(), mistral.close(), openai.close()])
})
beforeEach(() => {
  gemini.reset()
  mistral.reset()
  openai.reset()
})
afterEach(() => {
  for (const request of gemini.requests)
    assertGeminiRequest(request.body, request.path.includes('mbed') ? 'batchEmbedContents' : 'generateContent')
  for (const request of mistral.requests.filter((entry) => entry.path === '/v1/chat/completions'))
    assertMistralChatRequest(request.body)
  for (const request of openai.requests.filter((entry) => entry.path === '/v1/chat/completions'))
    assertOpenAIChatRequest(request.body)
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

function answer(message: ChatCompletionMessageParam, results: Record<string, string>): ChatCompletionMessageParam[] {
  const calls = message.role === 'assistant' ? (message.tool_calls ?? []) : []
  return calls.map((call) => ({
    role: 'tool' as const,
    tool_call_id: call.id,
    content: results[call.type === 'function' ? call.function.name : ''] ?? '?',
  }))
}

describe('Gemini ↔ Mistral ↔ OpenAI', () => {
  it('a Gemini 3 tool loop with thoughts and signatures continues on OpenAI and on Mistral', async () => {
    const messages: ChatCompletionMessageParam[] = [{ role: 'user', content: 'Use get_weather and get_time for Paris' }]
    const stream = await client.chat.completions.create({
      provider: 'gemini',
      model: 'gemini-3.8-flash',
      messages,
      tools,
      tool_choice: 'required',
      reasoning_effort: 'low',
      stream: true,
    })
    const calling = (await stream.finalCompletion()).choices[0]?.message as ChatCompletionMessageParam & {
      tool_calls: { id: string }[]
    }
    expect(calling.tool_calls.map((call) => call.id)).toEqual([
      expect.stringMatching(/^[a-z0-9]{8}$/),
      expect.stringMatching(/^[a-z0-9]{8}$/),
    ])
    messages.push(calling, ...answer(calling, { get_weather: 'sunny', get_time: '14:00' }))
    const answered = await client.chat.completions.create({
      provider: 'gemini',
      model: 'gemini-3.8-flash',
      messages,
      tools,
    })
    expect(gemini.requests.at(-1)?.status).toBe(200)
    messages.push(answered.choices[0]?.message as ChatCompletionMessageParam, {
      role: 'user',
      content: 'Summarise for me.',
    })

    const onOpenAI = await client.chat.completions.create({ provider: 'openai', model: 'gpt-4.1', messages, tools })
    expect(onOpenAI.choices[0]?.message.content).toBe('You said: Summarise for me.')
    const onMistral = await client.chat.completions.create({
      provider: 'mistral',
      model: 'mistral-large-latest',
      messages,
      tools,
    })
    expect(onMistral.choices[0]?.message.content).toBe('You said: Summarise for me.')
  })

  it('a Mistral conversation continues on Gemini 3, its calls signed with the documented stand-in', async () => {
    const messages: ChatCompletionMessageParam[] = [{ role: 'user', content: 'Use get_weather for Rome' }]
    const calling = await client.chat.completions.create({
      provider: 'mistral',
      model: 'mistral-large-latest',
      messages,
      tools,
      tool_choice: 'required',
    })
    const assistant = calling.choices[0]?.message as ChatCompletionMessageParam
    messages.push(assistant, ...answer(assistant, { get_weather: 'rain', get_time: '09:00' }))
    const continued = await client.chat.completions.create({
      provider: 'gemini',
      model: 'gemini-3.8-flash',
      messages,
      tools,
    })
    expect(continued.choices[0]?.message.content).toMatch(/^The tool get_(weather|time) returned: /)
    const sent = gemini.requests.at(-1)?.body as { contents: { parts: Record<string, unknown>[] }[] }
    expect(sent.contents[1]?.parts[0]?.thoughtSignature).toBe('skip_thought_signature_validator')
  })
})
