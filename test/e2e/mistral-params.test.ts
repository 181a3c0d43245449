/** Every OpenAI parameter's fate on Mistral (sent, renamed, refused, dropped on opt-in), through the client. */
import { describe, expect, it } from 'vitest'
import type { ChatCompletionCreateParams } from 'token.js'
import { expectInputError } from './expect-input-error.js'
import { UNKNOWN_MODEL, useEmulator } from './harness.js'

const harness = useEmulator()
const messages = [{ role: 'user' as const, content: 'Give me JSON about Paris' }]

function create(extra: Record<string, unknown>, model = 'mistral-large-latest') {
  return harness.client().chat.completions.create({
    provider: 'mistral',
    model,
    messages,
    ...extra,
  } as ChatCompletionCreateParams & {
    stream?: false
  })
}

const weatherTool = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Weather for a city',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' }, days: { type: 'integer', minimum: 1 } },
      required: ['city', 'days'],
    },
  },
}
const timeTool = { type: 'function' as const, function: { name: 'get_time' } }

describe('sampling and length parameters', () => {
  it('passes temperature through unchanged (Token.js used to halve it) and the rest under Mistral names', async () => {
    await create({
      temperature: 0.7,
      top_p: 0.9,
      max_completion_tokens: 50,
      stop: ['\n\n', 'END'],
      seed: 42,
      presence_penalty: -2,
      frequency_penalty: 2,
      parallel_tool_calls: false,
      prompt_cache_key: 'user-42',
      metadata: { team: 'search' },
      service_tier: 'default',
      safe_prompt: true,
      stream_options: { include_usage: true },
    })
    expect(harness.lastBody()).toEqual({
      model: 'mistral-large-latest',
      messages,
      temperature: 0.7,
      top_p: 0.9,
      max_tokens: 50,
      stop: ['\n\n', 'END'],
      random_seed: 42,
      presence_penalty: -2,
      frequency_penalty: 2,
      parallel_tool_calls: false,
      prompt_cache_key: 'user-42',
      metadata: { team: 'search' },
      service_tier: 'standard_only',
      safe_prompt: true,
    })
  })

  it.each([
    ['temperature', 1.6, '1.5'],
    ['temperature', -0.1, '0'],
    ['top_p', 0, 'top_p'],
    ['top_p', 1.2, '1'],
    ['presence_penalty', 2.5, '2'],
    ['frequency_penalty', -3, '-2'],
    ['n', 0, 'integer'],
    ['n', 1.5, 'integer'],
    ['seed', -1, 'integer'],
    ['max_tokens', -5, 'integer'],
  ])('refuses %s = %s before sending', async (param, value, fragment) => {
    await expectInputError(harness, create({ [param]: value }), param, fragment, "'mistral-large-latest'")
  })

  it('refuses max_tokens and max_completion_tokens that disagree, accepts them equal', async () => {
    await expectInputError(harness, create({ max_tokens: 5, max_completion_tokens: 6 }), 'max_completion_tokens')
    await create({ max_tokens: 5, max_completion_tokens: 5 })
    expect(harness.lastBody().max_tokens).toBe(5)
  })

  it('stops at max_tokens with finish_reason length, and honours stop', async () => {
    const long = await harness.client().chat.completions.create({
      provider: 'mistral',
      model: 'mistral-large-latest',
      max_tokens: 2,
      messages: [{ role: 'user', content: 'one two three four five six' }],
    })
    expect(long.choices[0]?.finish_reason).toBe('length')
    const stopped = await harness.client().chat.completions.create({
      provider: 'mistral',
      model: 'mistral-large-latest',
      stop: 'three',
      messages: [{ role: 'user', content: 'one two three four' }],
    })
    expect(stopped.choices[0]?.message.content).not.toContain('three')
    expect(stopped.choices[0]?.finish_reason).toBe('stop')
  })

  it('returns n choices', async () => {
    const completion = await create({ n: 3 })
    expect(harness.lastBody().n).toBe(3)
    expect(completion.choices.map((choice) => choice.index)).toEqual([0, 1, 2])
  })
})

describe('JSON outputs', () => {
  it('json_object: sent and answered with JSON', async () => {
    const completion = await create({ response_format: { type: 'json_object' } })
    expect(harness.lastBody().response_format).toEqual({ type: 'json_object' })
    expect(() => JSON.parse(completion.choices[0]?.message.content ?? '')).not.toThrow()
  })

  it('json_schema with strict: sent as is and answered with a matching object', async () => {
    const schema = {
      type: 'object',
      properties: { city: { type: 'string' }, population: { type: 'integer' } },
      required: ['city', 'population'],
      additionalProperties: false,
    }
    const completion = await create({
      response_format: { type: 'json_schema', json_schema: { name: 'city', schema, strict: true } },
    })
    expect(harness.lastBody().response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'city', schema, strict: true },
    })
    const value = JSON.parse(completion.choices[0]?.message.content ?? '') as Record<string, unknown>
    expect(typeof value.city).toBe('string')
    expect(Number.isInteger(value.population)).toBe(true)
  })

  it('json_schema without a schema means any JSON: sent as {}', async () => {
    await create({ response_format: { type: 'json_schema', json_schema: { name: 'anything' } } })
    expect(harness.lastBody().response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'anything', schema: {} },
    })
  })

  it('text format is sent as text', async () => {
    await create({ response_format: { type: 'text' } })
    expect(harness.lastBody().response_format).toEqual({ type: 'text' })
  })
})

describe('tools', () => {
  it('sends tools (empty parameters schema when omitted) and returns forced calls in OpenAI shape', async () => {
    const completion = await create({ tools: [weatherTool, timeTool], tool_choice: 'required' })
    expect(harness.lastBody().tools).toEqual([
      weatherTool,
      { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: {} } } },
    ])
    expect(harness.lastBody().tool_choice).toBe('required')
    const message = completion.choices[0]?.message
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls')
    expect(message?.content).toBeNull()
    const call = message?.tool_calls?.[0]
    expect(call).toEqual({
      id: expect.stringMatching(/^[a-zA-Z0-9]{9}$/),
      type: 'function',
      function: { name: 'get_weather', arguments: expect.any(String) },
    })
    const args = JSON.parse(call?.function.arguments ?? '') as Record<string, unknown>
    expect(typeof args.city).toBe('string')
    expect(Number.isInteger(args.days) && (args.days as number) >= 1).toBe(true)
  })

  it("maps a named tool_choice to Mistral's object form", async () => {
    const completion = await create({
      tools: [weatherTool, timeTool],
      tool_choice: { type: 'function', function: { name: 'get_time' } },
    })
    expect(harness.lastBody().tool_choice).toEqual({ type: 'function', function: { name: 'get_time' } })
    expect(completion.choices[0]?.message.tool_calls?.[0]?.function.name).toBe('get_time')
  })

  it('maps allowed_tools to the filtered tool list', async () => {
    await create({
      tools: [weatherTool, timeTool],
      tool_choice: {
        type: 'allowed_tools',
        allowed_tools: { mode: 'required', tools: [{ type: 'function', function: { name: 'get_time' } }] },
      },
    })
    expect(
      (harness.lastBody().tools as Array<{ function: { name: string } }>).map((tool) => tool.function.name),
    ).toEqual(['get_time'])
    expect(harness.lastBody().tool_choice).toBe('required')
  })

  it('sends auto and none unchanged', async () => {
    await create({ tools: [weatherTool], tool_choice: 'auto' })
    expect(harness.lastBody().tool_choice).toBe('auto')
    const none = await create({ tools: [weatherTool], tool_choice: 'none' })
    expect(harness.lastBody().tool_choice).toBe('none')
    expect(none.choices[0]?.message.tool_calls).toBeUndefined()
  })

  it('refuses a tool choice naming an undeclared tool, or requiring a tool with none given', async () => {
    await expectInputError(
      harness,
      create({ tools: [weatherTool], tool_choice: { type: 'function', function: { name: 'nope' } } }),
      'tool_choice.function.name',
    )
    await expectInputError(harness, create({ tool_choice: 'required' }), 'tool_choice')
  })

  it('refuses OpenAI custom tools, which Mistral does not have', async () => {
    await expectInputError(
      harness,
      create({ tools: [{ type: 'custom', custom: { name: 'sql' } }] }),
      'tools[0]',
      'custom tools',
    )
    await expectInputError(
      harness,
      create({ tools: [weatherTool], tool_choice: { type: 'custom', custom: { name: 'sql' } } }),
      'tool_choice',
      'custom tools',
    )
  })

  it('refuses a function name the API refuses (a dot, a space, over 64 characters), before sending', async () => {
    for (const name of ['a.b', 'get weather', 'x'.repeat(65), 'é']) {
      await expectInputError(
        harness,
        create({ tools: [{ type: 'function', function: { name } }] }),
        'tools[0].function.name',
        "letters, digits, '_' or '-'",
      )
    }
    await create({ tools: [{ type: 'function', function: { name: `Get-${'x'.repeat(60)}` } }] })
  })

  it('refuses more than 128 tools', async () => {
    const tools = Array.from({ length: 129 }, (_, index) => ({
      type: 'function' as const,
      function: { name: `tool_${index}` },
    }))
    await expectInputError(harness, create({ tools }), 'tools', '128')
  })
})

describe('reasoning and prediction', () => {
  it('sends reasoning_effort high and returns reasoning_content beside the answer', async () => {
    const completion = await create({ reasoning_effort: 'high' }, 'mistral-small-latest')
    expect(harness.lastBody().reasoning_effort).toBe('high')
    const message = completion.choices[0]?.message
    expect(message?.reasoning_content).toEqual(expect.any(String))
    expect(message?.reasoning_content?.length).toBeGreaterThan(0)
    expect(message?.content).toEqual(expect.any(String))
  })

  it("refuses efforts Mistral's reasoning models do not take, naming the accepted ones", async () => {
    await expectInputError(
      harness,
      create({ reasoning_effort: 'medium' }, 'mistral-small-latest'),
      'reasoning_effort',
      "'none' or 'high'",
    )
  })

  it('refuses reasoning on a model without it, but accepts "none" (same meaning)', async () => {
    await expectInputError(
      harness,
      create({ reasoning_effort: 'high' }, 'codestral-latest'),
      'reasoning_effort',
      'reasoning',
    )
    await create({ reasoning_effort: 'none' }, 'codestral-latest')
    expect(harness.lastBody().reasoning_effort).toBeUndefined()
  })

  it("sends Magistral's 'high' and 'none' (recorded), refuses the rest", async () => {
    for (const effort of ['high', 'none'] as const) {
      // Sent, whatever the API then says about the id (the emulator's clock is past Magistral's retirement).
      await create({ reasoning_effort: effort }, 'magistral-small-latest').catch(() => undefined)
      expect(harness.lastBody().reasoning_effort).toBe(effort)
    }
    await expectInputError(
      harness,
      create({ reasoning_effort: 'low' }, 'magistral-small-latest'),
      'reasoning_effort',
      "'none' or 'high'",
    )
  })

  it("GLM 5.3 refuses 'none', naming the efforts it takes", async () => {
    await expectInputError(harness, create({ reasoning_effort: 'none' }, 'zai-glm-5-3'), 'reasoning_effort', "'max'")
  })

  it('sends any effort for an unknown model', async () => {
    await harness
      .client()
      .chat.completions.create({ provider: 'mistral', model: UNKNOWN_MODEL, messages, reasoning_effort: 'none' })
    expect(harness.lastBody().reasoning_effort).toBe('none')
  })

  it('sends prediction (text parts joined) and refuses it with n > 1', async () => {
    await create(
      {
        prediction: {
          type: 'content',
          content: [
            { type: 'text', text: 'const a = ' },
            { type: 'text', text: '1' },
          ],
        },
      },
      'codestral-latest',
    )
    expect(harness.lastBody().prediction).toEqual({ type: 'content', content: 'const a = 1' })
    await expectInputError(
      harness,
      create({ n: 2, prediction: { type: 'content', content: 'x' } }, 'codestral-latest'),
      'n',
      'prediction',
    )
    await expectInputError(
      harness,
      create({ prediction: { type: 'content', content: 'x' } }, 'ministral-8b-latest'),
      'prediction',
      'predicted outputs',
    )
  })
})

describe('OpenAI parameters Mistral has no place for', () => {
  it.each([
    ['logprobs', true],
    ['top_logprobs', 3],
    ['logit_bias', { '50256': -100 }],
    ['user', 'user-1'],
    ['store', true],
    ['modalities', ['text', 'audio']],
    ['audio', { voice: 'alloy', format: 'mp3' }],
    ['web_search_options', {}],
    ['functions', [{ name: 'f' }]],
    ['function_call', 'auto'],
    ['verbosity', 'low'],
    ['safety_identifier', 'abc'],
    ['service_tier', 'flex'],
    ['prompt_cache_retention', '24h'],
    ['prompt_cache_options', { ttl: '30m' }],
    ['moderation', { model: 'omni-moderation-latest' }],
    ['made_up_param', 1],
  ])('refuses %s before sending, and drops it on opt-in', async (param, value) => {
    await expectInputError(harness, create({ [param]: value }), param, param, 'dropUnsupportedParams')
    await harness.client({ dropUnsupportedParams: true }).chat.completions.create({
      provider: 'mistral',
      model: 'mistral-large-latest',
      messages,
      [param]: value,
    } as ChatCompletionCreateParams & { stream?: false })
    expect(harness.lastBody()).toEqual({ model: 'mistral-large-latest', messages })
  })

  it('accepts OpenAI default values of unsupported parameters (asking for nothing)', async () => {
    await create({ logprobs: false, store: false, modalities: ['text'], logit_bias: {}, top_logprobs: 0 })
    expect(harness.lastBody()).toEqual({ model: 'mistral-large-latest', messages })
  })
})

describe('empty tool lists', () => {
  it('sends neither tools nor tool_choice for tools: [] with auto/none, and refuses required', async () => {
    await create({ tools: [], tool_choice: 'auto' })
    expect(harness.lastBody()).toEqual({ model: 'mistral-large-latest', messages })
    await expectInputError(harness, create({ tools: [], tool_choice: 'required' }), 'tool_choice')
  })
})
