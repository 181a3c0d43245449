/**
 * The Gemini checker must not pass vacuously: an unknown key added to any strict object of a good body
 * (recorded real requests included) is reported at exactly that path, keys added inside free-form objects
 * (function args, responses, JSON schemas) are not, and the emulator refuses the same unknown key.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startGeminiEmulator, type GeminiEmulator } from '../../packages/emulator/src/index.js'
import { geminiGoodCases } from '../fixtures/gemini-requests/corpus.js'
import { checkGeminiGenerateRequest, formatViolations, GEMINI_KEYS } from '../support/gemini-conformance.js'

type Path = (string | number)[]
type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Free-form wire locations (Struct / Value fields, schema maps' names). */
function isFreeForm(path: Path): boolean {
  const last = path[path.length - 1]
  const parent = path[path.length - 2]
  return (
    last === 'args' ||
    (last === 'response' && typeof parent === 'string' && parent === 'functionResponse') ||
    last === 'parametersJsonSchema' ||
    last === 'responseJsonSchema' ||
    last === 'properties'
  )
}

function strictObjects(body: unknown): Path[] {
  const out: Path[] = []
  const walk = (value: unknown, path: Path): void => {
    if (path.length > 0 && isFreeForm(path)) {
      if (path[path.length - 1] === 'properties' && isObject(value))
        for (const [name, child] of Object.entries(value)) walk(child, [...path, name])
      return
    }
    if (Array.isArray(value)) value.forEach((child, index) => walk(child, [...path, index]))
    else if (isObject(value)) {
      out.push(path)
      for (const [key, child] of Object.entries(value)) walk(child, [...path, key])
    }
  }
  walk(body, [])
  return out
}

function withKey(body: unknown, at: Path, key: string): unknown {
  const copy = structuredClone(body) as Json
  let target: unknown = copy
  for (const segment of at) target = (target as Record<string | number, unknown>)[segment]
  ;(target as Json)[key] = 1
  return copy
}

const jsonPath = (path: Path): string =>
  path.reduce<string>(
    (text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : `${text}.${segment}`),
    '$',
  )

const snake = [...new Set(Object.values(GEMINI_KEYS).flatMap((keys) => [...keys]))]
  .filter((key) => /[A-Z]/.test(key))
  .map((key) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`))
const unknownKey = fc.oneof(
  fc.stringMatching(/^zz[a-z0-9]{1,8}$/),
  fc.constantFrom('messages', 'max_tokens', 'n', 'tool_choice', 'additionalProperties', '$schema', 'const'),
)

let emulator: GeminiEmulator
beforeAll(async () => {
  emulator = await startGeminiEmulator({ logRequests: false })
})
afterAll(async () => {
  await emulator.close()
})

describe('Gemini checker non-vacuity (property-based)', () => {
  it('every good body passes', () => {
    for (const testCase of geminiGoodCases) expect(formatViolations(checkGeminiGenerateRequest(testCase.body))).toBe('')
  })

  it('an unknown key added to any strict object is reported at that path', () => {
    const arbitrary = fc.constantFrom(...geminiGoodCases).chain((testCase) =>
      fc.record({
        testCase: fc.constant(testCase),
        at: fc.constantFrom(...strictObjects(testCase.body)),
        key: unknownKey,
      }),
    )
    fc.assert(
      fc.property(arbitrary, ({ testCase, at, key }) => {
        const violations = checkGeminiGenerateRequest(withKey(testCase.body, at, key))
        const path = `${jsonPath(at)}.${key}`
        expect(
          violations.some((violation) => violation.path === path && violation.rule === 'unknown_key'),
          `${path}\n${formatViolations(violations)}`,
        ).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('snake_case spellings are reported (our client sends camelCase only)', () => {
    expect(snake.length).toBeGreaterThan(10)
    const body = { contents: [{ role: 'user', parts: [{ text: 'x' }] }], generation_config: {} }
    expect(checkGeminiGenerateRequest(body).map((violation) => violation.path)).toContain('$.generation_config')
  })

  it('keys inside free-form objects are not reported', () => {
    const body = geminiGoodCases.find((testCase) => testCase.name === 'a tool loop with signatures')?.body
    const loose = withKey(
      withKey(body, ['contents', 1, 'parts', 0, 'functionCall', 'args'], 'zzextra'),
      ['contents', 2, 'parts', 0, 'functionResponse', 'response'],
      'more',
    )
    expect(checkGeminiGenerateRequest(loose)).toEqual([])
  })

  it('the emulator refuses the same unknown keys, naming them', async () => {
    const samples = fc.sample(
      fc.constantFrom(...geminiGoodCases).chain((testCase) =>
        fc.record({
          testCase: fc.constant(testCase),
          at: fc.constantFrom(...strictObjects(testCase.body)),
          key: fc.stringMatching(/^zz[a-z]{1,6}$/),
        }),
      ),
      { numRuns: 25, seed: 17 },
    )
    for (const { testCase, at, key } of samples) {
      const response = await fetch(`${emulator.url}/models/${testCase.model}:generateContent`, {
        method: 'POST',
        headers: { 'x-goog-api-key': emulator.apiKey, 'content-type': 'application/json' },
        body: JSON.stringify(withKey(testCase.body, at, key)),
      })
      const json = (await response.json()) as { error: { message: string } }
      expect(response.status, jsonPath(at)).toBe(400)
      expect(json.error.message).toContain(`Unknown name "${key}"`)
    }
  })
})
