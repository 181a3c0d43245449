/**
 * The OpenAI-format emulator on its own (raw HTTP and the official `openai` client): its validation agrees
 * with the conformance checker derived from the openai package's types, and its wire format is what the
 * official client reads.
 */
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OPENAI_CHAT_PARAMS, startOpenAIEmulator, type OpenAIEmulator } from '@tokenjs/emulator'
import { OPENAI_MESSAGE_KEYS as EMULATOR_MESSAGE_KEYS } from '../../packages/emulator/src/openai/validate.js'
import { checkOpenAIChatRequest, OPENAI_MESSAGE_KEYS, OPENAI_PARAM_KEYS } from '../support/openai-conformance.js'

let emulator: OpenAIEmulator
let open: OpenAIEmulator
beforeAll(async () => {
  emulator = await startOpenAIEmulator({ chunkSize: 5 })
  open = await startOpenAIEmulator({ requireApiKey: false, extraModels: ['llama3.2'] })
})
afterAll(async () => {
  await emulator.close()
  await open.close()
})

async function post(
  body: unknown,
  headers: Record<string, string> = { authorization: `Bearer ${emulator.apiKey}` },
  target = emulator,
) {
  const response = await fetch(`${target.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
  const text = await response.text()
  const json = response.headers.get('content-type')?.includes('json') === true ? JSON.parse(text) : {}
  return {
    status: response.status,
    body: json as { error?: { message: string; type: string; param: string | null; code: string | null } } & Record<
      string,
      unknown
    >,
  }
}

const user = { role: 'user', content: 'hi' }
const call = { id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }
const tool = { type: 'function', function: { name: 'f' } }

describe('the emulator knows exactly the keys of the openai package', () => {
  it('top-level parameters', () => {
    expect([...OPENAI_CHAT_PARAMS].sort()).toEqual([...OPENAI_PARAM_KEYS].sort())
  })
  it('message fields per role', () => {
    for (const [role, keys] of OPENAI_MESSAGE_KEYS)
      expect([...(EMULATOR_MESSAGE_KEYS[role] ?? [])].sort()).toEqual([...keys.keys()].sort())
  })
})

describe('validation: the emulator and the conformance checker agree', () => {
  const invalid: Array<
    [string, Record<string, unknown>, { status?: number; message: string; param: string | null; code: string | null }]
  > = [
    [
      'an unknown key',
      { model: 'gpt-4o', messages: [user], safe_prompt: true },
      { message: 'Unrecognized request argument supplied: safe_prompt', param: 'safe_prompt', code: null },
    ],
    [
      'temperature 3',
      { model: 'gpt-4o', messages: [user], temperature: 3 },
      {
        message: "Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got 3 instead.",
        param: 'temperature',
        code: 'decimal_above_max_value',
      },
    ],
    [
      'top_p -0.1',
      { model: 'gpt-4o', messages: [user], top_p: -0.1 },
      {
        message: "Invalid 'top_p': decimal below minimum value. Expected a value >= 0, but got -0.1 instead.",
        param: 'top_p',
        code: 'decimal_below_min_value',
      },
    ],
    [
      'n 129',
      { model: 'gpt-4o', messages: [user], n: 129 },
      {
        message: "Invalid 'n': integer above maximum value. Expected a value <= 128, but got 129 instead.",
        param: 'n',
        code: 'integer_above_max_value',
      },
    ],
    [
      'presence_penalty 2.5',
      { model: 'gpt-4o', messages: [user], presence_penalty: 2.5 },
      {
        message: expect.stringContaining('above maximum value'),
        param: 'presence_penalty',
        code: 'decimal_above_max_value',
      },
    ],
    [
      'a string temperature',
      { model: 'gpt-4o', messages: [user], temperature: '1' },
      {
        message: "Invalid type for 'temperature': expected a decimal, but got a string instead.",
        param: 'temperature',
        code: 'invalid_type',
      },
    ],
    [
      'stream_options without stream',
      { model: 'gpt-4o', messages: [user], stream_options: { include_usage: true } },
      {
        message: "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
        param: 'stream_options',
        code: null,
      },
    ],
    [
      'a tool message answering nothing',
      { model: 'gpt-4o', messages: [user, { role: 'tool', tool_call_id: 'call_1', content: 'x' }] },
      {
        message:
          "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
        param: 'messages.[1].role',
        code: null,
      },
    ],
    [
      'a tool message answering another id',
      {
        model: 'gpt-4o',
        messages: [
          user,
          { role: 'assistant', tool_calls: [call] },
          { role: 'tool', tool_call_id: 'call_2', content: 'x' },
        ],
        tools: [tool],
      },
      {
        message: expect.stringContaining("must be a response to a preceeding message with 'tool_calls'"),
        param: 'messages.[2].role',
        code: null,
      },
    ],
    [
      'an unanswered tool call',
      { model: 'gpt-4o', messages: [user, { role: 'assistant', tool_calls: [call] }, user] },
      {
        message:
          "An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: call_1",
        param: 'messages.[1].role',
        code: null,
      },
    ],
    [
      'an unknown role',
      { model: 'gpt-4o', messages: [{ role: 'bot', content: 'x' }] },
      {
        message:
          "Invalid value: 'bot'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.",
        param: 'messages[0].role',
        code: 'invalid_value',
      },
    ],
    [
      'an image in a system message',
      {
        model: 'gpt-4o',
        messages: [{ role: 'system', content: [{ type: 'image_url', image_url: { url: 'https://x/y.png' } }] }, user],
      },
      {
        message: "Invalid value: 'image_url'. Supported values are: 'text'.",
        param: 'messages[0].content[0].type',
        code: 'invalid_value',
      },
    ],
    [
      'reasoning_content on a message',
      { model: 'gpt-4o', messages: [user, { role: 'assistant', content: 'x', reasoning_content: 'y' }, user] },
      {
        message: "Additional properties are not allowed ('reasoning_content' was unexpected) - 'messages[1]'",
        param: 'messages[1]',
        code: null,
      },
    ],
    [
      'a Mistral document part',
      {
        model: 'gpt-4o',
        messages: [{ role: 'user', content: [{ type: 'document_url', document_url: 'https://x/y.pdf' }] }],
      },
      {
        message: "Invalid value: 'document_url'. Supported values are: 'text', 'image_url', 'input_audio', and 'file'.",
        param: 'messages[0].content[0].type',
        code: 'invalid_value',
      },
    ],
    [
      'a bad function name',
      { model: 'gpt-4o', messages: [user], tools: [{ type: 'function', function: { name: 'get weather' } }] },
      {
        message: expect.stringContaining('does not match pattern'),
        param: 'tools[0].function.name',
        code: 'invalid_value',
      },
    ],
    [
      'tool_choice without tools',
      { model: 'gpt-4o', messages: [user], tool_choice: 'required' },
      {
        message: "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.",
        param: 'tool_choice',
        code: null,
      },
    ],
  ]

  invalid.push(
    [
      'an image URL that is neither http(s) nor data: (Alibaba-NLP/OmniSearch#3)',
      {
        model: 'gpt-4o',
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'hi' },
              { type: 'image_url', image_url: { url: 'foo' } },
            ],
          },
        ],
      },
      {
        message:
          "Invalid image URL: 'messages[0].content[1].image_url.url'. Expected a base64-encoded data URL with an image MIME type (e.g. 'data:image/png;base64,aW1nIGJ5dGVzIGhlcmU='), but got a value without the 'data:' prefix.",
        param: 'messages[0].content[1].image_url.url',
        code: 'invalid_value',
      },
    ],
    [
      'a tool name with a space (brekkylab/ailoy#109)',
      { model: 'gpt-4o', messages: [user], tools: [{ type: 'function', function: { name: 'get weather' } }] },
      {
        message:
          "Invalid 'tools[0].function.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.",
        param: 'tools[0].function.name',
        code: 'invalid_value',
      },
    ],
    [
      'a tool name with a space in the history (mcp-use/mcp-use#90)',
      {
        model: 'gpt-4o',
        messages: [
          user,
          {
            role: 'assistant',
            content: null,
            tool_calls: [{ ...call, function: { name: 'get weather', arguments: '{}' } }],
          },
          { role: 'tool', tool_call_id: 'call_1', content: 'ok' },
        ],
      },
      {
        message:
          "Invalid 'messages[1].tool_calls[0].function.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.",
        param: 'messages[1].tool_calls[0].function.name',
        code: 'invalid_value',
      },
    ],
    [
      'json_schema without schema (openai/openai-python#1869)',
      { model: 'gpt-4o', messages: [user], response_format: { type: 'json_schema', json_schema: { name: 'x' } } },
      {
        message: "Missing required parameter: 'response_format.json_schema.schema'.",
        param: 'response_format.json_schema.schema',
        code: 'missing_required_parameter',
      },
    ],
  )

  it.each(invalid)("%s → 400 with OpenAI's error body, and the checker flags it", async (_name, body, expected) => {
    const { status, body: answer } = await post(body)
    expect(status).toBe(expected.status ?? 400)
    expect(answer).toEqual({
      error: { message: expected.message, type: 'invalid_request_error', param: expected.param, code: expected.code },
    })
    expect(checkOpenAIChatRequest(body)).not.toEqual([])
  })

  it.each([
    [
      'max_tokens on a reasoning model',
      { model: 'o3', messages: [user], max_tokens: 10 },
      "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
      'max_tokens',
      'unsupported_parameter',
    ],
    [
      'temperature on a reasoning model',
      { model: 'gpt-5', messages: [user], temperature: 0.2 },
      "Unsupported value: 'temperature' does not support 0.2 with this model. Only the default (1) value is supported.",
      'temperature',
      'unsupported_value',
    ],
    [
      'an effort the model lacks',
      { model: 'o3', messages: [user], reasoning_effort: 'none' },
      "Unsupported value: 'reasoning_effort' does not support 'none' with this model. Supported values are: 'low', 'medium', and 'high'.",
      'reasoning_effort',
      'unsupported_value',
    ],
  ])('model rules (not body shape): %s', async (_name, body, message, param, code) => {
    expect(await post(body)).toEqual({
      status: 400,
      body: { error: { message, type: 'invalid_request_error', param, code } },
    })
  })

  it('valid bodies pass both: every role, parts, tools, a tool round trip, stream options', async () => {
    const bodies = [
      {
        model: 'gpt-4o',
        messages: [
          { role: 'developer', content: 'x' },
          { role: 'system', content: [{ type: 'text', text: 'y' }] },
          {
            role: 'user',
            name: 'ann',
            content: [
              { type: 'text', text: 'hi' },
              { type: 'image_url', image_url: { url: 'https://x/y.png', detail: 'high' } },
              { type: 'file', file: { file_id: 'file-1' } },
            ],
          },
        ],
      },
      {
        model: 'gpt-4o',
        messages: [
          user,
          { role: 'assistant', content: null, tool_calls: [call] },
          { role: 'tool', tool_call_id: 'call_1', content: 'ok' },
        ],
        tools: [tool],
        tool_choice: 'auto',
        parallel_tool_calls: true,
      },
      {
        model: 'gpt-4o',
        messages: [user, { role: 'assistant', content: [{ type: 'refusal', refusal: 'no' }] }, user],
        stream: true,
        stream_options: { include_usage: true, include_obfuscation: false },
      },
      {
        model: 'gpt-5',
        messages: [user],
        reasoning_effort: 'minimal',
        max_completion_tokens: 100,
        verbosity: 'low',
        service_tier: 'flex',
        response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { type: 'object' }, strict: true } },
      },
    ]
    for (const body of bodies) {
      expect(checkOpenAIChatRequest(body)).toEqual([])
      expect((await post(body)).status, JSON.stringify(body)).toBe(200)
    }
  })
})

describe('routes, auth and models', () => {
  it("unknown model → OpenAI's 404 model_not_found", async () => {
    expect(await post({ model: 'gpt-x', messages: [user] })).toEqual({
      status: 404,
      body: {
        error: {
          message: 'The model `gpt-x` does not exist or you do not have access to it.',
          type: 'invalid_request_error',
          param: null,
          code: 'model_not_found',
        },
      },
    })
  })

  it('401 without a key or with a wrong one (only a masked hint of it); no auth when requireApiKey is false', async () => {
    expect((await post({ model: 'gpt-4o', messages: [user] }, {})).body.error?.message).toContain(
      "You didn't provide an API key",
    )
    const wrong = await post({ model: 'gpt-4o', messages: [user] }, { authorization: 'Bearer sk-wrong-key-123456789' })
    expect(wrong.status).toBe(401)
    expect(wrong.body.error).toMatchObject({ code: 'invalid_api_key', message: expect.stringContaining('sk-') })
    expect(wrong.body.error?.message).not.toContain('sk-wrong-key-123456789')
    expect((await post({ model: 'llama3.2', messages: [user] }, {}, open)).status).toBe(200)
  })

  it("lists and gets models; unknown URLs are 404 in OpenAI's shape", async () => {
    const list = (await (
      await fetch(`${emulator.url}/models`, { headers: { authorization: `Bearer ${emulator.apiKey}` } })
    ).json()) as { object: string; data: { id: string }[] }
    expect(list.object).toBe('list')
    expect(list.data.map((model) => model.id)).toContain('gpt-5')
    const one = await fetch(`${emulator.url}/models/gpt-4o`, {
      headers: { authorization: `Bearer ${emulator.apiKey}` },
    })
    expect(await one.json()).toMatchObject({ id: 'gpt-4o', object: 'model', owned_by: 'system' })
    const missing = await fetch(`${emulator.url}/fim/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emulator.apiKey}` },
      body: '{}',
    })
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({
      error: {
        message: 'Invalid URL (POST /v1/fim/completions)',
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
    })
  })
})

describe('the official openai client reads the emulator', () => {
  const client = () => new OpenAI({ apiKey: emulator.apiKey, baseURL: emulator.url, maxRetries: 0 })
  const weather = {
    type: 'function' as const,
    function: {
      name: 'get_weather',
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
  }

  it('non-streaming, with usage details', async () => {
    const completion = await client().chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Hello!' }],
    })
    expect(completion.choices[0]?.message.content).toBe('You said: Hello!')
    expect(completion.usage?.completion_tokens_details?.reasoning_tokens).toBe(0)
    expect(completion._request_id).toMatch(/^req_/)
  })

  it('streaming tool-call fragments assemble with the official ChatCompletionStream, usage on the last chunk', async () => {
    const runner = client().chat.completions.stream({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'get_weather please' }],
      tools: [weather],
      stream_options: { include_usage: true },
    })
    const final = await runner.finalChatCompletion()
    const call = final.choices[0]?.message.tool_calls?.[0]
    expect(call?.id).toMatch(/^call_/)
    expect(call?.type === 'function' ? JSON.parse(call.function.arguments) : undefined).toEqual({
      city: expect.any(String),
    })
    expect(final.usage?.total_tokens).toBeGreaterThan(0)
  })

  it("a mid-stream error frame raises the official client's APIError", async () => {
    emulator.enqueue({ kind: 'stream-error', afterChunks: 1 })
    const stream = await client().chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Hello!' }],
      stream: true,
    })
    const error = await (async () => {
      for await (const _chunk of stream) {
        // drain
      }
    })().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(OpenAI.APIError)
  })
})
