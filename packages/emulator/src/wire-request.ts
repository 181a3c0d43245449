/**
 * Types of a chat request once it has passed the 422 layer. Only the fields the emulator reads
 * are typed; everything else is known to be well formed but is not consulted.
 */

export interface WireTextChunk {
  readonly type: 'text'
  readonly text: string
}
export interface WireThinkChunk {
  readonly type: 'thinking'
  readonly thinking: readonly { readonly type: string; readonly text?: string }[]
  readonly closed?: boolean
}
export interface WireOtherChunk {
  readonly type: 'image_url' | 'document_url' | 'input_audio' | 'file' | 'reference'
}
export type WireChunk = WireTextChunk | WireThinkChunk | WireOtherChunk
export type WireContent = string | readonly WireChunk[] | null | undefined

export interface WireToolCall {
  readonly id?: string
  readonly function: { readonly name: string; readonly arguments: string | Readonly<Record<string, unknown>> }
}

export type WireMessage =
  | { readonly role: 'system'; readonly content: WireContent }
  | { readonly role: 'user'; readonly content: WireContent }
  | {
      readonly role: 'assistant'
      readonly content?: WireContent
      readonly tool_calls?: readonly WireToolCall[] | null
      readonly prefix?: boolean
    }
  | {
      readonly role: 'tool'
      readonly content: WireContent
      readonly tool_call_id?: string | null
      readonly name?: string | null
    }

export interface WireFunctionTool {
  readonly type?: 'function'
  readonly function: { readonly name: string; readonly parameters: Readonly<Record<string, unknown>> }
}
export interface WireBuiltInTool {
  readonly type:
    'web_search' | 'web_search_premium' | 'code_interpreter' | 'image_generation' | 'document_library' | 'connector'
}
export type WireTool = WireFunctionTool | WireBuiltInTool

export type WireToolChoice = 'auto' | 'none' | 'any' | 'required' | { readonly function: { readonly name: string } }

export interface WireChatRequest {
  readonly model: string
  readonly messages: readonly WireMessage[]
  readonly max_tokens?: number | null
  readonly stream?: boolean
  readonly stop?: string | readonly string[] | null
  readonly response_format?: {
    readonly type?: 'text' | 'json_object' | 'json_schema'
    readonly json_schema?: { readonly name: string; readonly schema: Readonly<Record<string, unknown>> } | null
  }
  readonly tools?: readonly WireTool[] | null
  readonly tool_choice?: WireToolChoice
  readonly n?: number | null
  readonly prediction?: { readonly content?: string }
  readonly parallel_tool_calls?: boolean
  readonly reasoning_effort?: string | null
  readonly prompt_mode?: string | null
  readonly prompt_cache_key?: string | null
}

export function isFunctionTool(tool: WireTool): tool is WireFunctionTool {
  return tool.type === undefined || tool.type === 'function'
}

/** The text of a message's content: the string itself, or its text chunks joined. */
export function contentText(content: WireContent): string {
  if (content === null || content === undefined) return ''
  if (typeof content === 'string') return content
  return content.map((chunk) => (chunk.type === 'text' ? chunk.text : '')).join('')
}

export function contentChunks(content: WireContent): readonly WireChunk[] {
  return Array.isArray(content) ? (content as readonly WireChunk[]) : []
}
