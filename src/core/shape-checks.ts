/**
 * A tiny declarative checker for user input. Every failure is an InputError naming the parameter path;
 * nothing here can throw a TypeError on odd input (null, arrays, numbers where objects belong…).
 */
import { InputError } from '../errors.js'

/**
 * A check of one value: returns when `value` is acceptable, throws an InputError naming `path` (the
 * parameter's path, e.g. `guardrails[0].block_on_error`) when it is not.
 */
export type Check = ((value: unknown, path: string) => void) & {
  /**
   * Whether `value` has this check's outer shape (a string, an array, an object…): `either` calls only the
   * alternatives whose outer shape fits, so the success path throws nothing. Absent: always tried.
   */
  readonly fits?: (value: unknown) => boolean
}

const isString = (value: unknown): boolean => typeof value === 'string'

/** A check with its outer-shape test attached (see `Check.fits`). */
function fitting(check: (value: unknown, path: string) => void, fits: (value: unknown) => boolean): Check {
  return Object.assign(check, { fits })
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value)
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`
}

function fail(path: string, expected: string, value: unknown): never {
  throw new InputError(`'${path}' must be ${expected}, got ${describe(value)}.`, path)
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export const string: Check = fitting((value, path) => {
  if (typeof value !== 'string') fail(path, 'a string', value)
}, isString)

export const nonEmptyString: Check = fitting((value, path) => {
  if (typeof value !== 'string' || value === '') fail(path, 'a non-empty string', value)
}, isString)

export const number: Check = (value, path) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'a finite number', value)
}

export const boolean: Check = (value, path) => {
  if (typeof value !== 'boolean') fail(path, 'a boolean', value)
}

export const record: Check = fitting((value, path) => {
  if (!isRecord(value)) fail(path, 'an object', value)
}, isRecord)

export function literal(...allowed: readonly string[]): Check {
  return fitting((value, path) => {
    if (typeof value !== 'string' || !allowed.includes(value)) {
      fail(path, `one of ${allowed.map((item) => `'${item}'`).join(', ')}`, value)
    }
  }, isString)
}

/** `undefined` and `null` pass; anything else must pass `check`. */
export function optional(check: Check): Check {
  return (value, path) => {
    if (value !== undefined && value !== null) check(value, path)
  }
}

export function arrayOf(check: Check, options: { nonEmpty?: boolean } = {}): Check {
  return fitting((value, path) => {
    if (!Array.isArray(value)) fail(path, 'an array', value)
    if (options.nonEmpty === true && value.length === 0) {
      throw new InputError(`'${path}' must not be empty.`, path)
    }
    for (let index = 0; index < value.length; index++) check(value[index], `${path}[${index}]`)
  }, Array.isArray)
}

/**
 * The first alternative that passes wins. When none does, an error from inside the value (the value had
 * the right outer shape, e.g. an array, but an element was wrong) is more useful than a generic one.
 */
export function either(expected: string, ...checks: Check[]): Check {
  return (value, path) => {
    let deepest: InputError | undefined
    for (const check of checks) {
      // Only alternatives whose outer shape fits are tried, so valid input throws nothing; one that does
      // not fit would fail at `path` itself, and such an error is never the deepest.
      if (check.fits?.(value) === false) continue
      try {
        check(value, path)
        return
      } catch (error) {
        const param = error instanceof InputError ? error.param : undefined
        if (param !== undefined && param.length > path.length && (deepest?.param?.length ?? 0) < param.length) {
          deepest = error as InputError
        }
      }
    }
    if (deepest !== undefined) throw deepest
    fail(path, expected, value)
  }
}

/** An object whose known keys pass their checks. Unknown keys are the caller's business (see `unknownKeys`). */
export function shape(fields: Readonly<Record<string, Check>>): Check {
  const entries = Object.entries(fields)
  return fitting((value, path) => {
    if (!isRecord(value)) fail(path, 'an object', value)
    for (const [key, check] of entries) check(value[key], `${path}.${key}`)
  }, isRecord)
}

/** Keys of `value` that are not in `known` and carry a value (null/undefined count as absent). */
export function unknownKeys(value: Record<string, unknown>, known: ReadonlySet<string>): string[] {
  return Object.keys(value).filter((key) => !known.has(key) && value[key] !== undefined && value[key] !== null)
}

/** A union discriminated by `type` (or another key): picks the branch, then checks it. */
export function tagged(key: string, branches: Readonly<Record<string, Check>>): Check {
  return fitting((value, path) => {
    if (!isRecord(value)) fail(path, 'an object', value)
    const tag = value[key]
    const branch = typeof tag === 'string' && Object.hasOwn(branches, tag) ? branches[tag] : undefined
    if (branch === undefined) {
      throw new InputError(
        `'${path}.${key}' must be one of ${Object.keys(branches)
          .map((item) => `'${item}'`)
          .join(', ')}, got ${typeof tag === 'string' ? `'${tag}'` : describe(tag)}.`,
        `${path}.${key}`,
      )
    }
    branch(value, path)
  }, isRecord)
}
