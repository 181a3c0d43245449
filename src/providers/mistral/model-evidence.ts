/**
 * Where each row of `mistralModels` comes from, and when that source was checked (docs, CLI and probes
 * read it; the client never does, so none of it is in the first-load bundle). Data only.
 *
 * Sources: Mistral's public docs repository `mistralai/platform-docs-public` (model cards
 * `src/schema/models/models/*.ts`, changelog `changelog/en/*.mdx`), models.dev
 * (`anomalyco/models.dev providers/mistral/models/*.toml`), vercel/ai's Mistral provider
 * (`packages/mistral/src/mistral-chat-language-model-options.ts`) and live reports in public issue threads.
 */
import type { ModelEvidence, ModelEvidenceTable, ModelRowEvidence } from '../../capabilities.js'
import type { MistralModelId } from './models.js'

/** The audit of 2026-12-01 read the cards at this commit (HEAD 2026-08-21); the rest were read 2026-12-02. */
const AUDITED = '2026-12-01'
const RECHECKED = '2026-12-02'
const DOCS = 'mistralai/platform-docs-public'
const HEAD = '222f4ba9114f'

const card = (file: string, commit: string = HEAD, checked: string = AUDITED): ModelEvidence => ({
  source: `${DOCS} src/schema/models/models/${file}.ts@${commit}`,
  checked,
})
const changelog = (day: string, commit: string, checked: string = RECHECKED): ModelEvidence => ({
  source: `${DOCS} changelog/en/${day}.mdx@${commit}`,
  checked,
})
const modelsDev = (file: string, commit: string): ModelEvidence => ({
  source: `anomalyco/models.dev providers/mistral/models/${file}.toml@${commit}`,
  checked: AUDITED,
})
const aiSdk: ModelEvidence = {
  source: 'vercel/ai packages/mistral/src/mistral-chat-language-model-options.ts@31a4be49ec01',
  checked: AUDITED,
}
const reasoningPage: ModelEvidence = {
  source: `${DOCS} src/content/en/docs/studio/conversations/reasoning/page.mdx@${HEAD}`,
  checked: AUDITED,
}
const documentQna: ModelEvidence = {
  source: `${DOCS} src/content/en/docs/studio/document-processing/document_qna/page.mdx@${HEAD}`,
  checked: AUDITED,
}
const liveEfforts: ModelEvidence = { source: 'https://github.com/anomalyco/models.dev/issues/1986', checked: AUDITED }
/** The 2024 changelog that names the old aliases (`mistral-tiny-2312`, `mistral-small-2312`, …). */
const changelog2024 = changelog('2024-02-26', '734d8105eb89', AUDITED)

/** One row, or a family of rows that share their sources. */
const rows = (...evidence: ModelEvidence[]): ModelRowEvidence => ({ evidence })
/** A retired row: its card, and the card (or changelog) that dates the retirement. */
const retired = (from: ModelEvidence, note?: string): ModelRowEvidence => ({
  evidence: [from],
  retirement: note === undefined ? from : { ...from, note },
})

const large4: ModelRowEvidence = {
  evidence: [
    card('mistral-large-4-0', '2175369b7a17'),
    changelog('2026-10-06', '69fa7f5a0c0e'),
    modelsDev('mistral-large-4', 'd89d7764783b'),
  ],
  // The effort list is models.dev's analogy with the other Mistral reasoning models; "1M" is read as 2^20.
  unverified: ['reasoningEfforts', 'contextLength'],
}
const large3 = rows(card('mistral-large-3-25-12'))
const medium35 = rows(card('mistral-medium-3-5-26-04'), reasoningPage, liveEfforts)
const medium35Listed = rows(card('mistral-medium-3-5-26-04'), aiSdk)
const small4 = rows(card('mistral-small-4-0-26-03'), reasoningPage, liveEfforts)
const codestral = rows(card('codestral-25-08'), documentQna)
const codestralAlias = rows(
  card('codestral-25-08'),
  documentQna,
  modelsDev('mistral-code-latest', 'baaf3af52a23'),
  aiSdk,
)
const voxtralSmall = rows(card('voxtral-small-25-07'), documentQna)
const glm53: ModelRowEvidence = {
  evidence: [
    card('zai-glm-5-3', '45102adaccf7'),
    changelog('2026-09-28', 'd7929aab62ac'),
    { source: 'https://github.com/anomalyco/models.dev/issues/7334', checked: AUDITED },
    { source: 'https://github.com/theopenco/llmgateway/pull/3605', checked: RECHECKED },
    { source: 'https://github.com/pydantic/pydantic-ai/pull/7600', checked: RECHECKED },
  ],
  // "1M" on the card; no live max_context_length seen.
  unverified: ['contextLength'],
}
const glm52: ModelRowEvidence = {
  evidence: [card('zai-glm-5-2'), modelsDev('glm-5-2', '0c10f82e99b3')],
  retirement: changelog('2026-09-29', 'd7929aab62ac'),
}

const medium31 = retired(card('mistral-medium-3-1-25-08'))
const magistralMedium12 = retired(card('magistral-medium-1-2-25-09'))
const magistralSmall12 = retired(card('magistral-small-1-2-25-09'))
const devstral2 = retired(card('devstral-2-25-12'))
const devstralSmall2 = retired(card('devstral-small-2-25-12'))
const nemo = retired(card('mistral-nemo-12b-24-07'))
const pixtralLarge = retired(card('pixtral-large-24-11'))
const saba = retired(card('mistral-saba-25-02'))
const mistral7b = retired(card('mistral-7b-0-2'))
const mixtral8x7b = retired(card('mixtral-8x7b-0-1'))
const mixtral8x22b = retired(card('mixtral-8x22b-0-1-0-3'))
const leanstral15 = retired(
  changelog('2026-09-29', 'd7929aab62ac'),
  'Mistral named no successor; the replacement is token.js’s suggestion',
)

export const mistralModelEvidence = {
  'mistral-large-4-0': large4,
  'mistral-large-4': large4,
  'mistral-large-2512': large3,
  'mistral-large-latest': large3,
  'mistral-medium-3-5': medium35,
  'mistral-medium-3': medium35,
  'mistral-medium-latest': medium35,
  'mistral-medium-2604': rows(
    card('mistral-medium-3-5-26-04'),
    aiSdk,
    modelsDev('mistral-medium-2604', 'f3fc69229967'),
  ),
  'mistral-medium-3.5': medium35Listed,
  // vercel/ai lists the bare id; which model it names is not documented (Medium 3.5 is assumed).
  'mistral-medium': { ...medium35Listed, unverified: ['contextLength', 'reasoning', 'reasoningEfforts', 'prediction'] },
  'mistral-small-2603': small4,
  'mistral-small-latest': small4,
  'ministral-3b-2512': rows(card('ministral-3-3b-25-12')),
  'ministral-3b-latest': rows(card('ministral-3-3b-25-12')),
  'ministral-8b-2512': rows(card('ministral-3-8b-25-12')),
  'ministral-8b-latest': rows(card('ministral-3-8b-25-12')),
  'ministral-14b-2512': rows(card('ministral-3-14b-25-12')),
  'ministral-14b-latest': rows(card('ministral-3-14b-25-12')),
  'codestral-2508': codestral,
  'codestral-latest': codestral,
  'mistral-code-latest': codestralAlias,
  'mistral-code-fim-latest': {
    ...codestralAlias,
    evidence: [...codestralAlias.evidence, modelsDev('mistral-code-fim-latest', 'd87c8d022444')],
  },
  'voxtral-small-2507': voxtralSmall,
  'voxtral-small-latest': voxtralSmall,
  'zai-glm-5-3': glm53,
  'zai-glm-5': glm53,
  'zai-glm-latest': glm53,
  'zai-glm-5-2': glm52,
  'glm-5-2': glm52,
  'mistral-medium-2508': medium31,
  'mistral-medium-2505': retired(card('mistral-medium-3-25-05')),
  'magistral-medium-2509': magistralMedium12,
  'magistral-medium-latest': magistralMedium12,
  'magistral-small-2509': magistralSmall12,
  'magistral-small-latest': magistralSmall12,
  'devstral-2512': devstral2,
  'devstral-latest': devstral2,
  'devstral-medium-latest': devstral2,
  'mistral-code-agent-latest': {
    evidence: [card('devstral-2-25-12'), modelsDev('mistral-code-agent-latest', 'ca42ed5bea33')],
    retirement: card('devstral-2-25-12'),
  },
  'labs-devstral-small-2512': devstralSmall2,
  'devstral-small-latest': devstralSmall2,
  'devstral-medium-2507': retired(card('devstral-medium-1-0-25-07')),
  'devstral-small-2507': retired(card('devstral-small-1-1-25-07')),
  'mistral-small-2506': retired(card('mistral-small-3-2-25-06')),
  'open-mistral-nemo-2407': nemo,
  'open-mistral-nemo': nemo,
  // The aliases are in a recorded `/v1/models` answer, not on the card.
  'mistral-tiny-2407': nemo,
  'mistral-tiny-latest': nemo,
  'mistral-large-2411': retired(card('mistral-large-2-1-24-11')),
  'pixtral-large-2411': pixtralLarge,
  'pixtral-large-latest': pixtralLarge,
  'voxtral-mini-2507': retired(
    card('voxtral-mini-25-07'),
    'Mistral named Voxtral Mini Transcribe 2 (`voxtral-mini-latest`), which is transcription only, not a chat model',
  ),
  'labs-mistral-small-creative': retired(card('mistral-small-creative-25-12')),
  'labs-leanstral-2603': retired(
    card('leanstral-26-03'),
    'Mistral named Leanstral 1.5, itself retired 2026-09-30 with no successor; the replacement is token.js’s suggestion',
  ),
  // models.dev reads the Hugging Face card as giving it `reasoning_effort` none/high; no Mistral card says so.
  'labs-leanstral-1-5': {
    ...leanstral15,
    evidence: [...leanstral15.evidence, modelsDev('labs-leanstral-1-5-1', '717244cd9f4b')],
    unverified: ['reasoning', 'reasoningEfforts'],
  },
  'pixtral-12b-2409': retired(card('pixtral-12b-24-09')),
  'ministral-3b-2410': retired(card('ministral-3b-24-1')),
  'ministral-8b-2410': retired(card('ministral-8b-24-1')),
  'magistral-medium-2506': retired(card('magistral-medium-1-0-25-06')),
  'magistral-medium-2507': retired(card('magistral-medium-1-1-25-07')),
  'magistral-small-2506': retired(card('magistral-small-1-0-25-06')),
  'magistral-small-2507': retired(card('magistral-small-1-1-25-07')),
  'devstral-small-2505': retired(card('devstral-small-1-0-25-05')),
  'mistral-small-2503': retired(card('mistral-small-3-1-25-03')),
  'mistral-small-2501': retired(card('mistral-small-3-0-25-01')),
  'mistral-small-2409': retired(card('mistral-small-2-0-24-09')),
  'codestral-2501': retired(card('codestral-25-01')),
  'mistral-saba-2502': saba,
  'mistral-saba-latest': saba,
  'codestral-2405': retired(card('codestral-24-05')),
  'open-codestral-mamba': retired(card('codestral-mamba-7b-0-1')),
  'mistral-large-2402': retired(card('mistral-large-1-0-24-02')),
  'mistral-large-2407': retired(card('mistral-large-2-0-24-07')),
  'mistral-small-2402': {
    ...retired(card('mistral-small-1-0-24-02')),
    evidence: [card('mistral-small-1-0-24-02'), changelog2024],
  },
  'mistral-medium-2312': retired(card('mistral-medium-1-0-23-12')),
  'open-mistral-7b': mistral7b,
  'mistral-tiny-2312': { ...mistral7b, evidence: [...mistral7b.evidence, changelog2024] },
  'open-mixtral-8x7b': mixtral8x7b,
  'mistral-small-2312': { ...mixtral8x7b, evidence: [...mixtral8x7b.evidence, changelog2024] },
  'open-mixtral-8x22b-2404': mixtral8x22b,
  'open-mixtral-8x22b': mixtral8x22b,
} as const satisfies ModelEvidenceTable<MistralModelId>

/** The embedding rows' sources (`mistralEmbeddingModels`). */
export const mistralEmbeddingEvidence = {
  'mistral-embed-2312': [
    card('mistral-embed-23-12'),
    {
      source: `${DOCS} src/content/en/docs/studio/knowledge-rag/embeddings/text_embeddings/page.mdx@${HEAD}`,
      checked: AUDITED,
    },
  ],
  'codestral-embed-2505': [
    card('codestral-embed-25-05'),
    {
      source: `${DOCS} src/content/en/docs/studio/knowledge-rag/embeddings/code_embeddings/page.mdx@${HEAD}`,
      checked: AUDITED,
    },
  ],
} as const satisfies Record<string, readonly ModelEvidence[]>

/** The models' names for docs and the CLI (kept off the rows so they stay out of the first-load bundle). */
export const mistralModelLabels = {
  'mistral-large-4-0': 'Mistral Large 4',
  'mistral-large-4': 'Mistral Large 4',
  'mistral-large-2512': 'Mistral Large 3',
  'mistral-large-latest': 'Mistral Large 3',
  'mistral-medium-3-5': 'Mistral Medium 3.5',
  'mistral-medium-3': 'Mistral Medium 3.5',
  'mistral-medium-latest': 'Mistral Medium 3.5',
  'mistral-medium-2604': 'Mistral Medium 3.5',
  'mistral-medium-3.5': 'Mistral Medium 3.5',
  'mistral-medium': 'Mistral Medium 3.5',
  'mistral-small-2603': 'Mistral Small 4',
  'mistral-small-latest': 'Mistral Small 4',
  'ministral-3b-2512': 'Ministral 3 3B',
  'ministral-3b-latest': 'Ministral 3 3B',
  'ministral-8b-2512': 'Ministral 3 8B',
  'ministral-8b-latest': 'Ministral 3 8B',
  'ministral-14b-2512': 'Ministral 3 14B',
  'ministral-14b-latest': 'Ministral 3 14B',
  'codestral-2508': 'Codestral 25.08',
  'codestral-latest': 'Codestral 25.08',
  'mistral-code-latest': 'Codestral 25.08',
  'mistral-code-fim-latest': 'Codestral 25.08',
  'voxtral-small-2507': 'Voxtral Small',
  'voxtral-small-latest': 'Voxtral Small',
  'zai-glm-5-3': 'Z.ai GLM 5.3',
  'zai-glm-5': 'Z.ai GLM 5.3',
  'zai-glm-latest': 'Z.ai GLM 5.3',
  'zai-glm-5-2': 'Z.ai GLM 5.2',
  'glm-5-2': 'Z.ai GLM 5.2',
  'mistral-medium-2508': 'Mistral Medium 3.1',
  'mistral-medium-2505': 'Mistral Medium 3',
  'magistral-medium-2509': 'Magistral Medium 1.2',
  'magistral-medium-latest': 'Magistral Medium 1.2',
  'magistral-small-2509': 'Magistral Small 1.2',
  'magistral-small-latest': 'Magistral Small 1.2',
  'devstral-2512': 'Devstral 2',
  'devstral-latest': 'Devstral 2',
  'devstral-medium-latest': 'Devstral 2',
  'mistral-code-agent-latest': 'Devstral 2',
  'labs-devstral-small-2512': 'Devstral Small 2',
  'devstral-small-latest': 'Devstral Small 2',
  'devstral-medium-2507': 'Devstral Medium 1.0',
  'devstral-small-2507': 'Devstral Small 1.1',
  'mistral-small-2506': 'Mistral Small 3.2',
  'open-mistral-nemo-2407': 'Mistral Nemo 12B',
  'open-mistral-nemo': 'Mistral Nemo 12B',
  'mistral-tiny-2407': 'Mistral Nemo 12B',
  'mistral-tiny-latest': 'Mistral Nemo 12B',
  'mistral-large-2411': 'Mistral Large 2.1',
  'pixtral-large-2411': 'Pixtral Large',
  'pixtral-large-latest': 'Pixtral Large',
  'voxtral-mini-2507': 'Voxtral Mini',
  'labs-mistral-small-creative': 'Mistral Small Creative',
  'labs-leanstral-2603': 'Leanstral',
  'labs-leanstral-1-5': 'Leanstral 1.5',
  'pixtral-12b-2409': 'Pixtral 12B',
  'ministral-3b-2410': 'Ministral 3B',
  'ministral-8b-2410': 'Ministral 8B',
  'magistral-medium-2506': 'Magistral Medium 1.0',
  'magistral-medium-2507': 'Magistral Medium 1.1',
  'magistral-small-2506': 'Magistral Small 1.0',
  'magistral-small-2507': 'Magistral Small 1.1',
  'devstral-small-2505': 'Devstral Small 1.0',
  'mistral-small-2503': 'Mistral Small 3.1',
  'mistral-small-2501': 'Mistral Small 3.0',
  'mistral-small-2409': 'Mistral Small 2.0',
  'codestral-2501': 'Codestral 25.01',
  'mistral-saba-2502': 'Mistral Saba',
  'mistral-saba-latest': 'Mistral Saba',
  'codestral-2405': 'Codestral 24.05',
  'open-codestral-mamba': 'Codestral Mamba 7B',
  'mistral-large-2402': 'Mistral Large 1.0',
  'mistral-large-2407': 'Mistral Large 2.0',
  'mistral-small-2402': 'Mistral Small 1.0',
  'mistral-medium-2312': 'Mistral Medium 1.0',
  'open-mistral-7b': 'Mistral 7B',
  'mistral-tiny-2312': 'Mistral 7B',
  'open-mixtral-8x7b': 'Mixtral 8x7B',
  'mistral-small-2312': 'Mixtral 8x7B',
  'open-mixtral-8x22b-2404': 'Mixtral 8x22B',
  'open-mixtral-8x22b': 'Mixtral 8x22B',
} as const satisfies Record<MistralModelId, string>
