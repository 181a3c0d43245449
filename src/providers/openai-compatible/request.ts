/**
 * OpenAI params → an OpenAI-compatible body. OpenAI's own parameters pass through faithfully (gated by
 * the model's row when we know the model); Mistral-only options and what the service is known to reject
 * are refused with an InputError (or dropped on opt-in); unknown keys likewise.
 */
import { refuseUnsupported, requireFeature, requireNumberInRange } from '../../core/feature-gate.js'
import type { GenerationRequestContext } from '../../core/provider-adapter.js'
import { InputError } from '../../errors.js'
import type { ChatCompletionParamsBase, ChatCompletionTool, ResponseFormat } from '../../types.js'
import { convertToOpenAIMessages } from './messages.js'
import type { OpenAICompatibleQuirks } from './quirks.js'

type Body = Record<string, unknown>
type Check = (value: never, context: GenerationRequestContext, quirks: OpenAICompatibleQuirks) => void

/** OpenAI parameters, each with the check it needs before being sent unchanged. */
const openAIParams: Readonly<Record<string, Check>> = {
  temperature: (value: number, context, quirks) =>
    requireNumberInRange(context, 'temperature', value, { min: 0, max: quirks.maxTemperature ?? 2 }),
  top_p: (value: number, context) => requireNumberInRange(context, 'top_p', value, { min: 0, max: 1 }),
  max_tokens: (value: number, context) => requireNumberInRange(context, 'max_tokens', value, { min: 1, integer: true }),
  max_completion_tokens: (value: number, context) =>
    requireNumberInRange(context, 'max_completion_tokens', value, { min: 1, integer: true }),
  n: (value: number, context, quirks) => {
    requireNumberInRange(context, 'n', value, { min: 1, max: quirks.maxChoices ?? 128, integer: true })
    if (value > 1) requireFeature(context, 'n', 'n')
  },
  presence_penalty: (value: number, context) =>
    requireNumberInRange(context, 'presence_penalty', value, { min: -2, max: 2 }),
  frequency_penalty: (value: number, context) =>
    requireNumberInRange(context, 'frequency_penalty', value, { min: -2, max: 2 }),
  seed: (value: number, context) => requireNumberInRange(context, 'seed', value, { integer: true }),
  stop: () => {},
  response_format: (value: ResponseFormat, context) => {
    if (value.type === 'json_object') requireFeature(context, 'jsonMode', 'response_format')
    if (value.type === 'json_schema') requireFeature(context, 'jsonSchema', 'response_format')
  },
  tools: (value: ChatCompletionTool[], context, quirks) => {
    if (value.length > 0) requireFeature(context, 'tools', 'tools')
    if (quirks.maxTools !== undefined && value.length > quirks.maxTools) {
      throw new InputError(
        `${context.provider} accepts at most ${quirks.maxTools} tools; got ${value.length}.`,
        'tools',
      )
    }
  },
  tool_choice: () => {},
  parallel_tool_calls: () => {},
  prediction: (_value: unknown, context) => requireFeature(context, 'prediction', 'prediction'),
  reasoning_effort: (value: string, context) => checkReasoningEffort(value, context),
  prompt_cache_key: () => {},
  // openai 6.49's ChatCompletionCreateParams has these too (gpt-5.5+/5.6+ cache options, moderated completions).
  prompt_cache_retention: () => {},
  prompt_cache_options: () => {},
  moderation: () => {},
  metadata: () => {},
  service_tier: (value: string, context) => {
    if (value === 'standard_only')
      refuseUnsupported(context, 'service_tier', "'standard_only' is Mistral's tier name; use 'default'.")
  },
  logprobs: () => {},
  top_logprobs: () => {},
  logit_bias: () => {},
  user: () => {},
  safety_identifier: () => {},
  store: () => {},
  modalities: (value: string[], context) => {
    if (value.includes('audio')) requireFeature(context, 'audio', 'modalities')
  },
  audio: () => {},
  web_search_options: () => {},
  functions: () => {},
  function_call: () => {},
  verbosity: () => {},
}

/** Keys handled outside the loop. */
const SKIPPED = new Set(['provider', 'model', 'messages', 'stream', 'stream_options'])

export function toOpenAICompatibleRequest(
  input: Readonly<Record<string, unknown>>,
  context: GenerationRequestContext,
  quirks: OpenAICompatibleQuirks,
): Body {
  const params = input as unknown as ChatCompletionParamsBase & { stream?: boolean | null }
  const body: Body = {
    model: context.model,
    messages: convertToOpenAIMessages(params.messages, context, quirks),
  }
  for (const key of Object.keys(input)) {
    const value = input[key]
    if (SKIPPED.has(key) || value === undefined || value === null) continue
    const check = openAIParams[key]
    const rejected = quirks.rejectedParams?.[key]
    if (check === undefined || rejected !== undefined) {
      refuseUnsupported(context, key, rejected ?? `it is not an OpenAI chat parameter ${context.provider} takes.`)
      continue
    }
    check(value as never, context, quirks)
    // Asking a model that never reasons for no reasoning: same meaning, and OpenAI rejects the field.
    if (key === 'reasoning_effort' && value === 'none' && context.row !== undefined && !context.row.reasoning) continue
    body[key] = value
  }
  if (quirks.maxTokensAsMaxCompletionTokens === true && body.max_tokens !== undefined) {
    if (body.max_completion_tokens !== undefined && body.max_completion_tokens !== body.max_tokens) {
      throw new InputError(
        `max_tokens (${JSON.stringify(body.max_tokens)}) and max_completion_tokens (${JSON.stringify(body.max_completion_tokens)}) disagree; pass only max_completion_tokens.`,
        'max_completion_tokens',
      )
    }
    body.max_completion_tokens = body.max_tokens
    delete body.max_tokens
  }
  if (params.stream === true) {
    body.stream = true
    const given =
      typeof params.stream_options === 'object' && params.stream_options !== null ? params.stream_options : {}
    // Usage on the last chunk, as with Mistral; `stream_options` is only valid together with `stream`.
    if (quirks.requestStreamUsage === true) body.stream_options = { ...given, include_usage: true }
    else if (Object.keys(given).length > 0) body.stream_options = given
  }
  return body
}

function checkReasoningEffort(effort: string, context: GenerationRequestContext): void {
  const row = context.row
  if (row === undefined) return
  if (!row.reasoning) {
    if (effort !== 'none') requireFeature(context, 'reasoning', 'reasoning_effort')
    return
  }
  const accepted = row.reasoningEfforts
  if (accepted === undefined || (accepted as readonly string[]).includes(effort)) return
  throw new InputError(
    `reasoning_effort '${effort}' is not supported by '${context.model}'; it accepts ` +
      `${accepted.map((value) => `'${value}'`).join(', ')}.`,
    'reasoning_effort',
  )
}
