/**
 * OpenAI tools → one Gemini tool with every `functionDeclarations` entry; `tool_choice` →
 * `toolConfig.functionCallingConfig` (`AUTO`, `NONE`, `ANY`, `ANY` + `allowedFunctionNames`; the modes of
 * `FunctionCallingConfigMode` in `@google/genai`). Parameters go as `parametersJsonSchema` (full JSON
 * Schema: google-gemini/gemini-cli#4196), not the OpenAPI-subset `parameters` that rejects
 * `additionalProperties` and friends. A tool with `strict: true` asks for `VALIDATED` mode (calls
 * checked against the schema), as vercel/ai `packages/google/src/google-prepare-tools.ts` does.
 */
import { InputError } from '../../errors.js'
import type { ChatCompletionTool, ChatCompletionToolChoiceOption } from '../../types.js'

type Json = Record<string, unknown>
const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]{0,127}$/

export function convertTools(tools: readonly ChatCompletionTool[]): Json[] {
  const declarations = tools.map((tool, index) => {
    if (tool.type !== 'function')
      throw new InputError(
        `tools[${index}]: Gemini takes function tools only; got '${String((tool as { type: unknown }).type)}'.`,
        `tools[${index}].type`,
      )
    const fn = tool.function
    if (!NAME.test(fn.name))
      throw new InputError(
        `tools[${index}].function.name: Gemini function names start with a letter or '_' and use letters, digits, '_', '.', ':' or '-' (at most 128); got '${fn.name}'.`,
        `tools[${index}].function.name`,
      )
    return {
      name: fn.name,
      ...(fn.description === undefined ? {} : { description: fn.description }),
      ...(fn.parameters === undefined ? {} : { parametersJsonSchema: fn.parameters }),
    }
  })
  return declarations.length === 0 ? [] : [{ functionDeclarations: declarations }]
}

export function convertToolChoice(
  choice: ChatCompletionToolChoiceOption | undefined,
  tools: readonly ChatCompletionTool[],
): Json | undefined {
  const strict = tools.some((tool) => tool.type === 'function' && tool.function.strict === true)
  if (choice === undefined || choice === 'auto')
    return strict ? { functionCallingConfig: { mode: 'VALIDATED' } } : undefined
  if (choice === 'none') return { functionCallingConfig: { mode: 'NONE' } }
  if (choice === 'required') return { functionCallingConfig: { mode: 'ANY' } }
  if (typeof choice === 'object' && choice.type === 'function') {
    const name = choice.function.name
    if (!tools.some((tool) => tool.type === 'function' && tool.function.name === name))
      throw new InputError(`tool_choice names '${name}', which is not in 'tools'.`, 'tool_choice.function.name')
    return { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: [name] } }
  }
  throw new InputError(
    `tool_choice: Gemini takes 'auto', 'none', 'required' or a function; got ${JSON.stringify(choice)}.`,
    'tool_choice',
  )
}
