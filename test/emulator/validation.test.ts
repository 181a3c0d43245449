/**
 * Request validation, table-driven. Every body below is written by hand from Mistral's spec
 * (mistralai/platform-docs-public `openapi-public-doc.yaml`) and the API answers quoted in public issue
 * threads (see test/fixtures/mistral-requests/corpus.ts) — not produced by SDK mapping code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validateChatCompletionRequest, type MistralEmulator } from '@tokenjs/emulator'
import { TEST_NOW, chat, postChat, startTestEmulator, testModels, user, weatherTool } from './helpers.js'

let emulator: MistralEmulator
beforeAll(async () => {
  emulator = await startTestEmulator()
})
afterAll(() => emulator.close())

const M = 'mistral-large-latest'
const callA = { id: 'D681PevKs', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }
const callB = { id: 'gSIMJiOkT', function: { name: 'get_weather', arguments: { city: 'Rome' } } }
const toolA = { role: 'tool', name: 'get_weather', tool_call_id: 'D681PevKs', content: '21C' }
const toolB = { role: 'tool', name: 'get_weather', tool_call_id: 'gSIMJiOkT', content: '25C' }
const assistantCalls = (calls: unknown[]) => ({ role: 'assistant', content: '', tool_calls: calls })

const good: [string, Record<string, unknown>][] = [
  ['minimal', { model: M, messages: [user('hi')] }],
  // Recorded 200s (pydantic/pydantic-ai cassettes, 2026-01 to 2026-07): a function tool without `type`,
  // and explicit null penalties.
  [
    'function tool without type',
    { model: M, messages: [user('hi')], tools: [{ function: { name: 'f', parameters: {} } }] },
  ],
  ['null penalties', { model: M, messages: [user('hi')], frequency_penalty: null, presence_penalty: null }],
  [
    'system + user, every scalar option',
    {
      model: M,
      messages: [{ role: 'system', content: 'Be brief.' }, user('hi')],
      temperature: 1.5,
      top_p: 1,
      max_tokens: 0,
      stream: false,
      stop: ['END'],
      random_seed: 0,
      metadata: { a: 1 },
      presence_penalty: -2,
      frequency_penalty: 2,
      n: 2,
      parallel_tool_calls: false,
      safe_prompt: true,
      prompt_cache_key: 'k',
      service_tier: 'standard_only',
      guardrails: [{ block_on_error: true, moderation_llm_v1: {} }],
    },
  ],
  [
    'nullables set to null',
    {
      model: M,
      messages: [user(null)],
      temperature: null,
      max_tokens: null,
      stop: null,
      random_seed: null,
      n: null,
      tools: null,
      reasoning_effort: null,
      prompt_mode: null,
      guardrails: null,
      prompt_cache_key: null,
      service_tier: null,
      metadata: null,
    },
  ],
  [
    'every content chunk type',
    {
      model: 'voxtral-small-latest',
      messages: [
        user([
          { type: 'text', text: 'look' },
          { type: 'document_url', document_url: 'https://x/y.pdf', document_name: 'y.pdf' },
          { type: 'input_audio', input_audio: 'UklGRg==' },
          { type: 'file', file_id: '4f1e2d3c-1b2a-4c5d-8e9f-0a1b2c3d4e5f' },
          { type: 'reference', reference_ids: [1, 'a'] },
        ]),
      ],
    },
  ],
  [
    'image_url as string and as object',
    {
      model: M,
      messages: [
        user([
          { type: 'image_url', image_url: 'data:image/png;base64,AA==' },
          { type: 'image_url', image_url: { url: 'https://x/y.png', detail: 'high' } },
        ]),
      ],
    },
  ],
  [
    'system as text + thinking chunks',
    {
      model: M,
      messages: [
        {
          role: 'system',
          content: [
            { type: 'text', text: 'a' },
            { type: 'thinking', thinking: [{ type: 'text', text: 'b' }] },
          ],
        },
        user('hi'),
      ],
    },
  ],
  [
    'image URLs: https, http, data:image (string and object forms)',
    {
      model: M,
      messages: [
        user([
          { type: 'image_url', image_url: 'https://x/y.png' },
          { type: 'image_url', image_url: { url: 'http://x/y.png' } },
          { type: 'image_url', image_url: { url: 'DATA:image/png;base64,AA==' } },
        ]),
      ],
    },
  ],
  [
    'tool round trip, arguments as string and object',
    { model: M, tools: [weatherTool], messages: [user('weather?'), assistantCalls([callA, callB]), toolA, toolB] },
  ],
  [
    'tool result then bridging assistant then user',
    {
      model: M,
      messages: [user('a'), assistantCalls([callA]), toolA, { role: 'assistant', content: 'ok' }, user('b')],
    },
  ],
  [
    'assistant with prefix true last',
    { model: M, messages: [user('a'), { role: 'assistant', content: 'Sure,', prefix: true }] },
  ],
  [
    'assistant replaying thinking chunks',
    {
      model: M,
      messages: [
        user('a'),
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: [{ type: 'text', text: 'hm' }], closed: true },
            { type: 'text', text: 'x' },
          ],
        },
        user('b'),
      ],
    },
  ],
  [
    'tool_choice forms',
    {
      model: M,
      tools: [weatherTool],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      messages: [user('a')],
    },
  ],
  ['tool_choice required', { model: M, tools: [weatherTool], tool_choice: 'required', messages: [user('a')] }],
  [
    'built-in tools',
    {
      model: M,
      messages: [user('a')],
      tools: [
        { type: 'web_search' },
        { type: 'code_interpreter', tool_configuration: { exclude: ['x'] } },
        { type: 'document_library', library_ids: ['lib'] },
        { type: 'connector', connector_id: 'c', authorization: null },
      ],
    },
  ],
  [
    'json_schema',
    {
      model: M,
      messages: [user('a')],
      response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { type: 'object' }, strict: true } },
    },
  ],
  [
    'reasoning_effort high on a reasoning model',
    { model: 'mistral-small-latest', messages: [user('a')], reasoning_effort: 'high' },
  ],
  ['prediction', { model: 'codestral-latest', messages: [user('a')], prediction: { type: 'content', content: 'x' } }],
  ['zai accepts medium', { model: 'zai-glm-5-2', messages: [user('a')], reasoning_effort: 'medium' }],
  ['deprecated but not yet retired', { model: 'mistral-medium-2505', messages: [user('a')] }],
  ['integer-valued float for max_tokens', { model: M, messages: [user('a')], max_tokens: 5.0 }],
]

interface Bad {
  readonly name: string
  readonly body: unknown
  readonly status: number
  readonly type?: string
  readonly code?: string
  readonly message?: string
  /** For 422: the expected `detail` entries (type + loc), in order. */
  readonly detail?: readonly { type: string; loc: readonly (string | number)[]; msg?: string }[]
}

const b = (name: string, body: unknown, detail: NonNullable<Bad['detail']>): Bad => ({
  name,
  body,
  status: 422,
  detail,
})
const order = (name: string, body: unknown, message: string): Bad => ({
  name,
  body,
  status: 400,
  type: 'invalid_request_message_order',
  code: '3230',
  message,
})

const bad: Bad[] = [
  b(
    "image URL 'foo' (request-level validator, live wording from neuron-core/neuron-ai#596)",
    {
      model: M,
      messages: [
        user([
          { type: 'text', text: 'hi' },
          { type: 'image_url', image_url: { url: 'foo' } },
        ]),
      ],
    },
    [
      {
        type: 'value_error',
        loc: ['body'],
        msg: "Value error, Image content must be a URL (starting with 'https') or base64 encoded image (starting with 'data:image/<format>;base64,<image-base64>').",
      },
    ],
  ),
  b(
    'image URL string of another data type',
    { model: M, messages: [user([{ type: 'image_url', image_url: 'data:application/pdf;base64,JVBERi0=' }])] },
    [{ type: 'value_error', loc: ['body'] }],
  ),
  {
    name: 'function name with a space (live wording from Kochava-Studios/witsy#164)',
    body: {
      model: M,
      messages: [user('hi')],
      tools: [{ type: 'function', function: { name: 'get weather', parameters: {} } }],
    },
    status: 400,
    type: 'invalid_function_call',
    code: '3280',
    message:
      'Function name was get weather but must be a-z, A-Z, 0-9, or contain underscores and dashes, with a maximum length of 64.',
  },
  b(
    'OpenAI-only top-level keys',
    chat({ user: 'u', seed: 1, max_completion_tokens: 5, stream_options: { include_usage: true } }),
    [
      { type: 'extra_forbidden', loc: ['body', 'user'], msg: 'Extra inputs are not permitted' },
      { type: 'extra_forbidden', loc: ['body', 'seed'] },
      { type: 'extra_forbidden', loc: ['body', 'max_completion_tokens'] },
      { type: 'extra_forbidden', loc: ['body', 'stream_options'] },
    ],
  ),
  b(
    'name on a user message (loc carries the role tag, as live)',
    { model: M, messages: [{ role: 'user', content: 'a', name: 'bob' }] },
    [{ type: 'extra_forbidden', loc: ['body', 'messages', 0, 'user', 'name'] }],
  ),
  b('tool_calls null on a user message', { model: M, messages: [{ role: 'user', content: 'a', tool_calls: null }] }, [
    { type: 'extra_forbidden', loc: ['body', 'messages', 0, 'user', 'tool_calls'] },
  ]),
  b(
    'reasoning_content replayed on assistant',
    { model: M, messages: [user('a'), { role: 'assistant', content: 'b', reasoning_content: 'x' }, user('c')] },
    [{ type: 'extra_forbidden', loc: ['body', 'messages', 1, 'assistant', 'reasoning_content'] }],
  ),
  b('missing model and messages', {}, [
    { type: 'missing', loc: ['body', 'model'], msg: 'Field required' },
    { type: 'missing', loc: ['body', 'messages'] },
  ]),
  b('temperature above 1.5', chat({ temperature: 1.6 }), [
    { type: 'less_than_equal', loc: ['body', 'temperature'], msg: 'Input should be less than or equal to 1.5' },
  ]),
  {
    ...b('top_p 0 (schema allows it; a later check answers 400, mnfst/modelparams.dev#231)', chat({ top_p: 0 }), [
      { type: 'greater_than', loc: ['body', 'top_p'], msg: 'Input should be greater than 0' },
    ]),
    status: 400,
  },
  b('top_p null (not nullable in SPEC)', chat({ top_p: null }), [{ type: 'float_type', loc: ['body', 'top_p'] }]),
  b('max_tokens negative and fractional n', chat({ max_tokens: -1, n: 1.5 }), [
    { type: 'greater_than_equal', loc: ['body', 'max_tokens'], msg: 'Input should be greater than or equal to 0' },
    { type: 'int_from_float', loc: ['body', 'n'] },
  ]),
  b('n 0', chat({ n: 0 }), [
    { type: 'greater_than_equal', loc: ['body', 'n'], msg: 'Input should be greater than or equal to 1' },
  ]),
  b('penalties out of range', chat({ presence_penalty: 2.5, frequency_penalty: -3 }), [
    { type: 'less_than_equal', loc: ['body', 'presence_penalty'] },
    { type: 'greater_than_equal', loc: ['body', 'frequency_penalty'] },
  ]),
  b('random_seed as string', chat({ random_seed: '7' }), [
    { type: 'int_type', loc: ['body', 'random_seed'], msg: 'Input should be a valid integer' },
  ]),
  b('stream as string', chat({ stream: 'yes' }), [{ type: 'bool_type', loc: ['body', 'stream'] }]),
  b('temperature as string', chat({ temperature: 'hot' }), [
    { type: 'float_type', loc: ['body', 'temperature'], msg: 'Input should be a valid number' },
  ]),
  b('model not a string', { model: 5, messages: [user('a')] }, [
    { type: 'string_type', loc: ['body', 'model'], msg: 'Input should be a valid string' },
  ]),
  b('tool_choice auto-ish typo', chat({ tool_choice: 'always' }), [
    { type: 'literal_error', loc: ['body', 'tool_choice'], msg: "Input should be 'auto', 'none', 'any' or 'required'" },
  ]),
  b('response_format type json', chat({ response_format: { type: 'json' } }), [
    {
      type: 'literal_error',
      loc: ['body', 'response_format', 'type'],
      msg: "Input should be 'text', 'json_object' or 'json_schema'",
    },
  ]),
  b('reasoning_effort outside the schema enum', chat({ reasoning_effort: 'extreme' }), [
    { type: 'literal_error', loc: ['body', 'reasoning_effort'] },
  ]),
  b('prompt_mode and service_tier', chat({ prompt_mode: 'fast', service_tier: 'priority' }), [
    { type: 'literal_error', loc: ['body', 'prompt_mode'] },
    { type: 'literal_error', loc: ['body', 'service_tier'] },
  ]),
  b('developer role', { model: M, messages: [{ role: 'developer', content: 'x' }, user('a')] }, [
    {
      type: 'union_tag_invalid',
      loc: ['body', 'messages', 0],
      msg: "Input tag 'developer' found using 'role' does not match any of the expected tags: 'system', 'user', 'assistant', 'tool'",
    },
  ]),
  b('message without role', { model: M, messages: [{ content: 'x' }] }, [
    { type: 'union_tag_not_found', loc: ['body', 'messages', 0] },
  ]),
  b('user without content key', { model: M, messages: [{ role: 'user' }] }, [
    { type: 'missing', loc: ['body', 'messages', 0, 'user', 'content'] },
  ]),
  b('system content null (not nullable)', { model: M, messages: [{ role: 'system', content: null }, user('a')] }, [
    { type: 'string_type', loc: ['body', 'messages', 0, 'system', 'content', 'str'] },
    { type: 'list_type', loc: ['body', 'messages', 0, 'system', 'content', 'list[SystemMessageContentChunks]'] },
  ]),
  b(
    'image in a system message',
    { model: M, messages: [{ role: 'system', content: [{ type: 'image_url', image_url: 'https://x' }] }, user('a')] },
    [{ type: 'union_tag_invalid', loc: ['body', 'messages', 0, 'system', 'content', 0] }],
  ),
  b(
    'OpenAI image_url chunk with extra key',
    { model: M, messages: [user([{ type: 'image_url', image_url: { url: 'https://x', format: 'png' } }])] },
    [
      {
        type: 'extra_forbidden',
        loc: ['body', 'messages', 0, 'user', 'content', 0, 'image_url', 'image_url', 'format'],
      },
    ],
  ),
  b(
    'OpenAI input_audio object',
    { model: M, messages: [user([{ type: 'input_audio', input_audio: { data: 'AA', format: 'wav' } }])] },
    [{ type: 'string_type', loc: ['body', 'messages', 0, 'user', 'content', 0, 'input_audio', 'input_audio'] }],
  ),
  b('OpenAI file chunk shape', { model: M, messages: [user([{ type: 'file', file: { file_id: 'x' } }])] }, [
    { type: 'missing', loc: ['body', 'messages', 0, 'user', 'content', 0, 'file', 'file_id'] },
    { type: 'extra_forbidden', loc: ['body', 'messages', 0, 'user', 'content', 0, 'file', 'file'] },
  ]),
  b('file_id not a uuid', { model: M, messages: [user([{ type: 'file', file_id: 'file-abc' }])] }, [
    { type: 'uuid_parsing', loc: ['body', 'messages', 0, 'user', 'content', 0, 'file', 'file_id'] },
  ]),
  b('unknown chunk type', { model: M, messages: [user([{ type: 'video', video: 'x' }])] }, [
    { type: 'union_tag_invalid', loc: ['body', 'messages', 0, 'user', 'content', 0] },
  ]),
  b('tool without parameters', chat({ tools: [{ type: 'function', function: { name: 'f' } }] }), [
    { type: 'missing', loc: ['body', 'tools', 0, 'function', 'function', 'parameters'] },
  ]),
  b(
    'required beside parameters',
    chat({ tools: [{ type: 'function', function: { name: 'f', parameters: {}, required: [] } }] }),
    [{ type: 'extra_forbidden', loc: ['body', 'tools', 0, 'function', 'function', 'required'] }],
  ),
  b('document_library without libraries', chat({ tools: [{ type: 'document_library', library_ids: [] }] }), [
    { type: 'too_short', loc: ['body', 'tools', 0, 'document_library', 'library_ids'] },
  ]),
  b('OpenAI functions/function_call', chat({ functions: [], function_call: 'auto' }), [
    { type: 'extra_forbidden', loc: ['body', 'functions'] },
    { type: 'extra_forbidden', loc: ['body', 'function_call'] },
  ]),
  b('stop as number', chat({ stop: 5 }), [
    { type: 'string_type', loc: ['body', 'stop', 'str'] },
    { type: 'list_type', loc: ['body', 'stop', 'list[str]'] },
  ]),
  b('body is an array', [], [{ type: 'model_attributes_type', loc: ['body'] }]),
  b(
    'tool_calls type not function',
    { model: M, messages: [user('a'), assistantCalls([{ ...callA, type: 'tool' }]), toolA] },
    [{ type: 'literal_error', loc: ['body', 'messages', 1, 'assistant', 'tool_calls', 0, 'type'] }],
  ),
  {
    name: 'unknown model',
    body: { model: 'gpt-4o', messages: [user('a')] },
    status: 400,
    type: 'invalid_model',
    code: '1500',
    message: 'Invalid model: gpt-4o',
  },
  {
    name: 'retired model',
    body: { model: 'open-mistral-7b', messages: [user('a')] },
    status: 400,
    type: 'invalid_model',
    code: '1500',
    message: 'Invalid model: open-mistral-7b',
  },
  {
    name: 'tool call id not 9 alphanumerics',
    body: {
      model: M,
      messages: [
        user('a'),
        assistantCalls([{ ...callA, id: 'call_abc123' }]),
        { ...toolA, tool_call_id: 'call_abc123' },
      ],
    },
    status: 400,
    type: 'invalid_function_call',
    code: '3280',
    message: 'Tool call id was call_abc123 but must be a-z, A-Z, 0-9, with a length of 9.',
  },
  {
    name: 'tool_call_id on the tool message only',
    body: { model: M, messages: [user('a'), assistantCalls([callA]), { ...toolA, tool_call_id: 'turn1_0' }] },
    status: 400,
    type: 'invalid_function_call',
    code: '3280',
    message: 'Tool call id was turn1_0 but must be a-z, A-Z, 0-9, with a length of 9.',
  },
  {
    name: 'tool call without id (defaults to "null")',
    body: { model: M, messages: [user('a'), assistantCalls([{ function: callA.function }]), toolA] },
    status: 400,
    code: '3280',
    message: 'Tool call id was null but must be a-z, A-Z, 0-9, with a length of 9.',
  },
  order(
    'user right after tool',
    { model: M, messages: [user('a'), assistantCalls([callA]), toolA, user('b')] },
    "Unexpected role 'user' after role 'tool'",
  ),
  order(
    'tool right after user',
    { model: M, messages: [user('a'), toolA] },
    "Unexpected role 'tool' after role 'user'",
  ),
  order(
    'trailing assistant',
    { model: M, messages: [user('a'), { role: 'assistant', content: 'b' }] },
    'Expected last role User or Tool (or Assistant with prefix True) for serving but got assistant',
  ),
  order(
    'trailing system',
    { model: M, messages: [user('a'), { role: 'system', content: 'b' }] },
    'Expected last role User or Tool (or Assistant with prefix True) for serving but got system',
  ),
  order(
    'two calls, one response',
    {
      model: M,
      messages: [user('a'), assistantCalls([callA, callB]), toolA, { role: 'assistant', content: 'x' }, user('b')],
    },
    'Not the same number of function calls and responses',
  ),
  order(
    'tool message after an assistant without calls',
    { model: M, messages: [user('a'), { role: 'assistant', content: 'Let me see.' }, toolA] },
    'Not the same number of function calls and responses',
  ),
  {
    name: 'tool message without tool_call_id',
    body: {
      model: M,
      messages: [user('a'), assistantCalls([callA]), { role: 'tool', name: 'get_weather', content: 'x' }],
    },
    status: 400,
    type: 'invalid_function_call',
    code: '3280',
    message: 'Tool call id has to be defined in serving mode.',
  },
  {
    name: 'more than 128 tools',
    body: chat({
      tools: Array.from({ length: 129 }, (_, i) => ({ type: 'function', function: { name: `t${i}`, parameters: {} } })),
    }),
    status: 400,
    type: 'invalid_request_invalid_args',
    code: '3051',
    message: 'Too many tools: 129 were given, the maximum is 128.',
  },
  order(
    'assistant with neither content nor tool_calls',
    { model: M, messages: [user('a'), { role: 'assistant', content: null }, user('b')] },
    'Assistant message must have either content or tool_calls, but not none.',
  ),
  {
    name: 'reasoning_effort medium on Mistral reasoning model',
    body: chat({ reasoning_effort: 'medium' }, 'mistral-small-latest'),
    status: 400,
    type: 'invalid_request_invalid_args',
    code: '3051',
    message: "reasoning_effort='medium' is not supported for this model. Must be one of (none, high)",
  },
  {
    name: 'reasoning_effort on a non-reasoning model',
    body: chat({ reasoning_effort: 'high' }),
    status: 400,
    code: '3051',
  },
  {
    name: 'prompt_mode on Small 4',
    body: chat({ prompt_mode: 'reasoning' }, 'mistral-small-latest'),
    status: 400,
    code: '3051',
    message: 'Reasoning prompt mode is not enabled for this model',
  },
  {
    name: 'image to a text-only model',
    body: { model: 'codestral-latest', messages: [user([{ type: 'image_url', image_url: 'https://x/y.png' }])] },
    status: 400,
    type: 'invalid_request_invalid_args',
  },
  {
    name: 'audio to a non-audio model',
    body: { model: M, messages: [user([{ type: 'input_audio', input_audio: 'AA' }])] },
    status: 400,
    type: 'invalid_request_invalid_args',
  },
  {
    name: 'tools to a model without function calling',
    body: chat({ tools: [weatherTool] }, 'text-only-no-tools'),
    status: 400,
    type: 'invalid_request_invalid_args',
  },
  {
    name: 'n with prediction',
    body: chat({ n: 2, prediction: { type: 'content', content: 'x' } }, 'codestral-latest'),
    status: 400,
    type: 'invalid_request_invalid_args',
  },
]

describe('known-good bodies', () => {
  it.each(good)('%s → 200', async (_name, body) => {
    const response = await postChat(emulator, body)
    expect(response.json).toBeTypeOf('object')
    expect(response.status, response.text).toBe(200)
  })
})

describe('known-bad bodies', () => {
  it.each(bad.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
    const response = await postChat(emulator, entry.body)
    expect(response.status, response.text).toBe(entry.status)
    const body = response.json
    if (entry.detail !== undefined) {
      expect(body).toMatchObject({ object: 'Error', type: 'invalid_request_error', code: 3001 })
      expect(body.message).toEqual(body.detail)
      expect(body.detail.map((d: { type: string; loc: unknown }) => ({ type: d.type, loc: d.loc }))).toEqual(
        entry.detail.map(({ type, loc }) => ({ type, loc })),
      )
      entry.detail.forEach((expected, index) => {
        if (expected.msg !== undefined) expect(body.detail[index].msg).toBe(expected.msg)
      })
    } else {
      expect(body).toMatchObject({ object: 'error', param: null, raw_status_code: entry.status })
      if (entry.type !== undefined) expect(body.type).toBe(entry.type)
      if (entry.code !== undefined) expect(body.code).toBe(entry.code)
      if (entry.message !== undefined) expect(body.message).toBe(entry.message)
    }
  })
})

describe('validateChatCompletionRequest (pure)', () => {
  const context = { models: testModels, now: TEST_NOW }
  it('agrees with the server on a good and a bad body', () => {
    expect(validateChatCompletionRequest(chat(), context)).toEqual({ ok: true })
    const result = validateChatCompletionRequest({ model: M, messages: [user('a')], logit_bias: {} }, context)
    expect(result).toMatchObject({ ok: false, status: 422 })
  })
  it('treats a missing body as a missing field', () => {
    expect(validateChatCompletionRequest(undefined, context)).toMatchObject({
      ok: false,
      status: 422,
      body: { detail: [{ type: 'missing', loc: ['body'] }] },
    })
  })
  it('retirement depends on the clock', () => {
    const body = chat({}, 'mistral-medium-2505')
    expect(validateChatCompletionRequest(body, context).ok).toBe(true)
    expect(validateChatCompletionRequest(body, { ...context, now: Date.parse('2026-09-01') })).toMatchObject({
      ok: false,
      status: 400,
    })
  })
})

describe('body-level errors', () => {
  it('broken JSON → 422 json_invalid', async () => {
    const response = await postChat(emulator, '{"model": ')
    expect(response.status).toBe(422)
    expect(response.json.detail[0]).toMatchObject({ type: 'json_invalid', msg: 'JSON decode error' })
  })
  it('non-JSON content type → 422 model_attributes_type (FastAPI does not parse it)', async () => {
    const response = await postChat(emulator, JSON.stringify(chat()), { 'content-type': 'text/plain' })
    expect(response.status).toBe(422)
    expect(response.json.detail[0]).toMatchObject({ type: 'model_attributes_type', loc: ['body'] })
  })
  it('empty body → 422 missing body', async () => {
    const response = await postChat(emulator, '')
    expect(response.status).toBe(422)
    expect(response.json.detail[0]).toMatchObject({ type: 'missing', loc: ['body'] })
  })
})
