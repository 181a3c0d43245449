/**
 * Gemini `generateContent` / `batchEmbedContents` request conformance check (test support).
 *
 * `checkGeminiGenerateRequest(body)` says whether a REST body is one the Gemini Developer API takes as far
 * as its SHAPE goes. The key sets are DERIVED at module load from `@google/genai` (2.32.0, pinned):
 * - for objects the SDK rebuilds on the way out, from its Developer-API ("mldev") converters in
 *   `dist/node/index.mjs` (`generateContentParametersToMldev`, `generateContentConfigToMldev`,
 *   `contentToMldev$1`, `partToMldev$1`, `toolToMldev$1`, …): the keys each one writes;
 * - for objects it passes through (Blob, FileData, FunctionResponse, FunctionDeclaration, ThinkingConfig,
 *   Schema), from the interfaces in `dist/genai.d.ts`;
 * - enums (Type, HarmCategory, HarmBlockThreshold, FunctionCallingConfigMode, ThinkingLevel) from
 *   `genai.d.ts`. Keys the converter refuses in Developer-API mode are therefore unknown here.
 * On top: a Part has exactly one data field, roles are `user`/`model`, `functionResponse.response` is an
 * object, `parameters` xor `parametersJsonSchema`, a response schema needs a JSON `responseMimeType`, the
 * documented ranges (temperature 0–2, topP 0–1, candidateCount ≥ 1, maxOutputTokens ≥ 1), function names
 * (SDK doc on `FunctionDeclaration.name`), and every function-response turn answers the call turn before it.
 * Our client sends camelCase only, so snake_case keys (which the API also parses) are reported.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export interface ConformanceViolation {
  path: string
  rule: string
  message: string
}

const require = createRequire(import.meta.url)
// The Node entry is `dist/node/index.cjs`; the converters live in `dist/node/index.mjs`, the types in `dist/genai.d.ts`.
const NODE_DIST = dirname(require.resolve('@google/genai'))
const JS = readFileSync(join(NODE_DIST, 'index.mjs'), 'utf8')
const DTS = readFileSync(join(NODE_DIST, '..', 'genai.d.ts'), 'utf8')

function functionBody(name: string): string {
  const start = JS.indexOf(`\nfunction ${name}(`)
  if (start < 0) throw new Error(`gemini-conformance: converter ${name} not found in @google/genai`)
  const end = JS.indexOf('\n}\n', start)
  return JS.slice(start, end)
}

/** First path element of every `setValueByPath(<target>, ['key'…` in a converter (keys starting with `_` are URL parts). */
export function converterKeys(name: string, target: 'toObject' | 'parentObject' = 'toObject'): Set<string> {
  const keys = new Set<string>()
  const pattern = new RegExp(`setValueByPath\\(${target}, \\[\\s*'([A-Za-z_\\[\\]]+)'`, 'g')
  for (const found of functionBody(name).matchAll(pattern)) {
    const key = (found[1] as string).replace('[]', '')
    if (!key.startsWith('_')) keys.add(key)
  }
  if (keys.size === 0) throw new Error(`gemini-conformance: no keys read from ${name}`)
  return keys
}

/** Keys of `requests[]` entries written by the embed converters. */
function embedRequestKeys(): Set<string> {
  const keys = new Set<string>()
  const body = functionBody('embedContentParametersPrivateToMldev') + functionBody('embedContentConfigToMldev')
  for (const found of body.matchAll(/setValueByPath\((?:toObject|parentObject), \['requests\[\]', '([A-Za-z]+)'\]/g))
    keys.add(found[1] as string)
  return keys
}

/** Property names of `interface <name>` in the SDK's declarations. */
export function sdkInterfaceKeys(name: string): Set<string> {
  const match = new RegExp(
    `^(?:export )?declare (?:interface|class) ${name} (?:extends [^{]+|implements [^{]+)?\\{$`,
    'm',
  ).exec(DTS)
  if (match === null) throw new Error(`gemini-conformance: interface ${name} not found in @google/genai`)
  const body = DTS.slice(match.index + match[0].length)
  const keys = new Set<string>()
  for (const found of body.slice(0, body.indexOf('\n}')).matchAll(/^ {4}([A-Za-z_$][A-Za-z0-9_$]*)\??:/gm))
    keys.add(found[1] as string)
  if (keys.size === 0) throw new Error(`gemini-conformance: no properties read from ${name}`)
  return keys
}

export function sdkEnum(name: string): Set<string> {
  const match = new RegExp(`^export declare enum ${name} \\{$`, 'm').exec(DTS)
  if (match === null) throw new Error(`gemini-conformance: enum ${name} not found in @google/genai`)
  const body = DTS.slice(match.index + match[0].length)
  return new Set(
    [...body.slice(0, body.indexOf('\n}')).matchAll(/^ {4}([A-Z_0-9]+) =/gm)].map((found) => found[1] as string),
  )
}

export const GEMINI_KEYS = {
  request: new Set([
    ...converterKeys('generateContentParametersToMldev'),
    ...converterKeys('generateContentConfigToMldev', 'parentObject'),
  ]),
  generationConfig: converterKeys('generateContentConfigToMldev'),
  content: converterKeys('contentToMldev$1'),
  part: converterKeys('partToMldev$1'),
  functionCall: converterKeys('functionCallToMldev$1'),
  tool: converterKeys('toolToMldev$1'),
  toolConfig: converterKeys('toolConfigToMldev'),
  functionCallingConfig: converterKeys('functionCallingConfigToMldev'),
  safetySetting: converterKeys('safetySettingToMldev$1'),
  blob: sdkInterfaceKeys('Blob_2'),
  fileData: sdkInterfaceKeys('FileData'),
  functionResponse: sdkInterfaceKeys('FunctionResponse'),
  functionDeclaration: sdkInterfaceKeys('FunctionDeclaration'),
  thinkingConfig: sdkInterfaceKeys('ThinkingConfig'),
  schema: sdkInterfaceKeys('Schema'),
  embedRequest: embedRequestKeys(),
} as const

export const GEMINI_ENUMS = {
  type: sdkEnum('Type'),
  harmCategory: sdkEnum('HarmCategory'),
  harmBlockThreshold: sdkEnum('HarmBlockThreshold'),
  mode: sdkEnum('FunctionCallingConfigMode'),
  thinkingLevel: sdkEnum('ThinkingLevel'),
} as const

/** Where any JSON may go (Struct / Value fields). */
export const FREE_FORM = [
  'functionCall.args',
  'functionResponse.response',
  'parametersJsonSchema',
  'responseJsonSchema',
  'schema.default',
  'schema.example',
]

type Json = Record<string, unknown>
type Add = (path: string, rule: string, message: string) => void
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const DATA_FIELDS = [
  'text',
  'inlineData',
  'fileData',
  'functionCall',
  'functionResponse',
  'executableCode',
  'codeExecutionResult',
  'toolCall',
  'toolResponse',
]
const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]{0,127}$/

function keys(value: unknown, allowed: ReadonlySet<string>, path: string, what: string, add: Add): value is Json {
  if (!isObject(value)) {
    add(path, 'type', `${what} must be an object`)
    return false
  }
  for (const key of Object.keys(value))
    if (!allowed.has(key)) add(`${path}.${key}`, 'unknown_key', `'${key}' is not a ${what} field`)
  return true
}

function list(value: unknown, path: string, add: Add): unknown[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) {
    add(path, 'type', 'must be a list')
    return []
  }
  return value
}

function checkEnum(value: unknown, values: ReadonlySet<string>, path: string, add: Add, caseInsensitive = false): void {
  if (value === undefined) return
  const text = typeof value === 'string' && caseInsensitive ? value.toUpperCase() : value
  if (typeof text !== 'string' || !values.has(text))
    add(path, 'enum', `${JSON.stringify(value)} is not one of ${[...values].join(', ')}`)
}

function checkSchema(schema: unknown, path: string, add: Add): void {
  if (!keys(schema, GEMINI_KEYS.schema, path, 'Schema', add)) return
  checkEnum(schema.type, GEMINI_ENUMS.type, `${path}.type`, add, true)
  if (schema.properties !== undefined) {
    if (!isObject(schema.properties)) add(`${path}.properties`, 'type', 'properties is a map')
    else
      for (const [name, child] of Object.entries(schema.properties))
        checkSchema(child, `${path}.properties.${name}`, add)
  }
  if (schema.items !== undefined) checkSchema(schema.items, `${path}.items`, add)
  list(schema.anyOf, `${path}.anyOf`, add).forEach((child, index) => checkSchema(child, `${path}.anyOf[${index}]`, add))
}

function checkPart(part: unknown, path: string, role: string | undefined, add: Add): void {
  if (!keys(part, GEMINI_KEYS.part, path, 'Part', add)) return
  const data = DATA_FIELDS.filter((field) => part[field] !== undefined)
  if (data.length !== 1)
    add(path, 'oneof', `a Part carries exactly one data field (has ${data.length}: ${data.join(', ')})`)
  if (part.text !== undefined && typeof part.text !== 'string') add(`${path}.text`, 'type', 'text is a string')
  if (part.inlineData !== undefined && keys(part.inlineData, GEMINI_KEYS.blob, `${path}.inlineData`, 'Blob', add)) {
    if (typeof part.inlineData.mimeType !== 'string' || typeof part.inlineData.data !== 'string')
      add(`${path}.inlineData`, 'required', 'inlineData needs mimeType and base64 data')
  }
  if (part.fileData !== undefined && keys(part.fileData, GEMINI_KEYS.fileData, `${path}.fileData`, 'FileData', add)) {
    if (typeof part.fileData.fileUri !== 'string') add(`${path}.fileData.fileUri`, 'required', 'fileData needs fileUri')
  }
  if (
    part.functionCall !== undefined &&
    keys(part.functionCall, GEMINI_KEYS.functionCall, `${path}.functionCall`, 'FunctionCall', add)
  ) {
    if (role !== 'model') add(`${path}.functionCall`, 'role', 'function calls belong to model turns')
    if (part.functionCall.args !== undefined && !isObject(part.functionCall.args))
      add(`${path}.functionCall.args`, 'type', 'args is an object')
  }
  const response = part.functionResponse
  if (
    response !== undefined &&
    keys(response, GEMINI_KEYS.functionResponse, `${path}.functionResponse`, 'FunctionResponse', add)
  ) {
    if (role !== 'user') add(`${path}.functionResponse`, 'role', 'function responses belong to user turns')
    if (typeof response.name !== 'string' || response.name === '')
      add(`${path}.functionResponse.name`, 'required', 'functionResponse needs the function name')
    if (!isObject(response.response)) add(`${path}.functionResponse.response`, 'type', 'response must be a JSON object')
  }
  if (part.thoughtSignature !== undefined && typeof part.thoughtSignature !== 'string')
    add(`${path}.thoughtSignature`, 'type', 'thoughtSignature is base64 text')
}

function checkContent(content: unknown, path: string, add: Add, system = false): void {
  if (!keys(content, GEMINI_KEYS.content, path, 'Content', add)) return
  if (!system && content.role !== 'user' && content.role !== 'model')
    add(`${path}.role`, 'enum', `role must be user or model (got ${String(content.role)})`)
  const parts = list(content.parts, `${path}.parts`, add)
  if (parts.length === 0) add(`${path}.parts`, 'required', 'a Content needs at least one part')
  parts.forEach((part, index) =>
    checkPart(part, `${path}.parts[${index}]`, system ? 'user' : (content.role as string), add),
  )
}

const parts = (content: unknown): Json[] =>
  isObject(content) && Array.isArray(content.parts) ? content.parts.filter(isObject) : []

/** Responses answer the calls of the model turns just before; consecutive turns of one role count as one (the API merges them). */
function checkTurns(contents: unknown[], add: Add): void {
  const role = (index: number): unknown => (isObject(contents[index]) ? contents[index].role : undefined)
  contents.forEach((content, index) => {
    if (index > 0 && role(index - 1) === role(index)) return
    let answers = 0
    for (let after = index; after < contents.length && role(after) === role(index); after++)
      answers += parts(contents[after]).filter((part) => part.functionResponse !== undefined).length
    if (answers === 0) return
    let asked = 0
    for (let before = index - 1; before >= 0 && role(before) === 'model'; before--)
      asked += parts(contents[before]).filter((part) => part.functionCall !== undefined).length
    if (asked !== answers)
      add(
        `$.contents[${index}]`,
        'function_responses',
        `${answers} function responses answer ${asked} calls of the turns before`,
      )
  })
}

function checkTools(tools: unknown, add: Add): void {
  list(tools, '$.tools', add).forEach((tool, index) => {
    const path = `$.tools[${index}]`
    if (!keys(tool, GEMINI_KEYS.tool, path, 'Tool', add)) return
    list(tool.functionDeclarations, `${path}.functionDeclarations`, add).forEach((declaration, position) => {
      const at = `${path}.functionDeclarations[${position}]`
      if (!keys(declaration, GEMINI_KEYS.functionDeclaration, at, 'FunctionDeclaration', add)) return
      if (typeof declaration.name !== 'string' || !NAME.test(declaration.name))
        add(`${at}.name`, 'pattern', 'function names: a letter or _, then [A-Za-z0-9_.:-], at most 128')
      if (declaration.parameters !== undefined && declaration.parametersJsonSchema !== undefined)
        add(at, 'exclusive', 'parameters and parametersJsonSchema are mutually exclusive')
      if (declaration.parameters !== undefined) checkSchema(declaration.parameters, `${at}.parameters`, add)
    })
  })
}

function checkToolConfig(config: unknown, add: Add): void {
  if (config === undefined || !keys(config, GEMINI_KEYS.toolConfig, '$.toolConfig', 'ToolConfig', add)) return
  const calling = config.functionCallingConfig
  if (
    calling === undefined ||
    !keys(
      calling,
      GEMINI_KEYS.functionCallingConfig,
      '$.toolConfig.functionCallingConfig',
      'FunctionCallingConfig',
      add,
    )
  )
    return
  checkEnum(calling.mode, GEMINI_ENUMS.mode, '$.toolConfig.functionCallingConfig.mode', add)
}

const RANGES: Readonly<Record<string, { min?: number; max?: number; integer?: boolean }>> = {
  temperature: { min: 0, max: 2 },
  topP: { min: 0, max: 1 },
  topK: { min: 1, integer: true },
  candidateCount: { min: 1, integer: true },
  maxOutputTokens: { min: 1, integer: true },
  seed: { integer: true },
  logprobs: { min: 0, max: 20, integer: true },
}

function checkGenerationConfig(config: unknown, add: Add): void {
  if (
    config === undefined ||
    !keys(config, GEMINI_KEYS.generationConfig, '$.generationConfig', 'GenerationConfig', add)
  )
    return
  for (const [key, range] of Object.entries(RANGES)) {
    const value = config[key]
    if (value === undefined) continue
    if (typeof value !== 'number' || (range.integer === true && !Number.isInteger(value)))
      add(`$.generationConfig.${key}`, 'type', `${key} must be a number`)
    else if ((range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max))
      add(`$.generationConfig.${key}`, 'range', `${key} = ${value} is out of range`)
  }
  if (
    (config.responseSchema !== undefined || config.responseJsonSchema !== undefined) &&
    config.responseMimeType !== 'application/json' &&
    config.responseMimeType !== 'text/x.enum'
  )
    add('$.generationConfig.responseMimeType', 'required', 'a response schema needs responseMimeType application/json')
  if (config.responseSchema !== undefined && config.responseJsonSchema !== undefined)
    add('$.generationConfig', 'exclusive', 'responseSchema and responseJsonSchema are mutually exclusive')
  if (config.responseSchema !== undefined) checkSchema(config.responseSchema, '$.generationConfig.responseSchema', add)
  if (
    config.stopSequences !== undefined &&
    (!Array.isArray(config.stopSequences) || config.stopSequences.some((stop) => typeof stop !== 'string'))
  )
    add('$.generationConfig.stopSequences', 'type', 'stopSequences is a list of strings')
  const thinking = config.thinkingConfig
  if (
    thinking !== undefined &&
    keys(thinking, GEMINI_KEYS.thinkingConfig, '$.generationConfig.thinkingConfig', 'ThinkingConfig', add)
  ) {
    checkEnum(
      thinking.thinkingLevel,
      GEMINI_ENUMS.thinkingLevel,
      '$.generationConfig.thinkingConfig.thinkingLevel',
      add,
    )
    if (thinking.thinkingLevel !== undefined && thinking.thinkingBudget !== undefined)
      add('$.generationConfig.thinkingConfig', 'exclusive', 'thinkingLevel and thinkingBudget are mutually exclusive')
  }
}

export function checkGeminiGenerateRequest(body: unknown): ConformanceViolation[] {
  const violations: ConformanceViolation[] = []
  const add: Add = (path, rule, message) => violations.push({ path, rule, message })
  if (!keys(body, GEMINI_KEYS.request, '$', 'GenerateContentRequest', add)) return violations
  const contents = list(body.contents, '$.contents', add)
  if (contents.length === 0) add('$.contents', 'required', 'contents must be a non-empty list')
  contents.forEach((content, index) => checkContent(content, `$.contents[${index}]`, add))
  checkTurns(contents, add)
  if (body.systemInstruction !== undefined) checkContent(body.systemInstruction, '$.systemInstruction', add, true)
  checkTools(body.tools, add)
  checkToolConfig(body.toolConfig, add)
  checkGenerationConfig(body.generationConfig, add)
  list(body.safetySettings, '$.safetySettings', add).forEach((setting, index) => {
    const path = `$.safetySettings[${index}]`
    if (!keys(setting, GEMINI_KEYS.safetySetting, path, 'SafetySetting', add)) return
    checkEnum(setting.category, GEMINI_ENUMS.harmCategory, `${path}.category`, add)
    checkEnum(setting.threshold, GEMINI_ENUMS.harmBlockThreshold, `${path}.threshold`, add)
  })
  return violations
}

export function checkGeminiEmbedRequest(body: unknown, batch = true): ConformanceViolation[] {
  const violations: ConformanceViolation[] = []
  const add: Add = (path, rule, message) => violations.push({ path, rule, message })
  const requests = batch
    ? keys(body, new Set(['requests']), '$', 'BatchEmbedContentsRequest', add)
      ? list(body.requests, '$.requests', add)
      : []
    : [body]
  if (batch && requests.length === 0) add('$.requests', 'required', 'requests must be a non-empty list')
  requests.forEach((request, index) => {
    const path = batch ? `$.requests[${index}]` : '$'
    if (!keys(request, GEMINI_KEYS.embedRequest, path, 'EmbedContentRequest', add)) return
    if (request.content === undefined) add(`${path}.content`, 'required', 'content is required')
    else if (keys(request.content, GEMINI_KEYS.content, `${path}.content`, 'Content', add))
      list(request.content.parts, `${path}.content.parts`, add).forEach((part, partIndex) =>
        checkPart(part, `${path}.content.parts[${partIndex}]`, 'user', add),
      )
    const size = request.outputDimensionality
    if (size !== undefined && (typeof size !== 'number' || !Number.isInteger(size) || size < 1))
      add(`${path}.outputDimensionality`, 'range', 'outputDimensionality is a positive integer')
  })
  return violations
}

export function formatViolations(violations: readonly ConformanceViolation[]): string {
  return violations.map((violation) => `${violation.path} [${violation.rule}] ${violation.message}`).join('\n')
}

/** Throws with every violation when the body would not pass the Gemini API's request parsing. */
export function assertGeminiRequest(body: unknown, action: string): void {
  const violations = action.includes('mbed')
    ? checkGeminiEmbedRequest(body, action === 'batchEmbedContents')
    : checkGeminiGenerateRequest(body)
  if (violations.length > 0)
    throw new Error(`Not a valid Gemini ${action} request:\n${formatViolations(violations)}\n${JSON.stringify(body)}`)
}
