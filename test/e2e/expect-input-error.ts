import { expect } from 'vitest'
import { InputError } from 'token.js'
import type { Harness } from './harness.js'

/** Asserts an InputError with the given param (and message fragments), and that nothing was sent. */
export async function expectInputError(
  harness: Harness,
  promise: Promise<unknown>,
  param: string | undefined,
  ...fragments: string[]
): Promise<InputError> {
  const before = harness.emulator.requests.length
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(InputError)
  const inputError = error as InputError
  if (param !== undefined) expect(inputError.param).toBe(param)
  for (const fragment of fragments) expect(inputError.message).toContain(fragment)
  expect(harness.emulator.requests.length).toBe(before)
  return inputError
}
