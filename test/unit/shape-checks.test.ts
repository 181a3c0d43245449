/**
 * Every shape check gives the same answer with and without a path: called without one it returns true
 * exactly when, called with one, it returns without throwing. Validation calls a check without a path
 * first and repeats the call with the path only when it returns false, so a check that said yes without
 * a path to a value it refuses with one would let bad input through.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/errors.js'
import {
  arrayOf,
  boolean,
  either,
  literal,
  nonEmptyString,
  number,
  optional,
  record,
  shape,
  string,
  tagged,
  type Check,
} from '../../src/core/shape-checks.js'

const textPart = shape({ text: string })
const userPart = tagged('type', {
  text: textPart,
  image_url: shape({ image_url: shape({ url: nonEmptyString, detail: optional(literal('auto', 'low', 'high')) }) }),
})
const checks: Record<string, Check> = {
  string,
  nonEmptyString,
  number,
  boolean,
  record,
  literal: literal('auto', 'low'),
  optional: optional(number),
  arrayOf: arrayOf(string),
  nonEmptyArray: arrayOf(number, { nonEmpty: true }),
  shape: shape({ a: string, b: optional(boolean) }),
  tagged: tagged('type', { text: textPart, refusal: shape({ refusal: string }) }),
  either: either('a string or parts', string, arrayOf(userPart)),
  eitherOfUnions: either('a literal or a tagged object', literal('none', 'auto'), tagged('type', { function: record })),
}

/** Values near the shapes above (so both answers occur), and anything at all. */
const scalar = fc.oneof(
  fc.constantFrom('', 'auto', 'low', 'high', 'x', 'text', 'none', 0, 1.5, NaN, Infinity, true, null, undefined),
  fc.anything(),
)
const part = fc.record(
  {
    type: fc.oneof(fc.constantFrom('text', 'image_url', 'refusal', 'function'), scalar),
    text: scalar,
    refusal: scalar,
    image_url: fc.oneof(fc.record({ url: scalar, detail: scalar }, { requiredKeys: [] }), scalar),
  },
  { requiredKeys: [] },
)
const value = fc.oneof(
  scalar,
  part,
  fc.array(fc.oneof(part, scalar), { maxLength: 3 }),
  fc.record({ a: scalar, b: scalar }, { requiredKeys: [] }),
)

function passes(check: Check, input: unknown): boolean {
  try {
    check(input, 'value')
    return true
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return false
  }
}

describe('shape checks', () => {
  it.each(Object.entries(checks))('%s: true without a path exactly when it passes with one', (_name, check) => {
    let accepted = 0
    fc.assert(
      fc.property(value, (input) => {
        const answer = check(input)
        if (answer) accepted++
        expect(answer).toBe(passes(check, input))
      }),
      { numRuns: 1000 },
    )
    expect(accepted).toBeGreaterThan(0)
  })

  it('either names the deepest failure inside a value of the right outer shape', () => {
    const content = either('a string or an array of content parts', string, arrayOf(userPart))
    expect(() => content([{ type: 'image_url', image_url: { url: '' } }], 'messages[0].content')).toThrow(
      "'messages[0].content[0].image_url.url' must be a non-empty string, got a string.",
    )
    expect(() => content(3, 'messages[0].content')).toThrow(
      "'messages[0].content' must be a string or an array of content parts, got a number.",
    )
  })
})
