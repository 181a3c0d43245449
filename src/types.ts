/**
 * Our own OpenAI chat-completions types (no runtime or type dependency on the `openai` package).
 * A type test proves they stay compatible with openai-node's `ChatCompletion`, `ChatCompletionChunk`,
 * `ChatCompletionMessageParam` and `ChatCompletionTool`.
 */

import type { TokenJSWarning } from './core/warnings.js'
import type { FeatureName, ModelRetirement } from './capabilities.js'

// ---------- content parts ----------

/** A text part of a message. */
export interface ChatCompletionContentPartText {
  type: 'text'
  text: string
}

/** An image part (models with images: Mistral sends it as `image_url`). */
export interface ChatCompletionContentPartImage {
  type: 'image_url'
  image_url: {
    /** An http(s) URL or a `data:image/...;base64,` URL. */
    url: string
    /** Image detail level. */
    detail?: 'auto' | 'low' | 'high'
  }
}

/** An audio part (audio models: Mistral sends the base64 string alone). */
export interface ChatCompletionContentPartInputAudio {
  type: 'input_audio'
  input_audio: {
    /** Base64-encoded audio. */
    data: string
    format: 'wav' | 'mp3' | (string & {})
  }
}

/** A file part: PDF data (Mistral: `document_url`) or a provider file id (Mistral: a UUID from `/v1/files`). */
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

/** A refusal part of an earlier assistant message (sent back to Mistral as its text). */
export interface ChatCompletionContentPartRefusal {
  type: 'refusal'
  refusal: string
}

/** The parts a user message may hold. */
export type ChatCompletionContentPart =
  | ChatCompletionContentPartText
  | ChatCompletionContentPartImage
  | ChatCompletionContentPartInputAudio
  | ChatCompletionContentPartFile

// ---------- messages ----------

/** Instructions for the model. */
export interface ChatCompletionSystemMessageParam {
  role: 'system'
  content: string | ChatCompletionContentPartText[]
  name?: string
}

/** OpenAI's newer name for system instructions (sent as `system` where a provider has no `developer`). */
export interface ChatCompletionDeveloperMessageParam {
  role: 'developer'
  content: string | ChatCompletionContentPartText[]
  name?: string
}

/** What the user said: text, or parts (text, images, audio, files). */
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

/** A tool call in an assistant message you send back. */
export type ChatCompletionMessageToolCall = ChatCompletionMessageFunctionToolCall | ChatCompletionMessageCustomToolCall

/** An earlier answer of the model (content, tool calls, reasoning) sent back as history. */
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
   * token.js extra: the model's reasoning as the provider returned it, signed or encrypted
   * (`message.reasoning_details`). Providers that verify reasoning (Anthropic's signed thinking
   * blocks) get it back unchanged; others use `reasoning_content`.
   */
  reasoning_details?: ReasoningDetail[] | null
}

/**
 * One piece of a model's reasoning as its provider returned it, so it can be sent back unchanged
 * (named as OpenRouter names them). `format` says whose it is (`anthropic-claude-v1`): a provider
 * sends back only pieces in its own format.
 */
export type ReasoningDetail =
  | {
      type: 'reasoning.text'
      /** The reasoning text. */
      text: string
      /** The provider's signature over `text` (Anthropic: the thinking block's `signature`). */
      signature?: string
      /** Whose reasoning this is, e.g. `anthropic-claude-v1`. */
      format?: string
    }
  | {
      type: 'reasoning.encrypted'
      /** Opaque reasoning (Anthropic: a `redacted_thinking` block's `data`; Gemini: a thought signature). */
      data: string
      /** The tool call the piece belongs to (Gemini signs function calls; OpenRouter's field). */
      id?: string
      /** Whose reasoning this is, e.g. `anthropic-claude-v1`. */
      format?: string
    }

/** The result of a tool call; `tool_call_id` names the call it answers. */
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

/** Any message of the conversation (OpenAI's union; openai-node's values are accepted as they are). */
export type ChatCompletionMessageParam =
  | ChatCompletionSystemMessageParam
  | ChatCompletionDeveloperMessageParam
  | ChatCompletionUserMessageParam
  | ChatCompletionAssistantMessageParam
  | ChatCompletionToolMessageParam
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the legacy role stays in the union so it can be refused with a clear error
  | ChatCompletionFunctionMessageParam

// ---------- tools ----------

/** A function the model may call. */
export interface FunctionDefinition {
  name: string
  description?: string
  /** JSON Schema of the arguments. Defaults to an empty object schema where a provider requires one. */
  parameters?: Record<string, unknown>
  strict?: boolean | null
}

/** A function tool. */
export interface ChatCompletionFunctionTool {
  type: 'function'
  function: FunctionDefinition
}

/** OpenAI's custom tool (free-text or grammar input). Refused by providers without custom tools. */
export interface ChatCompletionCustomTool {
  type: 'custom'
  custom: {
    name: string
    description?: string
    format?: { type: 'text' } | { type: 'grammar'; grammar: { definition: string; syntax: 'lark' | 'regex' } }
  }
}

/** A tool the model may call (function tools; custom tools are refused where unsupported). */
export type ChatCompletionTool = ChatCompletionFunctionTool | ChatCompletionCustomTool

/** Forces a call of the named function. */
export interface ChatCompletionNamedToolChoice {
  type: 'function'
  function: { name: string }
}

/** Restricts the model to some of the declared tools (`auto`: may call them; `required`: must). */
export interface ChatCompletionAllowedToolsChoice {
  type: 'allowed_tools'
  allowed_tools: {
    mode: 'auto' | 'required'
    /**
     * The allowed tools, each `{ type: 'function', function: { name } }` (checked before sending). The
     * record alternative is how openai-node 6 types them (`Array<{ [key: string]: unknown }>`,
     * src/resources/chat/completions/completions.ts), so its params objects stay assignable.
     */
    tools: Array<{ type: 'function'; function: { name: string } } | { [key: string]: unknown }>
  }
}

/** Forces a call of the named custom tool (refused where custom tools are unsupported). */
export interface ChatCompletionNamedToolChoiceCustom {
  type: 'custom'
  custom: { name: string }
}

/** How the model chooses tools. */
export type ChatCompletionToolChoiceOption =
  | 'none'
  | 'auto'
  | 'required'
  | ChatCompletionNamedToolChoice
  | ChatCompletionNamedToolChoiceCustom
  | ChatCompletionAllowedToolsChoice

// ---------- request ----------

/** The answer's format: text, any JSON object, or JSON valid for a schema. */
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
export interface ChatCompletionParamsBase<Message = ChatCompletionMessageParam> {
  /** The conversation so far. At least one message. */
  messages: Message[]
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
  /** `json_object` (JSON mode: also ask for JSON in the prompt) or `json_schema` (structured output). */
  response_format?: ResponseFormat
  /** Functions the model may call. At most 128 with Mistral. */
  tools?: ChatCompletionTool[]
  /** `auto` (default with tools), `none`, `required`, a named function, or `allowed_tools`. */
  tool_choice?: ChatCompletionToolChoiceOption
  /** Allow several tool calls in one answer. Default true. */
  parallel_tool_calls?: boolean
  /** Predicted output (speeds up edits of a known text). */
  prediction?: { type: 'content'; content: string | ChatCompletionContentPartText[] } | null
  /** Reasoning effort. Mistral's reasoning models accept only `none` and `high`. */
  reasoning_effort?: 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' | 'max' | null
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
  audio?: { voice: string | { id: string }; format: string } | null
  web_search_options?: object
  functions?: object[]
  function_call?: 'none' | 'auto' | { name: string }
  verbosity?: 'low' | 'medium' | 'high' | null
  safety_identifier?: string | null
  /** OpenAI prompt-cache retention (deprecated by OpenAI for `prompt_cache_options`). */
  prompt_cache_retention?: 'in_memory' | '24h' | null
  /** OpenAI prompt-cache options (gpt-5.6 and later). */
  prompt_cache_options?: { ttl?: '30m'; mode?: 'implicit' | 'explicit' } | null
  /** OpenAI moderated completions. */
  moderation?: object | null
}

// ---------- response ----------

export interface CompletionUsage {
  /** Tokens in the prompt. */
  prompt_tokens: number
  /** Tokens generated (all choices). */
  completion_tokens: number
  /** prompt_tokens + completion_tokens. */
  total_tokens: number
  /**
   * Prompt tokens served from the prompt cache (`cached_tokens`) and, where the provider bills cache
   * writes apart (Anthropic), prompt tokens written to it (`cache_write_tokens`, OpenRouter's name).
   */
  prompt_tokens_details?: { cached_tokens?: number; audio_tokens?: number; cache_write_tokens?: number }
  /** OpenAI-family providers: reasoning and prediction token counts, passed through. */
  completion_tokens_details?: {
    reasoning_tokens?: number
    audio_tokens?: number
    accepted_prediction_tokens?: number
    rejected_prediction_tokens?: number
  }
}

/** Why the model stopped (Mistral's `model_length` arrives as `length`). */
export type ChatCompletionFinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call'

/** The model's answer in a ChatCompletion. */
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
  /**
   * token.js extra: the reasoning as the provider returned it (signed or encrypted); present only when
   * the provider returns it that way (Anthropic). Send the message back as-is to replay it.
   */
  reasoning_details?: ReasoningDetail[]
  /** OpenAI-family providers: URL citations. */
  annotations?: ChatCompletionAnnotation[]
}

/** Log probability of one output token (OpenAI-family providers, with `logprobs: true`). */
export interface ChatCompletionTokenLogprob {
  token: string
  bytes: number[] | null
  logprob: number
  top_logprobs: Array<{ token: string; bytes: number[] | null; logprob: number }>
}

/** Per-choice log probabilities. */
export interface ChatCompletionChoiceLogprobs {
  content: ChatCompletionTokenLogprob[] | null
  refusal: ChatCompletionTokenLogprob[] | null
}

/** A URL citation in a message (OpenAI search models). */
export interface ChatCompletionAnnotation {
  type: 'url_citation'
  url_citation: { start_index: number; end_index: number; title: string; url: string }
}

/** OpenAI's service tiers as reported in responses. */
export type ChatCompletionServiceTier = 'auto' | 'default' | 'flex' | 'scale' | 'priority'

/** OpenAI's chat completion, whatever the provider. */
export interface ChatCompletion {
  id: string
  object: 'chat.completion'
  /** Unix seconds. */
  created: number
  model: string
  choices: Array<{
    index: number
    message: ChatCompletionMessage
    finish_reason: ChatCompletionFinishReason
    /** Always null for Mistral; token log probabilities for OpenAI-family providers when asked. */
    logprobs: ChatCompletionChoiceLogprobs | null
  }>
  usage?: CompletionUsage
  /** OpenAI-family providers: the tier that served the request. */
  service_tier?: ChatCompletionServiceTier | null
  /** OpenAI-family providers (deprecated by OpenAI): backend configuration fingerprint. */
  system_fingerprint?: string
  /**
   * token.js: what was dropped from the request before sending it (only with `dropUnsupportedParams`).
   * Absent when nothing was, so the object stays exactly OpenAI's.
   */
  warnings?: TokenJSWarning[]
}

/** A piece of a tool call in a stream; pieces with the same `index` belong to one call. */
export interface ChatCompletionChunkToolCall {
  index: number
  id?: string
  type?: 'function'
  function?: { name?: string; arguments?: string }
}

/** What a stream chunk adds to a choice. */
export interface ChatCompletionChunkDelta {
  role?: 'assistant'
  content?: string | null
  refusal?: string | null
  tool_calls?: ChatCompletionChunkToolCall[]
  /** token.js extra: a piece of the model's reasoning. */
  reasoning_content?: string
  /** token.js extra: finished pieces of signed or encrypted reasoning (joined by `finalCompletion()`). */
  reasoning_details?: ReasoningDetail[]
}

/** OpenAI's stream chunk; usage arrives on the last one for every provider. */
export interface ChatCompletionChunk {
  id: string
  object: 'chat.completion.chunk'
  created: number
  model: string
  choices: Array<{
    index: number
    delta: ChatCompletionChunkDelta
    finish_reason: ChatCompletionFinishReason | null
    logprobs?: ChatCompletionChoiceLogprobs | null
  }>
  usage?: CompletionUsage | null
  /** OpenAI-family providers: the tier that served the request. */
  service_tier?: ChatCompletionServiceTier | null
  /** OpenAI-family providers (deprecated by OpenAI): backend configuration fingerprint. */
  system_fingerprint?: string
}

// ---------- embeddings (OpenAI `embeddings.create`) ----------

/** OpenAI's embedding parameters (those token.js knows). */
export interface EmbeddingCreateParamsBase {
  /**
   * The text to embed: one string, or an array of strings (one vector each, same order). Empty strings
   * and empty arrays are refused. Token arrays (`number[]`) are not accepted: no provider here takes them.
   */
  input: string | string[]
  /**
   * `'float'` (default): each embedding is a `number[]`. `'base64'`: each embedding is the base64 text of
   * its float32 little-endian bytes, exactly as OpenAI returns it (decode with
   * `new Float32Array(Buffer.from(s, 'base64').buffer)`). token.js encodes it itself from the floats.
   */
  encoding_format?: 'float' | 'base64'
  /**
   * Length of each vector. Only models that can shorten their output accept it (Mistral:
   * `codestral-embed`, 1–3072, sent as `output_dimension`); others fail with an InputError.
   */
  dimensions?: number
  /** OpenAI's end-user id. No Mistral equivalent: refused unless `dropUnsupportedParams` is set. */
  user?: string
}

/** One vector of an embeddings response. */
export interface Embedding {
  object: 'embedding'
  /** Position of the input this vector belongs to. */
  index: number
  /** The vector, or its base64 float32 little-endian bytes with `encoding_format: 'base64'`. */
  embedding: number[] | string
}

export interface CreateEmbeddingResponse {
  object: 'list'
  /** One entry per input, in input order. */
  data: Embedding[]
  model: string
  usage: { prompt_tokens: number; total_tokens: number }
  /**
   * token.js: what was dropped from the request before sending it (only with `dropUnsupportedParams`).
   * Absent when nothing was, so the object stays exactly OpenAI's.
   */
  warnings?: TokenJSWarning[]
}

// ---------- text completions (OpenAI `completions.create`; Mistral FIM) ----------

/** OpenAI's text-completion parameters (those token.js knows). */
export interface CompletionCreateParamsBase {
  /** The code (or text) before the gap. One string. */
  prompt: string
  /** The code after the gap (fill-in-the-middle). Needs a model with FIM (Mistral: `codestral-latest`). */
  suffix?: string | null
  /** Maximum tokens to generate. */
  max_tokens?: number | null
  /** Sampling temperature, passed through unchanged (Mistral FIM accepts 0–1.5). */
  temperature?: number | null
  /** Nucleus sampling; Mistral accepts (0, 1]. */
  top_p?: number | null
  /** Sequences where generation stops; the output excludes them. */
  stop?: string | string[] | null
  /** Seed for deterministic sampling (Mistral: `random_seed`). */
  seed?: number | null
  /** Number of completions. Mistral FIM returns one: only `1` is accepted. */
  n?: number | null

  // OpenAI parameters with no Mistral FIM equivalent: refused with an InputError unless
  // `dropUnsupportedParams` is set (then dropped).
  best_of?: number | null
  echo?: boolean | null
  frequency_penalty?: number | null
  presence_penalty?: number | null
  logit_bias?: Record<string, number> | null
  logprobs?: number | null
  user?: string
  stream_options?: { include_usage?: boolean } | null
}

export type CompletionFinishReason = 'stop' | 'length' | 'content_filter'

/** OpenAI's text completion; also the type of each streamed chunk (as OpenAI streams them). */
export interface Completion {
  id: string
  object: 'text_completion'
  created: number
  model: string
  choices: Array<{
    index: number
    /** The generated text (in a stream chunk: the new piece). */
    text: string
    /** Why generation stopped; `null` in stream chunks before the last. */
    finish_reason: CompletionFinishReason | null
    logprobs: null
  }>
  usage?: CompletionUsage
  /**
   * token.js: what was dropped from the request before sending it (only with `dropUnsupportedParams`).
   * Absent when nothing was, so the object stays exactly OpenAI's.
   */
  warnings?: TokenJSWarning[]
}

// ---------- models (OpenAI `models.list`) ----------

/**
 * What a listed model can do, in token.js's vocabulary (the keys of `ModelFeatures`), derived from the
 * provider's own model list. `null` means the provider does not report that feature: token.js does not
 * gate it for a model it knows only from this list.
 */
export type ListedModelCapabilities = { readonly [K in FeatureName]: boolean | null } & {
  /** Context window in tokens. */
  readonly contextLength: number
  /** Other ids of the same model (Mistral lists each alias as its own entry too). */
  readonly aliases: readonly string[]
  /** Set when the provider announces a retirement date; `replacement` when it names a successor. */
  readonly retirement: ModelRetirement | null
}

/** OpenAI's model object plus token.js's `capabilities`. */
export interface Model {
  id: string
  object: 'model'
  /** Unix seconds. */
  created: number
  owned_by: string
  /** token.js extra: what the model can do (see `ListedModelCapabilities`). */
  capabilities: ListedModelCapabilities
}

/** OpenAI's `models.list()` page (one page: the providers here return every model at once). */
export interface ModelsPage {
  object: 'list'
  data: Model[]
}
