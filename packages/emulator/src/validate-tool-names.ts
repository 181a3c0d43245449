/**
 * Mistral's rule for function names, checked after the 422 layer: 400 with the live wording
 * (`Function name was X but must be a-z, A-Z, 0-9, or contain underscores and dashes, with a maximum
 * length of 64.`, quoted from api.mistral.ai through LiteLLM in
 * https://github.com/Kochava-Studios/witsy/pull/164, 2025-04). Type `invalid_function_call` and code
 * `3280` are assumed: those of the sibling rule on tool-call ids, whose wording has the same form.
 */
import type { SemanticError } from './semantic-error.js'
import { isFunctionTool, type WireTool } from './wire-request.js'

const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/

export function checkToolNames(tools: readonly WireTool[] | null | undefined): SemanticError | undefined {
  for (const tool of tools ?? []) {
    if (!isFunctionTool(tool) || FUNCTION_NAME.test(tool.function.name)) continue
    return {
      status: 400,
      message: `Function name was ${tool.function.name} but must be a-z, A-Z, 0-9, or contain underscores and dashes, with a maximum length of 64.`,
      type: 'invalid_function_call',
      code: '3280',
    }
  }
  return undefined
}
