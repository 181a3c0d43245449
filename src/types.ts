/**
 * Our own OpenAI chat-completions types (no runtime or type dependency on the `openai` package).
 * A type test proves they stay compatible with openai-node's `ChatCompletion`, `ChatCompletionChunk`,
 * `ChatCompletionMessageParam` and `ChatCompletionTool`.
 */

// ---------- content parts ----------

export interface ChatCompletionContentPartText {
  type: 'text'
  text: string
}

export interface ChatCompletionContentPartImage {
  type: 'image_url'
  image_url: {
    /** An http(s) URL or a `data:image/...;base64,` URL. */
    url: string
    /** Image detail level. */
    detail?: 'auto' | 'low' | 'high'
  }
}

export interface ChatCompletionContentPartInputAudio {
  type: 'input_audio'
  input_audio: {
    /** Base64-encoded audio. */
    data: string
    format: 'wav' | 'mp3' | (string & {})
  }
}

export interface ChatCompletionContentPartFile {
  type: 'file'
  file: {
    /** Base64 file data, or a `data:application/pdf;base64,` URL. */
    file_data?: string
    /** A provider file id (Mistral: an id returned by its `/v1/files` upload). */
    file_id?: string
    filename?: string
  }
}

export interface ChatCompletionContentPartRefusal {
  type: 'refusal'
  refusal: string
}

export type ChatCompletionContentPart =
  | ChatCompletionContentPartText
  | ChatCompletionContentPartImage
  | ChatCompletionContentPartInputAudio
  | ChatCompletionContentPartFile

// ---------- messages ----------

export interface ChatCompletionSystemMessageParam {
  role: 'system'
  content: string | ChatCompletionContentPartText[]
  name?: string
}

export interface ChatCompletionDeveloperMessageParam {
  role: 'developer'
  content: string | ChatCompletionContentPartText[]
  name?: string
}

export interface ChatCompletionUserMessageParam {
  role: 'user'
  content: string | ChatCompletionContentPart[]
  name?: string
}

/** A function call made by the model. */
export interface ChatCompletionMessageFunctionToolCall {
  id: string
  type: 'function'
  function: {
    name: string
    /** JSON-encoded arguments. */
    arguments: string
  }
}

/** An OpenAI custom-tool call (free-text input). No provider here supports custom tools yet. */
export interface ChatCompletionMessageCustomToolCall {
  id: string
  type: 'custom'
  custom: { name: string; input: string }
}

export type ChatCompletionMessageToolCall = ChatCompletionMessageFunctionToolCall | ChatCompletionMessageCustomToolCall

export interface ChatCompletionAssistantMessageParam {
  role: 'assistant'
  content?: string | (ChatCompletionContentPartText | ChatCompletionContentPartRefusal)[] | null
  refusal?: string | null
  name?: string
  audio?: { id: string } | null
  tool_calls?: ChatCompletionMessageToolCall[]
  function_call?: { name: string; arguments: string } | null
  /**
   * token.js extra: the model's reasoning text from an earlier turn (as returned in
   * `message.reasoning_content`). Sent back to Mistral as a `thinking` chunk.
   */
  reasoning_content?: string | null
  /**
   * Mistral extra: continue this (last) assistant message instead of answering after it.
   * A trailing assistant message is sent with `prefix: true` even without this flag.
   */
  prefix?: boolean
}

export interface ChatCompletionToolMessageParam {
  role: 'tool'
  content: string | ChatCompletionContentPartText[]
  tool_call_id: string
}

/** @deprecated OpenAI's legacy function role; refused by every provider here. */
export interface ChatCompletionFunctionMessageParam {
  role: 'function'
  content: string | null
  name: string
}

export type ChatCompletionMessageParam =
  | ChatCompletionSystemMessageParam
  | ChatCompletionDeveloperMessageParam
  | ChatCompletionUserMessageParam
  | ChatCompletionAssistantMessageParam
  | ChatCompletionToolMessageParam
  | ChatCompletionFunctionMessageParam

// ---------- tools ----------

export interface FunctionDefinition {
  name: string
  description?: string
  /** JSON Schema of the arguments. Defaults to an empty object schema where a provider requires one. */
  parameters?: Record<string, unknown>
  strict?: boolean | null
}

export interface ChatCompletionFunctionTool {
  type: 'function'
  function: FunctionDefinition
}

/** OpenAI's custom tool (free-text or grammar input). Refused by providers without custom tools. */
export interface ChatCompletionCustomTool {
  type: 'custom'
  custom: { name: string; description?: string; format?: { type: 'text' } | { type: 'grammar'; grammar: { definition: string; syntax: 'lark' | 'regex' } } }
}

export type ChatCompletionTool = ChatCompletionFunctionTool | ChatCompletionCustomTool

export interface ChatCompletionNamedToolChoice {
  type: 'function'
  function: { name: string }
}

export interface ChatCompletionAllowedToolsChoice {
  type: 'allowed_tools'
  allowed_tools: {
    mode: 'auto' | 'required'
    tools: Array<{ type: 'function'; function: { name: string } }>
  }
}

export interface ChatCompletionNamedToolChoiceCustom {
  type: 'custom'
  custom: { name: string }
}

export type ChatCompletionToolChoiceOption =
  | 'none'
  | 'auto'
  | 'required'
  | ChatCompletionNamedToolChoice
  | ChatCompletionNamedToolChoiceCustom
  | ChatCompletionAllowedToolsChoice

// ---------- request ----------

export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | {
      type: 'json_schema'
      json_schema: {
        name: string
        description?: string
        schema?: Record<string, unknown>
        strict?: boolean | null
      }
    }

/** OpenAI's chat-completion parameters (those token.js knows; each has a documented fate per provider). */
export interface ChatCompletionParamsBase {
  /** The conversation so far. At least one message. */
  messages: ChatCompletionMessageParam[]
  /** Sampling temperature. Passed through unchanged (Mistral accepts 0–1.5). */
  temperature?: number | null
  /** Nucleus sampling; Mistral accepts (0, 1]. */
  top_p?: number | null
  /** Maximum tokens to generate. */
  max_tokens?: number | null
  /** Maximum tokens to generate (OpenAI's newer name; sent to Mistral as `max_tokens`). */
  max_completion_tokens?: number | null
  /** Up to 4 sequences where generation stops; the output excludes them. */
  stop?: string | string[] | null
  /** Seed for deterministic sampling (Mistral: `random_seed`). */
  seed?: number | null
  /** Number of choices to generate. */
  n?: number | null
  /** −2 to 2. */
  presence_penalty?: number | null
  /** −2 to 2. */
  frequency_penalty?: number | null
  response_format?: ResponseFormat
  tools?: ChatCompletionTool[]
  tool_choice?: ChatCompletionToolChoiceOption
  parallel_tool_calls?: boolean
  /** Predicted output (speeds up edits of a known text). */
  prediction?: { type: 'content'; content: string | ChatCompletionContentPartText[] } | null
  /** Reasoning effort. Mistral's reasoning models accept only `none` and `high`. */
  reasoning_effort?: 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' | null
  /** Stream options. Usage always arrives on the last chunk with token.js; never forwarded to Mistral. */
  stream_options?: { include_usage?: boolean; include_obfuscation?: boolean } | null
  /** Prompt-cache bucketing key. */
  prompt_cache_key?: string | null
  /** Free-form metadata stored with the request. */
  metadata?: Record<string, unknown> | null
  /** OpenAI service tier; Mistral takes `auto` and `default` (sent as `standard_only`). */
  service_tier?: 'auto' | 'default' | 'flex' | 'scale' | 'priority' | 'standard_only' | null

  // OpenAI parameters with no Mistral equivalent: refused with an InputError unless
  // `dropUnsupportedParams` is set (then dropped). Listed so OpenAI-typed objects are accepted.
  logprobs?: boolean | null
  top_logprobs?: number | null
  logit_bias?: Record<string, number> | null
  user?: string
  store?: boolean | null
  modalities?: Array<'text' | 'audio'> | null
  audio?: { voice: string; format: string } | null
  web_search_options?: Record<string, unknown>
  functions?: Array<Record<string, unknown>>
  function_call?: 'none' | 'auto' | { name: string }
  verbosity?: 'low' | 'medium' | 'high' | null
  safety_identifier?: string
}

/** Mistral-only options, available when `provider: 'mistral'`. */
export interface MistralChatOptions {
  /** Inject Mistral's safety system prompt. Default false. */
  safe_prompt?: boolean
  /** `'reasoning'` uses Mistral's default reasoning system prompt (Magistral models). */
  prompt_mode?: 'reasoning' | null
  /** Input moderation guardrails; a triggered guardrail fails the request with 403. */
  guardrails?: Array<{
    block_on_error?: boolean
    moderation_llm_v1?: Record<string, unknown> | null
    moderation_llm_v2?: Record<string, unknown> | null
  }> | null
}

// ---------- response ----------

export interface CompletionUsage {
  prompt_tokens: number
  completion_tokens: number
  total_tokens: number
  prompt_tokens_details?: { cached_tokens?: number }
}

export type ChatCompletionFinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call'

export interface ChatCompletionMessage {
  role: 'assistant'
  content: string | null
  refusal: string | null
  tool_calls?: ChatCompletionMessageFunctionToolCall[]
  /**
   * token.js extra: the model's reasoning (Mistral `thinking` chunks joined as text). Present only
   * when the model reasoned. Send the message back as-is and it is replayed as a thinking chunk.
   */
  reasoning_content?: string
}

export interface ChatCompletion {
  id: string
  object: 'chat.completion'
  created: number
  model: string
  choices: Array<{
    index: number
    message: ChatCompletionMessage
    finish_reason: ChatCompletionFinishReason
    logprobs: null
  }>
  usage?: CompletionUsage
}

export interface ChatCompletionChunkToolCall {
  index: number
  id?: string
  type?: 'function'
  function?: { name?: string; arguments?: string }
}

export interface ChatCompletionChunkDelta {
  role?: 'assistant'
  content?: string | null
  refusal?: string | null
  tool_calls?: ChatCompletionChunkToolCall[]
  /** token.js extra: a piece of the model's reasoning. */
  reasoning_content?: string
}

export interface ChatCompletionChunk {
  id: string
  object: 'chat.completion.chunk'
  created: number
  model: string
  choices: Array<{
    index: number
    delta: ChatCompletionChunkDelta
    finish_reason: ChatCompletionFinishReason | null
    logprobs?: null
  }>
  usage?: CompletionUsage | null
}
