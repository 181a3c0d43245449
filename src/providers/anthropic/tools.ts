/**
 * OpenAI tools, `tool_choice` and `parallel_tool_calls` → Anthropic's `tools` and `tool_choice`
 * (`@anthropic-ai/sdk` 1.15.0: Tool, ToolChoiceAuto/Any/Tool/None with `disable_parallel_tool_use`).
 * `required` is Anthropic's `any`; `none` keeps the tools (a history with tool blocks still needs them);
 * `parallel_tool_calls: false` is `disable_parallel_tool_use: true`, which `none` cannot carry.
 */
import type { GenerationRequestContext } from '../../core/provider-adapter.js'
import { requireFeature } from '../../core/feature-gate.js'
import { InputError } from '../../errors.js'
import type { ChatCompletionTool, ChatCompletionToolChoiceOption } from '../../types.js'
import { checkCacheControl } from './options.js'

type Body = Record<string, unknown>

export function convertTools(tools: readonly ChatCompletionTool[], context: GenerationRequestContext): Body[] {
  if (tools.length > 0) requireFeature(context, 'tools', 'tools')
  return tools.map((tool, index) => {
    const path = `tools[${index}]`
    if (tool.type !== 'function') {
      throw new InputError(`${path}: custom tools are not supported by Anthropic; use function tools.`, path)
    }
    const { name, description, parameters, strict } = tool.function
    const converted: Body = { name, input_schema: parameters ?? { type: 'object', properties: {} } }
    if (description !== undefined) converted.description = description
    if (typeof strict === 'boolean') converted.strict = strict
    const cache = (tool as { cache_control?: unknown }).cache_control
    if (cache !== undefined && cache !== null) {
      checkCacheControl(cache, `${path}.cache_control`)
      converted.cache_control = cache
    }
    return converted
  })
}

/** The `tool_choice` body value; undefined to send none (the API's default, `auto`). */
export function convertToolChoice(
  choice: ChatCompletionToolChoiceOption | undefined,
  parallelToolCalls: boolean | undefined,
  hasTools: boolean,
): Body | undefined {
  const disableParallel = parallelToolCalls === false ? { disable_parallel_tool_use: true } : {}
  if (choice === undefined)
    return parallelToolCalls === false && hasTools ? { type: 'auto', ...disableParallel } : undefined
  if (typeof choice === 'string') {
    switch (choice) {
      case 'auto':
        return { type: 'auto', ...disableParallel }
      case 'required':
        return { type: 'any', ...disableParallel }
      case 'none':
        return { type: 'none' }
      default: {
        const unknown: never = choice
        throw new InputError(`Unknown tool_choice '${String(unknown)}'.`, 'tool_choice')
      }
    }
  }
  switch (choice.type) {
    case 'function':
      return { type: 'tool', name: choice.function.name, ...disableParallel }
    case 'custom':
      throw new InputError('tool_choice: custom tools are not supported by Anthropic; name a function.', 'tool_choice')
    case 'allowed_tools':
      throw new InputError(
        "tool_choice: Anthropic has no allowed_tools choice; pass only those tools in 'tools' instead.",
        'tool_choice',
      )
    default: {
      const unknown: never = choice
      throw new InputError(`Unknown tool_choice type '${(unknown as { type: string }).type}'.`, 'tool_choice.type')
    }
  }
}

/** Whether the choice makes the model call a tool (Anthropic then refuses thinking). */
export function forcesToolUse(choice: Body | undefined): boolean {
  return choice !== undefined && (choice.type === 'any' || choice.type === 'tool')
}
