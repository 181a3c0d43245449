/**
 * Tiny combinators that check a parsed JSON value the way pydantic validates a model
 * with `extra="forbid"`: every problem is pushed to a sink with its `loc`.
 * Strings are never coerced to numbers or booleans (pydantic's lax mode would); the emulator is
 * deliberately stricter there, so a client that passes it also passes the API.
 */
import { issue, plainIssue, quoteChoices, type IssueSink, type LocSegment } from './pydantic-issues.js'

/** Checks `value` at `loc`, pushing issues to `sink`. */
export type Check = (value: unknown, loc: readonly LocSegment[], sink: IssueSink) => void

export interface FieldSpec {
  readonly check: Check
  readonly required?: boolean
}

export type JsonKind = 'null' | 'string' | 'number' | 'boolean' | 'array' | 'object'

export function kindOf(value: unknown): JsonKind {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  switch (typeof value) {
    case 'string':
      return 'string'
    case 'number':
      return 'number'
    case 'boolean':
      return 'boolean'
    default:
      return 'object'
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return kindOf(value) === 'object'
}

/** A model with `extra="forbid"`: unknown keys → `extra_forbidden`, absent required → `missing`. */
export function object(fields: Readonly<Record<string, FieldSpec>>): Check {
  return (value, loc, sink) => {
    if (!isPlainObject(value)) return void sink.push(plainIssue('model_type', loc, value))
    for (const [name, spec] of Object.entries(fields)) {
      if (spec.required === true && !Object.hasOwn(value, name)) sink.push(plainIssue('missing', [...loc, name], value))
    }
    for (const [name, child] of Object.entries(value)) {
      const spec = Object.hasOwn(fields, name) ? fields[name] : undefined
      if (spec === undefined) sink.push(plainIssue('extra_forbidden', [...loc, name], child))
      else spec.check(child, [...loc, name], sink)
    }
  }
}

export const required = (check: Check): FieldSpec => ({ check, required: true })
export const optional = (check: Check): FieldSpec => ({ check })

export const string: Check = (value, loc, sink) => {
  if (typeof value !== 'string') sink.push(plainIssue('string_type', loc, value))
}

export const boolean: Check = (value, loc, sink) => {
  if (typeof value !== 'boolean') sink.push(plainIssue('bool_type', loc, value))
}

/** Free-form JSON object (`dict[str, Any]`). */
export const dict: Check = (value, loc, sink) => {
  if (!isPlainObject(value)) sink.push(plainIssue('dict_type', loc, value))
}

const UUID = /^(?:urn:uuid:)?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i

export const uuid: Check = (value, loc, sink) => {
  if (typeof value !== 'string') return void sink.push(plainIssue('string_type', loc, value))
  if (!UUID.test(value)) sink.push(plainIssue('uuid_parsing', loc, value))
}

export interface Bounds {
  readonly ge?: number
  readonly gt?: number
  readonly le?: number
}

function checkBounds(value: number, bounds: Bounds, loc: readonly LocSegment[], sink: IssueSink): void {
  if (bounds.gt !== undefined && !(value > bounds.gt)) {
    sink.push(issue('greater_than', loc, `Input should be greater than ${bounds.gt}`, value, { gt: bounds.gt }))
  }
  if (bounds.ge !== undefined && !(value >= bounds.ge)) {
    sink.push(
      issue('greater_than_equal', loc, `Input should be greater than or equal to ${bounds.ge}`, value, {
        ge: bounds.ge,
      }),
    )
  }
  if (bounds.le !== undefined && !(value <= bounds.le)) {
    sink.push(
      issue('less_than_equal', loc, `Input should be less than or equal to ${bounds.le}`, value, { le: bounds.le }),
    )
  }
}

export function number(bounds: Bounds = {}): Check {
  return (value, loc, sink) => {
    if (typeof value !== 'number') return void sink.push(plainIssue('float_type', loc, value))
    checkBounds(value, bounds, loc, sink)
  }
}

export function integer(bounds: Bounds = {}): Check {
  return (value, loc, sink) => {
    if (typeof value !== 'number') return void sink.push(plainIssue('int_type', loc, value))
    if (!Number.isInteger(value)) return void sink.push(plainIssue('int_from_float', loc, value))
    checkBounds(value, bounds, loc, sink)
  }
}

/** `Literal[...]` / string enum. */
export function literal(values: readonly string[]): Check {
  const expected = quoteChoices(values)
  return (value, loc, sink) => {
    if (typeof value === 'string' && values.includes(value)) return
    sink.push(issue('literal_error', loc, `Input should be ${expected}`, value, { expected }))
  }
}

export function nullable(check: Check): Check {
  return (value, loc, sink) => {
    if (value !== null) check(value, loc, sink)
  }
}

export function array(item: Check, minItems = 0): Check {
  return (value, loc, sink) => {
    if (!Array.isArray(value)) return void sink.push(plainIssue('list_type', loc, value))
    if (value.length < minItems) {
      const msg = `List should have at least ${minItems} item${minItems === 1 ? '' : 's'} after validation, not ${value.length}`
      sink.push(
        issue('too_short', loc, msg, value, { field_type: 'List', min_length: minItems, actual_length: value.length }),
      )
    }
    value.forEach((element, index) => item(element, [...loc, index], sink))
  }
}

/** One member of a union, picked by the JSON kind of the value. `label` is pydantic's loc suffix. */
export interface UnionBranch {
  readonly kind: JsonKind
  readonly label: string
  readonly check: Check
}

/**
 * A union resolved by JSON kind. When a branch matches the kind, only it runs (simplification:
 * pydantic's smart union would also report the other members). When none matches, each member
 * reports its own error under its label, as pydantic does.
 */
export function union(branches: readonly UnionBranch[]): Check {
  return (value, loc, sink) => {
    const kind = kindOf(value)
    const branch = branches.find((candidate) => candidate.kind === kind)
    if (branch !== undefined) return branch.check(value, loc, sink)
    for (const member of branches) member.check(value, [...loc, member.label], sink)
  }
}

/**
 * A union tagged by `key`. `defaultTag` is used when the key is absent (Mistral's function tool
 * has `type` defaulting to "function"); without one, an absent tag is `union_tag_not_found`.
 */
export function tagged(key: string, members: Readonly<Record<string, Check>>, defaultTag?: string): Check {
  // Pydantic lists expected tags comma-separated, without the "or" of literal errors.
  const expectedTags = Object.keys(members)
    .map((tag) => `'${tag}'`)
    .join(', ')
  return (value, loc, sink) => {
    if (!isPlainObject(value)) return void sink.push(plainIssue('model_attributes_type', loc, value))
    const raw = Object.hasOwn(value, key) ? value[key] : defaultTag
    if (raw === undefined) {
      const msg = `Unable to extract tag using discriminator '${key}'`
      return void sink.push(issue('union_tag_not_found', loc, msg, value, { discriminator: `'${key}'` }))
    }
    const member = typeof raw === 'string' && Object.hasOwn(members, raw) ? members[raw] : undefined
    if (member === undefined) {
      const tag = typeof raw === 'string' ? raw : JSON.stringify(raw)
      const msg = `Input tag '${tag}' found using '${key}' does not match any of the expected tags: ${expectedTags}`
      return void sink.push(
        issue('union_tag_invalid', loc, msg, value, { discriminator: `'${key}'`, tag, expected_tags: expectedTags }),
      )
    }
    member(value, [...loc, raw as string], sink)
  }
}
