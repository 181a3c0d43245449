/**
 * Mistral's chat models, one row per API id (aliases included, with `aliasOf`). Data only.
 *
 * Sources, in order of authority: Mistral's model cards and changelog (`mistralai/platform-docs-public`,
 * `src/schema/models/models/*.ts`, `changelog/en/*.mdx`), live reports in public issue threads, then the
 * old token.js seed table (a floor). Each row's source and the date it was checked are in
 * `model-evidence.ts` (kept apart so they stay out of the first-load bundle), and `npm run docs` prints
 * them. Non-chat models (embeddings, OCR, moderation, transcription, TTS) are not listed here.
 *
 * Conventions:
 * - `retirement.retiresOn` is the card's `retirementDate`; a row counts as retired once it has passed.
 * - `replacement` is the `-latest` alias of the family Mistral names. Where Mistral's named successor
 *   is itself retired, or not a chat model, the row points at the current successor and model-evidence.ts says so in its note.
 * - `documents` is the card's `document-qna` feature. Document QnA runs OCR first and hands the text to
 *   the model, so text-only models whose card lists it (Codestral 25.08, Voxtral Small) take PDFs too.
 * - `n` is true everywhere: every id below was still served after 2024-11-06, when Mistral added `n`.
 * - Cards of retired models list no features (`features: []`); for those rows the seed table is the floor.
 */
import { defineModelTable, type ModelRow } from '../../capabilities.js'

// ---------------------------------------------------------------------------------------------
// Shared building blocks
// ---------------------------------------------------------------------------------------------

/** Chat + streaming + n; every other feature off. */
const base = {
  chat: true,
  streaming: true,
  jsonMode: false,
  jsonSchema: false,
  images: false,
  documents: false,
  audio: false,
  tools: false,
  n: true,
  reasoning: false,
  prediction: false,
  prefix: false,
  fim: false,
} as const

/** Structured outputs (JSON mode + json_schema). */
const so = { jsonMode: true, jsonSchema: true } as const
/** Image input and document QnA. */
const vision = { images: true, documents: true } as const
/** Document QnA without image input (OCR-based). */
const docs = { documents: true } as const
/** The usual text feature set of Mistral's chat models: structured outputs, tools, prefix. */
const std = { ...base, ...so, tools: true, prefix: true } as const
/** Mistral's own reasoning models accept only these `reasoning_effort` values (400 code 3051 otherwise). */
const mistralEfforts = ['none', 'high'] as const

// ---------------------------------------------------------------------------------------------
// Current families (rows)
// ---------------------------------------------------------------------------------------------

// Mistral Large 4: public preview (2026-10-06), 1M context, reasoning output.
const large4 = {
  ...std,
  ...vision,
  reasoning: true,
  reasoningEfforts: mistralEfforts,
  contextLength: 1_048_576,
} as const satisfies ModelRow

// Mistral Large 3: GA 2025-12-02.
const large3 = {
  ...std,
  ...vision,
  contextLength: 262_144,
} as const satisfies ModelRow

// Mistral Medium 3.5: GA 2026-04-28, reasoning output.
const medium35 = {
  ...std,
  ...vision,
  reasoning: true,
  reasoningEfforts: mistralEfforts,
  prediction: true,
  contextLength: 262_144,
} as const satisfies ModelRow

// Mistral Small 4: GA 2026-03-16. Hybrid model: the card lists text output only, but it thinks when
// `reasoning_effort` is set (card description "unifying instruct, reasoning"; live `none`/`high`: anomalyco/models.dev#1986).
const small4 = {
  ...std,
  ...vision,
  reasoning: true,
  reasoningEfforts: mistralEfforts,
  prediction: true,
  contextLength: 262_144,
} as const satisfies ModelRow

// Ministral 3 (3B / 8B / 14B): GA 2025-12-02.
const ministral3 = { ...std, ...vision, contextLength: 262_144 } as const

// Codestral 25.08: GA 2025-07-30, FIM.
const codestral2508 = {
  ...std,
  ...docs,
  prediction: true,
  fim: true,
  contextLength: 131_072,
} as const satisfies ModelRow

// Voxtral Small: GA 2025-07-15, audio input.
const voxtralSmall = {
  ...std,
  ...docs,
  audio: true,
  contextLength: 32_768,
} as const satisfies ModelRow

// Z.ai GLM (third-party). GLM 5.3 thinks always: Mistral's endpoint takes `low`, `high`, `max` and
// rejects `none` (live reports, see model-evidence.ts); the cards list no effort values.
const zaiEfforts = ['low', 'high', 'max'] as const
const zaiGlm = {
  ...std,
  reasoning: true,
  reasoningEfforts: zaiEfforts,
  prediction: true,
  thirdParty: true,
  contextLength: 1_048_576,
} as const

// ---------------------------------------------------------------------------------------------
// Deprecated / retired families (rows without `retirement`; it is added per id below)
// ---------------------------------------------------------------------------------------------

const medium31 = {
  ...std,
  ...vision,
  prediction: true,
  contextLength: 131_072,
} as const satisfies ModelRow
const medium3 = { ...medium31 } as const satisfies ModelRow

// Magistral: reasoning models that take `reasoning_effort` 'high' (thinks) and 'none' (does not); without
// it magistral-small-latest did not think (pydantic/pydantic-ai cassettes
// tests/cassettes/test_thinking_wire_contract/*, recorded 2026-07-20). The cards list neither structured
// outputs nor prefix for Magistral.
const magistral = { ...base, tools: true, reasoning: true, reasoningEfforts: mistralEfforts } as const
const magistralMedium12 = {
  ...magistral,
  ...vision,
  contextLength: 131_072,
} as const satisfies ModelRow
const magistralSmall12 = {
  ...magistral,
  ...vision,
  contextLength: 131_072,
} as const satisfies ModelRow

const devstral2 = { ...std, contextLength: 262_144 } as const satisfies ModelRow
const devstralSmall2 = {
  ...std,
  ...vision,
  contextLength: 262_144,
} as const satisfies ModelRow

const small32 = {
  ...std,
  ...vision,
  prediction: true,
  contextLength: 131_072,
} as const satisfies ModelRow

const nemo = { ...std, contextLength: 131_072 } as const satisfies ModelRow

const pixtralLarge = {
  ...std,
  ...vision,
  prediction: true,
  contextLength: 131_072,
} as const satisfies ModelRow

const voxtralMini = {
  ...base,
  ...so,
  prefix: true,
  audio: true,
  contextLength: 32_768,
} as const satisfies ModelRow

const leanstral = { ...base, ...so, ...vision, tools: true, contextLength: 262_144 } as const

// Pre-2025 models whose retired cards list no features: seed table as the floor.
const mistral7b = {
  ...base,
  jsonMode: true,
  contextLength: 32_768,
} as const satisfies ModelRow
const mixtral8x7b = { ...base, contextLength: 32_768 } as const satisfies ModelRow
const mixtral8x22b = {
  ...base,
  jsonMode: true,
  tools: true,
  contextLength: 65_536,
} as const satisfies ModelRow
const saba = { ...base, contextLength: 32_768 } as const satisfies ModelRow

// ---------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------

/**
 * Mistral's chat models as token.js knows them: id → what the model can do (features, context length),
 * aliases (`aliasOf`) and retirements with their dates. Calls are gated on it before any I/O; ids not in it
 * are sent as they are. Listed with their sources in docs/providers/mistral.md.
 */
// The source of each row is in `model-evidence.ts`; docs/providers/mistral.md is generated from the table.
export const mistralModels = defineModelTable({
  // ===== Current =====

  // Mistral Large 4 (preview). Card apiNames: mistral-large-4, mistral-large-4-0; no -latest alias yet.
  'mistral-large-4-0': large4,
  'mistral-large-4': { ...large4, aliasOf: 'mistral-large-4-0' },

  // Mistral Large 3 (GA). `mistral-large-latest` stays on Large 3: Large 4's card does not claim it.
  'mistral-large-2512': large3,
  'mistral-large-latest': { ...large3, aliasOf: 'mistral-large-2512' },

  // Mistral Medium 3.5 (GA). Latest card: apiNames mistral-medium-3-5, mistral-medium-3,
  // mistral-medium-latest; `/v1/models` also serves the dated `mistral-medium-2604`, the dotted
  // `mistral-medium-3.5` (an earlier card's name) and a bare `mistral-medium`.
  'mistral-medium-3-5': medium35,
  'mistral-medium-3': { ...medium35, aliasOf: 'mistral-medium-3-5' },
  'mistral-medium-latest': { ...medium35, aliasOf: 'mistral-medium-3-5' },
  'mistral-medium-2604': { ...medium35, aliasOf: 'mistral-medium-3-5' },
  'mistral-medium-3.5': { ...medium35, aliasOf: 'mistral-medium-3-5' },
  'mistral-medium': { ...medium35, aliasOf: 'mistral-medium-3-5' },

  // Mistral Small 4 (GA).
  'mistral-small-2603': small4,
  'mistral-small-latest': { ...small4, aliasOf: 'mistral-small-2603' },

  // Ministral 3 (GA): 3B, 8B, 14B.
  'ministral-3b-2512': { ...ministral3 },
  'ministral-3b-latest': { ...ministral3, aliasOf: 'ministral-3b-2512' },
  'ministral-8b-2512': { ...ministral3 },
  'ministral-8b-latest': { ...ministral3, aliasOf: 'ministral-8b-2512' },
  'ministral-14b-2512': { ...ministral3 },
  'ministral-14b-latest': { ...ministral3, aliasOf: 'ministral-14b-2512' },

  // Codestral 25.08 (GA), chat + FIM.
  'codestral-2508': codestral2508,
  'codestral-latest': { ...codestral2508, aliasOf: 'codestral-2508' },
  'mistral-code-latest': { ...codestral2508, aliasOf: 'codestral-2508' },
  'mistral-code-fim-latest': { ...codestral2508, aliasOf: 'codestral-2508' },

  // Voxtral Small (GA), audio chat. (`voxtral-mini-latest` now names the transcription-only
  // Voxtral Mini Transcribe 2, so it is not a chat id and is not listed.)
  'voxtral-small-2507': voxtralSmall,
  'voxtral-small-latest': { ...voxtralSmall, aliasOf: 'voxtral-small-2507' },

  // Z.ai GLM 5.3 (third-party; preview 2026-09-15, GA 2026-09-28).
  'zai-glm-5-3': { ...zaiGlm },
  'zai-glm-5': { ...zaiGlm, aliasOf: 'zai-glm-5-3' },
  'zai-glm-latest': { ...zaiGlm, aliasOf: 'zai-glm-5-3' },

  // ===== Deprecated, then retired in 2026 =====

  // Z.ai GLM 5.2 (`glm-5-2` is its other callable id); GLM 5.2 took `high` and `max`.
  'zai-glm-5-2': {
    ...zaiGlm,
    reasoningEfforts: ['high', 'max'],
    retirement: { retiresOn: '2026-10-31', replacement: 'zai-glm-latest' },
  },
  'glm-5-2': {
    ...zaiGlm,
    aliasOf: 'zai-glm-5-2',
    reasoningEfforts: ['high', 'max'],
    retirement: { retiresOn: '2026-10-31', replacement: 'zai-glm-latest' },
  },

  // Mistral Medium 3.1 / 3. `mistral-medium-latest` moved from 2508 to Medium 3.5.
  'mistral-medium-2508': {
    ...medium31,
    retirement: { retiresOn: '2026-08-31', replacement: 'mistral-medium-latest' },
  },
  'mistral-medium-2505': {
    ...medium3,
    retirement: { retiresOn: '2026-08-31', replacement: 'mistral-medium-latest' },
  },

  // Magistral 1.2 (cards: Mistral Medium 3.5 and Mistral Small 4 replace them).
  'magistral-medium-2509': {
    ...magistralMedium12,
    retirement: { retiresOn: '2026-07-31', replacement: 'mistral-medium-latest' },
  },
  'magistral-medium-latest': {
    ...magistralMedium12,
    aliasOf: 'magistral-medium-2509',
    retirement: { retiresOn: '2026-07-31', replacement: 'mistral-medium-latest' },
  },
  'magistral-small-2509': {
    ...magistralSmall12,
    retirement: { retiresOn: '2026-07-31', replacement: 'mistral-small-latest' },
  },
  'magistral-small-latest': {
    ...magistralSmall12,
    aliasOf: 'magistral-small-2509',
    retirement: { retiresOn: '2026-07-31', replacement: 'mistral-small-latest' },
  },

  // Devstral 2, Devstral Small 2 and Devstral Medium 1.0: the cards name Mistral Medium 3.5; Devstral Small
  // 1.1 names Mistral Small 4. `mistral-code-agent-latest` was an alias of Devstral 2.
  'devstral-2512': {
    ...devstral2,
    retirement: { retiresOn: '2026-07-31', replacement: 'mistral-medium-latest' },
  },
  'devstral-latest': {
    ...devstral2,
    aliasOf: 'devstral-2512',
    retirement: { retiresOn: '2026-07-31', replacement: 'mistral-medium-latest' },
  },
  'devstral-medium-latest': {
    ...devstral2,
    aliasOf: 'devstral-2512',
    retirement: { retiresOn: '2026-07-31', replacement: 'mistral-medium-latest' },
  },
  'mistral-code-agent-latest': {
    ...devstral2,
    aliasOf: 'devstral-2512',
    retirement: { retiresOn: '2026-07-31', replacement: 'mistral-medium-latest' },
  },
  'labs-devstral-small-2512': {
    ...devstralSmall2,
    retirement: { retiresOn: '2026-03-31', replacement: 'mistral-medium-latest' },
  },
  'devstral-small-latest': {
    ...devstralSmall2,
    aliasOf: 'labs-devstral-small-2512',
    retirement: { retiresOn: '2026-03-31', replacement: 'mistral-medium-latest' },
  },
  'devstral-medium-2507': {
    ...devstral2,
    contextLength: 131_072,
    retirement: { retiresOn: '2026-05-31', replacement: 'mistral-medium-latest' },
  },
  'devstral-small-2507': {
    ...devstral2,
    contextLength: 131_072,
    retirement: { retiresOn: '2026-05-31', replacement: 'mistral-small-latest' },
  },

  // Mistral Small 3.2.
  'mistral-small-2506': {
    ...small32,
    retirement: { retiresOn: '2026-07-31', replacement: 'mistral-small-latest' },
  },

  // Mistral Nemo 12B; `mistral-tiny-2407` / `mistral-tiny-latest` are its aliases in /v1/models.
  'open-mistral-nemo-2407': {
    ...nemo,
    retirement: { retiresOn: '2026-07-31', replacement: 'ministral-8b-latest' },
  },
  'open-mistral-nemo': {
    ...nemo,
    aliasOf: 'open-mistral-nemo-2407',
    retirement: { retiresOn: '2026-07-31', replacement: 'ministral-8b-latest' },
  },
  'mistral-tiny-2407': {
    ...nemo,
    aliasOf: 'open-mistral-nemo-2407',
    retirement: { retiresOn: '2026-07-31', replacement: 'ministral-8b-latest' },
  },
  'mistral-tiny-latest': {
    ...nemo,
    aliasOf: 'open-mistral-nemo-2407',
    retirement: { retiresOn: '2026-07-31', replacement: 'ministral-8b-latest' },
  },

  // Mistral Large 2.1 and Pixtral Large (newest cards: Mistral Medium 3.5; older ones said Large 3).
  'mistral-large-2411': {
    ...std,
    prediction: true,
    contextLength: 131_072,
    retirement: { retiresOn: '2026-05-31', replacement: 'mistral-medium-latest' },
  },
  'pixtral-large-2411': {
    ...pixtralLarge,
    retirement: { retiresOn: '2026-05-31', replacement: 'mistral-medium-latest' },
  },
  'pixtral-large-latest': {
    ...pixtralLarge,
    aliasOf: 'pixtral-large-2411',
    retirement: { retiresOn: '2026-05-31', replacement: 'mistral-medium-latest' },
  },

  // Voxtral Mini 25.07 (chat). Mistral names Voxtral Mini Transcribe 2, which is transcription-only.
  'voxtral-mini-2507': {
    ...voxtralMini,
    retirement: { retiresOn: '2026-05-31', replacement: 'voxtral-small-latest' },
  },

  // Labs: Mistral Small Creative (card: Ministral 3 8B), Leanstral (card: Leanstral 1.5, itself retired
  // 2026-09-30 with no successor named; token.js suggests Mistral Small 4).
  'labs-mistral-small-creative': {
    ...base,
    ...so,
    tools: true,
    contextLength: 32_768,
    retirement: { retiresOn: '2026-04-30', replacement: 'ministral-8b-latest' },
  },
  'labs-leanstral-2603': {
    ...leanstral,
    retirement: { retiresOn: '2026-06-30', replacement: 'mistral-small-latest' },
  },
  'labs-leanstral-1-5': {
    ...leanstral,
    retirement: { retiresOn: '2026-09-30', replacement: 'mistral-small-latest' },
  },

  // ===== Retired in 2025 =====

  // Pixtral 12B and Ministral (24.10).
  'pixtral-12b-2409': {
    ...std,
    ...vision,
    contextLength: 131_072,
    retirement: { retiresOn: '2025-12-31', replacement: 'ministral-14b-latest' },
  },
  'ministral-3b-2410': {
    ...std,
    contextLength: 131_072,
    retirement: { retiresOn: '2025-12-31', replacement: 'ministral-3b-latest' },
  },
  'ministral-8b-2410': {
    ...std,
    contextLength: 131_072,
    retirement: { retiresOn: '2025-12-31', replacement: 'ministral-8b-latest' },
  },

  // Magistral 1.0 / 1.1 (40k). The newest cards name Mistral Medium 3.5 / Mistral Small 4.
  'magistral-medium-2506': {
    ...magistral,
    contextLength: 40_960,
    retirement: { retiresOn: '2025-11-30', replacement: 'mistral-medium-latest' },
  },
  'magistral-medium-2507': {
    ...magistral,
    contextLength: 40_960,
    retirement: { retiresOn: '2025-11-30', replacement: 'mistral-medium-latest' },
  },
  'magistral-small-2506': {
    ...magistral,
    contextLength: 40_960,
    retirement: { retiresOn: '2025-11-30', replacement: 'mistral-small-latest' },
  },
  'magistral-small-2507': {
    ...magistral,
    contextLength: 40_960,
    retirement: { retiresOn: '2025-11-30', replacement: 'mistral-small-latest' },
  },

  // Devstral Small 1.0 (newest card: Mistral Medium 3.5).
  'devstral-small-2505': {
    ...devstral2,
    contextLength: 131_072,
    retirement: { retiresOn: '2025-11-30', replacement: 'mistral-medium-latest' },
  },

  // Mistral Small 3.1 / 3.0 / 2.0. Cards name Small 3.2 (since retired in favour of Small 4).
  'mistral-small-2503': {
    ...small32,
    retirement: { retiresOn: '2025-11-30', replacement: 'mistral-small-latest' },
  },
  'mistral-small-2501': {
    ...std,
    contextLength: 32_768,
    retirement: { retiresOn: '2025-11-30', replacement: 'mistral-small-latest' },
  },
  'mistral-small-2409': {
    ...std,
    contextLength: 32_768,
    retirement: { retiresOn: '2025-11-30', replacement: 'mistral-small-latest' },
  },

  // Codestral 25.01 (card: 128k context).
  'codestral-2501': {
    ...std,
    prediction: true,
    fim: true,
    contextLength: 131_072,
    retirement: { retiresOn: '2025-11-30', replacement: 'codestral-latest' },
  },

  // Mistral Saba (retired card lists no features).
  'mistral-saba-2502': {
    ...saba,
    retirement: { retiresOn: '2025-09-30', replacement: 'mistral-small-latest' },
  },
  'mistral-saba-latest': {
    ...saba,
    aliasOf: 'mistral-saba-2502',
    retirement: { retiresOn: '2025-09-30', replacement: 'mistral-small-latest' },
  },

  // Codestral 24.05 (seed table: JSON output) and Codestral Mamba (card: retired 2025-06-06).
  'codestral-2405': {
    ...base,
    jsonMode: true,
    fim: true,
    contextLength: 32_768,
    retirement: { retiresOn: '2025-06-16', replacement: 'codestral-latest' },
  },
  'open-codestral-mamba': {
    ...base,
    contextLength: 262_144,
    retirement: { retiresOn: '2025-06-06', replacement: 'codestral-latest' },
  },

  // Mistral Large 1.0 / 2.0 (seed table: JSON output, function calling).
  'mistral-large-2402': {
    ...base,
    jsonMode: true,
    tools: true,
    contextLength: 32_768,
    retirement: { retiresOn: '2025-06-16', replacement: 'mistral-large-latest' },
  },
  'mistral-large-2407': {
    ...base,
    jsonMode: true,
    tools: true,
    contextLength: 131_072,
    retirement: { retiresOn: '2025-03-30', replacement: 'mistral-large-latest' },
  },

  // Mistral Small 1.0 (function calling; JSON mode per the 2024-02-26 changelog).
  'mistral-small-2402': {
    ...base,
    jsonMode: true,
    tools: true,
    contextLength: 32_768,
    retirement: { retiresOn: '2025-06-16', replacement: 'mistral-small-latest' },
  },

  // Mistral Medium 1.0 (the old `mistral-medium`).
  'mistral-medium-2312': {
    ...base,
    contextLength: 32_768,
    retirement: { retiresOn: '2025-06-16', replacement: 'mistral-medium-latest' },
  },

  // Mistral 7B (`open-mistral-7b`; `mistral-tiny-2312` is its alias per the 2024-02-26 changelog).
  'open-mistral-7b': {
    ...mistral7b,
    retirement: { retiresOn: '2025-03-30', replacement: 'ministral-8b-latest' },
  },
  'mistral-tiny-2312': {
    ...mistral7b,
    aliasOf: 'open-mistral-7b',
    retirement: { retiresOn: '2025-03-30', replacement: 'ministral-8b-latest' },
  },

  // Mixtral 8x7B (`mistral-small-2312` is its alias).
  'open-mixtral-8x7b': {
    ...mixtral8x7b,
    retirement: { retiresOn: '2025-03-30', replacement: 'mistral-small-latest' },
  },
  'mistral-small-2312': {
    ...mixtral8x7b,
    aliasOf: 'open-mixtral-8x7b',
    retirement: { retiresOn: '2025-03-30', replacement: 'mistral-small-latest' },
  },

  // Mixtral 8x22B (64k).
  'open-mixtral-8x22b-2404': {
    ...mixtral8x22b,
    retirement: { retiresOn: '2025-03-30', replacement: 'mistral-small-latest' },
  },
  'open-mixtral-8x22b': {
    ...mixtral8x22b,
    aliasOf: 'open-mixtral-8x22b-2404',
    retirement: { retiresOn: '2025-03-30', replacement: 'mistral-small-latest' },
  },
})

/** A model id from our table. */
export type MistralModelId = keyof typeof mistralModels
