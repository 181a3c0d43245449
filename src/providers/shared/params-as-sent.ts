import type { ChatCompletionParamsBase, ChatCompletionTool, ChatCompletionToolChoiceOption } from '../../types.js'

/**
 * The chat params as a mapping receives them. The public type has no `null` for `tools` and
 * `tool_choice`, but a JavaScript caller or JSON forwarded from elsewhere may send one, and the mappings
 * treat it as absent.
 */
export type ChatParamsAsSent = Omit<ChatCompletionParamsBase, 'tools' | 'tool_choice'> & {
  tools?: ChatCompletionTool[] | null
  tool_choice?: ChatCompletionToolChoiceOption | null
  stream?: boolean | null
}
