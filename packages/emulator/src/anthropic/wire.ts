/** The request as the emulator reads it after the shape check (only the fields it looks at). */

export interface WireBlock {
  readonly type: string
  readonly text?: string
  readonly id?: string
  readonly name?: string
  readonly input?: Record<string, unknown>
  readonly tool_use_id?: string
  readonly content?: string | readonly WireBlock[]
  readonly thinking?: string
  readonly signature?: string
  readonly citations?: readonly unknown[] | null
  readonly cache_control?: unknown
  readonly source?: { readonly type: string; readonly media_type?: string }
}

export interface WireMessage {
  readonly role: 'user' | 'assistant' | 'system'
  readonly content: string | readonly WireBlock[]
}

export interface WireTool {
  readonly type?: string | null
  readonly name: string
  readonly input_schema?: Readonly<Record<string, unknown>>
  readonly cache_control?: unknown
}

export interface WireRequest {
  readonly model: string
  readonly max_tokens: number
  readonly messages: readonly WireMessage[]
  readonly system?: string | readonly WireBlock[]
  readonly stop_sequences?: readonly string[]
  readonly stream?: boolean
  readonly temperature?: number
  readonly top_p?: number
  readonly top_k?: number
  readonly tools?: readonly WireTool[]
  readonly tool_choice?: {
    readonly type: 'auto' | 'any' | 'tool' | 'none'
    readonly name?: string
    readonly disable_parallel_tool_use?: boolean
  }
  readonly thinking?: { readonly type: 'enabled' | 'adaptive' | 'disabled'; readonly budget_tokens?: number }
  readonly output_config?: {
    readonly effort?: string | null
    readonly format?: { readonly schema: Record<string, unknown> } | null
  }
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
