/**
 * Where each row of `geminiModels` comes from, and when that source was checked (docs, CLI and probes read
 * it; the client never does). Google's pages first (models, thinking, deprecations, changelog); recorded
 * answers of the API where they settle a cell (thinking levels, candidate counts).
 */
import type { ModelEvidence, ModelEvidenceTable, ModelRowEvidence } from '../../capabilities.js'
import type { GeminiModelId } from './models.js'

const page = (source: string, checked = '2026-12-01'): ModelEvidence => ({ source, checked })
const models = page('https://ai.google.dev/gemini-api/docs/models')
const thinking = page('https://ai.google.dev/gemini-api/docs/thinking')
const deprecations = page('https://ai.google.dev/gemini-api/docs/deprecations')
const changelog = page('https://ai.google.dev/gemini-api/docs/changelog')
const argon = page('https://docs.cloud.google.com/gemini-enterprise-agent-platform/models/guides/gemini-4-argon')
const levels37 = page(
  'vercel/ai packages/google/src/__fixtures__/google-gemini-3.7-flash-thinking-levels.json@82d3bb7',
  '2026-12-02',
)
const levels31 = page('vercel/ai packages/google/src/__fixtures__/issue-22372-live-errors.json@7e719f0', '2026-12-02')
const oneCandidate = page('https://github.com/googleapis/js-genai/issues/1609', '2026-12-02')
const listed = page('yuv-man/habeat-server models.json@29ef58f (a recorded GET /v1beta/models)', '2026-12-02')

const current = (...evidence: ModelEvidence[]): ModelRowEvidence => ({
  evidence: [models, thinking, oneCandidate, ...evidence],
})
const shutDown = (note?: string): ModelEvidence & { readonly note?: string } =>
  note === undefined ? deprecations : { ...deprecations, note }

export const geminiModelEvidence: ModelEvidenceTable<GeminiModelId> = {
  'gemini-4-argon': { evidence: [argon, thinking], unverified: ['n', 'audio'] },
  'gemini-3.8-flash': current(levels37),
  'gemini-3.7-flash': {
    ...current(levels37),
    retirement: shutDown('deprecated; Google routes requests to gemini-3.8-flash'),
  },
  'gemini-3.6-flash': current(changelog),
  'gemini-3.5-flash': {
    ...current(changelog),
    retirement: shutDown('deprecated; Google routes requests to gemini-3.6-flash'),
  },
  'gemini-3.5-flash-lite': { ...current(changelog), unverified: ['audio', 'documents'] },
  'gemini-3.1-flash-lite': {
    ...current(),
    unverified: ['audio', 'documents'],
    retirement: shutDown("announced shutdown; the replacement is token.js's suggestion"),
  },
  'gemini-3.1-pro-preview': current(levels31),
  'gemini-3-flash-preview': current(),
  'gemini-flash-latest': { ...current(), unverified: ['reasoningEfforts'] },
  'gemini-pro-latest': { ...current(), unverified: ['reasoningEfforts'] },
  'gemini-3-pro-preview': { ...current(), retirement: shutDown() },
  'gemini-2.5-pro': { evidence: [listed, models, thinking] },
  'gemini-2.5-flash': { evidence: [listed, models, thinking] },
  'gemini-2.5-flash-lite': { evidence: [listed, models, thinking] },
  'gemini-2.0-flash': { evidence: [listed], retirement: shutDown() },
  'gemini-2.0-flash-lite': { evidence: [listed], retirement: shutDown() },
}

export const geminiModelLabels: Readonly<Record<GeminiModelId, string>> = {
  'gemini-4-argon': 'Gemini 4 Argon (sampling params ignored by the model)',
  'gemini-3.8-flash': 'Gemini 3.8 Flash',
  'gemini-3.7-flash': 'Gemini 3.7 Flash',
  'gemini-3.6-flash': 'Gemini 3.6 Flash',
  'gemini-3.5-flash': 'Gemini 3.5 Flash',
  'gemini-3.5-flash-lite': 'Gemini 3.5 Flash-Lite',
  'gemini-3.1-flash-lite': 'Gemini 3.1 Flash-Lite',
  'gemini-3.1-pro-preview': 'Gemini 3.1 Pro (preview)',
  'gemini-3-flash-preview': 'Gemini 3 Flash (preview)',
  'gemini-flash-latest': 'Alias of the newest Gemini Flash',
  'gemini-pro-latest': 'Alias of the newest Gemini Pro',
  'gemini-3-pro-preview': 'Gemini 3 Pro (preview)',
  'gemini-2.5-pro': 'Gemini 2.5 Pro (thinking cannot be turned off)',
  'gemini-2.5-flash': 'Gemini 2.5 Flash',
  'gemini-2.5-flash-lite': 'Gemini 2.5 Flash-Lite',
  'gemini-2.0-flash': 'Gemini 2.0 Flash',
  'gemini-2.0-flash-lite': 'Gemini 2.0 Flash-Lite',
}

export const geminiEmbeddingEvidence: Readonly<Record<string, readonly ModelEvidence[]>> = {
  'gemini-embedding-2': [
    page('https://ai.google.dev/gemini-api/docs/embeddings'),
    page('pydantic/pydantic-ai tests/cassettes/test_embeddings/TestGoogle.test_query.yaml@4fda389', '2026-12-02'),
  ],
  'gemini-embedding-2-preview': [
    page(
      'pydantic/pydantic-ai tests/cassettes/test_embeddings/TestGoogle.test_query_with_dimensions.yaml@4fda389',
      '2026-12-02',
    ),
  ],
  'gemini-embedding-001': [page('https://ai.google.dev/gemini-api/docs/embeddings')],
  'text-embedding-004': [deprecations, listed],
}
