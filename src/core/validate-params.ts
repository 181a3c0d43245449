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
  isRecord,
  literal,
  nonEmptyString,
  number,
  optional,
  record,
  shape,
  string,
  tagged,
  unknownKeys,
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
const messageFields: Readonly<Record<string, Readonly<Record<string, Check>>>> = {
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

/** Per role: its field checks as entries, so validating a message allocates nothing for them. */
const messageFieldEntries: Readonly<Record<string, ReadonlyArray<readonly [string, Check]>>> = Object.fromEntries(
  Object.entries(messageFields).map(([role, fields]) => [role, Object.entries(fields)]),
)

const knownMessageKeys = Object.fromEntries(
  Object.entries(messageFields).map(([role, fields]) => [role, new Set(['role', ...Object.keys(fields)])]),
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
    check?.(params[key], key)
  }
}

/** The provider's check of `key`, if it has one. */
function ownCheck(checks: Readonly<Record<string, Check>> | undefined, key: string): Check | undefined {
  return checks !== undefined && Object.hasOwn(checks, key) ? checks[key] : undefined
}

function validateMessages(
  messages: unknown,
  dropUnsupportedParams: boolean,
  extra: ProviderParamChecks['messages'],
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
    const path = `messages[${index}]`
    if (!isRecord(message)) throw new InputError(`'${path}' must be a message object.`, path)
    const role = message.role
    const fields = typeof role === 'string' && Object.hasOwn(messageFields, role) ? messageFields[role] : undefined
    if (fields === undefined) {
      throw new InputError(
        `'${path}.role' must be one of ${Object.keys(messageFields)
          .map((item) => `'${item}'`)
          .join(', ')}.`,
        `${path}.role`,
      )
    }
    for (const [key, check] of messageFieldEntries[role as string] as ReadonlyArray<readonly [string, Check]>) {
      check(message[key], `${path}.${key}`)
    }
    const own = extra?.[role as string]
    if (own !== undefined) for (const key of Object.keys(own)) own[key]?.(message[key], `${path}.${key}`)
    if (role === 'assistant' && Array.isArray(message.annotations) && message.annotations.length > 0) {
      refuseField(`${path}.annotations`, 'citations cannot be sent back to the model', dropUnsupportedParams, dropped)
    }
    const unknown = unknownKeys(message, knownMessageKeys[role as string] as ReadonlySet<string>).filter(
      (key) => own === undefined || !Object.hasOwn(own, key),
    )
    for (const key of unknown) {
      refuseField(`${path}.${key}`, 'it is not a field of this message role', dropUnsupportedParams, dropped)
    }
  })
}

/** A message field that cannot be sent: an InputError, or recorded as dropped on opt-in. */
function refuseField(path: string, reason: string, drop: boolean, dropped: DroppedParam[]): void {
  if (!drop) throw unknownKeyError(path, reason)
  dropped.push({ param: path, reason: `${reason}.` })
}

function unknownKeyError(path: string, reason: string): InputError {
  return new InputError(`'${path}' cannot be sent: ${reason}. Remove it, or set dropUnsupportedParams: true.`, path)
}
