/**
 * `reasoning_effort` → `generationConfig.thinkingConfig`, per model family
 * (https://ai.google.dev/gemini-api/docs/thinking): Gemini 3 and later take `thinkingLevel`
 * (MINIMAL/LOW/MEDIUM/HIGH, the accepted ones per model in the row's `reasoningEfforts`) and cannot turn
 * thinking off; Gemini 2.5 takes a `thinkingBudget` in tokens (`0` = off on Flash models). The budgets
 * for low/medium/high are token.js's choice (1 024 / 8 192 / 24 576, within 2.5's 0–24 576 Flash range).
 * `includeThoughts` is set so the thought summaries come back as `reasoning_content`.
 */
import { refuseUnsupported } from '../../core/feature-gate.js'
import type { GenerationRequestContext } from '../../core/provider-adapter.js'
import { InputError } from '../../errors.js'
import type { ReasoningEffort } from '../../capabilities.js'
import { isGemini3 } from './models.js'

const BUDGETS: Readonly<Partial<Record<ReasoningEffort, number>>> = { none: 0, low: 1024, medium: 8192, high: 24_576 }
const LEVELS: Readonly<Partial<Record<ReasoningEffort, string>>> = {
  minimal: 'MINIMAL',
  low: 'LOW',
  medium: 'MEDIUM',
  high: 'HIGH',
}

export function convertReasoningEffort(
  effort: ReasoningEffort,
  context: GenerationRequestContext,
): Record<string, unknown> | undefined {
  const row = context.row
  const accepted = row?.reasoningEfforts
  if (row !== undefined && !row.reasoning) {
    if (effort === 'none') return undefined
    refuseUnsupported(context, 'reasoning_effort', `${context.model} does not think.`)
    return undefined
  }
  if (accepted !== undefined && !accepted.includes(effort))
    throw new InputError(
      `reasoning_effort '${effort}' is not accepted by ${context.model} (${context.provider}); use one of ${accepted.map((value) => `'${value}'`).join(', ')}.`,
      'reasoning_effort',
    )
  if (isGemini3(context.model)) {
    const level = LEVELS[effort]
    if (level === undefined)
      throw new InputError(
        `reasoning_effort '${effort}': Gemini 3 models think at 'minimal', 'low', 'medium' or 'high' and cannot turn thinking off.`,
        'reasoning_effort',
      )
    return { thinkingLevel: level, includeThoughts: true }
  }
  const budget = BUDGETS[effort]
  if (budget === undefined)
    throw new InputError(
      `reasoning_effort '${effort}': ${context.model} takes 'none', 'low', 'medium' or 'high'.`,
      'reasoning_effort',
    )
  return budget === 0 ? { thinkingBudget: 0 } : { thinkingBudget: budget, includeThoughts: true }
}
