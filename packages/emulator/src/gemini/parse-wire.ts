/**
 * Reads a request body against a `MessageSpec` the way Google's proto JSON parser does: unknown
 * names, scalars of the wrong kind, lists on non-repeated fields and bad enum values are collected
 * (all of them, as the API lists every one), and the body comes back with camelCase keys. Paths use
 * the API's form: snake_case names, `[i]` indices, `properties[i].value` for map entries
 * (zed-industries/zed#44875, obsidian-smart-composer#455 show it).
 */
import type { FieldSpec, MessageSpec } from './wire-spec.js'

export interface WireViolation {
  /** Where the problem is (absent for top-level unknown names, as the API does). */
  readonly field?: string
  readonly description: string
}

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

export const snakeCase = (name: string): string => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)
const camelCase = (name: string): string =>
  name.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase())

const SCALAR_TYPES: Readonly<Record<string, string>> = {
  string: 'TYPE_STRING',
  bool: 'TYPE_BOOL',
  int: 'TYPE_INT32',
  float: 'TYPE_FLOAT',
  bytes: 'TYPE_BYTES',
}

const resolve = (spec: FieldSpec | (() => FieldSpec)): FieldSpec => (typeof spec === 'function' ? spec() : spec)
const join = (path: string, name: string): string => (path === '' ? name : `${path}.${name}`)
// JSON.stringify gives undefined for undefined, functions and symbols (its lib type says string).
const stringify: (value: unknown) => string | undefined = JSON.stringify
const shown = (value: unknown): string => stringify(value) ?? String(value)

class Reader {
  readonly violations: WireViolation[] = []

  unknown(path: string, name: string, reason: string): void {
    const at = path === '' ? '' : ` at '${path}'`
    this.violations.push({
      ...(path === '' ? {} : { field: path }),
      description: `Invalid JSON payload received. Unknown name "${name}"${at}: ${reason}`,
    })
  }

  invalid(path: string, type: string, value: unknown): void {
    this.violations.push({ field: path, description: `Invalid value at '${path}' (${type}), ${shown(value)}` })
  }

  message(value: unknown, spec: MessageSpec, path: string, parentPath: string, name: string): Json | undefined {
    if (Array.isArray(value)) {
      this.unknown(parentPath, name, 'Proto field is not repeating, cannot start list.')
      return undefined
    }
    if (!isObject(value)) {
      this.invalid(path, `type.googleapis.com/google.ai.generativelanguage.v1beta.${spec.name}`, value)
      return undefined
    }
    const out: Json = {}
    for (const [key, child] of Object.entries(value)) {
      const camel = key in spec.fields ? key : camelCase(key)
      const fieldSpec = spec.fields[camel]
      if (fieldSpec === undefined || (camel !== key && snakeCase(camel) !== key)) {
        this.unknown(path, key, 'Cannot find field.')
        continue
      }
      if (child === null) continue
      out[camel] = this.field(child, resolve(fieldSpec), join(path, snakeCase(camel)), path, key)
    }
    return out
  }

  field(value: unknown, spec: FieldSpec, path: string, parentPath: string, name: string): unknown {
    if (typeof spec === 'string') return this.scalar(value, spec, path, parentPath, name)
    if ('repeated' in spec) {
      if (!Array.isArray(value)) return this.field(value, spec.repeated, path, parentPath, name)
      return value.map((item, index) => this.field(item, spec.repeated, `${path}[${index}]`, parentPath, name))
    }
    if ('map' in spec) {
      if (!isObject(value)) {
        this.invalid(path, 'type.googleapis.com/google.protobuf.Map', value)
        return undefined
      }
      const out: Json = {}
      Object.entries(value).forEach(([key, child], index) => {
        out[key] = this.field(child, spec.map, `${path}[${index}].value`, `${path}[${index}]`, 'value')
      })
      return out
    }
    if ('message' in spec) return this.message(value, spec.message, path, parentPath, name)
    return this.enumValue(value, spec, path, parentPath, name)
  }

  enumValue(
    value: unknown,
    spec: Extract<FieldSpec, { enum: string }>,
    path: string,
    parentPath: string,
    name: string,
  ): unknown {
    if (Array.isArray(value)) return this.unknown(parentPath, name, 'Proto field is not repeating, cannot start list.')
    const text = typeof value === 'string' && spec.caseInsensitive === true ? value.toUpperCase() : value
    if (typeof text === 'number' && Number.isInteger(text) && text >= 0 && text < spec.values.length)
      return spec.values[text]
    if (typeof text !== 'string' || !spec.values.includes(text)) return this.invalid(path, spec.enum, value)
    return text
  }

  scalar(value: unknown, spec: Exclude<FieldSpec, object>, path: string, parentPath: string, name: string): unknown {
    if (spec === 'value') return value
    if (spec === 'struct' || spec === 'opaque') {
      if (isObject(value)) return value
      if (Array.isArray(value))
        return this.unknown(parentPath, name, 'Proto field is not repeating, cannot start list.')
      return this.invalid(
        path,
        spec === 'struct' ? 'type.googleapis.com/google.protobuf.Struct' : 'TYPE_MESSAGE',
        value,
      )
    }
    if (Array.isArray(value)) return this.unknown(parentPath, name, 'Proto field is not repeating, cannot start list.')
    if (isObject(value)) return this.unknown(path, '', 'Starting an object on a scalar field')
    const type = SCALAR_TYPES[spec] ?? spec
    switch (spec) {
      case 'string':
      case 'bytes':
        return typeof value === 'string' ? value : this.invalid(path, type, value)
      case 'bool':
        return typeof value === 'boolean' ? value : this.invalid(path, type, value)
      case 'int':
      case 'float': {
        // Proto JSON takes numbers as JSON numbers or numeric strings.
        const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
        if (typeof number !== 'number' || Number.isNaN(number)) return this.invalid(path, type, value)
        if (spec === 'int' && !Number.isInteger(number)) return this.invalid(path, type, value)
        return number
      }
      default: {
        const unknown: never = spec
        throw new Error(`unknown scalar ${String(unknown)}`)
      }
    }
  }
}

/** The body with camelCase keys and every shape problem the API would report. */
export function parseWire(body: unknown, spec: MessageSpec): { value: Json; violations: WireViolation[] } {
  const reader = new Reader()
  if (!isObject(body)) {
    reader.violations.push({ description: `Invalid JSON payload received. Expected an object.` })
    return { value: {}, violations: reader.violations }
  }
  const value = reader.message(body, spec, '', '', '') ?? {}
  return { value, violations: reader.violations }
}
