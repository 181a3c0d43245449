/**
 * Decides whether the emulated model calls tools, and which: forced by `tool_choice`
 * (`any`, `required`, or the object form), or under `auto` when the last user message names a
 * function tool. Arguments are generated from each tool's `parameters` schema and the user's text.
 */
import { jsonSchemaInstance } from './json-schema-instance.js'
import { isFunctionTool, type WireChatRequest, type WireFunctionTool } from './wire-request.js'

export interface PlannedCall {
  readonly name: string
  readonly arguments: string
}

/** Arguments read from the user's text where the schema allows (`{"city":"Paris"}`), the schema's instance otherwise. */
function argumentsFor(tool: WireFunctionTool | undefined, text: string): string {
  return JSON.stringify(tool === undefined ? {} : jsonSchemaInstance(tool.function.parameters, text))
}

function mentioned(tools: readonly WireFunctionTool[], text: string): WireFunctionTool[] {
  return tools.filter((tool) => tool.function.name.length > 0 && text.includes(tool.function.name))
}

/** The calls to make, or an empty list for a text answer. `lastUserText` is the text the model "reads". */
export function chooseToolCalls(request: WireChatRequest, lastUserText: string): PlannedCall[] {
  const tools = (request.tools ?? []).filter(isFunctionTool)
  const choice = request.tool_choice ?? 'auto'
  if (tools.length === 0 || choice === 'none') return []
  const parallel = request.parallel_tool_calls !== false
  if (typeof choice === 'object') {
    const tool = tools.find((candidate) => candidate.function.name === choice.function.name)
    return [{ name: choice.function.name, arguments: argumentsFor(tool, lastUserText) }]
  }
  const named = mentioned(tools, lastUserText)
  const lastRole = request.messages[request.messages.length - 1]?.role
  let picked: WireFunctionTool[]
  switch (choice) {
    case 'any':
    case 'required':
      picked = named.length > 0 ? named : tools.slice(0, 1)
      break
    case 'auto':
      picked = lastRole === 'user' ? named : []
      break
    default: {
      const unreachable: never = choice
      throw new Error(`unknown tool_choice ${String(unreachable)}`)
    }
  }
  return (parallel ? picked : picked.slice(0, 1)).map((tool) => ({
    name: tool.function.name,
    arguments: argumentsFor(tool, lastUserText),
  }))
}
