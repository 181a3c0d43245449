/**
 * A checker for the same JSON-Schema subset as `json-schema-instance.ts`, so tests (and users)
 * can confirm that generated values conform. Returns the JSON pointer of every violation.
 */

type Schema = Readonly<Record<string, unknown>>

function asSchema(value: unknown): Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Schema) : {}
}

function resolveRef(schema: Schema, root: Schema): Schema {
  const ref = schema['$ref']
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema
  let node: unknown = root
  for (const segment of ref.slice(2).split('/')) node = asSchema(node)[segment]
  return asSchema(node)
}

function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
    case 'array':
      return Array.isArray(value)
    case 'string':
      return typeof value === 'string'
    case 'integer':
      return Number.isInteger(value)
    case 'number':
      return typeof value === 'number'
    case 'boolean':
      return typeof value === 'boolean'
    case 'null':
      return value === null
    default:
      return true
  }
}

function checkScalars(schema: Schema, value: unknown, path: string, errors: string[]): void {
  const type = schema['type']
  const types = typeof type === 'string' ? [type] : Array.isArray(type) ? type.filter((t) => typeof t === 'string') : []
  if (types.length > 0 && !types.some((t) => typeMatches(t, value))) errors.push(`${path}: type`)
  if (Object.hasOwn(schema, 'const') && JSON.stringify(schema['const']) !== JSON.stringify(value))
    errors.push(`${path}: const`)
  const enumValues = schema['enum']
  if (Array.isArray(enumValues) && !enumValues.some((entry) => JSON.stringify(entry) === JSON.stringify(value)))
    errors.push(`${path}: enum`)
  if (typeof value === 'number') {
    if (typeof schema['minimum'] === 'number' && value < schema['minimum']) errors.push(`${path}: minimum`)
    if (typeof schema['maximum'] === 'number' && value > schema['maximum']) errors.push(`${path}: maximum`)
  }
  if (typeof value === 'string' && typeof schema['minLength'] === 'number' && value.length < schema['minLength'])
    errors.push(`${path}: minLength`)
}

function checkAt(raw: Schema, root: Schema, value: unknown, path: string, errors: string[]): void {
  const schema = resolveRef(raw, root)
  for (const key of ['anyOf', 'oneOf'] as const) {
    const members = schema[key]
    if (
      Array.isArray(members) &&
      !members.some((member) => collect(asSchema(member), root, value, path).length === 0)
    ) {
      errors.push(`${path}: ${key}`)
    }
  }
  const allOf = schema['allOf']
  if (Array.isArray(allOf)) for (const member of allOf) checkAt(asSchema(member), root, value, path, errors)
  checkScalars(schema, value, path, errors)
  if (Array.isArray(value)) {
    if (typeof schema['minItems'] === 'number' && value.length < schema['minItems']) errors.push(`${path}: minItems`)
    value.forEach((item, index) => checkAt(asSchema(schema['items']), root, item, `${path}/${index}`, errors))
  } else if (typeof value === 'object' && value !== null) {
    const object = value as Record<string, unknown>
    const required = Array.isArray(schema['required']) ? schema['required'] : []
    for (const key of required)
      if (typeof key === 'string' && !Object.hasOwn(object, key)) errors.push(`${path}/${key}: required`)
    const properties = asSchema(schema['properties'])
    for (const [key, child] of Object.entries(object)) {
      if (Object.hasOwn(properties, key)) checkAt(asSchema(properties[key]), root, child, `${path}/${key}`, errors)
      else if (schema['additionalProperties'] === false) errors.push(`${path}/${key}: additionalProperties`)
    }
  }
}

function collect(schema: Schema, root: Schema, value: unknown, path: string): string[] {
  const errors: string[] = []
  checkAt(schema, root, value, path, errors)
  return errors
}

/** Violations of `schema` by `value` (empty when valid), each as `"<json pointer>: <keyword>"`. */
export function checkJsonSchemaInstance(schema: Readonly<Record<string, unknown>>, value: unknown): string[] {
  return collect(schema, schema, value, '')
}
