/**
 * `reasoning_effort` (and Anthropic's own `thinking`) → `thinking` and `output_config.effort`
 * (`@anthropic-ai/sdk` 1.15.0 ThinkingConfigParam, OutputConfig.effort). By the model's thinking mode
 * (models.ts):
 * - adaptive models take `thinking: { type: 'adaptive' }` and an effort (OpenAI's `minimal` is
 *   Anthropic's lowest, `low`); `none` is `thinking: { type: 'disabled' }`, which a model that always
 *   thinks refuses, so that is an InputError here;
 * - budget models (Claude Haiku 4.5, Opus 4.5) take `thinking: { type: 'enabled', budget_tokens }`: the
 *   budget is a share of `max_tokens` per effort (minimal 2%, low 10%, medium 30%, high 60%, xhigh and
 *   max 90%, as vercel/ai `packages/provider-utils/src/map-reasoning-to-provider.ts` does), at least
 *   1024 (the API's minimum) and below `max_tokens`.
 * Without either param nothing is sent: the model's default.
 */
import { requireFeature } from '../../core/feature-gate.js'
import type { GenerationRequestContext } from '../../core/provider-adapter.js'
import { InputError } from '../../errors.js'
import type { ReasoningEffort } from '../../capabilities.js'
import { thinkingModeOf } from './models.js'
import type { AnthropicThinking } from './options.js'

const MIN_BUDGET = 1024
const BUDGET_SHARE: Readonly<Record<Exclude<ReasoningEffort, 'none'>, number>> = {
  minimal: 0.02,
  low: 0.1,
  medium: 0.3,
  high: 0.6,
  xhigh: 0.9,
  max: 0.9,
}

export interface ReasoningBody {
  thinking?: AnthropicThinking
  effort?: string
}

export function convertReasoning(
  params: { readonly reasoning_effort?: ReasoningEffort | null; readonly thinking?: AnthropicThinking },
  maxTokens: number,
  context: GenerationRequestContext,
): ReasoningBody {
  const effort = params.reasoning_effort ?? undefined
  const given = params.thinking
  if (given !== undefined) return withGivenThinking(given, effort, maxTokens, context)
  if (effort === undefined) return {}
  const row = context.row
  if (row !== undefined && !row.reasoning) {
    if (effort === 'none') return {}
    requireFeature(context, 'reasoning', 'reasoning_effort')
  }
  const mode = thinkingModeOf(row) ?? 'adaptive'
  if (effort === 'none') {
    if (mode === 'adaptive-always') {
      throw new InputError(
        `Model '${context.model}' always thinks: reasoning_effort 'none' cannot be honoured; pass 'low' for the least thinking.`,
        'reasoning_effort',
      )
    }
    return { thinking: { type: 'disabled' } }
  }
  if (mode === 'budget') return { thinking: { type: 'enabled', budget_tokens: budgetFor(effort, maxTokens, context) } }
  return { thinking: { type: 'adaptive' }, effort: acceptedEffort(effort, context) }
}

function withGivenThinking(
  thinking: AnthropicThinking,
  effort: ReasoningEffort | undefined,
  maxTokens: number,
  context: GenerationRequestContext,
): ReasoningBody {
  if (thinking.type === 'enabled') {
    if (effort !== undefined) {
      throw new InputError(
        "'thinking' with a budget_tokens and 'reasoning_effort' both set the thinking; pass one of them.",
        'reasoning_effort',
      )
    }
    const budget = thinking.budget_tokens
    if (!Number.isInteger(budget) || budget < MIN_BUDGET || budget >= maxTokens) {
      throw new InputError(
        `thinking.budget_tokens is ${budget}; Anthropic takes an integer ≥ ${MIN_BUDGET} and below max_tokens (${maxTokens}).`,
        'thinking.budget_tokens',
      )
    }
    return { thinking }
  }
  if (effort === undefined || effort === 'none') {
    if (effort === 'none' && thinking.type !== 'disabled') {
      throw new InputError(`reasoning_effort 'none' contradicts thinking.type '${thinking.type}'.`, 'reasoning_effort')
    }
    return { thinking }
  }
  if (thinking.type === 'disabled') {
    throw new InputError(`reasoning_effort '${effort}' contradicts thinking.type 'disabled'.`, 'reasoning_effort')
  }
  return { thinking, effort: acceptedEffort(effort, context) }
}

function budgetFor(
  effort: Exclude<ReasoningEffort, 'none'>,
  maxTokens: number,
  context: GenerationRequestContext,
): number {
  if (maxTokens <= MIN_BUDGET) {
    throw new InputError(
      `Thinking on '${context.model}' needs max_tokens above ${MIN_BUDGET} (the smallest thinking budget); got ${maxTokens}.`,
      'max_tokens',
    )
  }
  return Math.min(Math.max(Math.round(maxTokens * BUDGET_SHARE[effort]), MIN_BUDGET), maxTokens - 1)
}

function acceptedEffort(effort: Exclude<ReasoningEffort, 'none'>, context: GenerationRequestContext): string {
  const wire = effort === 'minimal' ? 'low' : effort
  const accepted = context.row?.reasoningEfforts
  if (accepted === undefined || (accepted as readonly string[]).includes(wire)) return wire
  throw new InputError(
    `reasoning_effort '${effort}' is not supported by '${context.model}'; it accepts ` +
      `${accepted.map((value) => `'${value}'`).join(', ')}.`,
    'reasoning_effort',
  )
}
