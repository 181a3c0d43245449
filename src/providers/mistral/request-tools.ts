/** OpenAI tools and tool_choice → Mistral. */
import { requireFeature } from '../../core/feature-gate.js'
import type { GenerationRequestContext } from '../../core/provider-adapter.js'
import { InputError } from '../../errors.js'
import type { ChatCompletionTool, ChatCompletionToolChoiceOption } from '../../types.js'

/** Mistral's documented limit (known-limitations page). */
const MAX_TOOLS = 128

/**
 * The API's 400 "Function name was X but must be a-z, A-Z, 0-9, or contain underscores and dashes, with a
 * maximum length of 64." (quoted in https://github.com/Kochava-Studios/witsy/pull/164).
 */
const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/

// Mistral requires `parameters`; OpenAI lets a tool omit them, meaning "no arguments".
const EMPTY_PARAMETERS = { type: 'object', properties: {} } as const

/** A name the API accepts, close to the one given: other characters become '_', cut to 64. */
function suggestFunctionName(name: string): string {
  return name.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64) || 'tool'
}

export interface MistralTool {
  type: 'function'
  function: { name: string; description?: string; parameters: Record<string, unknown>; strict?: boolean }
}

export function convertTools(tools: readonly ChatCompletionTool[], context: GenerationRequestContext): MistralTool[] {
  if (tools.length === 0) return []
  requireFeature(context, 'tools', 'tools')
  if (tools.length > MAX_TOOLS) {
    throw new InputError(`Mistral accepts at most ${MAX_TOOLS} tools per request; got ${tools.length}.`, 'tools')
  }
  return tools.map((tool, index) => {
    if (tool.type !== 'function') throw customToolError(`tools[${index}]`)
    const { name, description, parameters, strict } = tool.function
    if (!FUNCTION_NAME.test(name))
      throw new InputError(
        `tools[${index}].function.name: Mistral function names (${context.model}) use letters, digits, '_' or '-' (at most 64); got '${name}'. Rename the tool, e.g. '${suggestFunctionName(name)}'.`,
        `tools[${index}].function.name`,
      )
    const converted: MistralTool = { type: 'function', function: { name, parameters: parameters ?? EMPTY_PARAMETERS } }
    if (description !== undefined) converted.function.description = description
    if (typeof strict === 'boolean') converted.function.strict = strict
    return converted
  })
}

export type MistralToolChoice = 'auto' | 'none' | 'required' | { type: 'function'; function: { name: string } }

/**
 * tool_choice → Mistral. Mistral takes `auto`, `none`, `required` (alias `any`) and the named-function
 * object as OpenAI does. OpenAI's `allowed_tools` becomes the tool list filtered to the allowed names.
 */
export function convertToolChoice(
  choice: ChatCompletionToolChoiceOption,
  tools: MistralTool[],
): { toolChoice: MistralToolChoice; tools: MistralTool[] } {
  if (typeof choice === 'string') return { toolChoice: choice, tools }
  switch (choice.type) {
    case 'custom':
      throw customToolError('tool_choice')
    case 'function':
      requireDeclared(choice.function.name, tools, 'tool_choice.function.name')
      return { toolChoice: { type: 'function', function: { name: choice.function.name } }, tools }
    case 'allowed_tools': {
      // Each entry was checked to be { type: 'function', function: { name } } (core/validate-params.ts).
      const references = choice.allowed_tools.tools as ReadonlyArray<{ function: { name: string } }>
      const allowed = new Set(references.map((tool) => tool.function.name))
      allowed.forEach((name) => requireDeclared(name, tools, 'tool_choice.allowed_tools.tools'))
      return { toolChoice: choice.allowed_tools.mode, tools: tools.filter((tool) => allowed.has(tool.function.name)) }
    }
    default: {
      const unknown: never = choice
      throw new InputError(`Unknown tool_choice type '${(unknown as { type: string }).type}'.`, 'tool_choice')
    }
  }
}

function requireDeclared(name: string, tools: MistralTool[], param: string): void {
  if (tools.some((tool) => tool.function.name === name)) return
  throw new InputError(
    `${param} names '${name}', which is not in 'tools'. Add the tool or choose a declared one.`,
    param,
  )
}

/** Exported for messages.ts: custom tools have no Mistral equivalent. */
export function customToolError(param: string): InputError {
  return new InputError(
    `${param}: OpenAI custom tools (free-text input) are not supported by Mistral; declare a function tool instead.`,
    param,
  )
}
