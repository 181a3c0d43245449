/**
 * Where each row of `anthropicModels` comes from, and when that source was checked (docs, CLI and
 * probes read it; the client never does). Data only. Sources, read 2026-12-02:
 * - Anthropic's model pages: the line-up table (context, max output, thinking mode, default effort)
 *   https://platform.claude.com/docs/about-claude/models/whats-new-opus-5 (Fable 5.2 in the same table at
 *   https://platform.claude.com/docs/id/models/opus-5/overview.md), and the Opus 4.5 page;
 * - `@anthropic-ai/sdk` 1.15.0 (npm, published 2026-11-30): `resources/messages/messages.d.ts` (the
 *   `Model` ids), `internal/data/deprecated-models.js` (Opus 4.5 end of life 2027-01-22) and
 *   `CHANGELOG.md` (the releases that removed retired models: Sonnet 4.5 in 1.15.0 on 2026-11-30, Opus 4.1
 *   in 0.116.0 on 2026-08-07, Sonnet 4 and Opus 4 in 0.104.2 on 2026-06-15; the date of that release is
 *   the retirement date published here, the latest it can be).
 */
import type { ModelEvidence, ModelEvidenceTable, ModelRowEvidence } from '../../capabilities.js'
import type { AnthropicModelId } from './models.js'

const CHECKED = '2026-12-02'
const source = (text: string): ModelEvidence => ({ source: text, checked: CHECKED })
const lineup = source('https://platform.claude.com/docs/about-claude/models/whats-new-opus-5 (line-up table)')
const lineup52 = source('https://platform.claude.com/docs/id/models/opus-5/overview.md (line-up table)')
const sdkModels = source('@anthropic-ai/sdk@1.15.0 resources/messages/messages.d.ts (Model)')
const sdkDeprecated = source('@anthropic-ai/sdk@1.15.0 internal/data/deprecated-models.js')
const sdkChangelog = source('@anthropic-ai/sdk@1.15.0 CHANGELOG.md')
const opus45Page = source('https://platform.claude.com/docs/pt-BR/models/opus-4-5/overview.md')

/** The per-effort list and prefill are not on the line-up table: by analogy with Anthropic's effort docs. */
const current = (...evidence: ModelEvidence[]): ModelRowEvidence => ({
  evidence: [...evidence, sdkModels],
  unverified: ['reasoningEfforts', 'prefix'],
})
const haiku45: ModelRowEvidence = {
  evidence: [sdkModels, source('https://platform.claude.com/docs/about-claude/models/overview')],
  unverified: ['contextLength', 'prefix', 'jsonSchema'],
}
const opus45: ModelRowEvidence = {
  evidence: [opus45Page, sdkModels],
  unverified: ['prefix', 'jsonSchema'],
  retirement: { ...sdkDeprecated, note: 'Anthropic names Claude Opus 5.5 as the model to migrate to' },
}
const retired: ModelRowEvidence = {
  evidence: [sdkChangelog],
  unverified: ['contextLength', 'jsonSchema', 'documents', 'prefix', 'reasoning'],
  retirement: { ...sdkChangelog, note: 'replacement suggested by token.js' },
}

export const anthropicModelEvidence = {
  'claude-fable-5-2': current(lineup52),
  'claude-opus-5-5': current(lineup),
  'claude-sonnet-5-5': current(lineup),
  'claude-haiku-5-5': current(lineup),
  'claude-fable-5-1': current(lineup),
  'claude-opus-5': current(lineup),
  'claude-haiku-4-5': haiku45,
  'claude-haiku-4-5-20251001': haiku45,
  'claude-opus-4-5': opus45,
  'claude-opus-4-5-20251101': opus45,
  'claude-sonnet-4-5': retired,
  'claude-sonnet-4-5-20250929': retired,
  'claude-opus-4-1': retired,
  'claude-opus-4-1-20250805': retired,
  'claude-opus-4-0': retired,
  'claude-opus-4-20250514': retired,
  'claude-sonnet-4-0': retired,
  'claude-sonnet-4-20250514': retired,
} as const satisfies ModelEvidenceTable<AnthropicModelId>

export const anthropicModelLabels = {
  'claude-fable-5-2': 'Claude Fable 5.2',
  'claude-opus-5-5': 'Claude Opus 5.5',
  'claude-sonnet-5-5': 'Claude Sonnet 5.5',
  'claude-haiku-5-5': 'Claude Haiku 5.5',
  'claude-fable-5-1': 'Claude Fable 5.1 (legacy)',
  'claude-opus-5': 'Claude Opus 5 (legacy)',
  'claude-haiku-4-5': 'Claude Haiku 4.5',
  'claude-haiku-4-5-20251001': 'Claude Haiku 4.5',
  'claude-opus-4-5': 'Claude Opus 4.5',
  'claude-opus-4-5-20251101': 'Claude Opus 4.5',
  'claude-sonnet-4-5': 'Claude Sonnet 4.5',
  'claude-sonnet-4-5-20250929': 'Claude Sonnet 4.5',
  'claude-opus-4-1': 'Claude Opus 4.1',
  'claude-opus-4-1-20250805': 'Claude Opus 4.1',
  'claude-opus-4-0': 'Claude Opus 4',
  'claude-opus-4-20250514': 'Claude Opus 4',
  'claude-sonnet-4-0': 'Claude Sonnet 4',
  'claude-sonnet-4-20250514': 'Claude Sonnet 4',
} as const satisfies Record<AnthropicModelId, string>
