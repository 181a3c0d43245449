import { describe, expect, it } from 'vitest'
import { badCases, CORPUS_KNOWN_MODELS, goodCases } from '../fixtures/mistral-requests/corpus.js'
import {
  assertMistralChatRequest,
  assertMistralChatResponse,
  assertMistralChunk,
  checkMistralChatRequest,
  formatViolations,
  MISTRAL_WIRE_TO_SDK_KEYS,
} from '../support/mistral-conformance.js'

describe('corpus size', () => {
  it('has at least 40 good and 50 bad cases, with unique names', () => {
    expect(goodCases.length).toBeGreaterThanOrEqual(40)
    expect(badCases.length).toBeGreaterThanOrEqual(50)
    const names = [...goodCases, ...badCases].map((c) => c.name)
    expect(new Set(names).size).toBe(names.length)
  })
})

describe('rename table derived from the SDK', () => {
  it('holds the renames the brief names', () => {
    for (const [wire, camel] of [
      ['max_tokens', 'maxTokens'],
      ['tool_calls', 'toolCalls'],
      ['tool_call_id', 'toolCallId'],
      ['image_url', 'imageUrl'],
      ['document_url', 'documentUrl'],
      ['json_schema', 'jsonSchema'],
      ['schema', 'schemaDefinition'],
      ['input_audio', 'inputAudio'],
      ['reference_ids', 'referenceIds'],
    ] as const) {
      expect(MISTRAL_WIRE_TO_SDK_KEYS.get(wire)).toBe(camel)
    }
  })
})

describe('checker accepts every good case', () => {
  it.each(goodCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const v = checkMistralChatRequest(c.body, { knownModels: CORPUS_KNOWN_MODELS })
    expect(v, formatViolations(v)).toEqual([])
    expect(() => assertMistralChatRequest(c.body)).not.toThrow()
  })
})

describe('checker rejects every bad body-shape case at the right path', () => {
  const shapeCases = badCases.filter((c) => c.scope !== 'model')
  it.each(shapeCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(c.path, 'a bad shape case must say where the violation is').toBeDefined()
    const v = checkMistralChatRequest(c.body)
    expect(
      v.map((x) => x.path),
      formatViolations(v),
    ).toContain(c.path)
    expect(() => assertMistralChatRequest(c.body)).toThrow(c.path)
  })
})

describe("model-scope cases: model existence is the server's business", () => {
  const modelCases = badCases.filter((c) => c.scope === 'model')
  it.each(modelCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    // Shape is fine: no violation without knownModels.
    const v = checkMistralChatRequest(c.body)
    expect(v, formatViolations(v)).toEqual([])
    // With knownModels, unknown/retired ids are reported at $.model (the invalid_model cases only).
    const withModels = checkMistralChatRequest(c.body, { knownModels: CORPUS_KNOWN_MODELS })
    if (!c.expect.ok && c.expect.type === 'invalid_model') {
      expect(withModels).toEqual([expect.objectContaining({ path: '$.model', rule: 'unknown_model' })])
    } else {
      expect(withModels).toEqual([])
    }
  })

  it('knownModels also takes a predicate', () => {
    const body = { model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] }
    expect(checkMistralChatRequest(body, { knownModels: (m) => m.startsWith('gpt') })).toEqual([])
    expect(checkMistralChatRequest(body, { knownModels: () => false })).toHaveLength(1)
  })
})

describe('assertMistralChatRequest', () => {
  it('lists every violation with its path', () => {
    const body = {
      model: 'mistral-large-latest',
      messages: [{ role: 'user', content: 'Hi', name: 'bob' }],
      temperature: 2,
      seed: 1,
    }
    let message = ''
    try {
      assertMistralChatRequest(body)
    } catch (e) {
      message = (e as Error).message
    }
    expect(message).toContain('$.messages[0].name')
    expect(message).toContain('$.temperature')
    expect(message).toContain('$.seed')
    expect(message).toMatch(/3 violations/)
  })

  it('rejects a non-object body', () => {
    expect(checkMistralChatRequest('nope')).toEqual([expect.objectContaining({ path: '$' })])
    expect(checkMistralChatRequest(null)).toHaveLength(1)
  })
})

describe('response and chunk assertions', () => {
  const response = {
    id: 'a2984449b4204304a731f30927977d5c',
    object: 'chat.completion',
    created: 1787865809,
    model: 'mistral-small-latest',
    usage: { prompt_tokens: 19, completion_tokens: 2, total_tokens: 21, prompt_tokens_details: { cached_tokens: 0 } },
    choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'OK', tool_calls: null } }],
  }
  it('accepts a live-shaped response and rejects a broken one', () => {
    expect(() => assertMistralChatResponse(response)).not.toThrow()
    expect(() => assertMistralChatResponse({ ...response, choices: undefined })).toThrow(/choices/)
    expect(() => assertMistralChatResponse({ ...response, created: 'yesterday' })).toThrow(/created/)
  })
  it('rejects content chunks the SDK would turn into UNKNOWN', () => {
    const bad = {
      ...response,
      choices: [
        { index: 0, finish_reason: 'stop', message: { role: 'assistant', content: [{ type: 'txt', text: 'x' }] } },
      ],
    }
    expect(() => assertMistralChatResponse(bad)).toThrow(/cannot read/)
  })

  const chunk = {
    id: 'c1',
    object: 'chat.completion.chunk',
    created: 1787865809,
    model: 'mistral-small-latest',
    choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
  }
  it('accepts live-shaped chunks (with the p padding field and a final usage)', () => {
    expect(() => assertMistralChunk(chunk)).not.toThrow()
    expect(() => assertMistralChunk({ ...chunk, p: 'abcdef' })).not.toThrow()
    expect(() =>
      assertMistralChunk({
        ...chunk,
        choices: [{ index: 0, delta: { content: '' }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
    ).not.toThrow()
  })
  it('rejects usage: null by default (the official SDK throws on it) unless allowNullUsage', () => {
    expect(() => assertMistralChunk({ ...chunk, usage: null })).toThrow(/usage/)
    expect(() => assertMistralChunk({ ...chunk, usage: null }, { allowNullUsage: true })).not.toThrow()
  })
  it('rejects a chunk without choices', () => {
    expect(() => assertMistralChunk({ ...chunk, choices: undefined })).toThrow(/choices/)
  })
})
