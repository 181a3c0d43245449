/**
 * A small JSON-Schema instance generator (and matching checker) for tool arguments and
 * `json_schema` replies. Supports type (incl. type arrays such as ["string","null"]), properties,
 * required, items, enum, const, anyOf/oneOf (first member), allOf (first member), $ref into
 * $defs/definitions, minimum/maximum, minLength, minItems. Depth is bounded, so cyclic or very deep
 * schemas still produce a value (empty objects/arrays past 12 levels).
 */

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

function numberFor(schema: Schema, integer: boolean): number {
  const minimum = typeof schema['minimum'] === 'number' ? schema['minimum'] : undefined
  const exclusive = typeof schema['exclusiveMinimum'] === 'number' ? schema['exclusiveMinimum'] : undefined
  const maximum = typeof schema['maximum'] === 'number' ? schema['maximum'] : undefined
  let value = minimum ?? (exclusive !== undefined ? exclusive + 1 : 1)
  if (integer) value = Math.ceil(value)
  if (maximum !== undefined && value > maximum) value = integer ? Math.floor(maximum) : maximum
  return value
}

function stringFor(schema: Schema, hint: string): string {
  if (schema['format'] === 'date-time') return '2026-01-01T00:00:00Z'
  if (schema['format'] === 'date') return '2026-01-01'
  const minLength = typeof schema['minLength'] === 'number' ? schema['minLength'] : 0
  const maxLength = typeof schema['maxLength'] === 'number' ? schema['maxLength'] : Infinity
  let text = hint.length > 0 ? hint : 'text'
  while (text.length < minLength) text += 'x'
  return text.slice(0, Math.max(minLength, Math.min(text.length, maxLength)))
}

function objectFor(schema: Schema, root: Schema, depth: number): Record<string, unknown> {
  const properties = asSchema(schema['properties'])
  const required = Array.isArray(schema['required']) ? schema['required'].filter((key) => typeof key === 'string') : []
  // Past the depth bound objects stay empty, so recursive schemas terminate (the value may then miss required keys).
  const keys = depth >= MAX_DEPTH ? [] : [...new Set([...required, ...Object.keys(properties)])]
  const result: Record<string, unknown> = {}
  for (const key of keys) result[key] = instanceAt(asSchema(properties[key]), root, depth + 1, key)
  return result
}

function arrayFor(schema: Schema, root: Schema, depth: number, hint: string): unknown[] {
  const minItems = typeof schema['minItems'] === 'number' ? schema['minItems'] : 1
  const count = depth >= MAX_DEPTH ? 0 : Math.max(minItems, 1)
  return Array.from({ length: Math.min(count, 16) }, () => instanceAt(asSchema(schema['items']), root, depth + 1, hint))
}

function instanceAt(raw: Schema, root: Schema, depth: number, hint: string): unknown {
  const schema = normalise(raw, root)
  if (Object.hasOwn(schema, 'const')) return schema['const']
  if (Array.isArray(schema['enum']) && schema['enum'].length > 0) return schema['enum'][0]
  const type = primaryType(schema)
  switch (type) {
    case 'object':
      return objectFor(schema, root, depth)
    case 'array':
      return arrayFor(schema, root, depth, hint)
    case 'string':
      return stringFor(schema, hint)
    case 'integer':
      return numberFor(schema, true)
    case 'number':
      return numberFor(schema, false)
    case 'boolean':
      return true
    case 'null':
      return null
    default:
      return depth >= MAX_DEPTH ? null : stringFor(schema, hint)
  }
}

/** A deterministic value valid against `schema` (for the supported keywords). */
export function jsonSchemaInstance(schema: Readonly<Record<string, unknown>>): unknown {
  return instanceAt(schema, schema, 0, '')
}
