/** The request as the emulator reads it after the shape check (only the fields it looks at). */

/** A content block of a message or of `system` (https://platform.claude.com/docs/en/api/messages). */
export interface WireBlock {
  /** `text`, `image`, `document`, `tool_use`, `tool_result`, `thinking`, `redacted_thinking`, … */
  readonly type: string
  /** A `text` block's text. */
  readonly text?: string
  /** A `tool_use` block's call id (`toolu_…`). */
  readonly id?: string
  /** A `tool_use` block's tool name. */
  readonly name?: string
  /** A `tool_use` block's arguments, as an object. */
  readonly input?: Record<string, unknown>
  /** A `tool_result` block's `tool_use` id. */
  readonly tool_use_id?: string
  /** A `tool_result` block's content: text or blocks. */
  readonly content?: string | readonly WireBlock[]
  /** A `thinking` block's text. */
  readonly thinking?: string
  /** A `thinking` block's signature; the API wants it back unchanged with the block. */
  readonly signature?: string
  /** A `text` block's citations. */
  readonly citations?: readonly unknown[] | null
  /** A prompt-cache breakpoint (`{ type: 'ephemeral', ttl? }`). */
  readonly cache_control?: unknown
  /** An `image` or `document` block's source. */
  readonly source?: {
    /** `base64`, `url`, `text` or `file`. */
    readonly type: string
    /** The media type of `base64` data, e.g. `image/png`, `application/pdf`. */
    readonly media_type?: string
  }
}

/** One message of `messages`. */
export interface WireMessage {
  /** `user` or `assistant`; `system` only where the model accepts it inline. */
  readonly role: 'user' | 'assistant' | 'system'
  /** A string (one text block) or blocks. */
  readonly content: string | readonly WireBlock[]
}

/** One entry of `tools`: a custom tool, or a server tool (`type` ending in a date). */
export interface WireTool {
  /** Absent or `custom` for a custom tool; e.g. `web_search_20250305` for a server tool. */
  readonly type?: string | null
  /** The name the model calls it by. */
  readonly name: string
  /** A custom tool's JSON Schema of its input. */
  readonly input_schema?: Readonly<Record<string, unknown>>
  /** A prompt-cache breakpoint on the tool list up to this tool. */
  readonly cache_control?: unknown
}

/** The body of `POST /v1/messages` as the emulator reads it after the shape check. */
export interface WireRequest {
  /** The model id or alias. */
  readonly model: string
  /** Largest number of tokens to generate; at most the model card's `max_tokens`. */
  readonly max_tokens: number
  /** The conversation, alternating user and assistant turns. */
  readonly messages: readonly WireMessage[]
  /** The system prompt: a string or text blocks. */
  readonly system?: string | readonly WireBlock[]
  /** Sequences that end generation (`stop_reason: 'stop_sequence'`). */
  readonly stop_sequences?: readonly string[]
  /** Answer as server-sent events. */
  readonly stream?: boolean
  /** 0–1 (not on API version 2026-10-21). */
  readonly temperature?: number
  /** Nucleus sampling, 0–1 (not on API version 2026-10-21). */
  readonly top_p?: number
  /** Sample from the top K tokens only (not on API version 2026-10-21). */
  readonly top_k?: number
  /** The tools the model may call. */
  readonly tools?: readonly WireTool[]
  /** How the model chooses tools. */
  readonly tool_choice?: {
    /** `auto` (may call), `any` (must call one), `tool` (must call `name`), `none`. */
    readonly type: 'auto' | 'any' | 'tool' | 'none'
    /** The tool to call, with `type: 'tool'`. */
    readonly name?: string
    /** At most one tool call in the answer. Default false. */
    readonly disable_parallel_tool_use?: boolean
  }
  /** Extended thinking. */
  readonly thinking?: {
    /** `enabled` (with a budget), `adaptive` (the model decides) or `disabled`. */
    readonly type: 'enabled' | 'adaptive' | 'disabled'
    /** Tokens the model may think for, with `type: 'enabled'`; at least 1,024 and below `max_tokens`. */
    readonly budget_tokens?: number
  }
  /** Output settings. */
  readonly output_config?: {
    /** Effort level, one of the model card's `effortLevels`. */
    readonly effort?: string | null
    /** Structured output. */
    readonly format?: {
      /** The JSON Schema the answer must satisfy. */
      readonly schema: Record<string, unknown>
    } | null
  }
  /** A top-level prompt-cache breakpoint (automatic caching of the last cacheable block). */
  readonly cache_control?: unknown
}

/** Content as a block list (a string is one text block). */
export function blocksOf(content: WireMessage['content']): readonly WireBlock[] {
  return typeof content === 'string' ? [{ type: 'text', text: content }] : content
}

/** The text of a message or a tool result: its text blocks joined. */
export function textOf(content: string | readonly WireBlock[] | undefined): string {
  if (content === undefined) return ''
  if (typeof content === 'string') return content
  return content
    .filter((block) => block.type === 'text')
    .map((block) => block.text ?? '')
    .join('')
}
