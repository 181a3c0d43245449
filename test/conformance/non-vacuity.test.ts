/**
 * The checker must not pass vacuously: adding an unknown key anywhere in a good body (outside
 * free-form objects) must produce a violation at exactly that path; adding keys INSIDE free-form
 * objects must not; pushing numbers out of their spec ranges must be caught.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { goodCases } from '../fixtures/mistral-requests/corpus.js'
import {
  checkMistralChatRequest,
  formatPath,
  formatViolations,
  MISTRAL_WIRE_TO_SDK_KEYS,
  type PathSegment,
} from '../support/mistral-conformance.js'

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

function isObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Free-form wire locations (the SDK types them `z.record(z.string(), z.any())`). */
function isFreeForm(p: readonly PathSegment[]): boolean {
  const s = p.map((x) => (typeof x === 'number' ? '*' : x)).join('.')
  return (
    s === 'metadata' ||
    s === 'tools.*.function.parameters' ||
    s === 'response_format.json_schema.schema' ||
    s === 'messages.*.tool_calls.*.function.arguments'
  )
}

/** Every plain object in the body, split by whether it is (inside) a free-form object. */
function objectPaths(body: unknown): { strict: PathSegment[][]; free: PathSegment[][] } {
  const strict: PathSegment[][] = []
  const free: PathSegment[][] = []
  const walk = (v: unknown, p: PathSegment[], inFree: boolean): void => {
    const nowFree = inFree || (p.length > 0 && isFreeForm(p))
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i], nowFree))
    else if (isObject(v)) {
      ;(nowFree ? free : strict).push(p)
      for (const [k, x] of Object.entries(v)) walk(x, [...p, k], nowFree)
    }
  }
  walk(body, [], false)
  return { strict, free }
}

function withKey(body: unknown, at: PathSegment[], key: string, value: Json): unknown {
  const copy = structuredClone(body) as Record<string, unknown>
  let target: unknown = copy
  for (const seg of at) target = (target as Record<string | number, unknown>)[seg]
  ;(target as Record<string, Json>)[key] = value
  return copy
}

const camelNames = [...MISTRAL_WIRE_TO_SDK_KEYS.values()]
const unknownKey = fc.oneof(
  fc.stringMatching(/^zz_[a-z0-9_]{1,10}$/),
  fc.constantFrom(...camelNames), // SDK-side names are unknown on the wire: the rename must not launder them
  fc.constantFrom('name', 'metadata', 'cache_control', 'refusal', 'extra', 'id', 'index', 'p'),
)
const anyValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.string({ maxLength: 5 }),
  fc.constant({}),
  fc.constant([] as Json),
)

describe('non-vacuity (property-based)', () => {
  it('an unknown key added to any strict object is reported at that path', () => {
    const arb = fc
      .constantFrom(...goodCases)
      .chain((c) => {
        const { strict } = objectPaths(c.body)
        return fc.record({ c: fc.constant(c), at: fc.constantFrom(...strict), key: unknownKey, value: anyValue })
      })
      .filter(({ c, at, key }) => {
        // Only keys the object does not have and the API does not define there. `name` is legal on
        // tool messages and tool-call functions; `id`/`index` on tool calls; `metadata` at top level.
        let target: unknown = c.body
        for (const seg of at) target = (target as Record<string | number, unknown>)[seg]
        if (isObject(target) && key in target) return false
        const s = at.map((x) => (typeof x === 'number' ? '*' : x)).join('.')
        if (key === 'name' && (s === 'messages.*' || s.endsWith('function') || s === 'response_format.json_schema')) {
          return !(s === 'messages.*' && (target as Record<string, unknown>).role === 'tool') && s === 'messages.*'
        }
        if ((key === 'id' || key === 'index') && s === 'messages.*.tool_calls.*') return false
        if (key === 'metadata' && s === '') return false
        // Keys a schema at that spot defines (so adding them is not an "unknown key" mutation).
        const defined: Record<string, string[]> = {
          '': ['stream', 'prefix'],
          'messages.*': ['prefix', 'tool_calls', 'content', 'tool_call_id', 'name'],
        }
        return !(defined[s]?.includes(key) ?? false)
      })
    fc.assert(
      fc.property(arb, ({ c, at, key, value }) => {
        const mutated = withKey(c.body, at, key, value)
        const v = checkMistralChatRequest(mutated)
        const expected = formatPath([...at, key])
        if (!v.some((x) => x.path === expected)) {
          throw new Error(`no violation at ${expected} for case "${c.name}":\n${formatViolations(v)}`)
        }
      }),
      { numRuns: 400, seed: 20261125 },
    )
  })

  it('keys added inside free-form objects (parameters, schema, metadata, arguments) are not violations', () => {
    const withFree = goodCases.filter((c) => objectPaths(c.body).free.length > 0)
    expect(withFree.length).toBeGreaterThan(3)
    const arb = fc.constantFrom(...withFree).chain((c) =>
      fc.record({
        c: fc.constant(c),
        at: fc.constantFrom(...objectPaths(c.body).free),
        key: unknownKey,
        value: anyValue,
      }),
    )
    fc.assert(
      fc.property(arb, ({ c, at, key, value }) => {
        const v = checkMistralChatRequest(withKey(c.body, at, key, value))
        if (v.length > 0)
          throw new Error(
            `unexpected violations for "${c.name}" at ${formatPath([...at, key])}:\n${formatViolations(v)}`,
          )
      }),
      { numRuns: 200, seed: 7 },
    )
  })

  it('numbers pushed outside their spec range are caught', () => {
    const ranges: [string, fc.Arbitrary<number>][] = [
      [
        'temperature',
        fc.oneof(
          fc.double({ min: 1.5000001, max: 1e6, noNaN: true }),
          fc.double({ min: -1e6, max: -1e-9, noNaN: true }),
        ),
      ],
      [
        'top_p',
        fc.oneof(fc.double({ min: 1.0000001, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 0, noNaN: true })),
      ],
      [
        'presence_penalty',
        fc.oneof(
          fc.double({ min: 2.0000001, max: 1e6, noNaN: true }),
          fc.double({ min: -1e6, max: -2.0000001, noNaN: true }),
        ),
      ],
      [
        'frequency_penalty',
        fc.oneof(
          fc.double({ min: 2.0000001, max: 1e6, noNaN: true }),
          fc.double({ min: -1e6, max: -2.0000001, noNaN: true }),
        ),
      ],
      [
        'max_tokens',
        fc.oneof(
          fc.integer({ max: -1 }),
          fc.double({ min: 0.1, max: 1e6, noNaN: true }).filter((x) => !Number.isInteger(x)),
        ),
      ],
      [
        'n',
        fc.oneof(
          fc.integer({ max: 0 }),
          fc.double({ min: 1.01, max: 1e6, noNaN: true }).filter((x) => !Number.isInteger(x)),
        ),
      ],
      [
        'random_seed',
        fc.oneof(
          fc.integer({ max: -1 }),
          fc.double({ min: 0.1, max: 1e6, noNaN: true }).filter((x) => !Number.isInteger(x)),
        ),
      ],
    ]
    const arb = fc
      .constantFrom(...ranges)
      .chain(([key, value]) => fc.record({ key: fc.constant(key), value, c: fc.constantFrom(...goodCases) }))
    fc.assert(
      fc.property(arb, ({ key, value, c }) => {
        const v = checkMistralChatRequest({ ...c.body, [key]: value })
        expect(v.map((x) => x.path)).toContain(`$.${key}`)
      }),
      { numRuns: 300, seed: 3 },
    )
  })

  it('tool-call ids other than 9 alphanumerics are caught', () => {
    const base = goodCases.find((c) => c.name.startsWith('assistant content null + tool_calls'))!
    const badIds = fc.string({ minLength: 0, maxLength: 14 }).filter((s) => !/^[a-zA-Z0-9]{9}$/.test(s))
    fc.assert(
      fc.property(badIds, (id) => {
        const body = structuredClone(base.body) as {
          messages: { tool_calls?: { id: string }[]; tool_call_id?: string }[]
        }
        body.messages[1]!.tool_calls![0]!.id = id
        body.messages[2]!.tool_call_id = id
        const v = checkMistralChatRequest(body)
        expect(v.map((x) => x.path)).toContain('$.messages[1].tool_calls[0].id')
        expect(v.map((x) => x.path)).toContain('$.messages[2].tool_call_id')
      }),
      { numRuns: 200, seed: 11 },
    )
  })
})
