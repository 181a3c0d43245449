/**
 * OpenAI chat params → a Gemini `generateContent` request (https://ai.google.dev/api/generate-content):
 * the model and the action go in the path, every OpenAI parameter has a decided fate (mapped, refused
 * with a reason, or dropped on opt-in), so the body never carries a key the API rejects as unknown.
 */
import { refuseUnsupported, requireFeature, requireNumberInRange } from '../../core/feature-gate.js'
import type { GenerationRequestContext, ProviderRequest } from '../../core/provider-adapter.js'
import { InputError } from '../../errors.js'
import type { ReasoningEffort } from '../../capabilities.js'
import type { ChatCompletionTool, ResponseFormat } from '../../types.js'
import type { ChatParamsAsSent } from '../shared/params-as-sent.js'
import { convertToGeminiMessages } from './messages.js'
import type { GeminiChatOptions, GeminiSafetySetting } from './options.js'
import { convertReasoningEffort } from './reasoning.js'
import { toGeminiResponseSchema } from './schema.js'
import { convertToolChoice, convertTools } from './tools.js'

type Params = ChatParamsAsSent & GeminiChatOptions
type Json = Record<string, unknown>
interface Draft {
  readonly body: Json
  readonly config: Json
}
type Handler = (value: never, draft: Draft, context: GenerationRequestContext, params: Params) => void

const CORE_KEYS = new Set(['provider', 'model', 'messages', 'stream'])
/** Gemini accepts at most 5 stop sequences (https://ai.google.dev/api/generate-content#generationconfig). */
const MAX_STOP = 5

/** The path of a model's action; `models/` prefixes are accepted as Google's SDK accepts them. */
export function modelPath(model: string, action: string): string {
  const id = model.startsWith('models/') ? model.slice('models/'.length) : model
  return `/models/${encodeURIComponent(id)}:${action}`
}

export function toGeminiRequest(
  input: Readonly<Record<string, unknown>>,
  context: GenerationRequestContext,
): ProviderRequest {
  const params = input as unknown as Params
  const { systemInstruction, contents } = convertToGeminiMessages(params.messages, context)
  const draft: Draft = {
    body: { contents, ...(systemInstruction === undefined ? {} : { systemInstruction }) },
    config: {},
  }
  for (const key of Object.keys(params)) {
    if (CORE_KEYS.has(key)) continue
    const value = (input as Json)[key]
    if (value === undefined || value === null) continue
    const handler = handlers[key]
    if (handler === undefined) {
      refuseUnsupported(context, key, 'it is not an OpenAI chat parameter token.js knows.')
      continue
    }
    handler(value as never, draft, context, params)
  }
  if (Object.keys(draft.config).length > 0) draft.body.generationConfig = draft.config
  const stream = params.stream === true
  return {
    path: modelPath(context.model, stream ? 'streamGenerateContent' : 'generateContent'),
    ...(stream ? { query: { alt: 'sse' } } : {}),
    body: draft.body,
  }
}

function setMaxTokens(param: string, value: number, draft: Draft, context: GenerationRequestContext): void {
  requireNumberInRange(context, param, value, { min: 1, integer: true })
  if (draft.config.maxOutputTokens !== undefined && draft.config.maxOutputTokens !== value)
    throw new InputError(`'max_tokens' and 'max_completion_tokens' differ; pass only one.`, param)
  draft.config.maxOutputTokens = value
}

function convertResponseFormat(format: ResponseFormat, draft: Draft, context: GenerationRequestContext): void {
  switch (format.type) {
    case 'text':
      return
    case 'json_object':
      requireFeature(context, 'jsonMode', 'response_format')
      draft.config.responseMimeType = 'application/json'
      return
    case 'json_schema':
      requireFeature(context, 'jsonSchema', 'response_format')
      draft.config.responseMimeType = 'application/json'
      if (format.json_schema.schema !== undefined)
        draft.config.responseJsonSchema = toGeminiResponseSchema(
          format.json_schema.schema,
          'response_format.json_schema.schema',
          context.model,
        )
      return
    default: {
      const unknown: never = format
      throw new InputError(
        `Unknown response_format type '${(unknown as { type: string }).type}'.`,
        'response_format.type',
      )
    }
  }
}

const refuse =
  (param: string, hint: string): Handler =>
  (_value, _draft, context) =>
    refuseUnsupported(context, param, hint)

const handlers: Record<string, Handler> = {
  temperature: (value: number, draft, context) => {
    requireNumberInRange(context, 'temperature', value, { min: 0, max: 2 })
    draft.config.temperature = value // Gemini's range is OpenAI's: 0–2
  },
  top_p: (value: number, draft, context) => {
    requireNumberInRange(context, 'top_p', value, { min: 0, max: 1 })
    draft.config.topP = value
  },
  top_k: (value: number, draft, context) => {
    requireNumberInRange(context, 'top_k', value, { min: 1, integer: true })
    draft.config.topK = value
  },
  max_tokens: (value: number, draft, context) => setMaxTokens('max_tokens', value, draft, context),
  max_completion_tokens: (value: number, draft, context) =>
    setMaxTokens('max_completion_tokens', value, draft, context),
  stop: (value: string | string[], draft) => {
    const stops = typeof value === 'string' ? [value] : value
    if (stops.length > MAX_STOP)
      throw new InputError(`'stop' has ${stops.length} sequences; Gemini takes at most ${MAX_STOP}.`, 'stop')
    if (stops.length > 0) draft.config.stopSequences = stops
  },
  seed: (value: number, draft, context) => {
    requireNumberInRange(context, 'seed', value, { integer: true })
    draft.config.seed = value
  },
  n: (value: number, draft, context) => {
    requireNumberInRange(context, 'n', value, { min: 1, max: 8, integer: true })
    if (value > 1) requireFeature(context, 'n', 'n')
    if (value > 1) draft.config.candidateCount = value
  },
  presence_penalty: (value: number, draft, context) => {
    requireNumberInRange(context, 'presence_penalty', value, { min: -2, max: 2 })
    draft.config.presencePenalty = value
  },
  frequency_penalty: (value: number, draft, context) => {
    requireNumberInRange(context, 'frequency_penalty', value, { min: -2, max: 2 })
    draft.config.frequencyPenalty = value
  },
  logprobs: (value: boolean, draft) => {
    if (value) draft.config.responseLogprobs = true
  },
  top_logprobs: (value: number, draft, context, params) => {
    requireNumberInRange(context, 'top_logprobs', value, { min: 0, max: 20, integer: true })
    if (params.logprobs !== true) throw new InputError(`'top_logprobs' needs 'logprobs: true'.`, 'top_logprobs')
    draft.config.logprobs = value
  },
  response_format: (value: ResponseFormat, draft, context) => convertResponseFormat(value, draft, context),
  tools: (value: ChatCompletionTool[], draft, context, params) => {
    if (value.length > 0) requireFeature(context, 'tools', 'tools')
    const tools = convertTools(value)
    if (tools.length > 0) draft.body.tools = tools
    const toolConfig = convertToolChoice(params.tool_choice ?? undefined, value)
    if (toolConfig !== undefined && tools.length > 0) draft.body.toolConfig = toolConfig
  },
  tool_choice: (value: Params['tool_choice'], _draft, _context, params) => {
    if (params.tools !== undefined && params.tools !== null && params.tools.length > 0) return // set with tools
    if (value === 'none' || value === 'auto') return
    throw new InputError(
      `'tool_choice' asks for a tool call, but 'tools' is empty. Pass the tools to choose from.`,
      'tool_choice',
    )
  },
  parallel_tool_calls: (value: boolean, _draft, context) => {
    if (!value) refuseUnsupported(context, 'parallel_tool_calls', 'Gemini has no switch to forbid parallel calls.')
  },
  reasoning_effort: (value: ReasoningEffort, draft, context) => {
    const thinking = convertReasoningEffort(value, context)
    if (thinking !== undefined) draft.config.thinkingConfig = thinking
  },
  // Gemini sends usage with every stream event; token.js puts it on the last chunk either way.
  stream_options: () => {},
  safety_settings: (value: GeminiSafetySetting[], draft) => {
    draft.body.safetySettings = value.map(({ category, threshold }) => ({ category, threshold }))
  },
  logit_bias: (value: Record<string, number>, _draft, context) => {
    if (Object.keys(value).length > 0) refuseUnsupported(context, 'logit_bias', 'Gemini has no token biasing.')
  },
  store: (value: boolean, _draft, context) => {
    if (value) refuseUnsupported(context, 'store', 'token.js does not map Gemini stored completions.')
  },
  modalities: (value: string[], _draft, context) => {
    if (value.some((modality) => modality !== 'text'))
      refuseUnsupported(context, 'modalities', 'token.js maps Gemini text output only.')
  },
  metadata: refuse('metadata', 'Gemini has no request metadata (Vertex AI labels are not sent to the Gemini API).'),
  user: refuse('user', 'Gemini has no end-user id field.'),
  safety_identifier: refuse('safety_identifier', 'Gemini has no end-user id field.'),
  prediction: refuse('prediction', 'Gemini has no predicted outputs.'),
  audio: refuse('audio', 'token.js maps Gemini text output only.'),
  web_search_options: refuse(
    'web_search_options',
    "Gemini's Google Search grounding is a built-in tool token.js does not map.",
  ),
  service_tier: refuse('service_tier', "Gemini's service tiers have other names; token.js does not map them."),
  prompt_cache_key: refuse(
    'prompt_cache_key',
    'Gemini caches implicitly, or explicitly through cachedContents (not mapped).',
  ),
  prompt_cache_retention: refuse(
    'prompt_cache_retention',
    'Gemini caches implicitly, or explicitly through cachedContents (not mapped).',
  ),
  prompt_cache_options: refuse(
    'prompt_cache_options',
    'Gemini caches implicitly, or explicitly through cachedContents (not mapped).',
  ),
  verbosity: refuse('verbosity', 'Gemini has no verbosity control.'),
  moderation: refuse('moderation', "use the Gemini option 'safety_settings'."),
  functions: refuse('functions', "the deprecated 'functions' parameter is not mapped; use 'tools'."),
  function_call: refuse('function_call', "the deprecated 'function_call' parameter is not mapped; use 'tool_choice'."),
}

/** The OpenAI params each handler covers (the docs list their fate). */
export const GEMINI_HANDLED_PARAMS: readonly string[] = Object.keys(handlers)
