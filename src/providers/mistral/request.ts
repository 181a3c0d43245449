/**
 * OpenAI chat params → Mistral's request body, built from a whitelist: every OpenAI parameter has a
 * decided fate (sent, renamed, refused, or dropped on opt-in), so the body never carries a key the API
 * rejects with 422 `extra_forbidden`.
 */
import { refuseUnsupported, requireFeature, requireNumberInRange } from '../../core/feature-gate.js'
import type { GenerationRequestContext } from '../../core/provider-adapter.js'
import { InputError } from '../../errors.js'
import type { ChatParamsAsSent } from '../shared/params-as-sent.js'
import type { ChatCompletionTool, ChatCompletionToolChoiceOption, ResponseFormat } from '../../types.js'
import { convertToMistralMessages } from './messages.js'
import type { MistralChatOptions } from './options.js'
import { convertToolChoice, convertTools } from './request-tools.js'

type Params = ChatParamsAsSent & MistralChatOptions
type Body = Record<string, unknown>
type Handler = (value: never, body: Body, context: GenerationRequestContext, params: Params) => void

/** Keys the core handles before the provider sees them. */
const CORE_KEYS = new Set(['provider', 'model', 'messages', 'stream'])

export function toMistralRequest(input: Readonly<Record<string, unknown>>, context: GenerationRequestContext): Body {
  const params = input as unknown as Params
  const body: Body = {
    model: context.model,
    messages: convertToMistralMessages(params.messages, context),
  }
  for (const key of Object.keys(params)) {
    if (CORE_KEYS.has(key)) continue
    const value = (input as Record<string, unknown>)[key]
    if (value === undefined || value === null) continue
    const handler = handlers[key]
    if (handler === undefined) {
      refuseUnsupported(context, key, 'it is not an OpenAI chat parameter token.js knows.')
      continue
    }
    handler(value as never, body, context, params)
  }
  if (params.stream === true) body.stream = true
  return body
}

const handlers: Record<string, Handler> = {
  temperature: (value: number, body, context) => {
    requireNumberInRange(context, 'temperature', value, { min: 0, max: 1.5 })
    body.temperature = value // unchanged, not rescaled from OpenAI's 0–2: Mistral's own range is 0–1.5
  },
  top_p: (value: number, body, context) => {
    // The API rejects 0 (greater_than 0); temperature 0 is the way to ask for greedy decoding.
    requireNumberInRange(context, 'top_p', value, { min: 0, minExclusive: true, max: 1 })
    body.top_p = value
  },
  max_tokens: (value: number, body, context) => setMaxTokens('max_tokens', value, body, context),
  max_completion_tokens: (value: number, body, context) => setMaxTokens('max_completion_tokens', value, body, context),
  stop: (value: string | string[], body) => {
    body.stop = value
  },
  seed: (value: number, body, context) => {
    requireNumberInRange(context, 'seed', value, { min: 0, integer: true })
    body.random_seed = value
  },
  n: (value: number, body, context, params) => {
    requireNumberInRange(context, 'n', value, { min: 1, integer: true })
    if (value > 1) requireFeature(context, 'n', 'n')
    if (value > 1 && params.prediction !== undefined && params.prediction !== null) {
      throw new InputError(`Mistral does not accept 'n' > 1 together with 'prediction'. Use one of them.`, 'n')
    }
    body.n = value
  },
  presence_penalty: (value: number, body, context) => {
    requireNumberInRange(context, 'presence_penalty', value, { min: -2, max: 2 })
    body.presence_penalty = value
  },
  frequency_penalty: (value: number, body, context) => {
    requireNumberInRange(context, 'frequency_penalty', value, { min: -2, max: 2 })
    body.frequency_penalty = value
  },
  response_format: (value: ResponseFormat, body, context) => {
    body.response_format = convertResponseFormat(value, context)
  },
  tools: (value: ChatCompletionTool[], body, context, params) => {
    const tools = convertTools(value, context)
    if (params.tool_choice === undefined || params.tool_choice === null) {
      if (tools.length > 0) body.tools = tools
      return
    }
    const converted = convertToolChoice(params.tool_choice, tools)
    if (converted.tools.length === 0) return // nothing to choose from: the tool_choice handler decides
    body.tools = converted.tools
    body.tool_choice = converted.toolChoice
  },
  tool_choice: (value: ChatCompletionToolChoiceOption, body, context, params) => {
    if (params.tools !== undefined && params.tools !== null && params.tools.length > 0) return // set with tools
    if (value === 'none' || value === 'auto') return // no tools: nothing to choose from, same meaning
    throw new InputError(
      `'tool_choice' asks for a tool call, but 'tools' is empty. Pass the tools to choose from.`,
      'tool_choice',
    )
  },
  parallel_tool_calls: (value: boolean, body) => {
    body.parallel_tool_calls = value
  },
  prediction: (value: NonNullable<Params['prediction']>, body, context) => {
    requireFeature(context, 'prediction', 'prediction')
    const content = typeof value.content === 'string' ? value.content : value.content.map((part) => part.text).join('')
    body.prediction = { type: 'content', content }
  },
  reasoning_effort: (value: NonNullable<Params['reasoning_effort']>, body, context) => {
    const effort = convertReasoningEffort(value, context)
    if (effort !== undefined) body.reasoning_effort = effort
  },
  // Mistral always sends usage on the last chunk and rejects `stream_options` (422), so it is never sent.
  stream_options: () => {},
  prompt_cache_key: (value: string, body) => {
    body.prompt_cache_key = value
  },
  metadata: (value: Record<string, unknown>, body) => {
    body.metadata = value
  },
  service_tier: (value: NonNullable<Params['service_tier']>, body, context) => {
    if (value === 'auto') body.service_tier = 'auto'
    else if (value === 'default' || value === 'standard_only') body.service_tier = 'standard_only'
    else
      refuseUnsupported(context, 'service_tier', `Mistral's tiers are 'auto' and 'standard_only' (OpenAI's 'default').`)
  },
  safe_prompt: (value: boolean, body) => {
    body.safe_prompt = value
  },
  prompt_mode: (value: 'reasoning', body) => {
    body.prompt_mode = value
  },
  guardrails: (value: unknown[], body) => {
    body.guardrails = value
  },
  // OpenAI parameters Mistral has no place for. Values equal to OpenAI's defaults mean "nothing asked".
  logprobs: (value: boolean, _body, context) => {
    if (value) refuseUnsupported(context, 'logprobs', 'Mistral returns no log probabilities.')
  },
  top_logprobs: (value: number, _body, context) => {
    if (value !== 0) refuseUnsupported(context, 'top_logprobs', 'Mistral returns no log probabilities.')
  },
  logit_bias: (value: Record<string, number>, _body, context) => {
    if (Object.keys(value).length > 0) refuseUnsupported(context, 'logit_bias', 'Mistral has no token biasing.')
  },
  store: (value: boolean, _body, context) => {
    if (value) refuseUnsupported(context, 'store', 'Mistral does not store completions.')
  },
  modalities: (value: string[], _body, context) => {
    if (value.some((modality) => modality !== 'text')) {
      refuseUnsupported(context, 'modalities', 'Mistral chat models answer in text only.')
    }
  },
  user: (_value: string, _body, context) => refuseUnsupported(context, 'user', 'Mistral has no end-user id field.'),
  safety_identifier: (_value: string, _body, context) =>
    refuseUnsupported(context, 'safety_identifier', 'Mistral has no end-user id field.'),
  audio: (_value: unknown, _body, context) =>
    refuseUnsupported(context, 'audio', 'Mistral chat models answer in text only.'),
  web_search_options: (_value: unknown, _body, context) =>
    refuseUnsupported(context, 'web_search_options', 'Mistral web search is an agents feature, not a chat parameter.'),
  functions: (_value: unknown, _body, context) =>
    refuseUnsupported(context, 'functions', "the deprecated 'functions' parameter is not mapped; use 'tools'."),
  function_call: (_value: unknown, _body, context) =>
    refuseUnsupported(
      context,
      'function_call',
      "the deprecated 'function_call' parameter is not mapped; use 'tool_choice'.",
    ),
  verbosity: (_value: unknown, _body, context) =>
    refuseUnsupported(context, 'verbosity', 'Mistral has no verbosity control.'),
  prompt_cache_retention: (_value: unknown, _body, context) =>
    refuseUnsupported(
      context,
      'prompt_cache_retention',
      "Mistral's prompt cache has no retention setting; prompt_cache_key is sent.",
    ),
  prompt_cache_options: (_value: unknown, _body, context) =>
    refuseUnsupported(
      context,
      'prompt_cache_options',
      "Mistral's prompt cache has no options; prompt_cache_key is sent.",
    ),
  moderation: (_value: unknown, _body, context) =>
    refuseUnsupported(context, 'moderation', "Mistral moderates input with 'guardrails' (a Mistral option) instead."),
}

function setMaxTokens(param: string, value: number, body: Body, context: GenerationRequestContext): void {
  requireNumberInRange(context, param, value, { min: 0, integer: true })
  if (body.max_tokens !== undefined && body.max_tokens !== value) {
    throw new InputError(`'max_tokens' and 'max_completion_tokens' differ; pass only one.`, param)
  }
  body.max_tokens = value // Mistral has only `max_tokens`; `max_completion_tokens` is rejected (422)
}

function convertResponseFormat(format: ResponseFormat, context: GenerationRequestContext): Record<string, unknown> {
  switch (format.type) {
    case 'text':
      return { type: 'text' }
    case 'json_object':
      requireFeature(context, 'jsonMode', 'response_format')
      return { type: 'json_object' }
    case 'json_schema': {
      requireFeature(context, 'jsonSchema', 'response_format')
      const { name, description, schema, strict } = format.json_schema
      // Mistral requires `schema`; OpenAI's omitted schema means "any JSON", which `{}` also means.
      const jsonSchema: Record<string, unknown> = { name, schema: schema ?? {} }
      if (description !== undefined) jsonSchema.description = description
      if (typeof strict === 'boolean') jsonSchema.strict = strict
      return { type: 'json_schema', json_schema: jsonSchema }
    }
    default: {
      const unknown: never = format
      throw new InputError(
        `Unknown response_format type '${(unknown as { type: string }).type}'.`,
        'response_format.type',
      )
    }
  }
}

/**
 * Mistral's own reasoning models accept only `none` and `high` (400 code 3051 otherwise). Another value
 * would change what the caller asked for, so it is refused with the accepted values, never rewritten.
 */
function convertReasoningEffort(effort: string, context: GenerationRequestContext): string | undefined {
  const row = context.row
  if (row === undefined) return effort // unknown model: send as asked
  if (!row.reasoning) {
    if (effort === 'none') return undefined // asking for no reasoning from a model that never reasons
    requireFeature(context, 'reasoning', 'reasoning_effort')
  }
  const accepted = row.reasoningEfforts
  if (accepted === undefined) {
    throw new InputError(
      `Model '${context.model}' always reasons and takes no 'reasoning_effort'; remove the parameter.`,
      'reasoning_effort',
    )
  }
  if ((accepted as readonly string[]).includes(effort)) return effort
  throw new InputError(
    `reasoning_effort '${effort}' is not supported by '${context.model}'; ${context.provider} accepts ` +
      `${accepted.map((value) => `'${value}'`).join(' or ')} on this model.`,
    'reasoning_effort',
  )
}
