/**
 * OpenAI chat-completions request conformance check (test support).
 *
 * `checkOpenAIChatRequest(body)` says whether a wire body is one api.openai.com would accept as far as
 * the body's SHAPE goes. The key whitelists are DERIVED at module load from the official `openai`
 * package's type declarations (`resources/chat/completions/completions.d.ts`, openai 6.49): the
 * properties of `ChatCompletionCreateParamsBase`, of each `ChatCompletion*MessageParam`, of
 * `ChatCompletionStreamOptions` and of the content parts. An SDK upgrade that adds or removes a field
 * changes the whitelist with it. On top of the keys: the spec's ranges (`CreateChatCompletionRequest` in
 * openai/openai-openapi `openapi.yaml`),
 * closed enums, tool/function name pattern (in `tools` and in the history's tool calls), `stream_options`
 * only with `stream: true`, tool messages answering a call id of the preceding assistant message (and every
 * call answered), image URLs that are http(s) or data URLs, and `json_schema` formats carrying a `schema`.
 *
 * Paths are JSON paths on the wire body: `$.messages[2].tool_call_id`.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { text } from './text.js'
import { dirname, join } from 'node:path'

export interface ConformanceViolation {
  path: string
  rule: string
  message: string
}

const require = createRequire(import.meta.url)
const DTS = readFileSync(
  join(dirname(require.resolve('openai')), 'resources/chat/completions/completions.d.ts'),
  'utf8',
)

/** Property names (and whether optional) of `interface <name> {…}` in the declarations. */
export function interfaceKeys(name: string, source: string = DTS): Map<string, boolean> {
  const match = new RegExp(`^( *)(?:export )?interface ${name} (?:extends [^{]+)?\\{$`, 'm').exec(source)
  if (match === null) throw new Error(`openai-conformance: interface ${name} not found in the openai package's types`)
  const indent = match[1] ?? ''
  const keys = new Map<string, boolean>()
  const body = source.slice(match.index + match[0].length)
  const end = body.indexOf(`\n${indent}}`)
  const property = new RegExp(`^${indent}    ([a-z_][a-z0-9_]*)(\\??):`, 'gm')
  for (const found of body.slice(0, end).matchAll(property)) keys.set(found[1] as string, found[2] === '?')
  if (keys.size === 0) throw new Error(`openai-conformance: no properties read from ${name}`)
  return keys
}

/** Top-level keys of `ChatCompletionCreateParams` (derived). */
export const OPENAI_PARAM_KEYS: ReadonlySet<string> = new Set(interfaceKeys('ChatCompletionCreateParamsBase').keys())

const MESSAGE_INTERFACES: Readonly<Record<string, string>> = {
  developer: 'ChatCompletionDeveloperMessageParam',
  system: 'ChatCompletionSystemMessageParam',
  user: 'ChatCompletionUserMessageParam',
  assistant: 'ChatCompletionAssistantMessageParam',
  tool: 'ChatCompletionToolMessageParam',
  function: 'ChatCompletionFunctionMessageParam',
}
/** Keys per role (derived); `true` = optional. */
export const OPENAI_MESSAGE_KEYS: ReadonlyMap<string, Map<string, boolean>> = new Map(
  Object.entries(MESSAGE_INTERFACES).map(([role, name]) => [role, interfaceKeys(name)]),
)
const STREAM_OPTION_KEYS = new Set(interfaceKeys('ChatCompletionStreamOptions').keys())
const PART_KEYS: Readonly<Record<string, ReadonlySet<string>>> = {
  text: new Set(interfaceKeys('ChatCompletionContentPartText').keys()),
  image_url: new Set(interfaceKeys('ChatCompletionContentPartImage').keys()),
  input_audio: new Set(interfaceKeys('ChatCompletionContentPartInputAudio').keys()),
  file: new Set(interfaceKeys('File').keys()),
  refusal: new Set(interfaceKeys('ChatCompletionContentPartRefusal').keys()),
}
const PARTS_BY_ROLE: Readonly<Record<string, readonly string[]>> = {
  developer: ['text'],
  system: ['text'],
  user: ['text', 'image_url', 'input_audio', 'file'],
  assistant: ['text', 'refusal'],
  tool: ['text'],
}

const RANGES: Readonly<Record<string, { min?: number; max?: number; integer?: boolean }>> = {
  temperature: { min: 0, max: 2 },
  top_p: { min: 0, max: 1 },
  frequency_penalty: { min: -2, max: 2 },
  presence_penalty: { min: -2, max: 2 },
  n: { min: 1, max: 128, integer: true },
  max_tokens: { min: 1, integer: true },
  max_completion_tokens: { min: 1, integer: true },
  seed: { integer: true },
  top_logprobs: { min: 0, max: 20, integer: true },
}
const ENUMS: Readonly<Record<string, readonly string[]>> = {
  reasoning_effort: ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'],
  verbosity: ['low', 'medium', 'high'],
  service_tier: ['auto', 'default', 'flex', 'scale', 'priority', 'fast'],
}
const NAME = /^[a-zA-Z0-9_-]{1,64}$/

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

export function checkOpenAIChatRequest(body: unknown): ConformanceViolation[] {
  const violations: ConformanceViolation[] = []
  const add = (path: string, rule: string, message: string) => violations.push({ path, rule, message })
  if (!isObject(body)) return [{ path: '$', rule: 'type', message: 'the body is not a JSON object' }]
  for (const key of Object.keys(body))
    if (!OPENAI_PARAM_KEYS.has(key)) add(`$.${key}`, 'unknown_key', `'${key}' is not a ChatCompletionCreateParams key`)
  if (typeof body.model !== 'string' || body.model === '') add('$.model', 'required', 'model is required')
  for (const [key, range] of Object.entries(RANGES)) {
    const value = body[key]
    if (value === undefined || value === null) continue
    if (typeof value !== 'number' || (range.integer === true && !Number.isInteger(value)))
      add(`$.${key}`, 'type', `${key} must be a number`)
    else if ((range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max))
      add(`$.${key}`, 'range', `${key} = ${value} is out of range`)
  }
  for (const [key, values] of Object.entries(ENUMS)) {
    const value = body[key]
    if (value !== undefined && value !== null && !values.includes(value as string))
      add(`$.${key}`, 'enum', `${key} = ${text(value)}`)
  }
  if (body.stream !== undefined && typeof body.stream !== 'boolean') add('$.stream', 'type', 'stream must be a boolean')
  if (body.stream_options !== undefined && body.stream_options !== null) {
    if (body.stream !== true)
      add('$.stream_options', 'stream_options', 'stream_options is only allowed with stream: true')
    if (isObject(body.stream_options)) {
      for (const key of Object.keys(body.stream_options))
        if (!STREAM_OPTION_KEYS.has(key))
          add(`$.stream_options.${key}`, 'unknown_key', `unknown stream option '${key}'`)
    }
  }
  if (Array.isArray(body.tools)) {
    body.tools.forEach((tool: unknown, index) => {
      const fn = isObject(tool) && isObject(tool.function) ? tool.function : undefined
      if (!isObject(tool) || (tool.type !== 'function' && tool.type !== 'custom'))
        add(`$.tools[${index}]`, 'type', 'a tool is {type: "function"|"custom", …}')
      else if (tool.type === 'function' && (fn === undefined || typeof fn.name !== 'string' || !NAME.test(fn.name)))
        add(`$.tools[${index}].function.name`, 'pattern', 'function names match ^[a-zA-Z0-9_-]{1,64}$')
    })
  }
  if (
    body.tool_choice !== undefined &&
    body.tool_choice !== 'none' &&
    (!Array.isArray(body.tools) || body.tools.length === 0)
  ) {
    add('$.tool_choice', 'tool_choice', 'tool_choice is only allowed with tools')
  }
  // `schema` is optional in the spec, but the API refuses a json_schema format without it (openai/openai-python#1869).
  const format = isObject(body.response_format) ? body.response_format : undefined
  if (format?.type === 'json_schema' && isObject(format.json_schema) && !isObject(format.json_schema.schema))
    add('$.response_format.json_schema.schema', 'required', 'a json_schema format needs its schema')
  checkMessages(body.messages, add)
  return violations
}

function checkMessages(messages: unknown, add: (path: string, rule: string, message: string) => void): void {
  if (!Array.isArray(messages) || messages.length === 0)
    return add('$.messages', 'required', 'messages must be a non-empty array')
  let open: Set<string> | undefined
  let openAt = -1
  let answerable: Set<string> | undefined
  messages.forEach((message: unknown, index) => {
    const path = `$.messages[${index}]`
    if (!isObject(message)) return add(path, 'type', 'a message is an object')
    const role = String(message.role)
    const keys = OPENAI_MESSAGE_KEYS.get(role)
    if (keys === undefined) return add(`${path}.role`, 'enum', `unknown role '${role}'`)
    for (const key of Object.keys(message))
      if (!keys.has(key)) add(`${path}.${key}`, 'unknown_key', `'${key}' is not a field of ${role} messages`)
    for (const [key, optional] of keys) {
      if (!optional && message[key] === undefined && !(role === 'function' && key === 'content'))
        add(`${path}.${key}`, 'required', `${role} messages need '${key}'`)
    }
    const content = message.content
    if (Array.isArray(content)) {
      content.forEach((part: unknown, partIndex) => {
        const partPath = `${path}.content[${partIndex}]`
        const type = isObject(part) ? String(part.type) : ''
        if (!(PARTS_BY_ROLE[role] ?? []).includes(type))
          return add(`${partPath}.type`, 'part_type', `'${type}' parts are not allowed in ${role} messages`)
        for (const key of Object.keys(part as Json))
          if (!(PART_KEYS[type]?.has(key) ?? false))
            add(`${partPath}.${key}`, 'unknown_key', `'${key}' is not a field of ${type} parts`)
        // Live 400 "Invalid image URL: … but got a value without the 'data:' prefix." (Alibaba-NLP/OmniSearch#3).
        const url =
          type === 'image_url' && isObject((part as Json).image_url)
            ? ((part as Json).image_url as Json).url
            : undefined
        if (typeof url === 'string' && !/^(?:https?:\/\/|data:)/i.test(url.trim()))
          add(`${partPath}.image_url.url`, 'image_url', 'an image URL is http(s) or a data URL')
      })
    } else if (content !== undefined && content !== null && typeof content !== 'string')
      add(`${path}.content`, 'type', 'content is a string or an array of parts')
    if (role === 'tool') {
      const id = message.tool_call_id
      if (typeof id !== 'string' || answerable === undefined || !answerable.has(id))
        add(
          `${path}.tool_call_id`,
          'tool_call_id',
          `tool message answers no call of the preceding assistant message (${String(id)})`,
        )
      else open?.delete(id)
      return
    }
    if (open !== undefined && open.size > 0)
      add(
        `$.messages[${openAt}].tool_calls`,
        'unanswered',
        `tool calls without a tool message: ${[...open].join(', ')}`,
      )
    open = undefined
    answerable = undefined
    if (role === 'assistant') {
      const calls = Array.isArray(message.tool_calls) ? message.tool_calls : []
      if (
        (content === undefined || content === null) &&
        calls.length === 0 &&
        message.function_call === undefined &&
        message.refusal === undefined
      ) {
        add(`${path}.content`, 'required', 'an assistant message needs content or tool_calls')
      }
      const ids = calls.map((call: unknown, callIndex) => {
        const callPath = `${path}.tool_calls[${callIndex}]`
        if (!isObject(call) || typeof call.id !== 'string' || call.id === '')
          add(`${callPath}.id`, 'required', 'a tool call needs an id')
        else if (call.type === 'function' && (!isObject(call.function) || typeof call.function.arguments !== 'string'))
          add(`${callPath}.function.arguments`, 'type', 'arguments are a JSON string')
        // The name rule holds in the history too (mcp-use/mcp-use#90).
        else if (
          call.type === 'function' &&
          isObject(call.function) &&
          typeof call.function.name === 'string' &&
          !NAME.test(call.function.name)
        )
          add(`${callPath}.function.name`, 'pattern', 'function names match ^[a-zA-Z0-9_-]{1,64}$')
        return isObject(call) ? String(call.id) : ''
      })
      if (ids.length > 0) {
        open = new Set(ids)
        answerable = new Set(ids)
        openAt = index
      }
    }
  })
  if (open !== undefined && open.size > 0)
    add(`$.messages[${openAt}].tool_calls`, 'unanswered', `tool calls without a tool message: ${[...open].join(', ')}`)
}

export function formatViolations(violations: readonly ConformanceViolation[]): string {
  return violations.map((violation) => `${violation.path} [${violation.rule}] ${violation.message}`).join('\n')
}

/** Throws with every violation when the body would not pass OpenAI's request validation. */
export function assertOpenAIChatRequest(body: unknown): void {
  const violations = checkOpenAIChatRequest(body)
  if (violations.length > 0)
    throw new Error(`Not a valid OpenAI chat request:\n${formatViolations(violations)}\n${JSON.stringify(body)}`)
}
