/**
 * Where each row of `openAIModels` comes from, and when that source was checked (docs, CLI and probes
 * read it; the client never does, so none of it is in the first-load bundle). Data only.
 *
 * OpenAI's own pages come first: the API reference's model list, the deprecations page (shutdown date
 * and recommended replacement; also `shutdown_date` in `GET /v1/models`) and the guides. Where only a
 * dated copy of a page version is stored, the copy is cited. Capabilities OpenAI does not list per model
 * come from models.dev and from providers that document the model (each cited on its row).
 */
import type { ModelEvidence, ModelEvidenceTable, ModelRowEvidence } from '../../capabilities.js'
import type { OpenAIModelId } from './models.js'

const AUDITED = '2026-12-01'
const RECHECKED = '2026-12-02'
const page = (source: string, checked: string = RECHECKED): ModelEvidence => ({ source, checked })

const reference = page('https://developers.openai.com/api/reference/resources/%24shared')
const spec = page('openai/openai-openapi openapi.yaml@f85dbe223d40', AUDITED)
const pdfGuide = page('https://developers.openai.com/docs/guides/pdf-files', AUDITED)
const deprecations = page('https://developers.openai.com/api/docs/deprecations?translationFallback=zh-Hans')
/** The page's 2026-04-22 notice (shutdowns of 2026-07-23 and 2026-10-23), as archived. */
const notice0422 = page('https://spybara.com/openai/api/history/docs/en/2026-04-22-0555..2026-04-23-0556/')
/** The page as of 2026-05-14 (the 2026-05-08 chat-latest notice, revised replacements of 2026-04-22). */
const notice0508 = page('https://spybara.com/openai/api/history/docs/en/2026-05-12-1857..2026-05-14-2100/')
/** A copy of the page as of 2026-10-15 (replacements of the 2026-10-23 batch as revised). */
const asOf1015 = page(
  'https://dev.to/importstatic/every-openai-model-shutdown-date-until-january-2027-and-what-replaces-it-1dfk',
)
/** The 2026-10-14 GPT-4-family notice, mirrored. */
const notice1014 = page('https://www.w3cschool.cn/openai_api/openai_api-docs-deprecations.html')
const notice1118 = page('https://archive.li/3RThE')
const gpt5Notice = page(
  'https://dev.to/aideprecations/what-to-do-before-openai-gpt-5-and-o3-shut-down-on-december-11-2026-fap',
)
const driftline = page('https://dev.to/aidriftline')
const checkedList = page(
  'https://dev.to/max_bob/openai-api-deprecations-2026-2027-every-shutdown-date-and-recommended-replacement-gpt-4o-2ffm',
)
const modelsDev = (file: string, commit: string): ModelEvidence =>
  page(`anomalyco/models.dev providers/openai/models/${file}.toml@${commit}`, AUDITED)

const rows = (...evidence: ModelEvidence[]): ModelRowEvidence => ({ evidence: [reference, ...evidence] })
const shutDown = (retirement: ModelEvidence, evidence: readonly ModelEvidence[], note?: string): ModelRowEvidence => ({
  evidence: [spec, ...evidence],
  retirement: note === undefined ? retirement : { ...retirement, note },
})

const sol61 = rows(
  page('https://developers.openai.com/api/docs/guides/latest-model?model=gpt-6.1-sol', AUDITED),
  page('https://apidog.com/th/blog/gpt-6-1-sol-api', AUDITED),
)
const luna6 = rows(page('https://docs.oxen.ai/inference-api/reference/models/gpt-6-luna.md', AUDITED))
const gpt56 = page('https://docs.ai-stats.phaseo.app/v1/model-migrations/openai-migrating-to-gpt-5-6.md', AUDITED)
const audio: ModelRowEvidence = {
  evidence: [reference, page('openai/openai-python src/openai/types/shared/chat_model.py@0044c4d4ef4f', AUDITED)],
  // Copied from gpt-audio; no page lists these per model.
  unverified: ['jsonSchema', 'tools', 'contextLength'],
}
const oct23: ModelRowEvidence = shutDown(notice0422, [asOf1015])
const search: ModelRowEvidence = {
  ...shutDown(notice0422, [notice0508], 'OpenAI lists the snapshot this alias points to (`-2025-03-11`)'),
  // litellm's data says images and tools work; no OpenAI page says either way.
  unverified: ['images', 'documents', 'tools'],
}
const gpt4Family: ModelRowEvidence = {
  evidence: [reference, spec, pdfGuide],
  retirement: { ...notice1014, note: 'OpenAI lists the dated snapshots; the alias points to them' },
}

export const openAIModelEvidence = {
  'gpt-6.1-sol': sol61,
  'gpt-6.1-terra': {
    evidence: [reference, page('https://developers.openai.com/api/docs/guides/latest-model?model=gpt-5.5', AUDITED)],
    // Only the name and its place in the GPT-6.1 family are documented; the rest follows GPT-6.1 Sol.
    unverified: ['reasoningEfforts', 'tools', 'contextLength', 'jsonSchema', 'prediction'],
  },
  'gpt-6-astra': rows(
    modelsDev('gpt-6-astra', 'e2f67ad689b5'),
    page('https://docs.apiyi.com/en/api-capabilities/gpt-6-astra/overview.md', AUDITED),
  ),
  'gpt-6-sol': rows(page('https://apidog.com/th/blog/gpt-6-1-sol-api', AUDITED)),
  'gpt-6-luna': luna6,
  'gpt-5.6-sol': rows(spec, gpt56),
  'gpt-5.6-terra': rows(modelsDev('gpt-5.6-terra', '89b873ed9e9c'), gpt56, pdfGuide),
  'gpt-5.6-luna': rows(modelsDev('gpt-5.6-luna', '89b873ed9e9c'), gpt56, pdfGuide),
  'gpt-5.5': rows(spec, pdfGuide),
  'gpt-5.4': rows(spec, pdfGuide),
  'gpt-5.4-mini': rows(spec, pdfGuide),
  'gpt-5.4-nano': { evidence: [reference, spec, pdfGuide], retirement: driftline },
  'gpt-5.2': rows(spec, pdfGuide),
  'gpt-5.2-pro': { evidence: [reference, spec], unverified: ['reasoningEfforts', 'contextLength', 'tools'] },
  'gpt-5.1': { evidence: [reference, spec, pdfGuide], retirement: { ...checkedList, note: 'no replacement named' } },
  'gpt-5': { evidence: [spec, pdfGuide], retirement: deprecations },
  'gpt-5-mini': { evidence: [spec, pdfGuide], retirement: deprecations },
  'gpt-5-nano': {
    evidence: [spec, pdfGuide],
    retirement: { ...deprecations, note: 'the copy read is cut after "gpt-6"; GPT-6 Luna is its only small model' },
  },
  o3: {
    evidence: [spec, pdfGuide],
    retirement: { ...gpt5Notice, note: 'replacement as announced 2026-06-11; OpenAI later moved GPT-5 to GPT-6.1 Sol' },
  },
  'gpt-4.1': gpt4Family,
  'gpt-4.1-mini': gpt4Family,
  'gpt-4o': gpt4Family,
  'gpt-4o-mini': gpt4Family,
  'gpt-audio-1.5': { ...audio, evidence: [notice0508] },
  'gpt-audio-mini': audio,
  'gpt-audio': { evidence: [spec], retirement: { ...driftline, note: 'secondary source; no replacement named' } },
  'gpt-4o-audio-preview': {
    evidence: [spec],
    retirement: {
      ...driftline,
      note: 'secondary source; https://www.modelcostwatch.com/openai/deprecations/gpt-4o-preview-audio-realtime-models gives 2026-05-07 (→ gpt-audio-1.5)',
    },
  },
  'gpt-5.3-chat-latest': shutDown(notice0508, [reference]),
  'gpt-5.2-chat-latest': shutDown(notice0508, [reference]),
  'gpt-5-chat-latest': shutDown(
    notice0422,
    [notice0508],
    'OpenAI named gpt-5.3-chat-latest, itself shut down 2026-08-10 in favour of gpt-5.5',
  ),
  'gpt-4o-mini-audio-preview': shutDown(
    notice0508,
    [],
    'OpenAI lists the snapshot this alias points to (`-2024-12-17`)',
  ),
  'gpt-4o-search-preview': search,
  'gpt-4o-mini-search-preview': search,
  'o4-mini': oct23,
  'o3-mini': oct23,
  o1: oct23,
  'gpt-4.1-nano': shutDown(notice0422, [
    asOf1015,
    page('https://docs.retellai.com/deprecation-notice/2026/10-20_model_replacements'),
  ]),
  'chatgpt-4o-latest': shutDown(
    notice1118,
    [],
    'OpenAI named gpt-5.1-chat-latest, shut down 2026-07-23 (→ gpt-5.3-chat-latest, shut down 2026-08-10 → gpt-5.5)',
  ),
  'gpt-4-turbo': oct23,
  'gpt-4': oct23,
  'gpt-3.5-turbo': shutDown(
    notice0422,
    [asOf1015],
    'the 2026-04-22 notice named gpt-4.1-mini; revised to gpt-5.6-terra',
  ),
} as const satisfies ModelEvidenceTable<OpenAIModelId>

/** The models' names for docs and the CLI (kept off the rows so they stay out of the first-load bundle). */
export const openAIModelLabels = {
  'gpt-6.1-sol': 'GPT-6.1 Sol',
  'gpt-6.1-terra': 'GPT-6.1 Terra',
  'gpt-6-astra': 'GPT-6 Astra',
  'gpt-6-sol': 'GPT-6 Sol',
  'gpt-6-luna': 'GPT-6 Luna',
  'gpt-5.6-sol': 'GPT-5.6 Sol',
  'gpt-5.6-terra': 'GPT-5.6 Terra',
  'gpt-5.6-luna': 'GPT-5.6 Luna',
  'gpt-5.5': 'GPT-5.5',
  'gpt-5.4': 'GPT-5.4',
  'gpt-5.4-mini': 'GPT-5.4 mini',
  'gpt-5.4-nano': 'GPT-5.4 nano',
  'gpt-5.2': 'GPT-5.2',
  'gpt-5.2-pro': 'GPT-5.2 pro',
  'gpt-5.1': 'GPT-5.1',
  'gpt-5': 'GPT-5',
  'gpt-5-mini': 'GPT-5 mini',
  'gpt-5-nano': 'GPT-5 nano',
  o3: 'o3',
  'gpt-4.1': 'GPT-4.1',
  'gpt-4.1-mini': 'GPT-4.1 mini',
  'gpt-4o': 'GPT-4o',
  'gpt-4o-mini': 'GPT-4o mini',
  'gpt-audio-1.5': 'GPT Audio 1.5',
  'gpt-audio-mini': 'GPT Audio mini',
  'gpt-audio': 'GPT Audio',
  'gpt-4o-audio-preview': 'GPT-4o Audio (preview)',
  'gpt-5.3-chat-latest': 'GPT-5.3 Chat',
  'gpt-5.2-chat-latest': 'GPT-5.2 Chat',
  'gpt-5-chat-latest': 'GPT-5 Chat',
  'gpt-4o-mini-audio-preview': 'GPT-4o mini Audio (preview)',
  'gpt-4o-search-preview': 'GPT-4o Search (preview)',
  'gpt-4o-mini-search-preview': 'GPT-4o mini Search (preview)',
  'o4-mini': 'o4-mini',
  'o3-mini': 'o3-mini',
  o1: 'o1',
  'gpt-4.1-nano': 'GPT-4.1 nano',
  'chatgpt-4o-latest': 'ChatGPT-4o',
  'gpt-4-turbo': 'GPT-4 Turbo',
  'gpt-4': 'GPT-4',
  'gpt-3.5-turbo': 'GPT-3.5 Turbo',
} as const satisfies Record<OpenAIModelId, string>
