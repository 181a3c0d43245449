/**
 * OpenAI-format validation of `chat.completions.create` params, the same for every provider, plus the
 * checks a provider adds for its own params and message fields (`chat.checks`), before any mapping or
 * I/O. Provider-specific limits (ranges, capabilities) are the provider mapper's job.
 */
import type { DroppedParam } from './warnings.js'
import type { ModelTable } from '../capabilities.js'
import { InputError } from '../errors.js'
import { exampleModelId } from './feature-gate.js'
import type { ProviderParamChecks } from './provider-adapter.js'
import {
  arrayOf,
  boolean,
  either,
  inside,
  isRecord,
  literal,
  nonEmptyString,
  number,
  optional,
  record,
  shape,
  string,
  tagged,
  type Check,
} from './shape-checks.js'

const textPart = shape({ text: string })
const textParts = arrayOf(tagged('type', { text: textPart }))
const textContent = either('a string or an array of text parts', string, textParts)

const userPart = tagged('type', {
  text: textPart,
  image_url: shape({ image_url: shape({ url: nonEmptyString, detail: optional(literal('auto', 'low', 'high')) }) }),
  input_audio: shape({ input_audio: shape({ data: nonEmptyString, format: optional(string) }) }),
  file: shape({ file: shape({ file_data: optional(string), file_id: optional(string), filename: optional(string) }) }),
})

const toolCall = tagged('type', {
  function: shape({ id: nonEmptyString, function: shape({ name: nonEmptyString, arguments: string }) }),
  custom: shape({ id: nonEmptyString, custom: shape({ name: nonEmptyString, input: string }) }),
})

const assistantContent = either(
  'a string, null, or an array of text/refusal parts',
  string,
  arrayOf(tagged('type', { text: textPart, refusal: shape({ refusal: string }) })),
)

/** Per role: the checks of its fields. Keys not listed are unknown (refused unless dropped on opt-in). */
export const messageFields: Readonly<Record<string, Readonly<Record<string, Check>>>> = {
  system: { content: textContent, name: optional(string) },
  developer: { content: textContent, name: optional(string) },
  user: { content: either('a string or an array of content parts', string, arrayOf(userPart)), name: optional(string) },
  assistant: {
    content: optional(assistantContent),
    refusal: optional(string),
    name: optional(string),
    tool_calls: optional(arrayOf(toolCall)),
    reasoning_content: optional(string),
    reasoning_details: optional(
      arrayOf(
        tagged('type', {
          'reasoning.text': shape({ text: string, signature: optional(string), format: optional(string) }),
          'reasoning.encrypted': shape({ data: nonEmptyString, id: optional(string), format: optional(string) }),
        }),
      ),
    ),
    audio: optional(record),
    function_call: optional(record),
    annotations: optional(arrayOf(record)),
  },
  tool: { content: textContent, tool_call_id: nonEmptyString },
  function: { content: optional(string), name: nonEmptyString },
}

const functionTool = shape({
  function: shape({
    name: nonEmptyString,
    description: optional(string),
    parameters: optional(record),
    strict: optional(boolean),
  }),
})

const namedFunction = shape({ function: shape({ name: nonEmptyString }) })

const paramChecks: Readonly<Record<string, Check>> = {
  temperature: optional(number),
  top_p: optional(number),
  max_tokens: optional(number),
  max_completion_tokens: optional(number),
  seed: optional(number),
  n: optional(number),
  presence_penalty: optional(number),
  frequency_penalty: optional(number),
  top_logprobs: optional(number),
  stream: optional(boolean),
  stop: optional(either('a string or an array of strings', string, arrayOf(string))),
  tools: optional(
    arrayOf(tagged('type', { function: functionTool, custom: shape({ custom: shape({ name: nonEmptyString }) }) })),
  ),
  tool_choice: optional(
    either(
      "'none', 'auto', 'required', a named function or allowed_tools",
      literal('none', 'auto', 'required'),
      tagged('type', {
        function: namedFunction,
        custom: shape({ custom: shape({ name: nonEmptyString }) }),
        allowed_tools: shape({
          allowed_tools: shape({
            mode: literal('auto', 'required'),
            tools: arrayOf(namedFunction, { nonEmpty: true }),
          }),
        }),
      }),
    ),
  ),
  response_format: optional(
    tagged('type', {
      text: shape({}),
      json_object: shape({}),
      json_schema: shape({
        json_schema: shape({
          name: nonEmptyString,
          description: optional(string),
          schema: optional(record),
          strict: optional(boolean),
        }),
      }),
    }),
  ),
  parallel_tool_calls: optional(boolean),
  prediction: optional(shape({ type: literal('content'), content: textContent })),
  reasoning_effort: optional(literal('none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max')),
  stream_options: optional(record),
  metadata: optional(record),
  prompt_cache_key: optional(string),
  service_tier: optional(string),
  logprobs: optional(boolean),
  logit_bias: optional(record),
  store: optional(boolean),
  user: optional(string),
  modalities: optional(arrayOf(string)),
}

type MessageChecks = ProviderParamChecks['messages']

/**
 * Per role: its fields' values in `messageFields` order, read by name. A named read is an inline-cache hit;
 * `message[key]` over the table's keys is a generic lookup, ~15 ns for each key the message lacks (an
 * assistant message has nine possible fields and mostly one), which was most of the cost of checking a
 * long history. test/unit/validate-params.test.ts checks that these read exactly the table's keys.
 */
function contentAndName(message: Record<string, unknown>): unknown[] {
  return [message.content, message.name]
}

export const messageFieldReaders: Readonly<Record<string, (message: Record<string, unknown>) => unknown[]>> = {
  system: contentAndName,
  developer: contentAndName,
  user: contentAndName,
  assistant: (message) => [
    message.content,
    message.refusal,
    message.name,
    message.tool_calls,
    message.reasoning_content,
    message.reasoning_details,
    message.audio,
    message.function_call,
    message.annotations,
  ],
  tool: (message) => [message.content, message.tool_call_id],
  function: contentAndName,
}

/** Per role: its keys and checks as parallel arrays, how to read the values, and every key it knows. */
const roleRules = new Map(
  Object.entries(messageFields).map(([role, fields]) => [
    role,
    {
      keys: Object.keys(fields),
      checks: Object.values(fields),
      read: messageFieldReaders[role] as (message: Record<string, unknown>) => unknown[],
      /** Whether each check passes an absent value, so an absent field needs no call. */
      optional: Object.values(fields).map((check) => check(undefined)),
      known: new Set(['role', ...Object.keys(fields)]),
    },
  ]),
)

/** What validation knows of the provider: its table (for the example id in messages) and its own checks. */
export interface ValidationTarget {
  readonly models: ModelTable
  readonly chat: { readonly checks?: ProviderParamChecks }
}

/** Validates the OpenAI shape of `params` and the provider's own params; throws InputError with the parameter path. */
export function validateChatParams(
  params: Record<string, unknown>,
  dropUnsupportedParams: boolean,
  provider: ValidationTarget,
  dropped: DroppedParam[] = [],
): void {
  if (typeof params.model !== 'string' || params.model.trim() === '') {
    const example = exampleModelId(provider.models, 'chat')
    throw new InputError(
      `'model' must be a non-empty string${example === undefined ? '' : `, e.g. '${example}'`}.`,
      'model',
    )
  }
  const extra = provider.chat.checks
  validateMessages(params.messages, dropUnsupportedParams, extra?.messages, dropped)
  // Every check is optional (undefined passes), so only the keys the caller set need a look.
  for (const key of Object.keys(params)) {
    const check = Object.hasOwn(paramChecks, key) ? paramChecks[key] : ownCheck(extra?.params, key)
    if (check !== undefined && !check(params[key])) check(params[key], key)
  }
}

/** The provider's check of `key`, if it has one. */
function ownCheck(checks: Readonly<Record<string, Check>> | undefined, key: string): Check | undefined {
  return checks !== undefined && Object.hasOwn(checks, key) ? checks[key] : undefined
}

function validateMessages(
  messages: unknown,
  dropUnsupportedParams: boolean,
  extra: MessageChecks,
  dropped: DroppedParam[],
): void {
  if (!Array.isArray(messages)) {
    throw new InputError(
      `'messages' must be an array of messages, got ${messages === undefined ? 'nothing' : typeof messages}.`,
      'messages',
    )
  }
  if (messages.length === 0) throw new InputError(`'messages' must contain at least one message.`, 'messages')
  messages.forEach((message: unknown, index) => {
    // Without a path first (nothing built, nothing thrown for a valid message); a message that fails
    // or has something to refuse or drop is checked again with its path, for the error or the drops.
    if (!checkMessage(message, undefined, extra, dropUnsupportedParams, dropped)) {
      checkMessage(message, `messages[${index}]`, extra, dropUnsupportedParams, dropped)
    }
  })
}

/**
 * One message, in the two modes of a check (see `Check`): without a path, whether it passes with
 * nothing to refuse or drop; with its path, the InputError, or the drops on opt-in.
 */
function checkMessage(
  message: unknown,
  path: string | undefined,
  extra: MessageChecks,
  dropUnsupportedParams: boolean,
  dropped: DroppedParam[],
): boolean {
  const role = isRecord(message) && typeof message.role === 'string' ? message.role : ''
  const rules = roleRules.get(role)
  if (rules === undefined) {
    if (path === undefined) return false
    if (!isRecord(message)) throw new InputError(`'${path}' must be a message object.`, path)
    throw new InputError(
      `'${path}.role' must be one of ${Object.keys(messageFields)
        .map((item) => `'${item}'`)
        .join(', ')}.`,
      `${path}.role`,
    )
  }
  const fields = message as Record<string, unknown>
  const { keys, checks, known } = rules
  const values = rules.read(fields)
  for (let index = 0; index < keys.length; index++) {
    const value = values[index]
    if (value === undefined && rules.optional[index] === true) continue // most fields of a message are absent
    if (!(checks[index] as Check)(value, inside(path, keys[index] as string))) return false
  }
  const own = extra !== undefined && Object.hasOwn(extra, role) ? extra[role] : undefined
  if (own !== undefined) {
    for (const key of Object.keys(own)) if (own[key]?.(fields[key], inside(path, key)) === false) return false
  }
  if (role === 'assistant' && Array.isArray(fields.annotations) && fields.annotations.length > 0) {
    if (path === undefined) return false
    refuseField(`${path}.annotations`, 'citations cannot be sent back to the model', dropUnsupportedParams, dropped)
  }
  // The keys Object.keys lists, in its order, without allocating the list (for…in also visits inherited ones).
  for (const key in fields) {
    if (!Object.hasOwn(fields, key) || known.has(key) || (own !== undefined && Object.hasOwn(own, key))) continue
    if (fields[key] === undefined || fields[key] === null) continue
    if (path === undefined) return false
    refuseField(`${path}.${key}`, 'it is not a field of this message role', dropUnsupportedParams, dropped)
  }
  return true
}

/** A message field that cannot be sent: an InputError, or recorded as dropped on opt-in. */
function refuseField(path: string, reason: string, drop: boolean, dropped: DroppedParam[]): void {
  if (!drop) throw unknownKeyError(path, reason)
  dropped.push({ param: path, reason: `${reason}.` })
}

function unknownKeyError(path: string, reason: string): InputError {
  return new InputError(`'${path}' cannot be sent: ${reason}. Remove it, or set dropUnsupportedParams: true.`, path)
}
