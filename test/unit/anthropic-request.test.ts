/**
 * Anthropic request mapping, pure (no I/O): OpenAI params → the Messages body token.js sends, per rule
 * of src/providers/anthropic/. The e2e suites check the same bodies against the emulator and the
 * conformance check; these pin the mapping itself, one rule per test.
 */
import { describe, expect, it } from 'vitest'
import type { GenerationRequestContext } from '../../src/core/provider-adapter.js'
import { InputError } from '../../src/errors.js'
import { anthropicModels } from '../../src/providers/anthropic/models.js'
import { FALLBACK_MAX_TOKENS, toAnthropicRequest } from '../../src/providers/anthropic/request.js'

function contextFor(model: string, dropUnsupportedParams = false): GenerationRequestContext {
  const models = anthropicModels as GenerationRequestContext['models']
  return { provider: 'anthropic', model, row: models[model], models, dropUnsupportedParams, dropped: [] }
}

function map(params: Record<string, unknown>, model = 'claude-sonnet-5-5'): Record<string, unknown> {
  return toAnthropicRequest({ provider: 'anthropic', model, ...params }, contextFor(model))
}

function refusal(params: Record<string, unknown>, model = 'claude-sonnet-5-5'): InputError {
  try {
    map(params, model)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error(`expected an InputError for ${JSON.stringify(params)}`)
}

const hello = [{ role: 'user', content: 'Hello' }]

describe('messages', () => {
  it('moves leading system and developer messages to system, keeps later ones in place', () => {
    const body = map({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'developer', content: [{ type: 'text', text: 'Use French.' }] },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Salut' },
        { role: 'system', content: 'Now English.' },
        { role: 'user', content: 'Again' },
      ],
    })
    expect(body.system).toEqual([
      { type: 'text', text: 'Be brief.' },
      { type: 'text', text: 'Use French.' },
    ])
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'Salut' }] },
      { role: 'system', content: [{ type: 'text', text: 'Now English.' }] },
      { role: 'user', content: [{ type: 'text', text: 'Again' }] },
    ])
  })

  it('moves a later system message to system on a model that takes no system turns', () => {
    const body = map(
      {
        messages: [
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: 'Hello' },
          { role: 'developer', content: 'Be formal.' },
          { role: 'user', content: 'Again' },
        ],
      },
      'claude-haiku-4-5',
    )
    expect(body.system).toEqual([{ type: 'text', text: 'Be formal.' }])
    expect((body.messages as Array<{ role: string }>).map((message) => message.role)).toEqual([
      'user',
      'assistant',
      'user',
    ])
  })

  it('merges consecutive turns of one role, tool results first in the user turn', () => {
    const body = map({
      messages: [
        { role: 'user', content: 'Weather in Paris and Rome?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
            { id: 'call_2', type: 'function', function: { name: 'weather', arguments: '{"city":"Rome"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: 'sunny' },
        { role: 'user', content: 'And be quick.' },
        { role: 'tool', tool_call_id: 'call_2', content: [{ type: 'text', text: 'rain' }] },
      ],
    })
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Weather in Paris and Rome?' }] },
      {
        role: 'assistant',
        content: [
          { type: 'tool_use', id: 'call_1', name: 'weather', input: { city: 'Paris' } },
          { type: 'tool_use', id: 'call_2', name: 'weather', input: { city: 'Rome' } },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'call_1', content: 'sunny' },
          { type: 'tool_result', tool_use_id: 'call_2', content: [{ type: 'text', text: 'rain' }] },
          { type: 'text', text: 'And be quick.' },
        ],
      },
    ])
  })

  it('rewrites foreign tool-call ids the same way on the call and its result, keeping distinct ids distinct', () => {
    const body = map({
      messages: [
        { role: 'user', content: 'Go' },
        {
          role: 'assistant',
          tool_calls: [
            { id: 'fn.call:1', type: 'function', function: { name: 'a', arguments: '' } },
            { id: 'fn_call_1', type: 'function', function: { name: 'b', arguments: '{}' } },
            { id: 'fn:call.1', type: 'function', function: { name: 'c', arguments: '{}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'fn.call:1', content: 'A' },
        { role: 'tool', tool_call_id: 'fn_call_1', content: 'B' },
        { role: 'tool', tool_call_id: 'fn:call.1', content: 'C' },
      ],
    })
    const messages = body.messages as Array<{ content: Array<{ id?: string; tool_use_id?: string; input?: unknown }> }>
    const uses = messages[1]?.content.map((block) => block.id) ?? []
    const results = messages[2]?.content.map((block) => block.tool_use_id) ?? []
    expect(results).toEqual(uses)
    expect(new Set(uses).size).toBe(3)
    for (const id of uses) expect(id).toMatch(/^[a-zA-Z0-9_-]+$/)
    expect(uses[1]).toBe('fn_call_1') // a valid id is kept as it is
    expect(messages[1]?.content[0]?.input).toEqual({}) // empty arguments are an empty object
  })

  it('sends images by URL and base64, and PDFs as base64 documents', () => {
    const body = map({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Compare' },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
            { type: 'file', file: { filename: 'a.pdf', file_data: 'data:application/pdf;base64,JVBERi0x' } },
          ],
        },
      ],
    })
    expect((body.messages as Array<{ content: unknown }>)[0]?.content).toEqual([
      { type: 'text', text: 'Compare' },
      { type: 'image', source: { type: 'url', url: 'https://example.com/cat.png' } },
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
      { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0x' } },
    ])
  })

  it('refuses what Anthropic cannot take in content, naming the part', () => {
    const part = (content: unknown) => refusal({ messages: [{ role: 'user', content: [content] }] })
    expect(part({ type: 'image_url', image_url: { url: 'data:image/bmp;base64,Qk0=' } }).message).toMatch(/BMP|bmp/)
    expect(part({ type: 'file', file: { file_id: 'file-abc' } }).param).toBe('messages[0].content[0].file.file_id')
    expect(part({ type: 'input_audio', input_audio: { data: 'AAAA', format: 'wav' } }).param).toBe(
      'messages[0].content[0]',
    )
    expect(part({ type: 'image_url', image_url: { url: 'https://x/y.png', detail: 'high' } }).param).toBe(
      'messages[0].content[0].image_url.detail',
    )
  })

  it('replays Anthropic-signed reasoning first in the assistant turn, and leaves other reasoning out', () => {
    const body = map({
      messages: [
        { role: 'user', content: 'Think' },
        {
          role: 'assistant',
          content: 'Done.',
          reasoning_content: 'I thought.',
          reasoning_details: [
            { type: 'reasoning.text', text: 'I thought.', signature: 'sig-1', format: 'anthropic-claude-v1' },
            { type: 'reasoning.encrypted', data: 'opaque', format: 'anthropic-claude-v1' },
            { type: 'reasoning.text', text: 'not ours', format: 'other-v1' },
          ],
          tool_calls: [{ id: 'toolu_1', type: 'function', function: { name: 'f', arguments: '{"x":1}' } }],
        },
        { role: 'tool', tool_call_id: 'toolu_1', content: 'ok' },
      ],
    })
    expect((body.messages as Array<{ content: unknown }>)[1]?.content).toEqual([
      { type: 'thinking', thinking: 'I thought.', signature: 'sig-1' },
      { type: 'redacted_thinking', data: 'opaque' },
      { type: 'text', text: 'Done.' },
      { type: 'tool_use', id: 'toolu_1', name: 'f', input: { x: 1 } },
    ])
  })

  it('refuses a trailing assistant message (prefill) on models that do not take it', () => {
    const error = refusal({ messages: [...hello, { role: 'assistant', content: 'Once upon' }] })
    expect(error.message).toMatch(/assistant prefix/)
    const body = map({ messages: [...hello, { role: 'assistant', content: 'Once upon ' }] }, 'claude-haiku-4-5')
    expect((body.messages as Array<{ content: unknown }>)[1]?.content).toEqual([{ type: 'text', text: 'Once upon' }])
  })

  it('refuses tool arguments that are not a JSON object, and names on messages', () => {
    const call = (args: string) =>
      refusal({
        messages: [
          ...hello,
          { role: 'assistant', tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: args } }] },
          { role: 'tool', tool_call_id: 'c', content: 'x' },
        ],
      })
    expect(call('{bad').param).toBe('messages[1].tool_calls[0].function.arguments')
    expect(call('[1]').param).toBe('messages[1].tool_calls[0].function.arguments')
    expect(refusal({ messages: [{ role: 'user', content: 'Hi', name: 'ann' }] }).param).toBe('messages[0].name')
  })
})

describe('params', () => {
  it('defaults max_tokens from the model row, else a documented fallback; max_completion_tokens wins as OpenAI names it', () => {
    expect(map({ messages: hello }).max_tokens).toBe(anthropicModels['claude-sonnet-5-5'].maxOutputTokens)
    expect(map({ messages: hello }, 'claude-haiku-4-5').max_tokens).toBe(64_000)
    expect(map({ messages: hello }, 'claude-next-unknown').max_tokens).toBe(FALLBACK_MAX_TOKENS)
    expect(map({ messages: hello, max_completion_tokens: 300 }).max_tokens).toBe(300)
    expect(refusal({ messages: hello, max_tokens: 10, max_completion_tokens: 20 }).param).toBe('max_completion_tokens')
  })

  it('maps stop, metadata.user_id, user and service_tier', () => {
    const body = map({ messages: hello, stop: 'END', user: 'u-1', service_tier: 'default' })
    expect(body).toMatchObject({ stop_sequences: ['END'], metadata: { user_id: 'u-1' }, service_tier: 'standard_only' })
    expect(map({ messages: hello, metadata: { user_id: 'u-2' } }).metadata).toEqual({ user_id: 'u-2' })
    expect(refusal({ messages: hello, user: 'a', metadata: { user_id: 'b' } }).param).toBe('user')
    expect(refusal({ messages: hello, metadata: { team: 'x' } }).param).toBe('metadata.team')
    expect(refusal({ messages: hello, stop: ['ok', '  '] }).param).toBe('stop')
  })

  it('leaves out temperature and top_p at their default (1) and refuses any other value by name', () => {
    const body = map({ messages: hello, temperature: 1, top_p: 1 })
    expect(body).not.toHaveProperty('temperature')
    expect(body).not.toHaveProperty('top_p')
    expect(refusal({ messages: hello, temperature: 0.2 }).message).toMatch(/2026-10-21/)
    expect(refusal({ messages: hello, top_p: 0.9 }).param).toBe('top_p')
  })

  it('maps tools, each tool_choice and parallel_tool_calls', () => {
    const tools = [
      {
        type: 'function',
        function: {
          name: 'weather',
          description: 'Weather',
          parameters: { type: 'object', properties: { city: { type: 'string' } } },
        },
      },
    ]
    const body = map({ messages: hello, tools })
    expect(body.tools).toEqual([
      {
        name: 'weather',
        description: 'Weather',
        input_schema: { type: 'object', properties: { city: { type: 'string' } } },
      },
    ])
    expect(body).not.toHaveProperty('tool_choice')
    const choice = (tool_choice: unknown, parallel?: boolean) =>
      map({ messages: hello, tools, tool_choice, ...(parallel === undefined ? {} : { parallel_tool_calls: parallel }) })
        .tool_choice
    expect(choice('auto')).toEqual({ type: 'auto' })
    expect(choice('required')).toEqual({ type: 'any' })
    expect(choice('none')).toEqual({ type: 'none' })
    expect(choice({ type: 'function', function: { name: 'weather' } })).toEqual({ type: 'tool', name: 'weather' })
    expect(choice('required', false)).toEqual({ type: 'any', disable_parallel_tool_use: true })
    expect(choice(undefined, false)).toEqual({ type: 'auto', disable_parallel_tool_use: true })
    expect(choice('none', false)).toEqual({ type: 'none' })
    expect(map({ messages: hello, tools: [{ type: 'function', function: { name: 'f' } }] }).tools).toEqual([
      { name: 'f', input_schema: { type: 'object', properties: {} } },
    ])
  })

  it('puts cache_control on parts, tools and the request', () => {
    const body = map({
      messages: [
        {
          role: 'user',
          content: [{ type: 'text', text: 'Long context', cache_control: { type: 'ephemeral', ttl: '1h' } }],
        },
      ],
      tools: [{ type: 'function', function: { name: 'f' }, cache_control: { type: 'ephemeral' } }],
      cache_control: { type: 'ephemeral' },
    })
    expect((body.messages as Array<{ content: unknown }>)[0]?.content).toEqual([
      { type: 'text', text: 'Long context', cache_control: { type: 'ephemeral', ttl: '1h' } },
    ])
    expect((body.tools as unknown[])[0]).toMatchObject({ cache_control: { type: 'ephemeral' } })
    expect(body.cache_control).toEqual({ type: 'ephemeral' })
    const bad = refusal({
      messages: [{ role: 'user', content: [{ type: 'text', text: 'x', cache_control: { type: 'forever' } }] }],
    })
    expect(bad.param).toBe('messages[0].content[0].cache_control.type')
  })

  it('maps json_schema to output_config.format and refuses json_object with what to do instead', () => {
    const schema = {
      type: 'object',
      properties: { a: { type: 'string' } },
      required: ['a'],
      additionalProperties: false,
    }
    const body = map({
      messages: hello,
      response_format: { type: 'json_schema', json_schema: { name: 'x', schema, strict: true } },
    })
    expect(body.output_config).toEqual({ format: { type: 'json_schema', schema } })
    expect(refusal({ messages: hello, response_format: { type: 'json_object' } }).message).toMatch(/json_schema/)
    expect(map({ messages: hello, response_format: { type: 'text' } })).not.toHaveProperty('output_config')
  })

  it('maps reasoning_effort by the model: adaptive effort, a budget, or no thinking', () => {
    expect(map({ messages: hello, reasoning_effort: 'minimal' })).toMatchObject({
      thinking: { type: 'adaptive' },
      output_config: { effort: 'low' },
    })
    expect(map({ messages: hello, reasoning_effort: 'none' }).thinking).toEqual({ type: 'disabled' })
    expect(refusal({ messages: hello, reasoning_effort: 'none' }, 'claude-opus-5-5').message).toMatch(/always thinks/)
    const budget = map({ messages: hello, reasoning_effort: 'medium', max_tokens: 10_000 }, 'claude-haiku-4-5')
    expect(budget.thinking).toEqual({ type: 'enabled', budget_tokens: 3000 })
    expect(budget).not.toHaveProperty('output_config')
    expect(map({ messages: hello, reasoning_effort: 'low', max_tokens: 2000 }, 'claude-haiku-4-5').thinking).toEqual({
      type: 'enabled',
      budget_tokens: 1024,
    })
  })

  it('takes a thinking budget as Anthropic names it, and checks it', () => {
    const body = map(
      { messages: hello, thinking: { type: 'enabled', budget_tokens: 2048 }, max_tokens: 4096 },
      'claude-haiku-4-5',
    )
    expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: 2048 })
    expect(refusal({ messages: hello, thinking: { type: 'enabled', budget_tokens: 512 } }).param).toBe(
      'thinking.budget_tokens',
    )
    expect(
      refusal({ messages: hello, thinking: { type: 'enabled', budget_tokens: 4096 }, max_tokens: 4096 }).param,
    ).toBe('thinking.budget_tokens')
    expect(
      refusal({ messages: hello, thinking: { type: 'enabled', budget_tokens: 2048 }, reasoning_effort: 'high' }).param,
    ).toBe('reasoning_effort')
  })

  it('refuses a thinking budget with a forced tool (the API refuses it); adaptive thinking with one is sent', () => {
    const tools = [{ type: 'function', function: { name: 'f' } }]
    const budget = { type: 'enabled', budget_tokens: 2000 }
    expect(refusal({ messages: hello, tools, tool_choice: 'required', thinking: budget, max_tokens: 4000 }).param).toBe(
      'tool_choice',
    )
    // Recorded answering 200: pydantic/pydantic-ai cassette test_anthropic_count_tokens_with_adaptive_thinking_and_output_tools.
    expect(map({ messages: hello, tools, tool_choice: 'required', reasoning_effort: 'high' })).toMatchObject({
      thinking: { type: 'adaptive' },
      tool_choice: { type: 'any' },
    })
    expect(map({ messages: hello, tools, tool_choice: 'auto', reasoning_effort: 'high' }).tool_choice).toEqual({
      type: 'auto',
    })
  })

  it('refuses, by name, every OpenAI parameter Anthropic has no place for (and drops it on opt-in)', () => {
    // n > 1 and prediction would change what the caller gets: refused even with dropUnsupportedParams.
    expect(refusal({ messages: hello, n: 2 }).param).toBe('n')
    expect(refusal({ messages: hello, prediction: { type: 'content', content: 'x' } }).param).toBe('prediction')
    const refused: Record<string, unknown> = {
      seed: 1,
      presence_penalty: 0.5,
      frequency_penalty: 0.5,
      logprobs: true,
      top_logprobs: 2,
      logit_bias: { '1': 2 },
      store: true,
      modalities: ['text', 'audio'],
      audio: { voice: 'alloy', format: 'mp3' },
      prompt_cache_key: 'k',
      prompt_cache_retention: '24h',
      prompt_cache_options: { ttl: '30m' },
      web_search_options: {},
      verbosity: 'low',
      functions: [{ name: 'f' }],
      function_call: 'auto',
      moderation: {},
      service_tier: 'flex',
      some_unknown_param: 1,
    }
    for (const [key, value] of Object.entries(refused)) {
      expect(refusal({ messages: hello, [key]: value }).param, key).toBe(key)
      const context = contextFor('claude-sonnet-5-5', true)
      const body = toAnthropicRequest(
        { provider: 'anthropic', model: 'claude-sonnet-5-5', messages: hello, [key]: value },
        context,
      )
      expect(body, key).not.toHaveProperty(key)
      expect(
        context.dropped.map((dropped) => dropped.param),
        key,
      ).toEqual([key])
    }
    // OpenAI's defaults ask for nothing: accepted and not sent.
    const body = map({
      messages: hello,
      n: 1,
      presence_penalty: 0,
      frequency_penalty: 0,
      logprobs: false,
      top_logprobs: 0,
      logit_bias: {},
      store: false,
      modalities: ['text'],
    })
    expect(Object.keys(body).sort()).toEqual(['max_tokens', 'messages', 'model'])
  })
})
