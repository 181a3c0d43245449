/**
 * Checks every call runs before its pipeline: the client options (`new TokenJS(options)`, once per
 * client) and the request's options (`create(params, options)`): unknown keys get a "did you mean",
 * numbers a range; and two mistakes in params the API would answer poorly (a model id with a space,
 * an assistant message that carries nothing). Each failure is an InputError naming what to pass instead.
 * Loaded with `import()` on the first call (see client.ts), so the first-load bundle does not carry the
 * key lists, the messages or the edit distance.
 */
import type { ModelTable } from '../capabilities.js'
import { InputError } from '../errors.js'
import { findProviderInfo, providers } from '../providers/index.js'
import type { ClientOptions, ProviderSettings, RequestOptions } from './client-options.js'
import { closestName } from './closest-name.js'
import { exampleModelId } from './feature-gate.js'
import { isRecord } from './shape-checks.js'

/** What a value of an option must be. */
type OptionKind = 'string' | 'boolean' | 'function' | 'object' | 'headers' | 'ms' | 'bytes' | 'retries' | 'any'

/**
 * Every client option and its kind. `satisfies Record<keyof ClientOptions, …>` makes the compiler list
 * an option added to ClientOptions here too (typecheck fails until it is), so a new option is never
 * refused at run time as unknown.
 */
const clientOptionKinds = {
  apiKey: 'string',
  baseURL: 'string',
  timeout: 'ms',
  idleTimeout: 'ms',
  maxResponseSize: 'bytes',
  proxy: 'string',
  maxRetries: 'retries',
  defaultHeaders: 'headers',
  fetch: 'function',
  dropUnsupportedParams: 'boolean',
  onWarning: 'function',
  dangerouslyAllowBrowser: 'boolean',
  transport: 'function',
  liveModelCapabilities: 'any',
  providers: 'object',
  middleware: 'object',
  fallbacks: 'object',
  fallbackOn: 'object',
  hooks: 'object',
  logLevel: 'string',
  logger: 'object',
  telemetry: 'any',
} as const satisfies Record<keyof ClientOptions, OptionKind>

/** The options of one request (`create(params, options)`), as above. */
const requestOptionKinds = {
  signal: 'object',
  timeout: 'ms',
  idleTimeout: 'ms',
  maxResponseSize: 'bytes',
  maxRetries: 'retries',
  headers: 'headers',
  dropUnsupportedParams: 'boolean',
  middleware: 'object',
  fallbacks: 'object',
  fallbackOn: 'object',
  hooks: 'object',
} as const satisfies Record<keyof RequestOptions, OptionKind>

/** The settings of `providers.<id>`. */
const providerSettingKinds = {
  apiKey: 'string',
  baseURL: 'string',
  defaultHeaders: 'headers',
} as const satisfies Record<keyof ProviderSettings, OptionKind>

/** setTimeout's largest delay (2^31 - 1 ms, ~24.8 days); above it Node fires after 1 ms instead. */
const MAX_TIMER_MS = 2_147_483_647

/** Clients whose options passed (each is checked on its first call only). */
const checkedClients = new WeakSet<object>()

/**
 * Everything checked before a call's pipeline runs: the client's options (once per client), the
 * request options, and for chat, embeddings and completions the model id (and chat's assistant messages).
 */
export function checkCall(
  client: object,
  clientOptions: unknown,
  requestOptions: unknown,
  operation: string,
  params: unknown,
): void {
  if (!checkedClients.has(client)) {
    checkClientOptions(clientOptions, Object.keys(providers))
    checkedClients.add(client)
  }
  checkRequestOptions(requestOptions)
  if (!isRecord(params) || operation === 'models') return
  const provider = findProviderInfo(params.provider)
  const table =
    operation === 'embeddings'
      ? (provider as { embeddings?: { models: ModelTable } } | undefined)?.embeddings?.models
      : provider?.models
  if (typeof params.model === 'string') checkModelCharacters(params.model, table ?? {})
  if (operation === 'chat' && Array.isArray(params.messages)) {
    params.messages.forEach((message: unknown, index) => {
      if (isRecord(message) && message.role === 'assistant') refuseEmptyAssistant(message, `messages[${index}]`)
    })
  }
}

/**
 * Whitespace, control characters, quotes, angle brackets and backslashes appear in no provider's model
 * ids (dated ids, aliases, `ft:` fine-tunes, `org/model:tag` routes): such an id is a typo that the API
 * would answer with a "model not found" naming nothing, so it is refused here with the id it likely meant.
 */
// \p{Cc}: the control characters (U+0000-001F, U+007F-009F), none of which a model id holds.
const IMPOSSIBLE_IN_MODEL_ID = /[\s\p{Cc}"'`<>\\]/u

function checkModelCharacters(model: string, models: ModelTable): void {
  if (!IMPOSSIBLE_IN_MODEL_ID.test(model)) return
  const tidy = model
    .trim()
    .replace(/["'`<>\\]/g, '')
    .replace(/[\s\p{Cc}]+/gu, '-')
    .toLowerCase()
  const example = exampleModelId(models, 'chat')
  throw new InputError(
    `Model id ${JSON.stringify(model)} has a space, quote or control character, which no model id has` +
      (Object.hasOwn(models, tidy)
        ? `: did you mean '${tidy}'?`
        : example === undefined
          ? '.'
          : ` (e.g. '${example}').`),
    'model',
  )
}

/**
 * An assistant message with no text, refusal, reasoning or tool calls carries nothing, and the APIs
 * refuse it: OpenAI answers 400 "Invalid value for 'content': expected a string, got null" (its spec:
 * content is "required unless tool_calls or function_call is specified"; quoted in vercel/ai#14950,
 * 2026-05-04), Mistral 400 "Assistant message must have either content or tool_calls, but not none"
 * (quoted in OpenHands/OpenHands#8685, 2025-05-24). Dropping it would change the conversation silently.
 */
function refuseEmptyAssistant(message: Record<string, unknown>, path: string): void {
  const { content, tool_calls: calls, refusal, reasoning_content: reasoning } = message
  const noContent = content == null || content === '' || (Array.isArray(content) && content.length === 0)
  if (!noContent || (Array.isArray(calls) && calls.length > 0)) return
  if ((typeof refusal === 'string' && refusal !== '') || (typeof reasoning === 'string' && reasoning !== '')) return
  if (message.function_call != null || message.audio != null) return
  throw new InputError(
    `'${path}' is an assistant message with no content and no tool_calls, which the API refuses: ` +
      `give it text content, or remove the message.`,
    `${path}.content`,
  )
}

/** Checks `new TokenJS(options)`; `providerIds` are the registry's ids (for `providers.<id>`). */
export function checkClientOptions(options: unknown, providerIds: readonly string[]): void {
  if (options === undefined) return
  checkObject(options, clientOptionKinds, '', 'new TokenJS()')
  const { providers, liveModelCapabilities } = options as ClientOptions
  if (providers !== undefined) {
    for (const [id, settings] of Object.entries(providers)) {
      if (!providerIds.includes(id)) throw unknownKey(`providers.${id}`, id, providerIds, 'a provider id')
      if (settings !== undefined) checkObject(settings, providerSettingKinds, `providers.${id}.`, `providers.${id}`)
    }
  }
  if (isRecord(liveModelCapabilities)) {
    checkObject(liveModelCapabilities, { ttlMs: 'any' }, 'liveModelCapabilities.', 'liveModelCapabilities')
    checkNumber(liveModelCapabilities.ttlMs, 'liveModelCapabilities.ttlMs', 0, Number.MAX_SAFE_INTEGER, false)
  }
}

/** Checks the second argument of `create` (and of the other calls). */
export function checkRequestOptions(options: unknown): void {
  if (options !== undefined) checkObject(options, requestOptionKinds, '', 'the request options')
}

function checkObject(value: unknown, kinds: Readonly<Record<string, OptionKind>>, prefix: string, where: string): void {
  if (!isRecord(value)) {
    throw new InputError(`${where} takes an options object, got ${describe(value)}.`, prefix.replace(/\.$/, ''))
  }
  const known = Object.keys(kinds)
  for (const [key, item] of Object.entries(value)) {
    const kind = Object.hasOwn(kinds, key) ? kinds[key] : undefined
    if (kind === undefined) throw unknownKey(`${prefix}${key}`, key, known, `an option of ${where}`)
    if (item !== undefined) checkKind(item, kind, `${prefix}${key}`)
  }
}

function checkKind(value: unknown, kind: OptionKind, path: string): void {
  switch (kind) {
    case 'ms':
      return checkNumber(value, path, 1, MAX_TIMER_MS, false, 'milliseconds, e.g. 30000 for 30 s')
    case 'bytes':
      return checkNumber(value, path, 1, Number.MAX_SAFE_INTEGER, true, 'bytes, e.g. 1048576 for 1 MiB')
    case 'retries':
      return checkNumber(value, path, 0, 100, true, 'retries, e.g. 0 to send once')
    case 'string':
    case 'boolean':
    case 'function':
      if (typeof value !== kind) throw new InputError(`'${path}' must be a ${kind}, got ${describe(value)}.`, path)
      return
    case 'object':
    case 'headers':
      if (typeof value !== 'object' || value === null) {
        throw new InputError(
          `'${path}' must be ${kind === 'headers' ? 'an object of header names to string values' : 'an object'}, got ${describe(value)}.`,
          path,
        )
      }
      return
    case 'any':
      return
    default: {
      const unknown: never = kind
      throw new Error(`unhandled option kind ${String(unknown)}`)
    }
  }
}

/** A number in [min, max] (an integer when asked), else an InputError saying what to pass. */
function checkNumber(
  value: unknown,
  path: string,
  min: number,
  max: number,
  integer: boolean,
  unit = 'milliseconds',
): void {
  if (value === undefined) return
  const fits =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= min &&
    value <= max &&
    (!integer || Number.isInteger(value))
  if (fits) return
  const shown = typeof value === 'number' ? String(value) : describe(value)
  throw new InputError(
    `'${path}' must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max} (${unit}), got ${shown}.` +
      (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
        ? ` Pass the number ${Number(value)}, not a string.`
        : ''),
    path,
  )
}

function unknownKey(path: string, key: string, known: readonly string[], what: string): InputError {
  const suggestion = closestName(key, known) ?? sameStem(key, known)
  return new InputError(
    `'${path}' is not ${what}` +
      (suggestion === undefined
        ? `; known: ${known.join(', ')}.`
        : `: did you mean '${path.slice(0, path.length - key.length)}${suggestion}'?`),
    path,
  )
}

/** `maxRetry` is 3 edits from `maxRetries` (past closestName's limit) but shares most of its start. */
function sameStem(key: string, known: readonly string[]): string | undefined {
  const given = key.toLowerCase()
  let best: string | undefined
  let bestLength = Math.max(4, given.length - 3) - 1
  for (const name of known) {
    const candidate = name.toLowerCase()
    let length = 0
    while (length < given.length && candidate[length] === given[length]) length += 1
    if (length > bestLength) {
      best = name
      bestLength = length
    }
  }
  return best
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}
