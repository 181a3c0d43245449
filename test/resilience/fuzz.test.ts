/**
 * Property-based fuzzing of `create` through the public client against the emulator: arbitrary
 * OpenAI-ish params and messages (valid values, edge values, wrong types, random JSON, random roles,
 * parts and tool histories with foreign ids, random extra keys). `create` may only ever reject with a
 * TokenJSError (never a TypeError or RangeError), and every body that reaches the emulator passes the
 * request-conformance check — checked per body, inside each run.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { APIError, NotFoundError, isTokenJSError, type ChatCompletionChunk } from 'token.js'
import { assertMistralChatRequest } from '../support/mistral-conformance.js'
import { useEmulator, UNKNOWN_MODEL } from '../e2e/harness.js'

const harness = useEmulator()

const anyValue = fc.anything({
  maxDepth: 2,
  maxKeys: 4,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
})
const edgeNumber = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    0.5,
    1.5,
    2,
    2.0000001,
    3,
    100,
    1e308,
    -1e308,
    Infinity,
    -Infinity,
    Number.NaN,
    Number.MAX_SAFE_INTEGER,
    2 ** 53 + 2,
    Number.MIN_VALUE,
  ),
  fc.double(),
  fc.integer({ min: -10, max: 300 }),
)
const edgeString = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.constantFrom('', ' ', '\u0000', '\r\n', '😀', 'é'.repeat(50), '{"json":true}', 'null', '__proto__', 'constructor'),
)
/** A valid value most of the time, else an edge value or any JSON-ish value at all. */
function paramsArbitrary(chaos: boolean): fc.Arbitrary<Record<string, unknown>> {
  const mostly = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
    chaos
      ? fc.oneof(
          { arbitrary: valid, weight: 8 },
          { arbitrary: edgeNumber, weight: 1 },
          { arbitrary: edgeString, weight: 1 },
          { arbitrary: anyValue, weight: 1 },
        )
      : valid
  /** In chaos mode, sometimes any value at all instead of `arbitrary`. */
  const orAnything = (arbitrary: fc.Arbitrary<unknown>, weight = 6): fc.Arbitrary<unknown> =>
    chaos ? fc.oneof({ arbitrary, weight }, { arbitrary: anyValue, weight: 1 }) : arbitrary

  const idPool = fc.constantFrom(
    'D681PevKs',
    'gSIMJiOkT',
    'call_abc123',
    'chatcmpl-tool-9f149c74c42f265b',
    'abc',
    'toolu_01A09q90qw90lq917835lq9',
    'x'.repeat(40),
  )
  const toolName = fc.constantFrom('get_weather', 'search', 'f', 'do-it', 'a.b', 'x'.repeat(80), 'é')
  const jsonSchema = fc.oneof(
    fc.constant({ type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }),
    fc.constant({ type: 'object', properties: {} }),
    fc.record({
      type: fc.constantFrom('object', 'string', 'array'),
      properties: fc.dictionary(
        fc.string({ maxLength: 5 }),
        fc.record({ type: fc.constantFrom('string', 'number', 'integer', 'boolean') }),
        { maxKeys: 3 },
      ),
    }),
    fc.jsonValue({ maxDepth: 2 }),
  )

  const part = fc.oneof(
    fc.record({ type: fc.constant('text'), text: edgeString }),
    fc.record({
      type: fc.constant('image_url'),
      image_url: fc.record(
        {
          url: chaos
            ? fc.constantFrom('https://example.com/cat.png', 'data:image/png;base64,iVBORw0KGgo=', '', 'ftp://x')
            : fc.constantFrom('https://example.com/cat.png', 'data:image/png;base64,iVBORw0KGgo='),
          detail: chaos ? fc.constantFrom('auto', 'low', 'high', 'ultra') : fc.constantFrom('auto', 'low', 'high'),
        },
        { requiredKeys: ['url'] },
      ),
    }),
    fc.record({
      type: fc.constant('input_audio'),
      input_audio: fc.record({
        data: chaos ? fc.constantFrom('UklGRg==', '') : fc.constant('UklGRg=='),
        format: fc.constantFrom('wav', 'mp3', 'ogg'),
      }),
    }),
    fc.record({
      type: fc.constant('file'),
      file: fc.record(
        {
          file_id: fc.constant(
            '3fa85f64-5717-4562-b3fc-2c963f66afa6',
          ) /* OpenAI-style 'file-abc': see the known-bug test below */,
          file_data: fc.constantFrom('data:application/pdf;base64,JVBERi0=', 'x'),
          filename: fc.constantFrom('a.pdf', ''),
        },
        { requiredKeys: [] },
      ),
    }),
    ...(chaos ? [fc.record({ type: fc.constant('refusal'), refusal: edgeString })] : []),
    ...(chaos ? [fc.record({ type: edgeString, text: edgeString }), anyValue] : []),
  )
  const content = orAnything(
    fc.oneof(
      { arbitrary: edgeString, weight: 4 },
      { arbitrary: fc.constant(null), weight: 1 },
      { arbitrary: fc.array(part, { maxLength: 3 }), weight: 3 },
    ),
  )
  // Per role, the content OpenAI allows (in chaos mode: any content for any role).
  const textPart = fc.record({ type: fc.constant('text'), text: edgeString })
  const userContent = chaos
    ? content
    : fc.oneof(
        { arbitrary: edgeString, weight: 3 },
        { arbitrary: fc.array(part, { minLength: 1, maxLength: 3 }), weight: 2 },
      )
  const textContent = chaos
    ? content
    : fc.oneof(
        { arbitrary: edgeString, weight: 3 },
        { arbitrary: fc.array(textPart, { minLength: 1, maxLength: 2 }), weight: 1 },
      )
  const assistantContent = chaos
    ? content
    : fc.oneof(
        edgeString,
        fc.constant(null),
        fc.array(fc.oneof(textPart, fc.record({ type: fc.constant('refusal'), refusal: edgeString })), {
          minLength: 1,
          maxLength: 2,
        }),
      )
  const toolCall = fc.record(
    {
      id: mostly(idPool),
      type: chaos ? mostly(fc.constantFrom('function', 'custom')) : fc.constant('function'),
      function: mostly(
        fc.record(
          {
            name: toolName,
            arguments: fc.oneof(fc.json({ maxDepth: 2 }), edgeString, fc.constant('{"city":"Paris"}')),
          },
          { requiredKeys: ['name'] },
        ),
      ),
    },
    { requiredKeys: ['type'] },
  )
  const extraKeys = fc.dictionary(
    fc.oneof(
      edgeString,
      fc.constantFrom(
        'name',
        'refusal',
        'audio',
        'prefix',
        'reasoning_content',
        'annotations',
        'function_call',
        'tool_call_id',
      ),
    ),
    anyValue,
    { maxKeys: 2 },
  )
  const role = chaos
    ? fc.oneof(
        { arbitrary: fc.constantFrom('system', 'developer', 'user', 'assistant', 'tool', 'function'), weight: 10 },
        { arbitrary: edgeString, weight: 1 },
        { arbitrary: anyValue, weight: 1 },
      )
    : fc.constantFrom('system', 'developer', 'user', 'assistant', 'tool')

  const message = fc.oneof(
    { arbitrary: fc.record({ role: fc.constant('user'), content: userContent }), weight: 5 },
    {
      arbitrary: fc.record(
        {
          role: fc.constant('assistant'),
          content: assistantContent,
          tool_calls: fc.array(toolCall, { maxLength: 2 }),
          prefix: fc.boolean(),
        },
        { requiredKeys: ['role'] },
      ),
      weight: 3,
    },
    {
      arbitrary: fc.record(
        {
          role: fc.constant('tool'),
          tool_call_id: mostly(idPool),
          content: textContent,
          ...(chaos ? { name: toolName } : {}),
        },
        { requiredKeys: ['role', 'content'] },
      ),
      weight: 3,
    },
    { arbitrary: fc.record({ role: fc.constantFrom('system', 'developer'), content: textContent }), weight: 2 },
    {
      arbitrary: fc
        .tuple(fc.record({ role, content, tool_call_id: idPool }, { requiredKeys: ['role'] }), extraKeys)
        .map(([base, extra]) => ({ ...extra, ...base })),
      weight: 2,
    },
    { arbitrary: anyValue, weight: 1 },
  )

  /** A coherent tool history (ids match) that the fuzzer then perturbs. */
  const toolHistory = fc
    .record({ id: idPool, name: toolName, result: edgeString, question: edgeString })
    .map(({ id, name, result, question }) => [
      { role: 'user', content: question },
      { role: 'assistant', content: null, tool_calls: [{ id, type: 'function', function: { name, arguments: '{}' } }] },
      { role: 'tool', tool_call_id: id, content: result },
    ])

  /** Clean mode: a well-ordered conversation (system? user, then turns of text or tool calls with foreign ids). */
  const cleanToolCall = fc.record({
    id: idPool,
    name: toolName,
    arguments: fc.oneof(fc.json({ maxDepth: 2 }), fc.constant('{"city":"Paris"}')),
  })
  const turn = fc.oneof(
    fc
      .tuple(
        assistantContent.filter((value) => value !== null),
        userContent,
      )
      .map(([answer, next]) => [
        { role: 'assistant', content: answer },
        { role: 'user', content: next },
      ]),
    fc
      .tuple(
        fc.uniqueArray(cleanToolCall, { minLength: 1, maxLength: 3, selector: (call) => call.id }),
        fc.array(textContent, { minLength: 3, maxLength: 3 }),
        fc.boolean(),
        userContent,
      )
      .map(([calls, results, thenUser, next]) => [
        {
          role: 'assistant',
          content: null,
          tool_calls: calls.map((call) => ({
            id: call.id,
            type: 'function',
            function: { name: call.name, arguments: call.arguments },
          })),
        },
        ...calls.map((call, index) => ({ role: 'tool', tool_call_id: call.id, content: results[index] })),
        ...(thenUser
          ? [
              { role: 'assistant', content: 'ok' },
              { role: 'user', content: next },
            ]
          : []),
      ]),
  )
  const conversation = fc
    .tuple(
      fc.option(fc.record({ role: fc.constantFrom('system', 'developer'), content: textContent }), { nil: undefined }),
      userContent,
      fc.array(turn, { maxLength: 3 }),
    )
    .map(([system, first, turns]) => [
      ...(system === undefined ? [] : [system]),
      { role: 'user', content: first },
      ...turns.flat(),
    ])

  const messages = fc.oneof(
    { arbitrary: chaos ? fc.array(message, { minLength: 1, maxLength: 5 }) : conversation, weight: 6 },
    {
      arbitrary: fc
        .tuple(toolHistory, fc.array(message, { maxLength: 2 }))
        .map(([history, more]) => [...history, ...more]),
      weight: 3,
    },
    ...(chaos ? [{ arbitrary: anyValue, weight: 1 }] : []),
  )

  const model = fc.oneof(
    {
      arbitrary: fc.constantFrom(
        'mistral-large-latest',
        'mistral-small-latest',
        'magistral-medium-latest',
        'pixtral-large-latest',
        'codestral-latest',
        'ministral-3b-latest',
        'voxtral-small-latest',
        'open-mixtral-8x22b',
        UNKNOWN_MODEL,
      ),
      weight: 8,
    },
    ...(chaos
      ? [
          { arbitrary: edgeString, weight: 1 },
          { arbitrary: anyValue, weight: 1 },
        ]
      : []),
  )

  const tool = fc.oneof(
    fc.record({
      type: fc.constant('function'),
      function: fc.record(
        { name: toolName, description: edgeString, parameters: jsonSchema, strict: fc.boolean() },
        { requiredKeys: ['name'] },
      ),
    }),
    fc.record({ type: fc.constant('custom'), custom: fc.record({ name: toolName }) }),
    ...(chaos ? [anyValue] : []),
  )

  const optionalParams = fc.record(
    {
      temperature: mostly(fc.double({ min: 0, max: 2, noNaN: true })),
      top_p: mostly(fc.double({ min: 0, max: 1, noNaN: true })),
      max_tokens: mostly(fc.integer({ min: 1, max: 64 })),
      max_completion_tokens: mostly(fc.integer({ min: 1, max: 64 })),
      n: mostly(fc.integer({ min: 1, max: 3 })),
      seed: mostly(fc.integer()),
      presence_penalty: mostly(fc.double({ min: -2, max: 2, noNaN: true })),
      frequency_penalty: mostly(fc.double({ min: -2, max: 2, noNaN: true })),
      stop: mostly(fc.oneof(edgeString, fc.array(edgeString, { maxLength: 4 }))),
      stream: mostly(fc.boolean()),
      tools: mostly(fc.array(tool, { maxLength: 3 })),
      tool_choice: mostly(
        fc.oneof(
          fc.constantFrom('auto', 'none', 'required', 'any'),
          fc.record({ type: fc.constant('function'), function: fc.record({ name: toolName }) }),
        ),
      ),
      parallel_tool_calls: mostly(fc.boolean()),
      response_format: mostly(
        fc.oneof(
          fc.constantFrom({ type: 'text' }, { type: 'json_object' }),
          fc.record({
            type: fc.constant('json_schema'),
            json_schema: fc.record(
              { name: toolName, schema: jsonSchema, strict: fc.boolean() },
              { requiredKeys: ['name'] },
            ),
          }),
        ),
      ),
      reasoning_effort: mostly(fc.constantFrom('none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max')),
      prediction: mostly(fc.record({ type: fc.constant('content'), content: edgeString })),
      user: mostly(edgeString),
      logprobs: mostly(fc.boolean()),
      top_logprobs: mostly(fc.integer({ min: 0, max: 5 })),
      logit_bias: mostly(
        fc.dictionary(fc.integer({ min: 0, max: 100 }).map(String), fc.integer({ min: -100, max: 100 })),
      ),
      metadata: mostly(fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }))),
      stream_options: mostly(fc.record({ include_usage: fc.boolean() })),
      safe_prompt: mostly(fc.boolean()),
      prompt_cache_key: mostly(edgeString),
      service_tier: mostly(fc.constantFrom('auto', 'default', 'flex', 'standard_only')),
      modalities: mostly(fc.array(fc.constantFrom('text', 'audio'))),
      store: mostly(fc.boolean()),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<Record<string, unknown>>

  return fc
    .record({
      provider: orAnything(fc.constant('mistral'), 12),
      model,
      messages,
      optional: optionalParams,
      // A few of the optional params per call, so valid calls are common.
      chosen: fc.subarray(optionalKeys, { maxLength: chaos ? 6 : 4 }),
      extra: chaos ? fc.dictionary(edgeString, anyValue, { maxKeys: 2 }) : fc.constant({}),
    })
    .map(({ provider, model: modelId, messages: list, optional, chosen, extra }) => ({
      ...extra,
      ...Object.fromEntries(chosen.filter((key) => Object.hasOwn(optional, key)).map((key) => [key, optional[key]])),
      provider,
      model: modelId,
      messages: list,
    }))
}

const optionalKeys = [
  'temperature',
  'top_p',
  'max_tokens',
  'max_completion_tokens',
  'n',
  'seed',
  'presence_penalty',
  'frequency_penalty',
  'stop',
  'stream',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'response_format',
  'reasoning_effort',
  'prediction',
  'user',
  'logprobs',
  'top_logprobs',
  'logit_bias',
  'metadata',
  'stream_options',
  'safe_prompt',
  'prompt_cache_key',
  'service_tier',
  'modalities',
  'store',
]
const params = fc.oneof(
  { arbitrary: paramsArbitrary(false), weight: 2 },
  { arbitrary: paramsArbitrary(true), weight: 1 },
)

function chatBodiesSince(start: number): unknown[] {
  return harness.emulator.requests
    .slice(start)
    .filter((request) => request.path.startsWith('/v1/chat/completions'))
    .map((request) => request.body)
}

describe('fuzzing create()', () => {
  it(
    'only ever rejects with TokenJSErrors, and every body sent passes the conformance check',
    { timeout: 120_000 },
    async () => {
      const client = harness.client()
      const tally: Record<string, number> = {}
      let sent = 0
      await fc.assert(
        fc.asyncProperty(params, fc.boolean(), async (input, dropUnsupportedParams) => {
          const start = harness.emulator.requests.length
          let outcome = 'success'
          try {
            const result = await client.chat.completions.create(input as never, { dropUnsupportedParams })
            if (Symbol.asyncIterator in (result as object)) {
              for await (const _chunk of result as unknown as AsyncIterable<ChatCompletionChunk>) {
                // drain
              }
            }
          } catch (error) {
            outcome = error instanceof Error ? error.constructor.name : typeof error
            if (process.env.FUZZ_VERBOSE === '1' && error instanceof Error)
              outcome += ` ${(error as { param?: string }).param?.replace(/\[\d+\]/g, '[]')} ${error.message.replace(/'[^']*'/g, 'Q').slice(0, 50)}`
            expect(
              isTokenJSError(error),
              `rejected with ${String(error)}\n${error instanceof Error ? (error.stack ?? '') : ''}`,
            ).toBe(true)
            expect(error).not.toBeInstanceOf(TypeError)
            expect(error).not.toBeInstanceOf(RangeError)
            // The emulator refusing a body as malformed means we sent something the API would reject.
            // (A retired id is sent on purpose, and its answer is a NotFoundError: not a malformed body.)
            if (
              error instanceof APIError &&
              !(error instanceof NotFoundError) &&
              (error.status === 400 || error.status === 422)
            ) {
              throw new Error(
                `the emulator refused a body the client sent: ${error.message}\n${JSON.stringify(chatBodiesSince(start))}`,
              )
            }
          }
          tally[outcome] = (tally[outcome] ?? 0) + 1
          for (const request of harness.emulator.requests.slice(start)) {
            expect(request.body, `a request body that is not JSON: ${request.rawBody}`).toBeTypeOf('object')
            assertMistralChatRequest(request.body)
            sent++
          }
        }),
        { numRuns: 400, seed: Number(process.env.FUZZ_SEED ?? 20_260_817) },
      )
      console.log(
        `fuzz: 400 runs, ${sent} bodies sent and checked, outcomes:\n${Object.entries(tally)
          .sort((a, b) => b[1] - a[1])
          .map(([name, count]) => `  ${count} ${name}`)
          .join('\n')}`,
      )
      // Not vacuous: a fair share of the runs got through validation and were checked on the wire.
      expect(sent).toBeGreaterThan(60)
    },
  )

  it('a BigInt where a number belongs is an InputError, and nothing is sent', async () => {
    const start = harness.emulator.requests.length
    const error = await harness
      .client()
      .chat.completions.create({
        provider: 'mistral',
        model: 'mistral-large-latest',
        messages: [{ role: 'user', content: 'hi' }],
        temperature: 1n,
      } as never)
      .then(
        () => undefined,
        (caught: unknown) => caught,
      )
    expect(isTokenJSError(error)).toBe(true)
    expect(harness.emulator.requests.length).toBe(start)
  })

  // Bugs this suite found and that were then fixed: they stay as regression tests.
  const cyclic: Record<string, unknown> = { type: 'object' }
  cyclic.self = cyclic
  const base = { provider: 'mistral', model: 'mistral-large-latest', messages: [{ role: 'user', content: 'hi' }] }
  it.each([
    [
      'BigInt in tool parameters',
      { ...base, tools: [{ type: 'function', function: { name: 'w', parameters: { type: 'object', maximum: 10n } } }] },
    ],
    [
      'a cycle in tool parameters',
      { ...base, tools: [{ type: 'function', function: { name: 'w', parameters: cyclic } }] },
    ],
    ['a cycle in metadata', { ...base, metadata: cyclic }],
  ])('%s rejects with a TokenJSError (was a raw TypeError from JSON.stringify)', async (_name, input) => {
    const error = await harness
      .client()
      .chat.completions.create(input as never)
      .then(
        () => undefined,
        (caught: unknown) => caught,
      )
    expect(isTokenJSError(error), String(error)).toBe(true)
  })

  it("an OpenAI file id ('file-abc123', not a UUID) fails before sending with an InputError (was sent, and Mistral answered 422)", async () => {
    const start = harness.emulator.requests.length
    const error = await harness
      .client()
      .chat.completions.create({
        provider: 'mistral',
        model: 'mistral-large-latest',
        messages: [{ role: 'user', content: [{ type: 'file', file: { file_id: 'file-abc123' } }] }],
      })
      .then(
        () => undefined,
        (caught: unknown) => caught,
      )
    expect(harness.emulator.requests.length).toBe(start)
    expect((error as Error).name).toBe('InputError')
  })
})
