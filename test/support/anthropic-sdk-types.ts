/**
 * Reads `@anthropic-ai/sdk`'s published type declarations with the TypeScript compiler and checks a JSON
 * value against a named type at run time: unknown keys, missing required keys, wrong primitive types,
 * literal unions (enums), tagged unions (by `type`), arrays and nullables are all taken from the SDK's
 * `.d.ts`, so an SDK upgrade that adds, removes or retypes a field changes the check with it. Types with
 * an index signature (`{[key: string]: unknown}`: JSON schemas, `metadata`) and `unknown` are free-form.
 * Properties whose JSDoc starts with "Header param:" are not body fields.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import ts from 'typescript'

export interface TypeProblem {
  readonly path: string
  readonly rule: 'unknown_key' | 'required' | 'type' | 'enum' | 'union'
  readonly message: string
}

const require = createRequire(import.meta.url)
// The package exports no `./package.json`; its main entry sits at the package root.
const SDK_DIR = dirname(require.resolve('@anthropic-ai/sdk'))
export const SDK_VERSION: string = (
  JSON.parse(readFileSync(join(SDK_DIR, 'package.json'), 'utf8')) as { version: string }
).version
const MESSAGES_DTS = join(SDK_DIR, 'resources/messages/messages.d.ts')

/**
 * Every request type lives in `messages.d.ts` itself, so the program holds only that file and a minimal
 * standard library: no imports followed, no `@types/node` (the full program takes ~10 s on a busy machine,
 * this one well under a second).
 */
const MINI_LIB = '/__anthropic_conformance_lib.d.ts'
const MINI_LIB_TEXT = [
  'interface Array<T> { length: number; [n: number]: T }',
  'interface ReadonlyArray<T> { readonly length: number; readonly [n: number]: T }',
  'interface Boolean {}',
  'interface Function {}',
  'interface CallableFunction {}',
  'interface NewableFunction {}',
  'interface IArguments {}',
  'interface Number {}',
  'interface Object {}',
  'interface RegExp {}',
  'interface String {}',
  'interface Promise<T> {}',
].join('\n')
const options: ts.CompilerOptions = { noLib: true, noResolve: true, noEmit: true, skipLibCheck: true, types: [] }
const host = ts.createCompilerHost(options)
const readSource = host.getSourceFile.bind(host)
host.getSourceFile = (fileName, languageVersion, onError) =>
  fileName === MINI_LIB
    ? ts.createSourceFile(fileName, MINI_LIB_TEXT, languageVersion)
    : readSource(fileName, languageVersion, onError)
const program = ts.createProgram([MESSAGES_DTS, MINI_LIB], options, host)
const checker = program.getTypeChecker()
const source = program.getSourceFile(MESSAGES_DTS)
if (source === undefined) throw new Error(`anthropic-sdk-types: cannot read ${MESSAGES_DTS}`)

/** The declared type of an exported interface or type alias of `resources/messages/messages.d.ts`. */
export function sdkType(name: string): ts.Type {
  for (const statement of (source as ts.SourceFile).statements) {
    if ((ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && statement.name.text === name)
      return checker.getTypeAtLocation(statement.name)
  }
  throw new Error(`anthropic-sdk-types: ${name} is not declared by @anthropic-ai/sdk ${SDK_VERSION}`)
}

interface Field {
  readonly type: ts.Type
  readonly optional: boolean
  readonly header: boolean
}

const fieldCache = new Map<ts.Type, ReadonlyMap<string, Field>>()

/** The properties of an object type (cached): name → type, optional, header-only. */
export function fieldsOf(type: ts.Type): ReadonlyMap<string, Field> {
  const fields = fieldCache.get(type)
  if (fields !== undefined) return fields
  const map = new Map<string, Field>()
  for (const property of checker.getPropertiesOfType(type)) {
    const docs = ts.displayPartsToString(property.getDocumentationComment(checker))
    map.set(property.name, {
      type: checker.getTypeOfSymbol(property),
      optional: (property.flags & ts.SymbolFlags.Optional) !== 0,
      header: docs.startsWith('Header param:'),
    })
  }
  fieldCache.set(type, map)
  return map
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function members(type: ts.Type): readonly ts.Type[] {
  return type.isUnion() ? type.types : [type]
}

function isStringLike(type: ts.Type): boolean {
  if ((type.flags & (ts.TypeFlags.String | ts.TypeFlags.TemplateLiteral)) !== 0) return true
  return type.isIntersection() && type.types.some((part) => (part.flags & ts.TypeFlags.String) !== 0)
}

function isFree(type: ts.Type): boolean {
  return (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0
}

function isArray(type: ts.Type): boolean {
  return checker.isArrayType(type) || checker.isTupleType(type)
}

function isObjectType(type: ts.Type): boolean {
  return (type.flags & ts.TypeFlags.Object) !== 0 && !isArray(type)
}

/** The literal values a member's `key` property takes (`['text']`), or `undefined` when it has none. */
function tagsOf(type: ts.Type, key = 'type'): readonly string[] | undefined {
  const tag = fieldsOf(type).get(key)
  if (tag === undefined) return undefined
  const values = members(tag.type)
    .filter((part) => part.isStringLiteral())
    .map((part) => part.value)
  return values.length > 0 ? values : undefined
}

function describe(type: ts.Type): string {
  return checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation).slice(0, 200)
}

function checkObject(
  value: Record<string, unknown>,
  type: ts.Type,
  path: string,
  out: TypeProblem[],
  topLevel: boolean,
): void {
  if (checker.getIndexInfosOfType(type).length > 0) return
  const fields = fieldsOf(type)
  for (const [key, field] of fields) {
    if (!field.optional && !field.header && value[key] === undefined)
      out.push({ path: `${path}.${key}`, rule: 'required', message: `'${key}' is required` })
  }
  for (const [key, child] of Object.entries(value)) {
    const field = fields.get(key)
    if (field === undefined || (topLevel && field.header)) {
      out.push({ path: `${path}.${key}`, rule: 'unknown_key', message: `'${key}' is not a field of ${describe(type)}` })
      continue
    }
    checkValue(child, field.type, `${path}.${key}`, out)
  }
}

function checkUnion(value: unknown, type: ts.Type, path: string, out: TypeProblem[]): void {
  const options = members(type)
  if (value === null) {
    if (!options.some((part) => (part.flags & ts.TypeFlags.Null) !== 0))
      out.push({ path, rule: 'type', message: `null is not allowed here (${describe(type)})` })
    return
  }
  if (typeof value === 'string') {
    if (options.some(isStringLike)) return
    const literals = options.filter((part) => part.isStringLiteral()).map((part) => part.value)
    if (literals.includes(value)) return
    out.push(
      literals.length > 0
        ? { path, rule: 'enum', message: `'${value}' is not one of ${literals.join(', ')}` }
        : { path, rule: 'type', message: `a string is not allowed here (${describe(type)})` },
    )
    return
  }
  if (typeof value === 'number') {
    if (options.some((part) => (part.flags & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral)) !== 0)) return
    out.push({ path, rule: 'type', message: `a number is not allowed here (${describe(type)})` })
    return
  }
  if (typeof value === 'boolean') {
    if (options.some((part) => (part.flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) !== 0)) return
    out.push({ path, rule: 'type', message: `a boolean is not allowed here (${describe(type)})` })
    return
  }
  const candidates = options.filter(Array.isArray(value) ? isArray : isObjectType)
  if (candidates.length === 0) {
    out.push({
      path,
      rule: 'type',
      message: `${Array.isArray(value) ? 'an array' : 'an object'} is not allowed here (${describe(type)})`,
    })
    return
  }
  let pool = candidates
  // Tagged unions: content blocks and tools by `type`, messages by `role`.
  for (const key of ['type', 'role']) {
    const tag = isObject(value) ? value[key] : undefined
    if (typeof tag !== 'string') continue
    const tagged = candidates.filter((part) => tagsOf(part, key)?.includes(tag) === true)
    if (tagged.length > 0) {
      pool = tagged
      break
    }
    if (candidates.every((part) => tagsOf(part, key) !== undefined && fieldsOf(part).get(key)?.optional !== true)) {
      const known = [...new Set(candidates.flatMap((part) => tagsOf(part, key) ?? []))]
      out.push({ path: `${path}.${key}`, rule: 'union', message: `'${tag}' is not one of ${known.join(', ')}` })
      return
    }
  }
  let best: TypeProblem[] | undefined
  for (const option of pool) {
    const attempt: TypeProblem[] = []
    checkValue(value, option, path, attempt)
    if (attempt.length === 0) return
    if (best === undefined || attempt.length < best.length) best = attempt
  }
  out.push(...(best ?? []))
}

/** Appends to `out` every way `value` differs from the SDK type `type`, at JSON paths under `path`. */
export function checkValue(value: unknown, type: ts.Type, path: string, out: TypeProblem[], topLevel = false): void {
  if (isFree(type)) return
  if (
    type.isUnion() ||
    type.isStringLiteral() ||
    (type.flags & (ts.TypeFlags.String | ts.TypeFlags.Number | ts.TypeFlags.Boolean | ts.TypeFlags.Null)) !== 0 ||
    type.isIntersection()
  ) {
    if (type.isIntersection() && !isStringLike(type)) {
      for (const part of type.types) checkValue(value, part, path, out)
      return
    }
    return checkUnion(value, type, path, out)
  }
  if (isArray(type)) {
    if (!Array.isArray(value)) return void out.push({ path, rule: 'type', message: 'an array is required' })
    const element = checker.getTypeArguments(type as ts.TypeReference)[0]
    if (element !== undefined) value.forEach((item, index) => checkValue(item, element, `${path}[${index}]`, out))
    return
  }
  if (isObjectType(type)) {
    if (!isObject(value))
      return void out.push({ path, rule: 'type', message: `an object is required (${describe(type)})` })
    return checkObject(value, type, path, out, topLevel)
  }
}
