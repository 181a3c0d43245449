/**
 * A small schema language for the request body and its checker. It reports the FIRST problem in the
 * words the Messages API uses for body-shape errors (its validator is pydantic: "Field required",
 * "Extra inputs are not permitted", "Input should be …"), with the dotted path the API prints, where a
 * tagged union adds its tag: `messages.0.content.1.image.source.base64.media_type`.
 */

export type Shape =
  | { readonly kind: 'string'; readonly enum?: readonly string[]; readonly pattern?: RegExp }
  | {
      readonly kind: 'number'
      readonly integer?: boolean
      readonly min?: number
      readonly max?: number
    }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'any' }
  /** Any JSON object (free-form: schemas, tool inputs). */
  | { readonly kind: 'record' }
  | { readonly kind: 'array'; readonly of: Shape }
  | {
      readonly kind: 'object'
      readonly fields: Readonly<Record<string, Shape>>
      readonly required: readonly string[]
    }
  /** Objects told apart by `type`; `fallback` takes an object without `type` (custom tools). */
  | {
      readonly kind: 'tagged'
      readonly tags: Readonly<Record<string, Shape>>
      readonly fallback?: string
      /** Tags matching this pattern are accepted with any fields (server tools). */
      readonly open?: RegExp
    }
  /** A string or a list, e.g. `content` and `system`. */
  | { readonly kind: 'string-or-array'; readonly of: Shape }
  | { readonly kind: 'nullable'; readonly of: Shape }

export type Path = readonly (string | number)[]

export interface ShapeProblem {
  readonly path: Path
  readonly message: string
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function quoteList(values: readonly string[]): string {
  const quoted = values.map((value) => `'${value}'`)
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`
}

function checkNumber(shape: Extract<Shape, { kind: 'number' }>, value: unknown, path: Path): ShapeProblem | undefined {
  if (typeof value !== 'number' || Number.isNaN(value))
    return {
      path,
      message: shape.integer === true ? 'Input should be a valid integer' : 'Input should be a valid number',
    }
  if (shape.integer === true && !Number.isInteger(value))
    return { path, message: 'Input should be a valid integer, got a number with a fractional part' }
  if (shape.min !== undefined && value < shape.min)
    return { path, message: `Input should be greater than or equal to ${shape.min}` }
  if (shape.max !== undefined && value > shape.max)
    return { path, message: `Input should be less than or equal to ${shape.max}` }
  return undefined
}

function checkString(shape: Extract<Shape, { kind: 'string' }>, value: unknown, path: Path): ShapeProblem | undefined {
  if (typeof value !== 'string') return { path, message: 'Input should be a valid string' }
  if (shape.enum !== undefined && !shape.enum.includes(value))
    return { path, message: `Input should be ${quoteList(shape.enum)}` }
  if (shape.pattern !== undefined && !shape.pattern.test(value))
    return { path, message: `String should match pattern '${shape.pattern.source}'` }
  return undefined
}

function checkObject(shape: Extract<Shape, { kind: 'object' }>, value: unknown, path: Path): ShapeProblem | undefined {
  if (!isObject(value)) return { path, message: 'Input should be a valid dictionary or object to extract fields from' }
  for (const key of shape.required)
    if (value[key] === undefined) return { path: [...path, key], message: 'Field required' }
  for (const [key, field] of Object.entries(value)) {
    const fieldShape = Object.hasOwn(shape.fields, key) ? shape.fields[key] : undefined
    if (fieldShape === undefined) return { path: [...path, key], message: 'Extra inputs are not permitted' }
    const problem = checkShape(fieldShape, field, [...path, key])
    if (problem !== undefined) return problem
  }
  return undefined
}

function checkTagged(shape: Extract<Shape, { kind: 'tagged' }>, value: unknown, path: Path): ShapeProblem | undefined {
  if (!isObject(value)) return { path, message: 'Input should be a valid dictionary or object to extract fields from' }
  const tag = value.type ?? shape.fallback
  const tags = Object.keys(shape.tags)
  if (typeof tag !== 'string') return { path, message: "Unable to extract tag using discriminator 'type'" }
  const member = Object.hasOwn(shape.tags, tag) ? shape.tags[tag] : undefined
  if (member === undefined && shape.open?.test(tag) === true) return undefined
  if (member === undefined)
    return {
      path,
      message: `Input tag '${tag}' found using 'type' does not match any of the expected tags: ${tags.map((name) => `'${name}'`).join(', ')}`,
    }
  return checkShape(member, value, [...path, tag])
}

/** The first problem of `value` against `shape`, or `undefined`. */
export function checkShape(shape: Shape, value: unknown, path: Path = []): ShapeProblem | undefined {
  switch (shape.kind) {
    case 'any':
      return undefined
    case 'nullable':
      return value === null ? undefined : checkShape(shape.of, value, path)
    case 'string':
      return checkString(shape, value, path)
    case 'number':
      return checkNumber(shape, value, path)
    case 'boolean':
      return typeof value === 'boolean' ? undefined : { path, message: 'Input should be a valid boolean' }
    case 'record':
      return isObject(value) ? undefined : { path, message: 'Input should be a valid dictionary' }
    case 'array': {
      if (!Array.isArray(value)) return { path, message: 'Input should be a valid list' }
      for (let index = 0; index < value.length; index++) {
        const problem = checkShape(shape.of, value[index], [...path, index])
        if (problem !== undefined) return problem
      }
      return undefined
    }
    case 'string-or-array':
      if (typeof value === 'string') return undefined
      if (!Array.isArray(value)) return { path, message: 'Input should be a valid string or a valid list' }
      return checkShape({ kind: 'array', of: shape.of }, value, path)
    case 'object':
      return checkObject(shape, value, path)
    case 'tagged':
      return checkTagged(shape, value, path)
    default: {
      const unknown: never = shape
      throw new Error(`unknown shape ${JSON.stringify(unknown)}`)
    }
  }
}
