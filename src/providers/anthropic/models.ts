/**
 * Anthropic's models as token.js gates them. Sources (checked 2026-12-02):
 * - the current line-up table on Anthropic's model pages (context, max output, thinking mode, default
 *   effort): https://platform.claude.com/docs/about-claude/models/whats-new-opus-5 and
 *   https://platform.claude.com/docs/id/models/opus-5/overview.md (same table, Fable 5.2 row);
 * - the model ids `@anthropic-ai/sdk` 1.15.0 types (`resources/messages/messages.d.ts`, `Model`), its
 *   deprecation data (`internal/data/deprecated-models.js`) and its CHANGELOG (retirements);
 * - Claude Opus 4.5 page: https://platform.claude.com/docs/pt-BR/models/opus-4-5/overview.md.
 * Every current model takes text and images, PDFs, tools and structured outputs (`output_config.format`),
 * answers one choice per request (no `n`), and no audio. A retirement date informs errors and docs; it
 * never blocks a request to a custom base URL.
 */
import { defineModelTable, type ModelEvidence, type ModelRow, type ReasoningEffort } from '../../capabilities.js'

/** How a model thinks: adaptive (effort), adaptive and always on, or a token budget (`budget_tokens`). */
export type AnthropicThinkingMode = 'adaptive' | 'adaptive-always' | 'budget'

/** A row with Anthropic's thinking mode (the mapper picks `thinking` and `output_config.effort` from it). */
export interface AnthropicModelRow extends ModelRow {
  readonly thinkingMode: AnthropicThinkingMode
  /**
   * Whether a `role: 'system'` message may stand inside `messages` (`@anthropic-ai/sdk` 1.15.0
   * SystemMessageParam; Claude Opus 4.8 and later). Otherwise later system messages join `system`.
   */
  readonly inlineSystem: boolean
}

const CHECKED = '2026-12-02'
const lineup: ModelEvidence = {
  source: 'https://platform.claude.com/docs/about-claude/models/whats-new-opus-5 (line-up table)',
  checked: CHECKED,
}
const sdkModels: ModelEvidence = {
  source: '@anthropic-ai/sdk@1.15.0 resources/messages/messages.d.ts (Model)',
  checked: CHECKED,
}
const sdkChangelog: ModelEvidence = { source: '@anthropic-ai/sdk@1.15.0 CHANGELOG.md', checked: CHECKED }

/** Anthropic's effort values (`output_config.effort`), OpenAI's names for them. */
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
  prefix: false, // prefill ("does not support assistant message prefill") from the 4.6 generation on
  fim: false,
} as const

const current = (
  label: string,
  thinkingMode: AnthropicThinkingMode,
  extra: Partial<AnthropicModelRow> = {},
): AnthropicModelRow => ({
  ...base,
  label,
  thinkingMode,
  inlineSystem: true,
  contextLength: 1_000_000,
  maxOutputTokens: 128_000,
  reasoningEfforts: EFFORTS,
  evidence: [lineup, sdkModels],
  unverified: ['reasoningEfforts', 'prefix'],
  ...extra,
})

const haiku45: AnthropicModelRow = {
  ...base,
  label: 'Claude Haiku 4.5',
  thinkingMode: 'budget',
  inlineSystem: false,
  contextLength: 200_000,
  maxOutputTokens: 64_000,
  prefix: true,
  evidence: [sdkModels, { source: 'https://platform.claude.com/docs/about-claude/models/overview', checked: CHECKED }],
  unverified: ['contextLength', 'prefix', 'jsonSchema'],
}

const opus45: AnthropicModelRow = {
  ...base,
  label: 'Claude Opus 4.5',
  thinkingMode: 'budget',
  inlineSystem: false,
  contextLength: 200_000,
  maxOutputTokens: 64_000,
  prefix: true,
  evidence: [
    { source: 'https://platform.claude.com/docs/pt-BR/models/opus-4-5/overview.md', checked: CHECKED },
    sdkModels,
  ],
  unverified: ['prefix'],
  retirement: {
    retiresOn: '2027-01-22',
    replacement: 'claude-opus-5-5',
    evidence: { source: '@anthropic-ai/sdk@1.15.0 internal/data/deprecated-models.js', checked: CHECKED },
  },
}

/** A retired id: requests to Anthropic's own endpoint fail before sending, naming the replacement. */
const retired = (label: string, retiresOn: string, replacement: string): AnthropicModelRow => ({
  ...base,
  label,
  thinkingMode: 'budget',
  inlineSystem: false,
  contextLength: 200_000,
  reasoning: false,
  retirement: { retiresOn, replacement, note: 'replacement suggested by token.js', evidence: sdkChangelog },
  evidence: [sdkChangelog],
  unverified: ['contextLength', 'reasoning', 'jsonSchema', 'documents', 'prefix'],
})

export const anthropicModels = defineModelTable({
  'claude-fable-5-2': current('Claude Fable 5.2', 'adaptive-always'),
  'claude-opus-5-5': current('Claude Opus 5.5', 'adaptive-always'),
  'claude-sonnet-5-5': current('Claude Sonnet 5.5', 'adaptive'),
  'claude-haiku-5-5': current('Claude Haiku 5.5', 'adaptive'),
  'claude-fable-5-1': current('Claude Fable 5.1 (legacy)', 'adaptive-always'),
  'claude-opus-5': current('Claude Opus 5 (legacy)', 'adaptive'),
  'claude-haiku-4-5': { ...haiku45, aliasOf: 'claude-haiku-4-5-20251001' },
  'claude-haiku-4-5-20251001': haiku45,
  'claude-opus-4-5': { ...opus45, aliasOf: 'claude-opus-4-5-20251101' },
  'claude-opus-4-5-20251101': opus45,
  'claude-sonnet-4-5': retired('Claude Sonnet 4.5', '2026-11-30', 'claude-sonnet-5-5'),
  'claude-sonnet-4-5-20250929': retired('Claude Sonnet 4.5', '2026-11-30', 'claude-sonnet-5-5'),
  'claude-opus-4-1': retired('Claude Opus 4.1', '2026-08-07', 'claude-opus-5-5'),
  'claude-opus-4-1-20250805': retired('Claude Opus 4.1', '2026-08-07', 'claude-opus-5-5'),
  'claude-opus-4-0': retired('Claude Opus 4', '2026-06-15', 'claude-opus-5-5'),
  'claude-opus-4-20250514': retired('Claude Opus 4', '2026-06-15', 'claude-opus-5-5'),
  'claude-sonnet-4-0': retired('Claude Sonnet 4', '2026-06-15', 'claude-sonnet-5-5'),
  'claude-sonnet-4-20250514': retired('Claude Sonnet 4', '2026-06-15', 'claude-sonnet-5-5'),
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
