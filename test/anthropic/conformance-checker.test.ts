/**
 * The SDK-derived Anthropic request check cannot pass vacuously: an unknown key added to any strict
 * object of a good body is reported at exactly that path (property-based), keys inside free-form objects
 * (JSON schemas, tool inputs) are not, removing any required key is reported, and headers are checked.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anthropicGoodCases } from '../fixtures/anthropic-requests/corpus.js'
import {
  ANTHROPIC_SDK_VERSION,
  checkAnthropicRequest,
  formatAnthropicViolations,
} from '../support/anthropic-conformance.js'

type Segment = string | number
type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
const isObject = (value: unknown): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Free-form wire locations: `{[key: string]: unknown}` or `unknown` in the SDK's types. */
function isFreeForm(path: readonly Segment[]): boolean {
  const last = path[path.length - 1]
  const text = path.map((segment) => (typeof segment === 'number' ? '*' : segment)).join('.')
  return (
    last === 'input_schema' ||
    last === 'input' ||
    text === 'output_config.format.schema' ||
    text.endsWith('input_schema.properties')
  )
}

function objectPaths(body: unknown): { strict: Segment[][]; free: Segment[][] } {
  const strict: Segment[][] = []
  const free: Segment[][] = []
  const walk = (value: unknown, path: Segment[], inFree: boolean): void => {
    const nowFree = inFree || (path.length > 0 && isFreeForm(path))
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index], nowFree))
    else if (isObject(value)) {
      ;(nowFree ? free : strict).push(path)
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key], nowFree)
    }
  }
  walk(body, [], false)
  return { strict, free }
}

const jsonPath = (path: readonly Segment[]): string =>
  path.reduce<string>(
    (text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : `${text}.${segment}`),
    '$',
  )

function at(body: unknown, path: readonly Segment[]): Record<string, unknown> {
  let target: unknown = body
  for (const segment of path) target = (target as Record<string | number, unknown>)[segment]
  return target as Record<string, unknown>
}

const headersFor = (version: string | undefined) => ({
  'x-api-key': 'k',
  'anthropic-version': version ?? '2026-10-21',
})
const unknownKey = fc.oneof(
  fc.stringMatching(/^zz_[a-z0-9_]{1,10}$/),
  fc.constantFrom('temperature_', 'tool_calls', 'image_url', 'function', 'role_', 'parameters', 'n', 'seed', 'detail'),
)
const anyValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.string({ maxLength: 5 }),
  fc.constant({}),
  fc.constant([] as Json),
)

describe(`checkAnthropicRequest (types of @anthropic-ai/sdk ${ANTHROPIC_SDK_VERSION})`, () => {
  it('accepts every good corpus body', () => {
    for (const testCase of anthropicGoodCases) {
      const violations = checkAnthropicRequest(testCase.body, headersFor(testCase.version))
      expect(violations, `${testCase.name}\n${formatAnthropicViolations(violations)}`).toEqual([])
    }
  })

  it('reports an unknown key added to any strict object at that path', () => {
    const arbitrary = fc.constantFrom(...anthropicGoodCases).chain((testCase) =>
      fc.record({
        testCase: fc.constant(testCase),
        path: fc.constantFrom(...objectPaths(testCase.body).strict),
        key: unknownKey,
        value: anyValue,
      }),
    )
    fc.assert(
      fc.property(arbitrary, ({ testCase, path, key, value }) => {
        const body = structuredClone(testCase.body)
        at(body, path)[key] = value
        const violations = checkAnthropicRequest(body, headersFor(testCase.version))
        const wanted = `${jsonPath(path)}.${key}`
        expect(
          violations.map((violation) => violation.path),
          formatAnthropicViolations(violations),
        ).toContain(wanted)
      }),
      { numRuns: 300 },
    )
  })

  it('accepts extra keys inside free-form objects (schemas, tool inputs)', () => {
    for (const testCase of anthropicGoodCases) {
      for (const path of objectPaths(testCase.body).free) {
        const body = structuredClone(testCase.body)
        at(body, path).zz_extra = 1
        expect(checkAnthropicRequest(body, headersFor(testCase.version)), `${testCase.name} ${jsonPath(path)}`).toEqual(
          [],
        )
      }
    }
  })

  it('reports every required key removed from a strict object', () => {
    // Required by Anthropic's API reference, per object (by its `type`, or the body / a message).
    const required: Readonly<Record<string, readonly string[]>> = {
      body: ['model', 'messages', 'max_tokens'],
      message: ['role', 'content'],
      text: ['text', 'type'],
      image: ['source', 'type'],
      document: ['source', 'type'],
      base64: ['media_type', 'data', 'type'],
      url: ['url', 'type'],
      tool_use: ['id', 'name', 'input', 'type'],
      tool_result: ['tool_use_id', 'type'],
      thinking: ['thinking', 'signature', 'type'],
      enabled: ['budget_tokens', 'type'],
      json_schema: ['schema', 'type'],
      tool: ['name', 'type'],
    }
    const kindOf = (path: readonly Segment[], value: Record<string, unknown>): string =>
      path.length === 0 ? 'body' : path[0] === 'messages' && path.length === 2 ? 'message' : String(value.type)
    let removed = 0
    for (const testCase of anthropicGoodCases) {
      for (const path of objectPaths(testCase.body).strict) {
        const value = at(testCase.body, path)
        for (const key of Object.keys(value)) {
          if (!(required[kindOf(path, value)] ?? []).includes(key)) continue
          const body = structuredClone(testCase.body)
          delete at(body, path)[key]
          const paths = checkAnthropicRequest(body, headersFor(testCase.version)).map((violation) => violation.path)
          expect(paths.length, `${testCase.name}: ${jsonPath([...path, key])} removed`).toBeGreaterThan(0)
          removed++
        }
      }
    }
    expect(removed).toBeGreaterThan(80)
  })

  it('checks the headers: a key and a known anthropic-version', () => {
    const body = anthropicGoodCases[0]?.body
    expect(checkAnthropicRequest(body, { 'anthropic-version': '2026-10-21' }).map((v) => v.path)).toEqual([
      'header:x-api-key',
    ])
    expect(checkAnthropicRequest(body, { Authorization: 'Bearer k', 'Anthropic-Version': '2023-06-01' })).toEqual([])
    expect(checkAnthropicRequest(body, { 'x-api-key': 'k' }).map((v) => v.rule)).toEqual(['required'])
    expect(
      checkAnthropicRequest(body, { 'x-api-key': 'k', 'anthropic-version': '2024-01-01' }).map((v) => v.rule),
    ).toEqual(['enum'])
  })

  it('allows the sampling parameters only on API version 2023-06-01', () => {
    const body = {
      model: 'claude-sonnet-4-6',
      max_tokens: 10,
      temperature: 0.5,
      messages: [{ role: 'user', content: 'x' }],
    }
    expect(checkAnthropicRequest(body, headersFor('2023-06-01'))).toEqual([])
    expect(checkAnthropicRequest(body, headersFor('2026-10-21')).map((v) => v.path)).toEqual(['$.temperature'])
    expect(checkAnthropicRequest({ ...body, temperature: 2 }, headersFor('2023-06-01')).map((v) => v.rule)).toEqual([
      'range',
    ])
  })
})
