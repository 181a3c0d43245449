/**
 * One history carried Anthropic → Mistral → OpenAI-compatible → Anthropic through ONE public client,
 * against the three emulators: text, an image, tool calls with each provider's ids, and reasoning
 * (Anthropic's signed thinking, which only Anthropic gets back). Every body each emulator received passes
 * that provider's request check (Anthropic: `@anthropic-ai/sdk` types + API rules; Mistral: the official
 * SDK schema + API rules; OpenAI: the openai package's types + rules).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { TokenJS, type ChatCompletionMessage, type ChatCompletionMessageParam } from 'token.js'
import {
  startAnthropicEmulator,
  startMistralEmulator,
  startOpenAIEmulator,
  type AnthropicEmulator,
  type MistralEmulator,
  type OpenAIEmulator,
} from '@tokenjs/emulator'
import { assertAnthropicRequest } from '../support/anthropic-conformance.js'
import { assertMistralChatRequest } from '../support/mistral-conformance.js'
import { assertOpenAIChatRequest } from '../support/openai-conformance.js'

let anthropic: AnthropicEmulator
let mistral: MistralEmulator
let openai: OpenAIEmulator
let client: TokenJS

beforeAll(async () => {
  ;[anthropic, mistral, openai] = await Promise.all([
    startAnthropicEmulator({ chunkSize: 6 }),
    startMistralEmulator({ chunkSize: 6 }),
    startOpenAIEmulator({ chunkSize: 6 }),
  ])
  client = new TokenJS({
    providers: {
      anthropic: { apiKey: anthropic.apiKey, baseURL: anthropic.url },
      mistral: { apiKey: mistral.apiKey, baseURL: mistral.url },
      'openai-compatible': { apiKey: openai.apiKey, baseURL: openai.url },
    },
    maxRetries: 0,
  })
})
afterAll(async () => {
  await Promise.all([anthropic.close(), mistral.close(), openai.close()])
})
afterEach(() => {
  for (const request of anthropic.requests.filter((entry) => entry.path === '/v1/messages')) {
    assertAnthropicRequest(request.body, request.headers)
  }
  for (const request of mistral.requests.filter((entry) => entry.path === '/v1/chat/completions')) {
    assertMistralChatRequest(request.body)
  }
  for (const request of openai.requests.filter((entry) => entry.path === '/v1/chat/completions')) {
    assertOpenAIChatRequest(request.body)
  }
})

const tools = ['get_weather', 'get_time'].map((name) => ({
  type: 'function' as const,
  function: { name, parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
}))
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

const lastBody = (emulator: { requests: readonly { body: unknown }[] }) =>
  emulator.requests.at(-1)?.body as { messages: Array<Record<string, unknown>> }

/** The assistant message as the next request takes it, and a result for each of its tool calls. */
function turn(message: ChatCompletionMessage | undefined, result: string): ChatCompletionMessageParam[] {
  if (message === undefined) throw new Error('no answer')
  const calls = message.tool_calls ?? []
  return [message, ...calls.map((call) => ({ role: 'tool' as const, tool_call_id: call.id, content: result }))]
}

describe('Anthropic → Mistral → OpenAI-compatible → Anthropic', () => {
  it('carries text, an image, tool calls and reasoning through every hop', async () => {
    const messages: ChatCompletionMessageParam[] = [
      { role: 'system', content: 'You are a travel assistant.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is the weather in Paris? This is the sky now:' },
          { type: 'image_url', image_url: { url: PNG } },
        ],
      },
    ]

    // 1. Anthropic thinks and calls a tool: signed reasoning and a toolu_ id come back.
    anthropic.enqueue({
      kind: 'reply',
      reasoning: 'The sky photo is blue; check the forecast.',
      toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' } }],
      finishReason: 'tool_calls',
    })
    const first = await client.chat.completions.create({
      provider: 'anthropic',
      model: 'claude-sonnet-5-5',
      messages,
      tools,
      reasoning_effort: 'medium',
    })
    const claude = first.choices[0]?.message
    expect(claude?.reasoning_details?.[0]).toHaveProperty('signature')
    expect(claude?.tool_calls?.[0]?.id).toMatch(/^toolu_/)
    messages.push(...turn(claude, 'sunny, 21°C'))

    // 2. Mistral continues the same history (its 9-character ids for Anthropic's, the reasoning as a thinking chunk).
    mistral.enqueue({
      kind: 'reply',
      toolCalls: [{ name: 'get_time', arguments: '{"city":"Paris"}' }],
      finishReason: 'tool_calls',
    })
    const second = await client.chat.completions.create({
      provider: 'mistral',
      model: 'mistral-large-latest',
      messages,
      tools,
    })
    const mistralSent = lastBody(mistral).messages
    expect(mistralSent[2]?.tool_calls).toEqual([
      expect.objectContaining({ id: expect.stringMatching(/^[a-zA-Z0-9]{9}$/) }),
    ])
    messages.push(...turn(second.choices[0]?.message, '15:30'))

    // 3. An OpenAI-compatible server gets the history without any provider's reasoning.
    const third = await client.chat.completions.create({
      provider: 'openai-compatible',
      model: 'gpt-4o',
      messages,
      tools,
    })
    expect(third.choices[0]?.message.content).toBe('The tool get_time returned: 15:30')
    const openaiSent = lastBody(openai).messages
    expect(openaiSent.some((message) => 'reasoning_content' in message || 'reasoning_details' in message)).toBe(false)
    expect(openaiSent[1]?.content).toEqual(messages[1]?.content)
    messages.push(third.choices[0]!.message, { role: 'user', content: 'Thanks. And should I take a coat?' })

    // 4. Back on Anthropic: its own signed thinking replayed first in its turn, every id valid for it.
    const fourth = await client.chat.completions.create({
      provider: 'anthropic',
      model: 'claude-sonnet-5-5',
      messages,
      tools,
      reasoning_effort: 'medium',
    })
    expect(fourth.choices[0]?.message.content).toBe('You said: Thanks. And should I take a coat?')
    const sent = lastBody(anthropic) as unknown as {
      system: unknown
      messages: Array<{ role: string; content: Array<Record<string, unknown>> }>
    }
    expect(sent.system).toEqual([{ type: 'text', text: 'You are a travel assistant.' }])
    expect(sent.messages.map((message) => message.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
      'user',
      'assistant',
      'user',
    ])
    expect(sent.messages[0]?.content.map((block) => block.type)).toEqual(['text', 'image'])
    expect(sent.messages[1]?.content[0]).toMatchObject({
      type: 'thinking',
      signature: (claude?.reasoning_details?.[0] as { signature: string }).signature,
    })
    const useIds = sent.messages.flatMap((message) =>
      message.content.filter((block) => block.type === 'tool_use').map((block) => block.id),
    )
    const resultIds = sent.messages.flatMap((message) =>
      message.content.filter((block) => block.type === 'tool_result').map((block) => block.tool_use_id),
    )
    expect(resultIds).toEqual(useIds)
    expect(useIds).toHaveLength(2)
  })
})
