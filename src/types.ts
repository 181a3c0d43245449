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
  /** Always `'text'`. */
  type: 'text'
  /** The text itself. */
  text: string
}

/** An image part (models with images: Mistral sends it as `image_url`). */
export interface ChatCompletionContentPartImage {
  /** Always `'image_url'`. */
  type: 'image_url'
  /** Where the image is. Refused (an `InputError`) for a model without image input. */
  image_url: {
    /** An http(s) URL or a `data:image/...;base64,` URL. */
    url: string
    /**
     * OpenAI's image resolution hint (`low` costs fewer tokens). Default `auto`. Passed on where the
     * provider has it; a provider without it refuses `low` and `high`.
     */
    detail?: 'auto' | 'low' | 'high'
  }
}

/** An audio part (audio models: Mistral sends the base64 string alone). */
export interface ChatCompletionContentPartInputAudio {
  /** Always `'input_audio'`. */
  type: 'input_audio'
  /** The audio clip. Refused (an `InputError`) for a model without audio input. */
  input_audio: {
    /** Base64-encoded audio. */
    data: string
    /** The encoding of `data`: OpenAI accepts `wav` and `mp3`; other values pass to providers that take them. */
    format: 'wav' | 'mp3' | (string & {})
  }
}

/** A file part: PDF data (Mistral: `document_url`) or a provider file id (Mistral: a UUID from `/v1/files`). */
export interface ChatCompletionContentPartFile {
  /** Always `'file'`. */
  type: 'file'
  /** The file: inline data (`file_data`) or an uploaded file's id (`file_id`), one of the two. */
  file: {
    /** Base64 file data, or a `data:application/pdf;base64,` URL. */
    file_data?: string
    /** A provider file id (Mistral: an id returned by its `/v1/files` upload). */
    file_id?: string
    /** The file's name, e.g. `report.pdf` (Mistral sends it as the document's name). */
    filename?: string
  }
}

/** A refusal part of an earlier assistant message (sent back to Mistral as its text). */
export interface ChatCompletionContentPartRefusal {
  /** Always `'refusal'`. */
  type: 'refusal'
  /** The refusal text the model gave (`message.refusal` of the earlier answer). */
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
  /** Always `'system'`. */
  role: 'system'
  /** The instructions: a string, or text parts (joined in order where a provider takes one string). */
  content: string | ChatCompletionContentPartText[]
  /**
   * OpenAI's participant name. Providers without names on this role (Mistral, Anthropic) refuse it, or
   * drop it with `dropUnsupportedParams`.
   */
  name?: string
}

/** OpenAI's newer name for system instructions (sent as `system` where a provider has no `developer`). */
export interface ChatCompletionDeveloperMessageParam {
  /** Always `'developer'`. */
  role: 'developer'
  /** The instructions: a string, or text parts (joined in order where a provider takes one string). */
  content: string | ChatCompletionContentPartText[]
  /**
   * OpenAI's participant name. Providers without names on this role (Mistral, Anthropic) refuse it, or
   * drop it with `dropUnsupportedParams`.
   */
  name?: string
}

/** What the user said: text, or parts (text, images, audio, files). */
export interface ChatCompletionUserMessageParam {
  /** Always `'user'`. */
  role: 'user'
  /** A string, or parts; each non-text part needs a model with that input (checked before sending). */
  content: string | ChatCompletionContentPart[]
  /**
   * OpenAI's participant name. Providers without names on this role (Mistral, Anthropic) refuse it, or
   * drop it with `dropUnsupportedParams`.
   */
  name?: string
}

/** A function call made by the model. */
export interface ChatCompletionMessageFunctionToolCall {
  /** The call's id; the tool message answering it repeats it as `tool_call_id`. */
  id: string
  /** Always `'function'`. */
  type: 'function'
  /** Which function, with what arguments. */
  function: {
    /** The function's name, as declared in `tools`. */
    name: string
    /** JSON-encoded arguments. */
    arguments: string
  }
}

/** An OpenAI custom-tool call (free-text input). No provider here supports custom tools yet. */
export interface ChatCompletionMessageCustomToolCall {
  /** The call's id; the tool message answering it repeats it as `tool_call_id`. */
  id: string
  /** Always `'custom'`. */
  type: 'custom'
  /** The custom tool called and the free text the model wrote for it. */
  custom: {
    /** The custom tool's name, as declared in `tools`. */
    name: string
    /** The model's input for the tool (free text, or text in the tool's grammar). */
    input: string
  }
}

/** A tool call in an assistant message you send back. */
export type ChatCompletionMessageToolCall = ChatCompletionMessageFunctionToolCall | ChatCompletionMessageCustomToolCall

/** An earlier answer of the model (content, tool calls, reasoning) sent back as history. */
export interface ChatCompletionAssistantMessageParam {
  /** Always `'assistant'`. */
  role: 'assistant'
  /** What the model said; `null` or absent when the turn was only tool calls. */
  content?: string | (ChatCompletionContentPartText | ChatCompletionContentPartRefusal)[] | null
  /** The model's refusal text from that turn (`message.refusal`). */
  refusal?: string | null
  /** OpenAI's participant name; refused by providers without names on assistant messages. */
  name?: string
  /** OpenAI: a reference to an earlier audio answer. Refused by providers without audio output. */
  audio?: {
    /** The `message.audio.id` of that answer. */
    id: string
  } | null
  /** The tool calls the model made in that turn, answered by the tool messages that follow. */
  tool_calls?: ChatCompletionMessageToolCall[]
  /** OpenAI's legacy function call (replaced by `tool_calls`); refused by providers without it. */
  function_call?: {
    /** The function's name. */
    name: string
    /** JSON-encoded arguments. */
    arguments: string
  } | null
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
      /** Readable reasoning, with an optional signature. */
      type: 'reasoning.text'
      /** The reasoning text. */
      text: string
      /** The provider's signature over `text` (Anthropic: the thinking block's `signature`). */
      signature?: string
      /** Whose reasoning this is, e.g. `anthropic-claude-v1`. */
      format?: string
    }
  | {
      /** Reasoning only the provider can read. */
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
  /** Always `'tool'`. */
  role: 'tool'
  /** What the tool returned, usually JSON text (text parts are joined where a provider takes one string). */
  content: string | ChatCompletionContentPartText[]
  /** The `id` of the assistant's tool call this answers. */
  tool_call_id: string
}

/**
 * A function result in OpenAI's legacy function-calling format (replaced by tool messages).
 *
 * @deprecated OpenAI's legacy function role; refused by every provider here.
 */
export interface ChatCompletionFunctionMessageParam {
  /** Always `'function'`. */
  role: 'function'
  /** The function's result. */
  content: string | null
  /** The function that produced it. */
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
  /** The name the model calls it by: a-z, A-Z, 0-9, underscores and dashes, at most 64 characters (OpenAI's rule). */
  name: string
  /** What the function does; the model reads it to decide when and how to call it. */
  description?: string
  /** JSON Schema of the arguments. Defaults to an empty object schema where a provider requires one. */
  parameters?: Record<string, unknown>
  /**
   * OpenAI structured outputs for the arguments: they follow `parameters` exactly. Default false. Sent
   * where the provider has it (Mistral: `strict` on the function).
   */
  strict?: boolean | null
}

/** A function tool. */
export interface ChatCompletionFunctionTool {
  /** Always `'function'`. */
  type: 'function'
  /** The function's name, description and argument schema. */
  function: FunctionDefinition
}

/** OpenAI's custom tool (free-text or grammar input). Refused by providers without custom tools. */
export interface ChatCompletionCustomTool {
  /** Always `'custom'`. */
  type: 'custom'
  /** The tool's name, description and input format. */
  custom: {
    /** The name the model calls it by. */
    name: string
    /** What the tool does; the model reads it to decide when to call it. */
    description?: string
    /** The input the model writes: free text (default) or text matching a grammar. */
    format?:
      | {
          /** Unconstrained text. */
          type: 'text'
        }
      | {
          /** Text matching `grammar`. */
          type: 'grammar'
          /** The grammar the input must match. */
          grammar: {
            /** The grammar itself, in `syntax`. */
            definition: string
            /** A Lark grammar or a regular expression. */
            syntax: 'lark' | 'regex'
          }
        }
  }
}

/** A tool the model may call (function tools; custom tools are refused where unsupported). */
export type ChatCompletionTool = ChatCompletionFunctionTool | ChatCompletionCustomTool

/** Forces a call of the named function. */
export interface ChatCompletionNamedToolChoice {
  /** Always `'function'`. */
  type: 'function'
  /** The function to call. */
  function: {
    /** Its name, as declared in `tools`. */
    name: string
  }
}

/** Restricts the model to some of the declared tools (`auto`: may call them; `required`: must). */
export interface ChatCompletionAllowedToolsChoice {
  /** Always `'allowed_tools'`. */
  type: 'allowed_tools'
  /** The subset and whether a call is required. */
  allowed_tools: {
    /** `auto`: the model may call one of `tools` or answer; `required`: it must call one. */
    mode: 'auto' | 'required'
    // The record alternative is how openai-node 6 types them (`Array<{ [key: string]: unknown }>`,
    // src/resources/chat/completions/completions.ts), so its params objects stay assignable.
    /** The allowed tools, each `{ type: 'function', function: { name } }` (checked before sending). */
    tools: Array<
      | {
          /** Always `'function'`. */
          type: 'function'
          /** The allowed function. */
          function: {
            /** Its name, as declared in `tools`. */
            name: string
          }
        }
      | { [key: string]: unknown }
    >
  }
}

/** Forces a call of the named custom tool (refused where custom tools are unsupported). */
export interface ChatCompletionNamedToolChoiceCustom {
  /** Always `'custom'`. */
  type: 'custom'
  /** The custom tool to call. */
  custom: {
    /** Its name, as declared in `tools`. */
    name: string
  }
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
  | {
      /** Plain text (the default). */
      type: 'text'
    }
  | {
      /** JSON mode: the answer is a JSON object. Also ask for JSON in the prompt; OpenAI requires it. */
      type: 'json_object'
    }
  | {
      /** Structured output: the answer is JSON valid for `json_schema.schema`. */
      type: 'json_schema'
      /** The schema and its name. */
      json_schema: {
        /** The schema's name: a-z, A-Z, 0-9, underscores and dashes, at most 64 characters (OpenAI's rule). */
        name: string
        /** What the answer is for; the model reads it. */
        description?: string
        /** A JSON Schema object the answer must satisfy. */
        schema?: Record<string, unknown>
        /** Enforce the schema exactly (OpenAI's strict mode; a subset of JSON Schema). Default false. */
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
  prediction?: {
    /** Always `'content'`. */
    type: 'content'
    /** The text the answer is expected to mostly repeat, e.g. the file being edited. */
    content: string | ChatCompletionContentPartText[]
  } | null
  /** Reasoning effort. Mistral's reasoning models accept only `none` and `high`. */
  reasoning_effort?: 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' | 'max' | null
  /** Stream options. Usage always arrives on the last chunk with token.js; never forwarded to Mistral. */
  stream_options?: {
    /** OpenAI: send usage on a last chunk. token.js always delivers usage on the last chunk. */
    include_usage?: boolean
    /** OpenAI: pad stream events with random `obfuscation` text against side-channel attacks. Default true on OpenAI. */
    include_obfuscation?: boolean
  } | null
  /** Prompt-cache bucketing key. */
  prompt_cache_key?: string | null
  /** Free-form metadata stored with the request. */
  metadata?: Record<string, unknown> | null
  /** OpenAI service tier; Mistral takes `auto` and `default` (sent as `standard_only`). */
  service_tier?: 'auto' | 'default' | 'flex' | 'scale' | 'priority' | 'standard_only' | null

  // OpenAI parameters that some providers lack: those refuse them with an InputError unless
  // `dropUnsupportedParams` is set (then dropped). Listed so OpenAI-typed objects are accepted.
  /** Return the log probability of each output token in `choices[].logprobs`. Default false. */
  logprobs?: boolean | null
  /** How many most likely alternatives to return per token position, 0–20 (OpenAI). Needs `logprobs: true`. */
  top_logprobs?: number | null
  /** Token id (in the model's tokenizer) to a bias from −100 to 100 added to its logit before sampling. */
  logit_bias?: Record<string, number> | null
  /** OpenAI's end-user id (OpenAI now prefers `safety_identifier` and `prompt_cache_key`). */
  user?: string
  /** OpenAI: keep the completion for distillation and evals. Default false. */
  store?: boolean | null
  /** Output types: `['text']` (default) or `['text', 'audio']` for OpenAI's audio models. */
  modalities?: Array<'text' | 'audio'> | null
  /** OpenAI audio output settings; required with `modalities: ['text', 'audio']`. */
  audio?: {
    /** A built-in voice name (e.g. `alloy`) or a custom voice's id. */
    voice:
      | string
      | {
          /** The custom voice's id. */
          id: string
        }
    /** Audio encoding, e.g. `mp3`, `wav`, `pcm16`. */
    format: string
  } | null
  /** OpenAI's web search for search models (`gpt-4o-search-preview`); see OpenAI's web search guide. */
  web_search_options?: object
  /** OpenAI's legacy function list (replaced by `tools`). */
  functions?: object[]
  /** OpenAI's legacy function choice (replaced by `tool_choice`). */
  function_call?:
    | 'none'
    | 'auto'
    | {
        /** The function to call. */
        name: string
      }
  /** How long the answer is: `low`, `medium` (OpenAI's default) or `high`. */
  verbosity?: 'low' | 'medium' | 'high' | null
  /** A stable, hashed id of your end user (at most 64 characters) for the provider's abuse detection. */
  safety_identifier?: string | null
  /** OpenAI prompt-cache retention (deprecated by OpenAI for `prompt_cache_options`). */
  prompt_cache_retention?: 'in_memory' | '24h' | null
  /** OpenAI prompt-cache options (gpt-5.6 and later). */
  prompt_cache_options?: {
    /** Minimum cache lifetime; `30m` (OpenAI's default and only value). */
    ttl?: '30m'
    /** `implicit` (default): OpenAI picks a breakpoint; `explicit`: only your breakpoints are used. */
    mode?: 'implicit' | 'explicit'
  } | null
  /** OpenAI moderated completions. */
  moderation?: object | null
}

// ---------- response ----------

/** Token counts of one request, as OpenAI reports them; each provider's counts are mapped to these names. */
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
  prompt_tokens_details?: {
    /** Prompt tokens read from the cache (billed at the provider's cached rate). */
    cached_tokens?: number
    /** Prompt tokens of audio input. */
    audio_tokens?: number
    /** Prompt tokens written to the cache (Anthropic bills these apart). */
    cache_write_tokens?: number
  }
  /** OpenAI-family providers: reasoning and prediction token counts, passed through. */
  completion_tokens_details?: {
    /** Tokens the model spent reasoning (part of `completion_tokens`). */
    reasoning_tokens?: number
    /** Generated tokens of audio output. */
    audio_tokens?: number
    /** Tokens of `prediction` that appeared in the answer. */
    accepted_prediction_tokens?: number
    /** Tokens of `prediction` that did not appear; still billed as completion tokens (OpenAI). */
    rejected_prediction_tokens?: number
  }
}

/** Why the model stopped (Mistral's `model_length` arrives as `length`). */
export type ChatCompletionFinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call'

/** The model's answer in a ChatCompletion. */
export interface ChatCompletionMessage {
  /** Always `'assistant'`. */
  role: 'assistant'
  /** The answer's text; `null` when the model only called tools (or refused). */
  content: string | null
  /** The model's refusal text when it declined to answer, else `null`. */
  refusal: string | null
  /** The tool calls the model made; run them and send each result back as a tool message. */
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
  /** The token's text. */
  token: string
  /** The token's UTF-8 bytes (a character can span tokens); `null` when the provider gives none. */
  bytes: number[] | null
  /** Natural log of the token's probability. */
  logprob: number
  /** The most likely tokens at this position (`top_logprobs` of them), most likely first. */
  top_logprobs: Array<{
    /** The alternative token's text. */
    token: string
    /** Its UTF-8 bytes, or `null`. */
    bytes: number[] | null
    /** Natural log of its probability. */
    logprob: number
  }>
}

/** Per-choice log probabilities. */
export interface ChatCompletionChoiceLogprobs {
  /** One entry per token of `message.content`. */
  content: ChatCompletionTokenLogprob[] | null
  /** One entry per token of `message.refusal`. */
  refusal: ChatCompletionTokenLogprob[] | null
}

/** A URL citation in a message (OpenAI search models). */
export interface ChatCompletionAnnotation {
  /** Always `'url_citation'`. */
  type: 'url_citation'
  /** The cited page and the span of `message.content` citing it. */
  url_citation: {
    /** Index of the citation's first character in `message.content`. */
    start_index: number
    /** Index after the citation's last character in `message.content`. */
    end_index: number
    /** The page's title. */
    title: string
    /** The page's URL. */
    url: string
  }
}

/** OpenAI's service tiers as reported in responses. */
export type ChatCompletionServiceTier = 'auto' | 'default' | 'flex' | 'scale' | 'priority'

/** OpenAI's chat completion, whatever the provider. */
export interface ChatCompletion {
  /** The provider's id for this completion. */
  id: string
  /** Always `'chat.completion'`. */
  object: 'chat.completion'
  /** Unix seconds. */
  created: number
  /** The model that answered, as the provider names it (may be a dated id for an alias you asked for). */
  model: string
  /** One entry per generated choice (`n`, default 1). */
  choices: Array<{
    /** The choice's position, from 0. */
    index: number
    /** The model's answer. */
    message: ChatCompletionMessage
    /** Why the model stopped. */
    finish_reason: ChatCompletionFinishReason
    /** Always null for Mistral; token log probabilities for OpenAI-family providers when asked. */
    logprobs: ChatCompletionChoiceLogprobs | null
  }>
  /** Token counts as the provider reported them. */
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
  /** The call's position among the choice's tool calls; pieces with the same index are one call. */
  index: number
  /** The call's id, on its first piece. */
  id?: string
  /** `'function'`, on its first piece. */
  type?: 'function'
  /** The function's name (first piece) and a piece of its JSON arguments. */
  function?: {
    /** The function's name, on the call's first piece. */
    name?: string
    /** The next piece of the JSON arguments; concatenate the pieces in order. */
    arguments?: string
  }
}

/** What a stream chunk adds to a choice. */
export interface ChatCompletionChunkDelta {
  /** `'assistant'`, on a choice's first chunk. */
  role?: 'assistant'
  /** The next piece of the answer's text. */
  content?: string | null
  /** The next piece of a refusal. */
  refusal?: string | null
  /** Pieces of tool calls. */
  tool_calls?: ChatCompletionChunkToolCall[]
  /** token.js extra: a piece of the model's reasoning. */
  reasoning_content?: string
  /** token.js extra: finished pieces of signed or encrypted reasoning (joined by `finalCompletion()`). */
  reasoning_details?: ReasoningDetail[]
}

/** OpenAI's stream chunk; usage arrives on the last one for every provider. */
export interface ChatCompletionChunk {
  /** The completion's id; the same on every chunk of a stream. */
  id: string
  /** Always `'chat.completion.chunk'`. */
  object: 'chat.completion.chunk'
  /** Unix seconds; the same on every chunk of a stream. */
  created: number
  /** The model that answers, as the provider names it. */
  model: string
  /** What each choice adds; may be empty (the usage chunk). */
  choices: Array<{
    /** The choice this piece belongs to. */
    index: number
    /** What this chunk adds to the choice. */
    delta: ChatCompletionChunkDelta
    /** Why the choice stopped, on its last chunk; `null` before. */
    finish_reason: ChatCompletionFinishReason | null
    /** Log probabilities of this piece's tokens, when asked for and the provider returns them. */
    logprobs?: ChatCompletionChoiceLogprobs | null
  }>
  /** Token counts, on the last chunk (with empty `choices`); absent or `null` on the others. */
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
  /** Always `'embedding'`. */
  object: 'embedding'
  /** Position of the input this vector belongs to. */
  index: number
  /** The vector, or its base64 float32 little-endian bytes with `encoding_format: 'base64'`. */
  embedding: number[] | string
}

/** OpenAI's embeddings response, whatever the provider. */
export interface CreateEmbeddingResponse {
  /** Always `'list'`. */
  object: 'list'
  /** One entry per input, in input order. */
  data: Embedding[]
  /** The model that embedded, as the provider names it. */
  model: string
  /** Token counts of the inputs. */
  usage: {
    /** Tokens in all inputs. */
    prompt_tokens: number
    /** Same as `prompt_tokens` (embeddings generate no tokens). */
    total_tokens: number
  }
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
  /** OpenAI: generate this many completions server-side and return the best `n`. */
  best_of?: number | null
  /** OpenAI: repeat the prompt before the completion. */
  echo?: boolean | null
  /** −2 to 2; positive values make repeating tokens already frequent in the text less likely. */
  frequency_penalty?: number | null
  /** −2 to 2; positive values make tokens already in the text less likely. */
  presence_penalty?: number | null
  /** Token id (in the model's tokenizer) to a bias from −100 to 100 added to its logit before sampling. */
  logit_bias?: Record<string, number> | null
  /** OpenAI: how many most likely tokens to return log probabilities for at each position (0–5). */
  logprobs?: number | null
  /** OpenAI's end-user id. */
  user?: string
  /** Stream options; token.js always delivers usage on the last chunk. */
  stream_options?: {
    /** OpenAI: send usage on a last chunk. */
    include_usage?: boolean
  } | null
}

/** Why a text completion stopped (Mistral's `model_length` arrives as `length`). */
export type CompletionFinishReason = 'stop' | 'length' | 'content_filter'

/** OpenAI's text completion; also the type of each streamed chunk (as OpenAI streams them). */
export interface Completion {
  /** The provider's id for this completion; the same on every chunk of a stream. */
  id: string
  /** Always `'text_completion'`. */
  object: 'text_completion'
  /** Unix seconds. */
  created: number
  /** The model that answered, as the provider names it. */
  model: string
  /** One entry per completion (FIM: one). */
  choices: Array<{
    /** The choice's position, from 0. */
    index: number
    /** The generated text (in a stream chunk: the new piece). */
    text: string
    /** Why generation stopped; `null` in stream chunks before the last. */
    finish_reason: CompletionFinishReason | null
    /** Always `null`: no provider here returns text-completion log probabilities. */
    logprobs: null
  }>
  /** Token counts (in a stream: on the last chunk). */
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
  /** The id to pass as `model`. */
  id: string
  /** Always `'model'`. */
  object: 'model'
  /** Unix seconds. */
  created: number
  /** The organization that owns it, as the provider reports it (e.g. `mistralai`). */
  owned_by: string
  /** token.js extra: what the model can do (see `ListedModelCapabilities`). */
  capabilities: ListedModelCapabilities
}

/** OpenAI's `models.list()` page (one page: the providers here return every model at once). */
export interface ModelsPage {
  /** Always `'list'`. */
  object: 'list'
  /** Every model the provider lists for your key. */
  data: Model[]
}
