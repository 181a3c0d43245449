/**
 * Checks Mistral makes after its 422 schema layer on chat and FIM requests, answered with 400:
 * - `top_p: 0` passes the SPEC (inclusive minimum 0), but a later sampling check rejects it. A live probe
 *   (mnfst/modelparams.dev#231, 2026-08-17) saw a 400 carrying a pydantic `greater_than` detail; the
 *   emulator sends the 422 body shape with status 400 (exact body assumed).
 * - more than 128 tools (DOCS known-limitations). The wording is assumed.
 * - a prompt longer than the model's context window, with the recorded wording (error body quoted in
 *   wssranjula/Otter-Transcripts docs/CONTEXT_MANAGEMENT_FIX.md, 2025-10; the same with
 *   `raw_status_code` in 2026). Tokens are the emulator's estimate (count-tokens.ts).
 */
import { validationErrorBody } from './error-bodies.js'
import { issue } from './pydantic-issues.js'
import { invalidArgsError, type SemanticError } from './semantic-error.js'

/** DOCS `resources/known-limitations`: at most 128 tools per request. */
export const MAX_TOOLS = 128

export type LimitFailure = { readonly status: 400; readonly body: Record<string, unknown> }

/** 400 for `top_p: 0`, with the detail the live API sends. */
export function checkTopP(topP: unknown): LimitFailure | undefined {
  if (topP !== 0) return undefined
  const detail = issue('greater_than', ['body', 'top_p'], 'Input should be greater than 0', 0, { gt: 0 })
  return { status: 400, body: validationErrorBody([detail]) }
}

export function checkContextWindow(promptTokens: number, contextLength: number): SemanticError | undefined {
  if (promptTokens <= contextLength) return undefined
  return invalidArgsError(
    `Prompt contains ${promptTokens} tokens and 0 draft tokens, too large for model with ${contextLength} maximum context length`,
  )
}

export function checkToolCount(tools: readonly unknown[] | null | undefined): SemanticError | undefined {
  const count = tools?.length ?? 0
  if (count <= MAX_TOOLS) return undefined
  return invalidArgsError(`Too many tools: ${count} were given, the maximum is ${MAX_TOOLS}.`)
}
