/**
 * Anthropic's models as token.js gates them (sources, check dates and names: model-evidence.ts). Every
 * current model takes text and images, PDFs, tools and structured outputs (`output_config.format`),
 * answers one choice per request (no `n`), and takes no audio. A retirement date informs errors and
 * docs; against a custom base URL the id is still sent.
 */
import { defineModelTable, type ModelRetirement, type ModelRow, type ReasoningEffort } from '../../capabilities.js'

/** How a model thinks: adaptive (effort), adaptive and always on, or a token budget (`budget_tokens`). */
export type AnthropicThinkingMode = 'adaptive' | 'adaptive-always' | 'budget'

/** A row with what the Anthropic mapper needs beyond the shared features. */
export interface AnthropicModelRow extends ModelRow {
  readonly thinkingMode: AnthropicThinkingMode
  /**
   * Whether a `role: 'system'` message may stand inside `messages` (`@anthropic-ai/sdk` 1.15.0
   * SystemMessageParam). Otherwise later system messages join the top-level `system`.
   */
  readonly inlineSystem: boolean
}

/** Anthropic's effort values (`output_config.effort`), named as OpenAI names them. */
const EFFORTS: readonly ReasoningEffort[] = ['low', 'medium', 'high', 'xhigh', 'max']

const base = {
  chat: true,
  streaming: true,
  jsonMode: false, // no JSON mode without a schema: response_format json_object is refused
  jsonSchema: true,
  images: true,
  documents: true,
  audio: false,
  tools: true,
  n: false,
  reasoning: true,
  prediction: false,
  prefix: false, // prefill: "does not support assistant message prefill" from the 4.6 generation on
  fim: false,
} as const

const current = (thinkingMode: AnthropicThinkingMode): AnthropicModelRow => ({
  ...base,
  thinkingMode,
  inlineSystem: true,
  contextLength: 1_000_000,
  maxOutputTokens: 128_000,
  reasoningEfforts: EFFORTS,
})

/** The 4.5 generation: a thinking budget, prefill, no system turns, 200K context, 64K output. */
const gen45: AnthropicModelRow = {
  ...base,
  thinkingMode: 'budget',
  inlineSystem: false,
  prefix: true,
  contextLength: 200_000,
  maxOutputTokens: 64_000,
}

const opus45: AnthropicModelRow & { readonly retirement: ModelRetirement } = {
  ...gen45,
  retirement: { retiresOn: '2027-01-22', replacement: 'claude-opus-5-5' },
}

/** A retired id: requests to Anthropic's own endpoint fail before sending, naming the replacement. */
const retired = (
  retiresOn: string,
  replacement: string,
): AnthropicModelRow & { readonly retirement: ModelRetirement } => ({
  ...gen45,
  retirement: { retiresOn, replacement },
})

/** Anthropic's chat models, one row per API id (`model` suggests the ids without a retirement). */
export const anthropicModels = defineModelTable({
  'claude-fable-5-2': current('adaptive-always'),
  'claude-opus-5-5': current('adaptive-always'),
  'claude-sonnet-5-5': current('adaptive'),
  'claude-haiku-5-5': current('adaptive'),
  'claude-fable-5-1': current('adaptive-always'),
  'claude-opus-5': current('adaptive'),
  'claude-haiku-4-5': { ...gen45, aliasOf: 'claude-haiku-4-5-20251001' },
  'claude-haiku-4-5-20251001': gen45,
  'claude-opus-4-5': { ...opus45, aliasOf: 'claude-opus-4-5-20251101' },
  'claude-opus-4-5-20251101': opus45,
  'claude-sonnet-4-5': retired('2026-11-30', 'claude-sonnet-5-5'),
  'claude-sonnet-4-5-20250929': retired('2026-11-30', 'claude-sonnet-5-5'),
  'claude-opus-4-1': retired('2026-08-07', 'claude-opus-5-5'),
  'claude-opus-4-1-20250805': retired('2026-08-07', 'claude-opus-5-5'),
  'claude-opus-4-0': retired('2026-06-15', 'claude-opus-5-5'),
  'claude-opus-4-20250514': retired('2026-06-15', 'claude-opus-5-5'),
  'claude-sonnet-4-0': retired('2026-06-15', 'claude-sonnet-5-5'),
  'claude-sonnet-4-20250514': retired('2026-06-15', 'claude-sonnet-5-5'),
})

export type AnthropicModelId = keyof typeof anthropicModels

/** Whether the row's model takes system turns inside `messages`; unknown models are taken to (the current generation does). */
export function takesInlineSystem(row: ModelRow | undefined): boolean {
  return row === undefined || !('inlineSystem' in row) || (row as AnthropicModelRow).inlineSystem
}

/** The row's thinking mode; a row without one (a model added with `extendModelList`) counts as adaptive. */
export function thinkingModeOf(row: ModelRow | undefined): AnthropicThinkingMode | undefined {
  if (row === undefined) return undefined
  return 'thinkingMode' in row ? (row as AnthropicModelRow).thinkingMode : 'adaptive'
}
