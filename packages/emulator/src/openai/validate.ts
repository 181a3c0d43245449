/**
 * Validates a chat-completions body the way api.openai.com does, as far as practical
 * (`CreateChatCompletionRequest` in openai/openai-openapi `openapi.yaml`; the reasoning models' rules as
 * vercel/ai `packages/openai/src/chat/openai-chat-language-model.ts` applies them): unknown top-level keys,
 * types and ranges, roles and content
 * parts, tool messages answering a preceding call, `stream_options` only with `stream`, the reasoning
 * models' rejections, unknown models (404), and a compatible service's quirks.
 * Wording follows OpenAI's known messages; where none is documented the wording is assumed (marked).
 */
import { isRetired, type ModelRow } from '../model-types.js'
import { badRequest, modelNotFound, unrecognizedArgument, type OpenAIErrorReply } from './errors.js'
import type { OpenAIEmulatorQuirks } from './types.js'

type Json = Record<string, unknown>

/** `ChatCompletionCreateParams` keys of openai 6.49 (test/openai checks this list against the package's types). */
export const OPENAI_CHAT_PARAMS: readonly string[] = [
  'messages',
  'model',
  'audio',
  'frequency_penalty',
  'function_call',
  'functions',
  'logit_bias',
  'logprobs',
  'max_completion_tokens',
  'max_tokens',
  'metadata',
  'modalities',
  'moderation',
  'n',
  'parallel_tool_calls',
  'prediction',
  'presence_penalty',
  'prompt_cache_key',
  'prompt_cache_options',
  'prompt_cache_retention',
  'reasoning_effort',
  'response_format',
  'safety_identifier',
  'seed',
  'service_tier',
  'stop',
  'store',
  'stream',
  'stream_options',
  'temperature',
  'tool_choice',
  'tools',
  'top_logprobs',
  'top_p',
  'user',
  'verbosity',
  'web_search_options',
]
const KNOWN = new Set(OPENAI_CHAT_PARAMS)

/** Message keys per role (openai 6.49 `ChatCompletion*MessageParam`). */
export const OPENAI_MESSAGE_KEYS: Readonly<Record<string, readonly string[]>> = {
  developer: ['role', 'content', 'name'],
  system: ['role', 'content', 'name'],
  user: ['role', 'content', 'name'],
  assistant: ['role', 'audio', 'content', 'function_call', 'name', 'refusal', 'tool_calls'],
  tool: ['role', 'content', 'tool_call_id'],
  function: ['role', 'content', 'name'],
}
const ROLES = ['system', 'assistant', 'user', 'function', 'tool', 'developer']

/** Content part types per role. */
const PART_TYPES: Readonly<Record<string, readonly string[]>> = {
  developer: ['text'],
  system: ['text'],
  user: ['text', 'image_url', 'input_audio', 'file'],
  assistant: ['text', 'refusal'],
  tool: ['text'],
}

const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/

/** What `validateOpenAIChatRequest` needs besides the body. */
export interface ValidationContext {
  /** The model catalogue: id → capability row; features a row lacks are refused as the API refuses them. */
  readonly models: Readonly<Record<string, ModelRow>>
  /** More ids served with every feature (no row): the emulator's `extraModels` option. */
  readonly extraModels: ReadonlySet<string>
  /** The service's deviations from OpenAI (refused parameters, error wording), e.g. `GROQ_QUIRKS`. */
  readonly quirks: OpenAIEmulatorQuirks
  /** Clock for shutdown dates (ms since the epoch): a row shut down by then answers 404. Default `Date.now()`. */
  readonly now?: number
}

/** The verdict: the model's row, or the error answer the API would send. */
export type OpenAIValidation =
  | {
      /** The body is valid. */
      readonly ok: true
      /** The model's row; `undefined` for an id served through `extraModels`. */
      readonly row: ModelRow | undefined
    }
  | ({
      /** The body is refused; the other fields are the error answer. */
      readonly ok: false
    } & OpenAIErrorReply)

class Rejection extends Error {
  constructor(readonly reply: OpenAIErrorReply) {
    super(JSON.stringify(reply.body))
  }
}

function reject(message: string, param: string | null = null, code: string | null = null): never {
  throw new Rejection(badRequest(message, param, code))
}

function typeName(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a decimal'
  if (typeof value === 'object') return 'an object'
  return `a ${typeof value}`
}

function invalidType(param: string, expected: string, value: unknown): never {
  reject(
    `Invalid type for '${param}': expected ${expected}, but got ${typeName(value)} instead.`,
    param,
    'invalid_type',
  )
}

function listValues(values: readonly string[]): string {
  const quoted = values.map((value) => `'${value}'`)
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')}, and ${quoted[quoted.length - 1]}`
}

function invalidValue(param: string, value: unknown, supported: readonly string[]): never {
  reject(`Invalid value: '${String(value)}'. Supported values are: ${listValues(supported)}.`, param, 'invalid_value')
}

function checkNumber(body: Json, key: string, range: { min?: number; max?: number; integer?: boolean }): void {
  const value = body[key]
  if (value === undefined || value === null) return
  const kind = range.integer === true ? 'integer' : 'decimal'
  if (typeof value !== 'number' || !Number.isFinite(value) || (range.integer === true && !Number.isInteger(value))) {
    invalidType(key, range.integer === true ? 'an integer' : 'a decimal', value)
  }
  if (range.min !== undefined && value < range.min) {
    reject(
      `Invalid '${key}': ${kind} below minimum value. Expected a value >= ${range.min}, but got ${value} instead.`,
      key,
      `${kind}_below_min_value`,
    )
  }
  if (range.max !== undefined && value > range.max) {
    reject(
      `Invalid '${key}': ${kind} above maximum value. Expected a value <= ${range.max}, but got ${value} instead.`,
      key,
      `${kind}_above_max_value`,
    )
  }
}

function checkBoolean(body: Json, key: string): void {
  const value = body[key]
  if (value !== undefined && value !== null && typeof value !== 'boolean') invalidType(key, 'a boolean', value)
}

function checkString(body: Json, key: string, param = key, values?: readonly string[]): void {
  const value = body[key]
  if (value === undefined || value === null) return
  if (typeof value !== 'string') invalidType(param, 'a string', value)
  if (values !== undefined && !values.includes(value)) invalidValue(param, value, values)
}

function checkObject(body: Json, key: string, param = key): Json | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'object' || Array.isArray(value)) invalidType(param, 'an object', value)
  return value as Json
}

/** OpenAI's JSON-schema layer wording for a nested unknown key (assumed for nested objects). */
function checkKeys(value: Json, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key))
      reject(`Additional properties are not allowed ('${key}' was unexpected) - '${path}'`, path)
  }
}

function checkParts(parts: unknown[], role: string, path: string): void {
  const allowed = PART_TYPES[role] ?? ['text']
  if (parts.length === 0 && role !== 'assistant')
    reject(
      `Invalid '${path}': empty array. Expected an array with minimum length 1, but got an empty array instead.`,
      path,
      'empty_array',
    )
  parts.forEach((part, index) => {
    const partPath = `${path}[${index}]`
    if (typeof part !== 'object' || part === null || Array.isArray(part)) invalidType(partPath, 'an object', part)
    const record = part as Json
    if (!allowed.includes(String(record.type))) invalidValue(`${partPath}.type`, record.type, allowed)
    const cacheKeys = ['type', 'prompt_cache_breakpoint']
    switch (record.type) {
      case 'text':
        checkKeys(record, [...cacheKeys, 'text'], partPath)
        if (typeof record.text !== 'string') invalidType(`${partPath}.text`, 'a string', record.text)
        return
      case 'refusal':
        checkKeys(record, ['type', 'refusal'], partPath)
        if (typeof record.refusal !== 'string') invalidType(`${partPath}.refusal`, 'a string', record.refusal)
        return
      case 'image_url': {
        checkKeys(record, [...cacheKeys, 'image_url'], partPath)
        const image = checkObject(record, 'image_url', `${partPath}.image_url`)
        if (image === undefined || typeof image.url !== 'string')
          reject(
            `Missing required parameter: '${partPath}.image_url.url'.`,
            `${partPath}.image_url.url`,
            'missing_required_parameter',
          )
        checkKeys(image, ['url', 'detail'], `${partPath}.image_url`)
        // Live 400 quoted in https://github.com/Alibaba-NLP/OmniSearch/issues/3 (2025-02): a URL that is
        // neither http(s) nor a data URL. Data URLs are not inspected further (no source for those wordings).
        if (!/^(?:https?:\/\/|data:)/i.test(image.url.trim()))
          reject(
            `Invalid image URL: '${partPath}.image_url.url'. Expected a base64-encoded data URL with an image MIME type (e.g. 'data:image/png;base64,aW1nIGJ5dGVzIGhlcmU='), but got a value without the 'data:' prefix.`,
            `${partPath}.image_url.url`,
            'invalid_value',
          )
        checkString(image, 'detail', `${partPath}.image_url.detail`, ['auto', 'low', 'high'])
        return
      }
      case 'input_audio': {
        checkKeys(record, [...cacheKeys, 'input_audio'], partPath)
        const audio = checkObject(record, 'input_audio', `${partPath}.input_audio`)
        if (audio === undefined || typeof audio.data !== 'string')
          reject(
            `Missing required parameter: '${partPath}.input_audio.data'.`,
            `${partPath}.input_audio.data`,
            'missing_required_parameter',
          )
        checkString(audio, 'format', `${partPath}.input_audio.format`, ['wav', 'mp3'])
        return
      }
      case 'file': {
        checkKeys(record, [...cacheKeys, 'file'], partPath)
        const file = checkObject(record, 'file', `${partPath}.file`) ?? {}
        checkKeys(file, ['file_data', 'file_id', 'filename'], `${partPath}.file`)
        if (file.file_data === undefined && file.file_id === undefined)
          reject(
            `Missing required parameter: '${partPath}.file.file_id'.`,
            `${partPath}.file.file_id`,
            'missing_required_parameter',
          )
        return
      }
      default:
        invalidValue(`${partPath}.type`, record.type, allowed)
    }
  })
}

function checkContent(message: Json, role: string, path: string): void {
  const content = message.content
  const optional = role === 'assistant' || role === 'function'
  if (content === undefined || content === null) {
    if (optional) return
    reject(`Missing required parameter: '${path}.content'.`, `${path}.content`, 'missing_required_parameter')
  }
  if (typeof content === 'string') return
  if (!Array.isArray(content) || role === 'function')
    invalidType(`${path}.content`, role === 'function' ? 'a string' : 'one of a string or array of objects', content)
  checkParts(content as unknown[], role, `${path}.content`)
}

function checkToolCalls(message: Json, path: string): string[] {
  const calls = message.tool_calls
  if (calls === undefined || calls === null) return []
  if (!Array.isArray(calls)) invalidType(`${path}.tool_calls`, 'an array', calls)
  return calls.map((call: unknown, index) => {
    const callPath = `${path}.tool_calls[${index}]`
    if (typeof call !== 'object' || call === null) invalidType(callPath, 'an object', call)
    const record = call as Json
    checkKeys(record, ['id', 'type', 'function', 'custom'], callPath)
    if (typeof record.id !== 'string')
      reject(`Missing required parameter: '${callPath}.id'.`, `${callPath}.id`, 'missing_required_parameter')
    if (record.type !== 'function' && record.type !== 'custom')
      invalidValue(`${callPath}.type`, record.type, ['function', 'custom'])
    if (record.type === 'function') {
      const fn = checkObject(record, 'function', `${callPath}.function`)
      if (fn === undefined || typeof fn.name !== 'string')
        reject(
          `Missing required parameter: '${callPath}.function.name'.`,
          `${callPath}.function.name`,
          'missing_required_parameter',
        )
      // The tools' name rule holds in the history too: `messages[9].tool_calls[0].function.name` refused with
      // the same wording (https://github.com/mcp-use/mcp-use/issues/90, 2025-04).
      if (!FUNCTION_NAME.test(fn.name))
        reject(
          `Invalid '${callPath}.function.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.`,
          `${callPath}.function.name`,
          'invalid_value',
        )
      if (typeof fn.arguments !== 'string') invalidType(`${callPath}.function.arguments`, 'a string', fn.arguments)
      checkKeys(fn, ['name', 'arguments'], `${callPath}.function`)
    }
    return record.id
  })
}

function checkMessages(body: Json, quirks: OpenAIEmulatorQuirks): void {
  const messages = body.messages
  if (messages === undefined)
    reject("Missing required parameter: 'messages'.", 'messages', 'missing_required_parameter')
  if (!Array.isArray(messages)) invalidType('messages', 'an array', messages)
  if (messages.length === 0)
    reject(
      "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
      'messages',
      'empty_array',
    )
  /** Ids of the latest assistant tool calls still waiting for an answer, and where they were asked. */
  let pending: { ids: Set<string>; at: number } | undefined
  let answerable: Set<string> | undefined
  messages.forEach((message: unknown, index) => {
    const path = `messages[${index}]`
    if (typeof message !== 'object' || message === null || Array.isArray(message))
      invalidType(path, 'an object', message)
    const record = message as Json
    const role = record.role
    if (role === undefined)
      reject(`Missing required parameter: '${path}.role'.`, `${path}.role`, 'missing_required_parameter')
    if (typeof role !== 'string' || !ROLES.includes(role)) invalidValue(`${path}.role`, role, ROLES)
    if (quirks.rejectsDeveloperRole === true && role === 'developer') {
      reject(`'${path}.role' : value must be one of 'system', 'user', 'assistant', 'tool'`, `${path}.role`)
    }
    checkKeys(record, OPENAI_MESSAGE_KEYS[role] ?? [], path)
    if (quirks.rejectsMessageName === true && record.name !== undefined && role !== 'function') {
      reject(
        `'messages.${index}' : for 'role:${role}' the following must be satisfied[('messages.${index}.name' : property 'name' is unsupported)]`,
        `${path}.name`,
      )
    }
    if (record.name !== undefined && typeof record.name !== 'string')
      invalidType(`${path}.name`, 'a string', record.name)
    checkContent(record, role, path)
    if (role === 'tool') {
      if (typeof record.tool_call_id !== 'string')
        reject(
          `Missing required parameter: '${path}.tool_call_id'.`,
          `${path}.tool_call_id`,
          'missing_required_parameter',
        )
      if (answerable === undefined || !answerable.has(record.tool_call_id)) {
        reject(
          "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
          `messages.[${index}].role`,
        )
      }
      pending?.ids.delete(record.tool_call_id)
      return
    }
    if (pending !== undefined && pending.ids.size > 0) {
      reject(
        "An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. " +
          `The following tool_call_ids did not have response messages: ${[...pending.ids].join(', ')}`,
        `messages.[${pending.at}].role`,
      )
    }
    pending = undefined
    answerable = undefined
    if (role === 'assistant') {
      const ids = checkToolCalls(record, path)
      if (
        (record.content === undefined || record.content === null) &&
        ids.length === 0 &&
        record.function_call === undefined &&
        record.refusal === undefined
      ) {
        reject(`Invalid value for '${path}.content': expected a string, got null.`, `${path}.content`)
      }
      if (ids.length > 0) {
        pending = { ids: new Set(ids), at: index }
        answerable = new Set(ids)
      }
    }
  })
  if (pending !== undefined && pending.ids.size > 0) {
    reject(
      "An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. " +
        `The following tool_call_ids did not have response messages: ${[...pending.ids].join(', ')}`,
      `messages.[${pending.at}].role`,
    )
  }
}

function checkTools(body: Json, quirks: OpenAIEmulatorQuirks): void {
  const tools = body.tools
  if (tools !== undefined && tools !== null) {
    if (!Array.isArray(tools)) invalidType('tools', 'an array', tools)
    if (quirks.maxTools !== undefined && tools.length > quirks.maxTools)
      reject(`'tools' : maximum number of items is ${quirks.maxTools}`, 'tools')
    if (tools.length > 128)
      reject(
        `Invalid 'tools': array too long. Expected an array with maximum length 128, but got an array with length ${tools.length} instead.`,
        'tools',
        'array_above_max_length',
      )
    tools.forEach((tool: unknown, index) => {
      const path = `tools[${index}]`
      if (typeof tool !== 'object' || tool === null) invalidType(path, 'an object', tool)
      const record = tool as Json
      if (record.type !== 'function' && record.type !== 'custom')
        invalidValue(`${path}.type`, record.type, ['function', 'custom'])
      const key = record.type as string
      checkKeys(record, ['type', key], path)
      const definition = checkObject(record, key, `${path}.${key}`)
      if (definition === undefined)
        reject(`Missing required parameter: '${path}.${key}'.`, `${path}.${key}`, 'missing_required_parameter')
      checkKeys(
        definition,
        key === 'function' ? ['name', 'description', 'parameters', 'strict'] : ['name', 'description', 'format'],
        `${path}.${key}`,
      )
      if (typeof definition.name !== 'string')
        reject(
          `Missing required parameter: '${path}.${key}.name'.`,
          `${path}.${key}.name`,
          'missing_required_parameter',
        )
      // Live body quoted in https://github.com/brekkylab/ailoy/pull/109 (2025-06).
      if (!FUNCTION_NAME.test(definition.name)) {
        reject(
          `Invalid '${path}.${key}.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.`,
          `${path}.${key}.name`,
          'invalid_value',
        )
      }
      checkObject(definition, 'parameters', `${path}.${key}.parameters`)
    })
  }
  const choice = body.tool_choice
  if (choice === undefined || choice === null) return
  if ((tools === undefined || tools === null || (Array.isArray(tools) && tools.length === 0)) && choice !== 'none') {
    reject("Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.", 'tool_choice')
  }
  if (typeof choice === 'string') {
    if (!['none', 'auto', 'required'].includes(choice))
      invalidValue('tool_choice', choice, ['none', 'auto', 'required'])
    return
  }
  if (typeof choice !== 'object') invalidType('tool_choice', 'one of a string or object', choice)
  const record = choice as Json
  if (!['function', 'custom', 'allowed_tools'].includes(String(record.type)))
    invalidValue('tool_choice.type', record.type, ['function', 'custom', 'allowed_tools'])
  if (record.type === 'function') {
    const name = (record.function as Json | undefined)?.name
    if (typeof name !== 'string')
      reject(
        "Missing required parameter: 'tool_choice.function.name'.",
        'tool_choice.function.name',
        'missing_required_parameter',
      )
    const known = (tools as Json[]).some((tool) => (tool.function as Json | undefined)?.name === name)
    if (!known)
      reject(
        `Invalid value for 'tool_choice': no function named '${name}' was specified in the 'tools' parameter.`,
        'tool_choice',
      )
  }
}

function checkResponseFormat(body: Json): void {
  const format = checkObject(body, 'response_format')
  if (format === undefined) return
  const types = ['text', 'json_object', 'json_schema']
  if (!types.includes(String(format.type))) invalidValue('response_format.type', format.type, types)
  if (format.type !== 'json_schema') return checkKeys(format, ['type'], 'response_format')
  checkKeys(format, ['type', 'json_schema'], 'response_format')
  const schema = checkObject(format, 'json_schema', 'response_format.json_schema')
  if (schema === undefined)
    reject(
      "Missing required parameter: 'response_format.json_schema'.",
      'response_format.json_schema',
      'missing_required_parameter',
    )
  checkKeys(schema, ['name', 'description', 'schema', 'strict'], 'response_format.json_schema')
  if (typeof schema.name !== 'string')
    reject(
      "Missing required parameter: 'response_format.json_schema.name'.",
      'response_format.json_schema.name',
      'missing_required_parameter',
    )
  // The OpenAPI spec marks `schema` optional, but the API answers 400 without it: wording quoted in
  // https://github.com/openai/openai-python/issues/1869 (2024-11, the same JSONSchema object on /assistants).
  if (schema.schema === undefined || schema.schema === null)
    reject(
      "Missing required parameter: 'response_format.json_schema.schema'.",
      'response_format.json_schema.schema',
      'missing_required_parameter',
    )
  checkObject(schema, 'schema', 'response_format.json_schema.schema')
  if (!FUNCTION_NAME.test(schema.name)) {
    reject(
      "Invalid 'response_format.json_schema.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.",
      'response_format.json_schema.name',
      'invalid_value',
    )
  }
}

function checkParams(body: Json, quirks: OpenAIEmulatorQuirks): void {
  for (const key of Object.keys(body)) {
    if (!KNOWN.has(key)) throw new Rejection(unrecognizedArgument(key))
    if (
      quirks.rejectedParams?.includes(key) === true &&
      body[key] !== undefined &&
      body[key] !== null &&
      body[key] !== false
    ) {
      reject(`property '${key}' is unsupported`, key)
    }
  }
  if (typeof body.model !== 'string' || body.model === '') {
    reject('you must provide a model parameter', null)
  }
  checkNumber(body, 'temperature', { min: 0, max: 2 })
  checkNumber(body, 'top_p', { min: 0, max: 1 })
  checkNumber(body, 'frequency_penalty', { min: -2, max: 2 })
  checkNumber(body, 'presence_penalty', { min: -2, max: 2 })
  checkNumber(body, 'n', { min: 1, max: 128, integer: true })
  if (quirks.maxChoices !== undefined && typeof body.n === 'number' && body.n > quirks.maxChoices)
    reject(`'n' : number must be at most ${quirks.maxChoices}`, 'n')
  checkNumber(body, 'max_tokens', { min: 1, integer: true })
  checkNumber(body, 'max_completion_tokens', { min: 1, integer: true })
  checkNumber(body, 'seed', { integer: true })
  checkNumber(body, 'top_logprobs', { min: 0, max: 20, integer: true })
  for (const key of ['stream', 'logprobs', 'parallel_tool_calls', 'store']) checkBoolean(body, key)
  if (typeof body.top_logprobs === 'number' && body.logprobs !== true) {
    reject(
      "Invalid value for 'top_logprobs': 'logprobs' must be set to true when 'top_logprobs' is used.",
      'top_logprobs',
    )
  }
  const stop = body.stop
  if (stop !== undefined && stop !== null && typeof stop !== 'string') {
    if (!Array.isArray(stop) || stop.some((item) => typeof item !== 'string'))
      invalidType('stop', 'one of a string or array of strings', stop)
    if (stop.length > 4)
      reject(
        `Invalid 'stop': array too long. Expected an array with maximum length 4, but got an array with length ${stop.length} instead.`,
        'stop',
        'array_above_max_length',
      )
  }
  const streamOptions = checkObject(body, 'stream_options')
  if (streamOptions !== undefined) {
    if (body.stream !== true)
      reject("The 'stream_options' parameter is only allowed when 'stream' is enabled.", 'stream_options')
    checkKeys(streamOptions, ['include_usage', 'include_obfuscation'], 'stream_options')
    checkBoolean(streamOptions, 'include_usage')
    checkBoolean(streamOptions, 'include_obfuscation')
  }
  checkString(body, 'reasoning_effort', 'reasoning_effort', [
    'none',
    'minimal',
    'low',
    'medium',
    'high',
    'xhigh',
    'max',
  ])
  checkString(body, 'verbosity', 'verbosity', ['low', 'medium', 'high'])
  checkString(body, 'service_tier', 'service_tier', ['auto', 'default', 'flex', 'scale', 'priority', 'fast'])
  checkString(body, 'prompt_cache_retention', 'prompt_cache_retention', ['in_memory', '24h'])
  for (const key of ['user', 'prompt_cache_key', 'safety_identifier']) checkString(body, key)
  if (typeof body.safety_identifier === 'string' && body.safety_identifier.length > 64) {
    reject(
      `Invalid 'safety_identifier': string too long. Expected a string with maximum length 64, but got a string with length ${body.safety_identifier.length} instead.`,
      'safety_identifier',
      'string_above_max_length',
    )
  }
  const metadata = checkObject(body, 'metadata')
  if (metadata !== undefined && Object.keys(metadata).length > 16)
    reject("Invalid 'metadata': too many properties. Expected an object with at most 16 properties.", 'metadata')
  for (const key of ['logit_bias', 'prediction', 'audio', 'web_search_options', 'prompt_cache_options', 'moderation'])
    checkObject(body, key)
  checkResponseFormat(body)
  checkTools(body, quirks)
  checkMessages(body, quirks)
}

/** The content part types of every message (`image_url`, `file`, `input_audio`, …). */
function partTypes(body: Json): Set<string> {
  const types = new Set<string>()
  for (const message of Array.isArray(body.messages) ? body.messages : []) {
    const content = (message as Json | null)?.content
    if (!Array.isArray(content)) continue
    for (const part of content)
      if (typeof (part as Json | null)?.type === 'string') types.add((part as Json).type as string)
  }
  return types
}

/** What the model's row says it cannot take is refused as OpenAI refuses it: 400 naming the parameter. */
function checkFeatures(body: Json, row: ModelRow): void {
  const unsupported = (what: string, param: string): never =>
    reject(`Unsupported parameter: '${what}' is not supported with this model.`, param, 'unsupported_parameter')
  const parts = partTypes(body)
  if (!row.images && parts.has('image_url')) unsupported('image_url', 'messages')
  if (!row.documents && parts.has('file')) unsupported('file', 'messages')
  if (!row.audio && parts.has('input_audio')) unsupported('input_audio', 'messages')
  if (!row.tools && Array.isArray(body.tools) && body.tools.length > 0) unsupported('tools', 'tools')
  if (!row.n && typeof body.n === 'number' && body.n > 1) unsupported('n', 'n')
  if (!row.streaming && body.stream === true) unsupported('stream', 'stream')
  if (!row.prediction && body.prediction !== undefined && body.prediction !== null)
    unsupported('prediction', 'prediction')
  const format = (body.response_format as Json | null | undefined)?.type
  if (format === 'json_schema' && !row.jsonSchema) unsupported('response_format.json_schema', 'response_format')
  if (format === 'json_object' && !row.jsonMode) unsupported('response_format.json_object', 'response_format')
}

/** Rules of one model: reasoning models take max_completion_tokens, default sampling, their own efforts. */
function checkModel(body: Json, row: ModelRow): void {
  const effort = body.reasoning_effort
  if (!row.reasoning) {
    if (effort !== undefined && effort !== null)
      reject(
        "Unsupported parameter: 'reasoning_effort' is not supported with this model.",
        'reasoning_effort',
        'unsupported_parameter',
      )
    return
  }
  if (body.max_tokens !== undefined && body.max_tokens !== null) {
    reject(
      "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
      'max_tokens',
      'unsupported_parameter',
    )
  }
  const efforts = row.reasoningEfforts as readonly string[] | undefined
  if (typeof effort === 'string' && efforts !== undefined && !efforts.includes(effort)) {
    reject(
      `Unsupported value: 'reasoning_effort' does not support '${effort}' with this model. Supported values are: ${listValues(efforts)}.`,
      'reasoning_effort',
      'unsupported_value',
    )
  }
  // Sampling is back only at reasoning_effort 'none' (GPT-5.1 and later).
  if (effort === 'none') return
  for (const key of ['temperature', 'top_p']) {
    const value = body[key]
    if (typeof value === 'number' && value !== 1) {
      reject(
        `Unsupported value: '${key}' does not support ${value} with this model. Only the default (1) value is supported.`,
        key,
        'unsupported_value',
      )
    }
  }
}

/** Validates a parsed JSON body. */
export function validateOpenAIChatRequest(body: unknown, context: ValidationContext): OpenAIValidation {
  try {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      reject(
        "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. " +
          'The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you have trouble figuring out how to fix this, please contact us through our help center at help.openai.com.)',
      )
    }
    const record = body as Json
    checkParams(record, context.quirks)
    const model = record.model as string
    const row = Object.hasOwn(context.models, model) ? context.models[model] : undefined
    const shutDown = row !== undefined && isRetired(row, context.now ?? Date.now())
    if ((row === undefined && !context.extraModels.has(model)) || shutDown)
      return { ok: false, ...modelNotFound(model) }
    if (row !== undefined) {
      checkFeatures(record, row)
      checkModel(record, row)
    }
    return { ok: true, row }
  } catch (error) {
    if (error instanceof Rejection) return { ok: false, ...error.reply }
    throw error
  }
}
