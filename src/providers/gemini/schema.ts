/**
 * JSON Schema for `responseJsonSchema`. Gemini reads only part of JSON Schema: `$id, $defs, $ref, $anchor,
 * type, format, title, description, enum, items, prefixItems, minItems, maxItems, minimum, maximum,
 * anyOf, oneOf, properties, additionalProperties, required` and its own `propertyOrdering` (the
 * documentation of `GenerateContentConfig.responseJsonSchema` in `@google/genai`). A schema using any
 * other keyword is refused with the keyword's path instead of having it silently ignored; `const` becomes
 * a one-value `enum` (the same constraint) and `$schema` (metadata only) is removed.
 */
import { InputError } from '../../errors.js'

const SUPPORTED = new Set([
  '$id',
  '$defs',
  '$ref',
  '$anchor',
  'type',
  'format',
  'title',
  'description',
  'enum',
  'items',
  'prefixItems',
  'minItems',
  'maxItems',
  'minimum',
  'maximum',
  'anyOf',
  'oneOf',
  'properties',
  'additionalProperties',
  'required',
  'propertyOrdering',
])
/** Keywords whose value is a map of sub-schemas / a list of sub-schemas / one sub-schema. */
const SCHEMA_MAPS = new Set(['properties', '$defs'])
const SCHEMA_LISTS = new Set(['anyOf', 'oneOf', 'prefixItems'])
const SCHEMA_VALUES = new Set(['items', 'additionalProperties'])

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

function translate(schema: unknown, path: string, param: string, model: string): unknown {
  if (typeof schema === 'boolean') return schema
  if (!isObject(schema)) throw new InputError(`${param}: the schema at ${path} must be an object.`, param)
  const out: Json = {}
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$schema') continue
    if (key === 'const') {
      out.enum = [value]
      continue
    }
    if (!SUPPORTED.has(key))
      throw new InputError(
        `${param}: Gemini (${model}) cannot express the JSON Schema keyword '${key}' (at ${path}); remove it or describe the constraint in 'description'.`,
        param,
      )
    if (SCHEMA_MAPS.has(key) && isObject(value))
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, child]) => [name, translate(child, `${path}.${key}.${name}`, param, model)]),
      )
    else if (SCHEMA_LISTS.has(key) && Array.isArray(value))
      out[key] = value.map((child, index) => translate(child, `${path}.${key}[${index}]`, param, model))
    else if (SCHEMA_VALUES.has(key) && (isObject(value) || typeof value === 'boolean'))
      out[key] = translate(value, `${path}.${key}`, param, model)
    else out[key] = value
  }
  return out
}

/** The schema as Gemini's `responseJsonSchema` takes it; throws an InputError naming the first keyword it cannot express. */
export function toGeminiResponseSchema(schema: unknown, param: string, model: string): unknown {
  return translate(schema, '#', param, model)
}
