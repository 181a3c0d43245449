/** Gemini through token.js against the Gemini emulator: request mapping, response mapping, tool loops, refusals. */
import { describe, expect, it } from 'vitest'
import {
  FinishReasonError,
  InputError,
  PromptBlockedError,
  type ChatCompletionMessageParam,
  type ChatCompletionTool,
} from 'token.js'
import { useGeminiEmulator } from './harness.js'

const harness = useGeminiEmulator()
const weather: ChatCompletionTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Weather',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
      additionalProperties: false,
    },
  },
}

async function refused(promise: Promise<unknown>, param: string, text: string | RegExp): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(InputError)
  expect((error as InputError).param).toBe(param)
  expect((error as InputError).message).toMatch(text)
}

describe('request mapping', () => {
  it('puts the model and action in the path, system messages in systemInstruction, roles as user/model', async () => {
    await harness.client().chat.completions.create({
      provider: 'gemini',
      model: 'gemini-2.5-flash',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'developer', content: 'Answer in English.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello!' },
        { role: 'user', content: 'Again' },
      ],
      temperature: 1.5,
      top_p: 0.9,
      max_tokens: 40,
      stop: ['END'],
      seed: 3,
      n: 2,
      top_k: 20,
      safety_settings: [{ category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_ONLY_HIGH' }],
    })
    expect(harness.lastPath()).toBe('/v1beta/models/gemini-2.5-flash:generateContent')
    expect(harness.lastBody()).toEqual({
      systemInstruction: { parts: [{ text: 'Be brief.' }, { text: 'Answer in English.' }] },
      contents: [
        { role: 'user', parts: [{ text: 'Hi' }] },
        { role: 'model', parts: [{ text: 'Hello!' }] },
        { role: 'user', parts: [{ text: 'Again' }] },
      ],
      generationConfig: {
        temperature: 1.5,
        topP: 0.9,
        maxOutputTokens: 40,
        stopSequences: ['END'],
        seed: 3,
        candidateCount: 2,
        topK: 20,
      },
      safetySettings: [{ category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_ONLY_HIGH' }],
    })
    expect(harness.emulator.lastRequest()?.headers['x-goog-api-key']).toBe('***')
  })

  it('sends images and PDFs inline or by URL, and audio inline', async () => {
    await harness.client().chat.completions.create({
      provider: 'gemini',
      model: 'gemini-3.8-flash',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Describe' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } },
            { type: 'file', file: { file_data: 'data:application/pdf;base64,JVBERi0=', filename: 'a.pdf' } },
            { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
          ],
        },
      ],
    })
    expect(harness.lastBody().contents[0].parts).toEqual([
      { text: 'Describe' },
      { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } },
      { fileData: { mimeType: 'image/jpeg', fileUri: 'https://example.com/cat.jpg' } },
      { inlineData: { mimeType: 'application/pdf', data: 'JVBERi0=' } },
      { inlineData: { mimeType: 'audio/wav', data: 'UklGRg==' } },
    ])
  })

  it('maps tools and every tool_choice to functionCallingConfig', async () => {
    const client = harness.client()
    const ask = (tool_choice?: any) =>
      client.chat.completions.create({
        provider: 'gemini',
        model: 'gemini-2.5-flash',
        messages: [{ role: 'user', content: 'x' }],
        tools: [weather],
        ...(tool_choice === undefined ? {} : { tool_choice }),
      })
    await ask()
    expect(harness.lastBody().tools).toEqual([
      {
        functionDeclarations: [
          { name: 'get_weather', description: 'Weather', parametersJsonSchema: weather.function.parameters },
        ],
      },
    ])
    expect(harness.lastBody().toolConfig).toBeUndefined()
    await ask('none')
    expect(harness.lastBody().toolConfig).toEqual({ functionCallingConfig: { mode: 'NONE' } })
    await ask('required')
    expect(harness.lastBody().toolConfig).toEqual({ functionCallingConfig: { mode: 'ANY' } })
    const forced = await ask({ type: 'function', function: { name: 'get_weather' } })
    expect(harness.lastBody().toolConfig).toEqual({
      functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['get_weather'] },
    })
    expect(forced.choices[0]?.finish_reason).toBe('tool_calls')
    expect(forced.choices[0]?.message.content).toBeNull()
  })

  it('maps reasoning_effort to thinkingLevel on Gemini 3 and thinkingBudget on 2.5, and returns thoughts', async () => {
    const client = harness.client()
    const three = await client.chat.completions.create({
      provider: 'gemini',
      model: 'gemini-3.8-flash',
      messages: [{ role: 'user', content: 'x' }],
      reasoning_effort: 'high',
    })
    expect(harness.lastBody().generationConfig.thinkingConfig).toEqual({ thinkingLevel: 'HIGH', includeThoughts: true })
    expect(three.choices[0]?.message.reasoning_content).toContain('The user wrote')
    expect(three.usage?.completion_tokens_details?.reasoning_tokens).toBeGreaterThan(0)
    await client.chat.completions.create({
      provider: 'gemini',
      model: 'gemini-2.5-flash',
      messages: [{ role: 'user', content: 'x' }],
      reasoning_effort: 'none',
    })
    expect(harness.lastBody().generationConfig.thinkingConfig).toEqual({ thinkingBudget: 0 })
    await refused(
      client.chat.completions.create({
        provider: 'gemini',
        model: 'gemini-3.8-flash',
        messages: [{ role: 'user', content: 'x' }],
        reasoning_effort: 'minimal',
      }),
      'reasoning_effort',
      /'low', 'medium', 'high'/,
    )
  })

  it('sends json_schema as responseJsonSchema and refuses keywords Gemini cannot express, naming them', async () => {
    const client = harness.client()
    const answer = await client.chat.completions.create({
      provider: 'gemini',
      model: 'gemini-3.8-flash',
      messages: [{ role: 'user', content: 'A city' }],
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'city',
          schema: {
            $schema: 'https://json-schema.org/draft/2020-12/schema',
            type: 'object',
            properties: { name: { type: 'string', const: 'Paris' } },
            required: ['name'],
          },
        },
      },
    })
    expect(harness.lastBody().generationConfig).toEqual({
      responseMimeType: 'application/json',
      responseJsonSchema: {
        type: 'object',
        properties: { name: { type: 'string', enum: ['Paris'] } },
        required: ['name'],
      },
    })
    expect(JSON.parse(answer.choices[0]?.message.content ?? '')).toEqual({ name: 'Paris' })
    await refused(
      client.chat.completions.create({
        provider: 'gemini',
        model: 'gemini-3.8-flash',
        messages: [{ role: 'user', content: 'x' }],
        response_format: {
          type: 'json_schema',
          json_schema: {
            name: 'x',
            schema: { type: 'object', properties: { code: { type: 'string', pattern: '^[A-Z]+$' } } },
          },
        },
      }),
      'response_format.json_schema.schema',
      /'pattern' \(at #\.properties\.code\)/,
    )
  })

  it('maps logprobs and penalties, and refuses what Gemini has no place for', async () => {
    const client = harness.client()
    const answer = await client.chat.completions.create({
      provider: 'gemini',
      model: 'gemini-3.8-flash',
      messages: [{ role: 'user', content: 'a b' }],
      logprobs: true,
      top_logprobs: 2,
      presence_penalty: 0.5,
      frequency_penalty: 0.2,
    })
    expect(harness.lastBody().generationConfig).toMatchObject({
      responseLogprobs: true,
      logprobs: 2,
      presencePenalty: 0.5,
      frequencyPenalty: 0.2,
    })
    expect(answer.choices[0]?.logprobs?.content?.[0]?.top_logprobs).toHaveLength(2)
    const base = {
      provider: 'gemini' as const,
      model: 'gemini-3.8-flash',
      messages: [{ role: 'user' as const, content: 'x' }],
    }
    // The compiler refuses `user` for Gemini first (test/types/provider-params.ts); the run time does too.
    await refused(client.chat.completions.create({ ...base, user: 'u1' } as never), 'user', /no end-user id/)
    await refused(
      client.chat.completions.create({ ...base, tools: [weather], parallel_tool_calls: false }),
      'parallel_tool_calls',
      /no switch/,
    )
    await refused(client.chat.completions.create({ ...base, n: 2 }), 'n', /n > 1|n/)
    await refused(
      client.chat.completions.create({ ...base, stop: ['a', 'b', 'c', 'd', 'e', 'f'] }),
      'stop',
      /at most 5/,
    )
    await refused(client.chat.completions.create({ ...base, temperature: 2.5 }), 'temperature', /temperature/)
    await refused(
      client.chat.completions.create({
        ...base,
        messages: [
          { role: 'user', content: 'x' },
          { role: 'system', content: 'late' },
        ],
      }),
      'messages[1].role',
      /only before the conversation/,
    )
    expect(harness.bodies()).toHaveLength(1)
  })
})

describe('tool loops', () => {
  it('replays calls with their ids and thought signatures, and results by function name', async () => {
    const client = harness.client()
    const messages: ChatCompletionMessageParam[] = [{ role: 'user', content: 'Use get_weather' }]
    const first = await client.chat.completions.create({
      provider: 'gemini',
      model: 'gemini-3.8-flash',
      messages,
      tools: [weather],
    })
    const message = first.choices[0]?.message
    const call = message?.tool_calls?.[0]
    expect(call?.id).toMatch(/^[a-z0-9]{8}$/)
    expect(message?.reasoning_details).toEqual([
      expect.objectContaining({ type: 'reasoning.encrypted', format: 'google-gemini-v1', id: call?.id }),
    ])
    messages.push(message as ChatCompletionMessageParam, {
      role: 'tool',
      tool_call_id: call?.id ?? '',
      content: 'sunny',
    })
    const second = await client.chat.completions.create({
      provider: 'gemini',
      model: 'gemini-3.8-flash',
      messages,
      tools: [weather],
    })
    const sent = harness.lastBody().contents
    expect(sent[1].parts[0]).toMatchObject({
      functionCall: { id: call?.id, name: 'get_weather' },
      thoughtSignature: message?.reasoning_details?.[0] && (message.reasoning_details[0] as { data: string }).data,
    })
    expect(sent[2]).toEqual({
      role: 'user',
      parts: [{ functionResponse: { id: call?.id, name: 'get_weather', response: { content: 'sunny' } } }],
    })
    expect(second.choices[0]?.message.content).toBe('The tool get_weather returned: {"content":"sunny"}')
  })

  it('groups parallel results into one turn and signs foreign history with the documented stand-in', async () => {
    await harness.client().chat.completions.create({
      provider: 'gemini',
      model: 'gemini-3.8-flash',
      tools: [weather],
      messages: [
        { role: 'user', content: 'Paris and Rome' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'toolu_01', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
            { id: 'toolu_02', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Rome"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'toolu_01', content: '{"sky":"clear"}' },
        { role: 'tool', tool_call_id: 'toolu_02', content: 'rain' },
      ],
    })
    const [, model, results] = harness.lastBody().contents
    expect(model.parts[0].thoughtSignature).toBe('skip_thought_signature_validator')
    expect(model.parts[1].thoughtSignature).toBeUndefined()
    expect(results.parts.map((part: any) => part.functionResponse.response)).toEqual([
      { sky: 'clear' },
      { content: 'rain' },
    ])
  })

  it('makes ids stable when Gemini sends none (older models)', async () => {
    const answer = await harness.client().chat.completions.create({
      provider: 'gemini',
      model: 'gemini-2.5-flash',
      messages: [{ role: 'user', content: 'get_weather please' }],
      tools: [weather],
    })
    const id = answer.choices[0]?.message.tool_calls?.[0]?.id ?? ''
    expect(id).toBe(`call_${answer.id}_0_0`)
  })
})

describe('response mapping', () => {
  it('maps finish reasons: MAX_TOKENS → length, SAFETY → content_filter', async () => {
    const client = harness.client()
    const cut = await client.chat.completions.create({
      provider: 'gemini',
      model: 'gemini-2.5-flash',
      messages: [{ role: 'user', content: 'one two three four' }],
      max_tokens: 2,
      reasoning_effort: 'none',
    })
    expect(cut.choices[0]?.finish_reason).toBe('length')
    harness.emulator.enqueue({ kind: 'gemini-reply', finishReason: 'SAFETY' })
    const filtered = await client.chat.completions.create({
      provider: 'gemini',
      model: 'gemini-3.8-flash',
      messages: [{ role: 'user', content: 'x' }],
    })
    expect(filtered.choices[0]).toMatchObject({ finish_reason: 'content_filter', message: { content: '' } })
  })

  it('throws PromptBlockedError naming the block reason, and FinishReasonError for malformed calls', async () => {
    const client = harness.client()
    harness.emulator.enqueue({ kind: 'gemini-reply', blockReason: 'PROHIBITED_CONTENT' })
    const blocked = await client.chat.completions
      .create({ provider: 'gemini', model: 'gemini-3.8-flash', messages: [{ role: 'user', content: 'x' }] })
      .catch((error: unknown) => error)
    expect(blocked).toBeInstanceOf(PromptBlockedError)
    expect((blocked as PromptBlockedError).reason).toBe('PROHIBITED_CONTENT')
    expect((blocked as Error).message).toContain('PROHIBITED_CONTENT')
    harness.emulator.enqueue({ kind: 'gemini-reply', finishReason: 'MALFORMED_FUNCTION_CALL' })
    await expect(
      client.chat.completions.create({
        provider: 'gemini',
        model: 'gemini-3.8-flash',
        messages: [{ role: 'user', content: 'x' }],
      }),
    ).rejects.toBeInstanceOf(FinishReasonError)
  })

  it('maps usageMetadata with cached and thinking tokens', async () => {
    harness.emulator.enqueue({
      kind: 'gemini-reply',
      text: 'ok',
      usage: { promptTokenCount: 100, candidatesTokenCount: 5, thoughtsTokenCount: 20, cachedContentTokenCount: 60 },
    })
    const answer = await harness.client().chat.completions.create({
      provider: 'gemini',
      model: 'gemini-3.8-flash',
      messages: [{ role: 'user', content: 'x' }],
    })
    expect(answer.usage).toEqual({
      prompt_tokens: 100,
      completion_tokens: 25,
      total_tokens: 125,
      prompt_tokens_details: { cached_tokens: 60 },
      completion_tokens_details: { reasoning_tokens: 20 },
    })
  })

  it('embeds through batchEmbedContents, in batches of at most 100', async () => {
    const input = Array.from({ length: 150 }, (_, index) => `text ${index}`)
    const result = await harness
      .client()
      .embeddings.create({ provider: 'gemini', model: 'gemini-embedding-001', input, dimensions: 8 })
    expect(result.data).toHaveLength(150)
    expect(result.data[149]?.index).toBe(149)
    expect((result.data[0]?.embedding as number[]).length).toBe(8)
    const paths = harness.emulator.requests.map((request) => request.path)
    expect(paths).toEqual([
      '/v1beta/models/gemini-embedding-001:batchEmbedContents',
      '/v1beta/models/gemini-embedding-001:batchEmbedContents',
    ])
  })
})

describe('every OpenAI parameter has a decided fate on Gemini', () => {
  it('each ChatCompletionCreateParams key (from the openai package) is mapped, refused with a reason, or a core key', async () => {
    const { OPENAI_PARAM_KEYS } = await import('../support/openai-conformance.js')
    const { GEMINI_HANDLED_PARAMS } = await import('../../src/providers/gemini/request.js')
    const core = new Set(['model', 'messages', 'stream'])
    const undecided = [...OPENAI_PARAM_KEYS].filter((key) => !core.has(key) && !GEMINI_HANDLED_PARAMS.includes(key))
    expect(undecided).toEqual([])
  })
})
