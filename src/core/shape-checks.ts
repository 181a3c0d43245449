/**
 * A tiny declarative checker for user input. Every failure is an InputError naming the parameter path;
 * nothing here can throw a TypeError on odd input (null, arrays, numbers where objects belong…).
 */
import { InputError } from '../errors.js'

/**
 * A check of one value: returns true when `value` is acceptable. When it is not, it throws an InputError
 * naming `path` (the parameter's path, e.g. `guardrails[0].block_on_error`), or, called without a path,
 * returns false. Validation first calls a check without a path, which builds no path strings and throws
 * nothing on the way, and repeats the call with the path only for a value that fails, to throw its
 * error: the same code decides both times, so the two answers cannot disagree.
 */
export type Check = (value: unknown, path?: string) => boolean

/** The failure of a check: false when no path was given, else the InputError. */
function fail(path: string | undefined, expected: string, value: unknown): false {
  if (path === undefined) return false
  throw new InputError(`'${path}' must be ${expected}, got ${describe(value)}.`, path)
}

/** The path of `key` inside `path` (`.key`, or `[index]` for a number), built only when there is one. */
export function inside(path: string | undefined, key: string | number): string | undefined {
  if (path === undefined) return undefined
  return typeof key === 'number' ? `${path}[${key}]` : `${path}.${key}`
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value)
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export const string: Check = (value, path) => typeof value === 'string' || fail(path, 'a string', value)

export const nonEmptyString: Check = (value, path) =>
  (typeof value === 'string' && value !== '') || fail(path, 'a non-empty string', value)

export const number: Check = (value, path) =>
  (typeof value === 'number' && Number.isFinite(value)) || fail(path, 'a finite number', value)

export const boolean: Check = (value, path) => typeof value === 'boolean' || fail(path, 'a boolean', value)

export const record: Check = (value, path) => isRecord(value) || fail(path, 'an object', value)

export function literal(...allowed: readonly string[]): Check {
  return (value, path) =>
    (typeof value === 'string' && allowed.includes(value)) ||
    fail(path, `one of ${allowed.map((item) => `'${item}'`).join(', ')}`, value)
}

/** `undefined` and `null` pass; anything else must pass `check`. */
export function optional(check: Check): Check {
  return (value, path) => value === undefined || value === null || check(value, path)
}

export function arrayOf(check: Check, options: { nonEmpty?: boolean } = {}): Check {
  return (value, path) => {
    if (!Array.isArray(value)) return fail(path, 'an array', value)
    if (options.nonEmpty === true && value.length === 0) {
      if (path === undefined) return false
      throw new InputError(`'${path}' must not be empty.`, path)
    }
    for (let index = 0; index < value.length; index++) {
      if (!check(value[index], inside(path, index))) return false
    }
    return true
  }
}

/**
 * The first alternative that passes wins. When none does, an error from inside the value (the value had
 * the right outer shape, e.g. an array, but an element was wrong) is more useful than a generic one.
 */
export function either(expected: string, ...checks: Check[]): Check {
  return (value, path) => {
    for (const check of checks) if (check(value)) return true
    if (path === undefined) return false
    // Every alternative fails: each throws its error now. One whose outer shape does not fit fails at
    // `path` itself, and such an error is never the deepest.
    let deepest: InputError | undefined
    for (const check of checks) {
      try {
        check(value, path)
      } catch (error) {
        const param = error instanceof InputError ? error.param : undefined
        if (param !== undefined && param.length > path.length && (deepest?.param?.length ?? 0) < param.length) {
          deepest = error as InputError
        }
      }
    }
    if (deepest !== undefined) throw deepest
    return fail(path, expected, value)
  }
}

/** An object whose known keys pass their checks. Unknown keys are the caller's business. */
export function shape(fields: Readonly<Record<string, Check>>): Check {
  const keys = Object.keys(fields)
  const checks = Object.values(fields)
  return (value, path) => {
    if (!isRecord(value)) return fail(path, 'an object', value)
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index] as string
      if (!(checks[index] as Check)(value[key], inside(path, key))) return false
    }
    return true
  }
}

/** A union discriminated by `type` (or another key): picks the branch, then checks it. */
export function tagged(key: string, branches: Readonly<Record<string, Check>>): Check {
  return (value, path) => {
    if (!isRecord(value)) return fail(path, 'an object', value)
    const tag = value[key]
    const branch = typeof tag === 'string' && Object.hasOwn(branches, tag) ? branches[tag] : undefined
    if (branch !== undefined) return branch(value, path)
    const tagPath = inside(path, key)
    if (tagPath === undefined) return false
    throw new InputError(
      `'${tagPath}' must be one of ${Object.keys(branches)
        .map((item) => `'${item}'`)
        .join(', ')}, got ${typeof tag === 'string' ? `'${tag}'` : describe(tag)}.`,
      tagPath,
    )
  }
}
