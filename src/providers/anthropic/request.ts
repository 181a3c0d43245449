/**
 * OpenAI chat params → Anthropic's Messages body, built from a whitelist: every OpenAI parameter has a
 * decided fate (sent, renamed, refused by name, or dropped on opt-in). The body follows
 * `@anthropic-ai/sdk` 1.15.0 `MessageCreateParamsBase` at API version 2026-10-21, which removed
 * `temperature`, `top_p` and `top_k` (https://platform.claude.com/docs/en/api/versioning: a request
 * that sends any of them is a 400): a value equal to the old default (1) asks for nothing and is left
 * out; any other value is refused, since it cannot be honoured.
 */
import { refuseUnsupported, requireFeature, requireNumberInRange } from '../../core/feature-gate.js'
import type { GenerationRequestContext } from '../../core/provider-adapter.js'
import { InputError } from '../../errors.js'
import type { ResponseFormat } from '../../types.js'
import type { ChatParamsAsSent } from '../shared/params-as-sent.js'
import { convertMessages } from './messages.js'
import type { AnthropicChatOptions } from './options.js'
import { convertReasoning } from './reasoning.js'
import { convertToolChoice, convertTools, forcesToolUse } from './tools.js'

type Params = ChatParamsAsSent & AnthropicChatOptions
type Body = Record<string, unknown>
type Handler = (value: never, body: Body, context: GenerationRequestContext) => void

/**
 * `max_tokens` when the caller gives none (Anthropic requires it): the model row's `maxOutputTokens`,
 * else 64,000, the smallest output limit of the current models.
 */
export const FALLBACK_MAX_TOKENS = 64_000

/** Keys handled outside the loop. */
const SKIPPED = new Set([
  'provider',
  'model',
  'messages',
  'stream',
  'stream_options',
  'max_tokens',
  'max_completion_tokens',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'reasoning_effort',
  'thinking',
  'user',
  'safety_identifier',
  'metadata',
])

export function toAnthropicRequest(input: Readonly<Record<string, unknown>>, context: GenerationRequestContext): Body {
  const params = input as unknown as Params
  const { system, messages } = convertMessages(params.messages, context)
  const body: Body = { model: context.model, max_tokens: maxTokens(params, context), messages }
  if (system.length > 0) body.system = system
  for (const key of Object.keys(input)) {
    const value = input[key]
    if (SKIPPED.has(key) || value === undefined || value === null) continue
    const handler = handlers[key]
    if (handler === undefined) refuseUnsupported(context, key, 'it is not a chat parameter token.js maps to Anthropic.')
    else handler(value as never, body, context)
  }
  addTools(params, body, context)
  addUserId(params, body, context)
  const reasoning = convertReasoning(params, body.max_tokens as number, context)
  if (reasoning.thinking !== undefined) body.thinking = reasoning.thinking
  if (reasoning.effort !== undefined) body.output_config = { ...(body.output_config as Body), effort: reasoning.effort }
  // Documented for manual thinking (a budget); adaptive thinking with a forced tool was recorded answering
  // 200 (pydantic/pydantic-ai cassette test_anthropic_count_tokens_with_adaptive_thinking_and_output_tools).
  if (reasoning.thinking?.type === 'enabled' && forcesToolUse(body.tool_choice as Body)) {
    throw new InputError(
      "Anthropic refuses thinking with a budget when tool_choice forces a tool ('required' or a named tool); use 'auto', adaptive thinking, or turn thinking off.",
      'tool_choice',
    )
  }
  if (params.stream === true) body.stream = true
  return body
}

function maxTokens(params: Params, context: GenerationRequestContext): number {
  const { max_tokens: legacy, max_completion_tokens: current } = params
  for (const [name, value] of [
    ['max_tokens', legacy],
    ['max_completion_tokens', current],
  ] as const) {
    if (value !== undefined && value !== null) requireNumberInRange(context, name, value, { min: 0, integer: true })
  }
  if (typeof legacy === 'number' && typeof current === 'number' && legacy !== current) {
    throw new InputError(`'max_tokens' and 'max_completion_tokens' differ; pass only one.`, 'max_completion_tokens')
  }
  return current ?? legacy ?? context.row?.maxOutputTokens ?? FALLBACK_MAX_TOKENS
}

function addTools(params: Params, body: Body, context: GenerationRequestContext): void {
  const tools = params.tools ?? []
  if (tools.length > 0) body.tools = convertTools(tools, context)
  if (params.tool_choice !== undefined && params.tool_choice !== null && tools.length === 0) {
    if (params.tool_choice === 'none' || params.tool_choice === 'auto') return // nothing to choose from
    throw new InputError(`'tool_choice' needs 'tools' to choose from.`, 'tool_choice')
  }
  const choice = convertToolChoice(
    params.tool_choice ?? undefined,
    params.parallel_tool_calls ?? undefined,
    tools.length > 0,
  )
  if (choice !== undefined && tools.length > 0) body.tool_choice = choice
}

/** OpenAI's `user` / `safety_identifier` and `metadata.user_id` are Anthropic's `metadata.user_id`. */
function addUserId(params: Params, body: Body, context: GenerationRequestContext): void {
  const metadata = params.metadata ?? undefined
  const ids = new Set<string>()
  if (metadata !== undefined) {
    for (const [key, value] of Object.entries(metadata)) {
      if (key === 'user_id' && typeof value === 'string') ids.add(value)
      else refuseUnsupported(context, `metadata.${key}`, "Anthropic's metadata has only 'user_id' (a string).")
    }
  }
  if (typeof params.user === 'string') ids.add(params.user)
  if (typeof params.safety_identifier === 'string') ids.add(params.safety_identifier)
  if (ids.size > 1) {
    throw new InputError(
      "'user', 'safety_identifier' and 'metadata.user_id' differ; Anthropic has one user id.",
      'user',
    )
  }
  const [userId] = ids
  if (userId !== undefined) body.metadata = { user_id: userId }
}

/** Values equal to OpenAI's defaults mean "nothing asked": they are left out rather than refused. */
const handlers: Record<string, Handler> = {
  temperature: (value: number, _body, context) => {
    if (value !== 1) refuseUnsupported(context, 'temperature', REMOVED_SAMPLING)
  },
  top_p: (value: number, _body, context) => {
    if (value !== 1) refuseUnsupported(context, 'top_p', REMOVED_SAMPLING)
  },
  stop: (value: string | string[], body) => {
    const sequences = typeof value === 'string' ? [value] : value
    sequences.forEach((sequence, index) => {
      if (sequence.trim() === '') {
        throw new InputError(`stop[${index}] is blank; Anthropic refuses whitespace-only stop sequences.`, 'stop')
      }
    })
    if (sequences.length > 0) body.stop_sequences = sequences
  },
  n: (value: number, _body, context) => {
    requireNumberInRange(context, 'n', value, { min: 1, integer: true })
    if (value > 1) requireFeature(context, 'n', 'n')
  },
  response_format: (value: ResponseFormat, body, context) => {
    const format = convertResponseFormat(value, context)
    if (format !== undefined) body.output_config = { ...(body.output_config as Body), format }
  },
  cache_control: (value: unknown, body) => {
    body.cache_control = value
  },
  service_tier: (value: string, body, context) => {
    if (value === 'auto') body.service_tier = 'auto'
    else if (value === 'default' || value === 'standard_only') body.service_tier = 'standard_only'
    else
      refuseUnsupported(
        context,
        'service_tier',
        "Anthropic's tiers are 'auto' and 'standard_only' (OpenAI's 'default').",
      )
  },
  seed: (_value: number, _body, context) => refuseUnsupported(context, 'seed', 'Anthropic has no sampling seed.'),
  presence_penalty: (value: number, _body, context) => {
    if (value !== 0) refuseUnsupported(context, 'presence_penalty', 'Anthropic has no repetition penalties.')
  },
  frequency_penalty: (value: number, _body, context) => {
    if (value !== 0) refuseUnsupported(context, 'frequency_penalty', 'Anthropic has no repetition penalties.')
  },
  logprobs: (value: boolean, _body, context) => {
    if (value) refuseUnsupported(context, 'logprobs', 'Anthropic returns no log probabilities.')
  },
  top_logprobs: (value: number, _body, context) => {
    if (value !== 0) refuseUnsupported(context, 'top_logprobs', 'Anthropic returns no log probabilities.')
  },
  logit_bias: (value: Record<string, number>, _body, context) => {
    if (Object.keys(value).length > 0) refuseUnsupported(context, 'logit_bias', 'Anthropic has no token biasing.')
  },
  store: (value: boolean, _body, context) => {
    if (value) refuseUnsupported(context, 'store', 'Anthropic does not store completions.')
  },
  modalities: (value: string[], _body, context) => {
    if (value.some((modality) => modality !== 'text')) {
      refuseUnsupported(context, 'modalities', 'Anthropic models answer in text only.')
    }
  },
  prediction: (_value: unknown, _body, context) => requireFeature(context, 'prediction', 'prediction'),
  prompt_cache_key: (_value: unknown, _body, context) =>
    refuseUnsupported(
      context,
      'prompt_cache_key',
      "Anthropic caches by prompt prefix: mark breakpoints with 'cache_control'.",
    ),
  prompt_cache_retention: (_value: unknown, _body, context) =>
    refuseUnsupported(
      context,
      'prompt_cache_retention',
      "set the cache lifetime with cache_control: { type: 'ephemeral', ttl: '1h' }.",
    ),
  prompt_cache_options: (_value: unknown, _body, context) =>
    refuseUnsupported(
      context,
      'prompt_cache_options',
      "Anthropic's caching is set with 'cache_control' (top level, parts, tools).",
    ),
  audio: (_value: unknown, _body, context) =>
    refuseUnsupported(context, 'audio', 'Anthropic models answer in text only.'),
  web_search_options: (_value: unknown, _body, context) =>
    refuseUnsupported(
      context,
      'web_search_options',
      "Anthropic's web search is a server tool, not a chat parameter token.js maps.",
    ),
  verbosity: (_value: unknown, _body, context) =>
    refuseUnsupported(context, 'verbosity', 'Anthropic has no verbosity control.'),
  functions: (_value: unknown, _body, context) =>
    refuseUnsupported(context, 'functions', "the deprecated 'functions' parameter is not mapped; use 'tools'."),
  function_call: (_value: unknown, _body, context) =>
    refuseUnsupported(
      context,
      'function_call',
      "the deprecated 'function_call' parameter is not mapped; use 'tool_choice'.",
    ),
  moderation: (_value: unknown, _body, context) =>
    refuseUnsupported(context, 'moderation', 'Anthropic has no moderation option.'),
}

const REMOVED_SAMPLING =
  'Anthropic API version 2026-10-21 (which token.js speaks, as @anthropic-ai/sdk 1.x does) removed temperature, top_p and top_k; every value is a 400.'

/**
 * `json_schema` is Anthropic's structured outputs, `output_config.format` (constrained decoding; the
 * answer is a text block holding the JSON; https://platform.claude.com/docs/en/build-with-claude/structured-outputs).
 * Anthropic has no JSON mode without a schema, so `json_object` is refused rather than approximated.
 */
function convertResponseFormat(format: ResponseFormat, context: GenerationRequestContext): Body | undefined {
  switch (format.type) {
    case 'text':
      return undefined
    case 'json_object':
      refuseUnsupported(
        context,
        'response_format',
        "Anthropic has no JSON mode without a schema; pass { type: 'json_schema', json_schema: { name, schema } }.",
      )
      return undefined
    case 'json_schema':
      requireFeature(context, 'jsonSchema', 'response_format')
      return { type: 'json_schema', schema: format.json_schema.schema ?? { type: 'object' } }
    default: {
      const unknown: never = format
      throw new InputError(
        `Unknown response_format type '${(unknown as { type: string }).type}'.`,
        'response_format.type',
      )
    }
  }
}
