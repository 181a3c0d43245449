/**
 * A small JSON-Schema instance generator (and matching checker) for tool arguments and
 * `json_schema` replies. Supports type (incl. type arrays such as ["string","null"]), properties,
 * required, items, enum, const, anyOf/oneOf (first member), allOf (first member), $ref into
 * $defs/definitions, minimum/maximum, minLength, minItems. Depth is bounded, so cyclic or very deep
 * schemas still produce a value (empty objects/arrays past 12 levels).
 *
 * Given the user's text, values come from it where the schema allows (text-values.ts): a `city` string
 * from "in Paris", an enum value the text mentions, numbers the text holds; every property is filled.
 */
import { textFacts } from './text-facts.js'
import {
  enumFromText,
  namesLeft,
  numberFromText,
  plausibleDefault,
  stringFromText,
  type TextContext,
} from './text-values.js'

type Schema = Readonly<Record<string, unknown>>

const MAX_DEPTH = 12

function asSchema(value: unknown): Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Schema) : {}
}

function resolveRef(schema: Schema, root: Schema): Schema {
  const ref = schema['$ref']
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema
  let node: unknown = root
  for (const segment of ref.slice(2).split('/'))
    node = asSchema(node)[segment.replaceAll('~1', '/').replaceAll('~0', '~')]
  return asSchema(node)
}

/** The schema after following `$ref` and taking the first member of anyOf/oneOf/allOf. */
function normalise(schema: Schema, root: Schema): Schema {
  let current = resolveRef(schema, root)
  for (let hops = 0; hops < MAX_DEPTH; hops++) {
    const members = current['anyOf'] ?? current['oneOf'] ?? current['allOf']
    if (!Array.isArray(members) || members.length === 0) return current
    current = resolveRef(asSchema(members[0]), root)
  }
  return current
}

function primaryType(schema: Schema): string | undefined {
  const type = schema['type']
  if (typeof type === 'string') return type
  if (Array.isArray(type))
    return type.find((entry): entry is string => typeof entry === 'string' && entry !== 'null') ?? 'null'
  if (schema['properties'] !== undefined) return 'object'
  if (schema['items'] !== undefined) return 'array'
  return undefined
}

interface Walk {
  readonly root: Schema
  readonly text: TextContext
}

function numberFor(schema: Schema, integer: boolean, hint: string, walk: Walk): number {
  const minimum = typeof schema['minimum'] === 'number' ? schema['minimum'] : undefined
  const exclusive = typeof schema['exclusiveMinimum'] === 'number' ? schema['exclusiveMinimum'] : undefined
  const maximum = typeof schema['maximum'] === 'number' ? schema['maximum'] : undefined
  const exclusiveMaximum = typeof schema['exclusiveMaximum'] === 'number' ? schema['exclusiveMaximum'] : undefined
  const fromText = numberFromText(
    hint,
    { integer, minimum, maximum, exclusiveMinimum: exclusive, exclusiveMaximum },
    walk.text,
  )
  if (fromText !== undefined) return fromText
  let value = minimum ?? (exclusive !== undefined ? exclusive + 1 : 1)
  if (integer) value = Math.ceil(value)
  if (maximum !== undefined && value > maximum) value = integer ? Math.floor(maximum) : maximum
  return value
}

function fitLength(schema: Schema, text: string): string {
  const minLength = typeof schema['minLength'] === 'number' ? schema['minLength'] : 0
  const maxLength = typeof schema['maxLength'] === 'number' ? schema['maxLength'] : Infinity
  let value = text
  while (value.length < minLength) value += 'x'
  return value.slice(0, Math.max(minLength, Math.min(value.length, maxLength)))
}

function stringFor(schema: Schema, hint: string, walk: Walk): string {
  const fromText = stringFromText(hint, schema['format'], walk.text)
  if (fromText !== undefined) return fitLength(schema, fromText)
  if (schema['format'] === 'date-time') return '2026-01-01T00:00:00Z'
  if (schema['format'] === 'date') return '2026-01-01'
  if (schema['format'] === 'email') return 'user@example.com'
  if (schema['format'] === 'uri') return 'https://example.com'
  return fitLength(schema, plausibleDefault(hint) ?? (hint.length > 0 ? hint : 'text'))
}

function objectFor(schema: Schema, walk: Walk, depth: number): Record<string, unknown> {
  const properties = asSchema(schema['properties'])
  const required = Array.isArray(schema['required']) ? schema['required'].filter((key) => typeof key === 'string') : []
  // Past the depth bound objects stay empty, so recursive schemas terminate (the value may then miss required keys).
  const keys = depth >= MAX_DEPTH ? [] : [...new Set([...required, ...Object.keys(properties)])]
  const result: Record<string, unknown> = {}
  for (const key of keys) result[key] = instanceAt(asSchema(properties[key]), walk, depth + 1, key)
  return result
}

function arrayFor(schema: Schema, walk: Walk, depth: number, hint: string): unknown[] {
  const minItems = typeof schema['minItems'] === 'number' ? schema['minItems'] : 1
  const maxItems = typeof schema['maxItems'] === 'number' ? schema['maxItems'] : 16
  const items = normalise(asSchema(schema['items']), walk.root)
  // A list of plain strings takes every name the text holds ("Paris and Rome" → both).
  const names = primaryType(items) === 'string' && items['enum'] === undefined ? namesLeft(walk.text) : 0
  const count = depth >= MAX_DEPTH ? 0 : Math.min(Math.max(minItems, 1, names), maxItems, 16)
  return Array.from({ length: count }, () => instanceAt(items, walk, depth + 1, hint))
}

function instanceAt(raw: Schema, walk: Walk, depth: number, hint: string): unknown {
  const schema = normalise(raw, walk.root)
  if (Object.hasOwn(schema, 'const')) return schema['const']
  if (Array.isArray(schema['enum']) && schema['enum'].length > 0)
    return enumFromText(schema['enum'], walk.text) ?? schema['enum'][0]
  const type = primaryType(schema)
  switch (type) {
    case 'object':
      return objectFor(schema, walk, depth)
    case 'array':
      return arrayFor(schema, walk, depth, hint)
    case 'string':
      return stringFor(schema, hint, walk)
    case 'integer':
      return numberFor(schema, true, hint, walk)
    case 'number':
      return numberFor(schema, false, hint, walk)
    case 'boolean':
      return true
    case 'null':
      return null
    default:
      return depth >= MAX_DEPTH ? null : stringFor(schema, hint, walk)
  }
}

/**
 * A deterministic value valid against `schema` (for the supported keywords). With `text` (the user's
 * message), values come from it where they can: `{"city":"Paris"}` for "What's the weather in Paris?".
 */
export function jsonSchemaInstance(schema: Readonly<Record<string, unknown>>, text = ''): unknown {
  const walk: Walk = { root: schema, text: { facts: textFacts(text), usedPhrases: new Set(), usedNumbers: new Set() } }
  return instanceAt(schema, walk, 0, '')
}
