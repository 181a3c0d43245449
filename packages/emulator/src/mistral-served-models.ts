/**
 * The Mistral emulator's own model data: which ids it serves, until when, and what each one can do.
 * It is deliberately NOT token.js's capability table (src/providers/mistral/models.ts), so a wrong row
 * there fails the card-difference test instead of agreeing with itself.
 *
 * Sources, in order of authority:
 * 1. recorded answers of the real API (test/fixtures/real/mistral): ids that answered after the date
 *    in the docs stay served; capability flags of the recorded `GET /v1/models`
 *    (thomas-marquis/mistral-client `mistral/models_test.go`, cards stamped 2025-12-23);
 * 2. Mistral's published model cards, `mistralai/platform-docs-public` `src/schema/models/models/<slug>.ts`
 *    (snapshot 222f4ba, 2026-08-21; mistral-large-4-0 @2175369 and zai-glm-5-3 @45102ad, read later):
 *    `chat-completions` → chat and streaming, `structured-outputs` → JSON mode and json_schema,
 *    input `image` → images, `document-qna` → documents, input `audio` → audio, `function-calling` →
 *    tools, output `reasoning` → reasoning, `predicted-outputs`, `prefix`, `fim`; `contextLength`;
 *    `retirementDate` (the day the emulator stops serving the id) and `replacement` (as the family's id).
 * `n` is on everywhere (the API takes `n` since 2024-11). Mistral's reasoning models take
 * `reasoning_effort` 'none' and 'high' (pydantic/pydantic-ai wire-contract cassettes, 2026-07-20).
 * Generated once from those cards, then edited by hand where a recording disagrees (each such row says so).
 * A row's `source` is its card slug (snapshot 222f4ba unless it names another commit) and any recording
 * that changed it; an alias serves its target's row.
 */
import type { FeatureName, ModelRetirement, ModelRow, ReasoningEffort } from './model-types.js'

/** One id the emulator serves (until `retirement.retiresOn`, on its own clock). */
export interface ServedModelRow extends ModelRow {
  /** Where this row's cells come from. */
  readonly source: string
  /** `capabilities.fine_tuning` on the model's `/v1/models` card. Default false. */
  readonly fineTuning?: boolean
  /** `default_model_temperature` on the card. Default 0.3 (what the recorded cards show for chat models). */
  readonly defaultModelTemperature?: number | null
}

interface ServedSpec {
  readonly label: string
  /** The features the model has, space-separated (`FeatureName`s). */
  readonly features: string
  readonly contextLength: number
  readonly reasoningEfforts?: readonly ReasoningEffort[]
  readonly retirement?: ModelRetirement
  readonly thirdParty?: boolean
  readonly fineTuning?: boolean
  readonly defaultModelTemperature?: number | null
  readonly source: string
}

const FEATURES: readonly FeatureName[] = [
  'chat',
  'streaming',
  'jsonMode',
  'jsonSchema',
  'images',
  'documents',
  'audio',
  'tools',
  'n',
  'reasoning',
  'prediction',
  'prefix',
  'fim',
]

function served({ features, ...rest }: ServedSpec): ServedModelRow {
  const names = features.split(' ')
  const flags = Object.fromEntries(FEATURES.map((name) => [name, names.includes(name)])) as Record<FeatureName, boolean>
  return { ...flags, ...rest }
}

/** The dated (or first-named) id of each card, retired ones included (they answer `Invalid model` after their date). */
const CARDS: Readonly<Record<string, ServedSpec>> = {
  'codestral-2405': {
    label: 'Codestral',
    features: 'chat streaming n',
    contextLength: 32_768,
    retirement: { retiresOn: '2025-06-16', replacement: 'codestral-latest' },
    source: 'codestral-24-05 (retired card, no features: plain chat before its date)',
  },
  'codestral-2501': {
    label: 'Codestral',
    features: 'chat streaming jsonMode jsonSchema documents tools n prediction prefix fim',
    contextLength: 131_072,
    retirement: { retiresOn: '2025-11-30', replacement: 'codestral-latest' },
    source: 'codestral-25-01',
  },
  'codestral-2508': {
    label: 'Codestral',
    features: 'chat streaming jsonMode jsonSchema documents tools n prediction prefix fim',
    contextLength: 131_072,
    source: 'codestral-25-08',
  },
  'open-codestral-mamba': {
    label: 'Codestral Mamba 7B',
    features: 'chat streaming n',
    contextLength: 262_144,
    retirement: { retiresOn: '2025-06-06', replacement: 'codestral-latest' },
    source: 'codestral-mamba-7b-0-1 (retired card, no features: plain chat before its date)',
  },
  'devstral-2512': {
    label: 'Devstral 2',
    features: 'chat streaming jsonMode jsonSchema documents tools n prefix',
    contextLength: 262_144,
    retirement: { retiresOn: '2026-07-31', replacement: 'mistral-medium-latest' },
    source: 'devstral-2-25-12',
  },
  'devstral-medium-2507': {
    label: 'Devstral Medium 1.0',
    features: 'chat streaming jsonMode jsonSchema documents tools n prefix',
    contextLength: 131_072,
    retirement: { retiresOn: '2026-05-31', replacement: 'mistral-medium-latest' },
    source: 'devstral-medium-1-0-25-07',
  },
  'devstral-small-2505': {
    label: 'Devstral Small 1.0',
    features: 'chat streaming jsonMode jsonSchema documents tools n prefix',
    contextLength: 131_072,
    retirement: { retiresOn: '2025-11-30', replacement: 'mistral-medium-latest' },
    source: 'devstral-small-1-0-25-05',
  },
  'devstral-small-2507': {
    label: 'Devstral Small 1.1',
    features: 'chat streaming jsonMode jsonSchema documents tools n prefix',
    contextLength: 131_072,
    retirement: { retiresOn: '2026-05-31', replacement: 'mistral-small-latest' },
    defaultModelTemperature: 0.0,
    source: 'devstral-small-1-1-25-07; default_model_temperature 0.0 on the recorded /v1/models',
  },
  'labs-devstral-small-2512': {
    label: 'Devstral Small 2',
    features: 'chat streaming jsonMode jsonSchema images documents tools n prefix',
    contextLength: 262_144,
    retirement: { retiresOn: '2026-03-31', replacement: 'mistral-medium-latest' },
    source: 'devstral-small-2-25-12',
  },
  'labs-leanstral-1-5': {
    label: 'Leanstral 1.5',
    features: 'chat streaming jsonMode jsonSchema images tools n',
    contextLength: 262_144,
    retirement: { retiresOn: '2026-09-30' },
    source: 'leanstral-1-5',
  },
  'labs-leanstral-2603': {
    label: 'Leanstral',
    features: 'chat streaming jsonMode jsonSchema images tools n',
    contextLength: 262_144,
    retirement: { retiresOn: '2026-06-30', replacement: 'labs-leanstral-1-5' },
    source: 'leanstral-26-03',
  },
  'magistral-medium-2506': {
    label: 'Magistral Medium 1.0',
    features: 'chat streaming documents tools n reasoning',
    contextLength: 40_960,
    reasoningEfforts: ['none', 'high'],
    retirement: { retiresOn: '2025-11-30', replacement: 'mistral-medium-latest' },
    source: 'magistral-medium-1-0-25-06',
  },
  'magistral-medium-2507': {
    label: 'Magistral Medium 1.1',
    features: 'chat streaming documents tools n reasoning',
    contextLength: 40_960,
    reasoningEfforts: ['none', 'high'],
    source:
      'magistral-medium-1-1-25-07; answered 2026-01-22, after its retirement date (vercel/ai mistral-reasoning.chunks.txt): kept served',
  },
  'magistral-medium-2509': {
    label: 'Magistral Medium 1.2',
    features: 'chat streaming images documents tools n reasoning',
    contextLength: 131_072,
    reasoningEfforts: ['none', 'high'],
    retirement: { retiresOn: '2026-07-31', replacement: 'mistral-medium-latest' },
    source: 'magistral-medium-1-2-25-09',
  },
  'magistral-small-2506': {
    label: 'Magistral Small 1.0',
    features: 'chat streaming documents tools n reasoning',
    contextLength: 40_960,
    reasoningEfforts: ['none', 'high'],
    retirement: { retiresOn: '2025-11-30', replacement: 'mistral-small-latest' },
    source: 'magistral-small-1-0-25-06',
  },
  'magistral-small-2507': {
    label: 'Magistral Small 1.1',
    features: 'chat streaming documents tools n reasoning',
    contextLength: 40_960,
    reasoningEfforts: ['none', 'high'],
    retirement: { retiresOn: '2025-11-30', replacement: 'mistral-small-latest' },
    source: 'magistral-small-1-1-25-07',
  },
  'magistral-small-2509': {
    label: 'Magistral Small 1.2',
    features: 'chat streaming images documents tools n reasoning',
    contextLength: 131_072,
    reasoningEfforts: ['none', 'high'],
    retirement: { retiresOn: '2026-07-31', replacement: 'mistral-small-latest' },
    source: 'magistral-small-1-2-25-09',
  },
  'ministral-14b-2512': {
    label: 'Ministral 3 14B',
    features: 'chat streaming jsonMode jsonSchema images documents tools n prefix',
    contextLength: 262_144,
    source: 'ministral-3-14b-25-12',
  },
  'ministral-3b-2512': {
    label: 'Ministral 3 3B',
    features: 'chat streaming jsonMode jsonSchema images documents tools n prefix',
    contextLength: 262_144,
    source: 'ministral-3-3b-25-12',
  },
  'ministral-8b-2512': {
    label: 'Ministral 3 8B',
    features: 'chat streaming jsonMode jsonSchema images documents tools n prefix',
    contextLength: 262_144,
    source: 'ministral-3-8b-25-12',
  },
  'ministral-3b-2410': {
    label: 'Ministral 3B',
    features: 'chat streaming jsonMode jsonSchema documents tools n prefix',
    contextLength: 131_072,
    retirement: { retiresOn: '2025-12-31', replacement: 'ministral-3b-latest' },
    source: 'ministral-3b-24-1',
  },
  'ministral-8b-2410': {
    label: 'Ministral 8B',
    features: 'chat streaming jsonMode jsonSchema documents tools n prefix',
    contextLength: 131_072,
    retirement: { retiresOn: '2025-12-31', replacement: 'ministral-8b-latest' },
    source: 'ministral-8b-24-1',
  },
  'open-mistral-7b': {
    label: 'Mistral 7B',
    features: 'chat streaming n',
    contextLength: 32_768,
    retirement: { retiresOn: '2025-03-30', replacement: 'ministral-8b-latest' },
    source: 'mistral-7b-0-3 (retired card, no features: plain chat before its date)',
  },
  'mistral-large-2402': {
    label: 'Mistral Large 1.0',
    features: 'chat streaming n',
    contextLength: 32_768,
    retirement: { retiresOn: '2025-06-16', replacement: 'mistral-large-latest' },
    source: 'mistral-large-1-0-24-02 (retired card, no features: plain chat before its date)',
  },
  'mistral-large-2407': {
    label: 'Mistral Large 2.0',
    features: 'chat streaming n',
    contextLength: 131_072,
    retirement: { retiresOn: '2025-03-30', replacement: 'mistral-large-latest' },
    source: 'mistral-large-2-0-24-07 (retired card, no features: plain chat before its date)',
  },
  'mistral-large-2411': {
    label: 'Mistral Large 2.1',
    features: 'chat streaming jsonMode jsonSchema documents tools n prediction prefix',
    contextLength: 131_072,
    retirement: { retiresOn: '2026-05-31', replacement: 'mistral-medium-latest' },
    source: 'mistral-large-2-1-24-11',
  },
  'mistral-large-2512': {
    label: 'Mistral Large 3',
    features: 'chat streaming jsonMode jsonSchema images documents tools n prefix',
    contextLength: 262_144,
    source: 'mistral-large-3-25-12',
  },
  'mistral-large-4': {
    label: 'Mistral Large 4',
    features: 'chat streaming jsonMode jsonSchema images documents tools n reasoning prefix',
    contextLength: 1_048_576,
    reasoningEfforts: ['none', 'high'],
    source: 'mistral-large-4-0 @2175369',
  },
  'mistral-medium-2312': {
    label: 'Mistral Medium 1.0',
    features: 'chat streaming n',
    contextLength: 32_768,
    retirement: { retiresOn: '2025-06-16', replacement: 'mistral-medium-latest' },
    source: 'mistral-medium-1-0-23-12 (retired card, no features: plain chat before its date)',
  },
  'mistral-medium-2508': {
    label: 'Mistral Medium 3.1',
    features: 'chat streaming jsonMode jsonSchema images documents tools n prediction prefix',
    contextLength: 131_072,
    retirement: { retiresOn: '2026-08-31', replacement: 'mistral-medium-latest' },
    fineTuning: true,
    source: 'mistral-medium-3-1-25-08; fine_tuning true on the recorded /v1/models',
  },
  'mistral-medium-2505': {
    label: 'Mistral Medium 3',
    features: 'chat streaming jsonMode jsonSchema images documents tools n prediction prefix',
    contextLength: 131_072,
    retirement: { retiresOn: '2026-08-31', replacement: 'mistral-medium-latest' },
    source: 'mistral-medium-3-25-05',
  },
  'mistral-medium-3-5': {
    label: 'Mistral Medium 3.5',
    features: 'chat streaming jsonMode jsonSchema images documents tools n reasoning prediction prefix',
    contextLength: 262_144,
    reasoningEfforts: ['none', 'high'],
    source: 'mistral-medium-3-5-26-04',
  },
  'open-mistral-nemo-2407': {
    label: 'Mistral Nemo 12B',
    features: 'chat streaming jsonMode jsonSchema documents tools n prefix',
    contextLength: 131_072,
    retirement: { retiresOn: '2026-07-31', replacement: 'ministral-8b-latest' },
    fineTuning: true,
    source: 'mistral-nemo-12b-24-07; fine_tuning true and the mistral-tiny aliases on the recorded /v1/models',
  },
  'mistral-saba-2502': {
    label: 'Mistral Saba',
    features: 'chat streaming n',
    contextLength: 32_768,
    retirement: { retiresOn: '2025-09-30', replacement: 'mistral-small-latest' },
    source: 'mistral-saba-25-02 (retired card, no features: plain chat before its date)',
  },
  'mistral-small-2402': {
    label: 'Mistral Small 1.0',
    features: 'chat streaming n',
    contextLength: 32_768,
    retirement: { retiresOn: '2025-06-16', replacement: 'mistral-small-latest' },
    source: 'mistral-small-1-0-24-02 (retired card, no features: plain chat before its date)',
  },
  'mistral-small-2409': {
    label: 'Mistral Small 2.0',
    features: 'chat streaming jsonMode jsonSchema documents tools n prefix',
    contextLength: 32_768,
    retirement: { retiresOn: '2025-11-30', replacement: 'mistral-small-latest' },
    source: 'mistral-small-2-0-24-09',
  },
  'mistral-small-2501': {
    label: 'Mistral Small 3.0',
    features: 'chat streaming jsonMode jsonSchema documents tools n prefix',
    contextLength: 32_768,
    retirement: { retiresOn: '2025-11-30', replacement: 'mistral-small-latest' },
    source: 'mistral-small-3-0-25-01',
  },
  'mistral-small-2503': {
    label: 'Mistral Small 3.1',
    features: 'chat streaming jsonMode jsonSchema images documents tools n prediction prefix',
    contextLength: 131_072,
    retirement: { retiresOn: '2025-11-30', replacement: 'mistral-small-latest' },
    source: 'mistral-small-3-1-25-03',
  },
  'mistral-small-2506': {
    label: 'Mistral Small 3.2',
    features: 'chat streaming jsonMode jsonSchema images documents tools n prediction prefix',
    contextLength: 131_072,
    retirement: { retiresOn: '2026-07-31', replacement: 'mistral-small-latest' },
    source: 'mistral-small-3-2-25-06',
  },
  'mistral-small-2603': {
    label: 'Mistral Small 4',
    features: 'chat streaming jsonMode jsonSchema images documents tools n reasoning prediction prefix',
    contextLength: 262_144,
    reasoningEfforts: ['none', 'high'],
    source:
      'mistral-small-4-0-26-03; thinks at reasoning_effort high, not at none (pydantic-ai wire-contract cassettes, 2026-07-20)',
  },
  'labs-mistral-small-creative': {
    label: 'Mistral Small Creative',
    features: 'chat streaming jsonMode jsonSchema documents tools n',
    contextLength: 32_768,
    retirement: { retiresOn: '2026-04-30', replacement: 'ministral-8b-latest' },
    source: 'mistral-small-creative-25-12',
  },
  'open-mixtral-8x22b': {
    label: 'Mixtral 8x22B',
    features: 'chat streaming n',
    contextLength: 65_536,
    retirement: { retiresOn: '2025-03-30', replacement: 'mistral-small-latest' },
    source: 'mixtral-8x22b-0-1-0-3 (retired card, no features: plain chat before its date)',
  },
  'open-mixtral-8x7b': {
    label: 'Mixtral 8x7B',
    features: 'chat streaming n',
    contextLength: 32_768,
    retirement: { retiresOn: '2025-03-30', replacement: 'mistral-small-latest' },
    source: 'mixtral-8x7b-0-1 (retired card, no features: plain chat before its date)',
  },
  'pixtral-12b-2409': {
    label: 'Pixtral 12B',
    features: 'chat streaming jsonMode jsonSchema images documents tools n prefix',
    contextLength: 131_072,
    retirement: { retiresOn: '2025-12-31', replacement: 'ministral-14b-latest' },
    source: 'pixtral-12b-24-09',
  },
  'pixtral-large-2411': {
    label: 'Pixtral Large',
    features: 'chat streaming jsonMode jsonSchema images documents tools n prediction prefix',
    contextLength: 131_072,
    retirement: { retiresOn: '2026-05-31', replacement: 'mistral-medium-latest' },
    source: 'pixtral-large-24-11',
  },
  'voxtral-mini-2507': {
    label: 'Voxtral Mini',
    features: 'chat streaming jsonMode jsonSchema documents audio n prefix',
    contextLength: 32_768,
    retirement: { retiresOn: '2026-05-31' },
    defaultModelTemperature: 0.2,
    source: 'voxtral-mini-25-07; function_calling false, default_model_temperature 0.2 on the recorded /v1/models',
  },
  'voxtral-small-2507': {
    label: 'Voxtral Small',
    features: 'chat streaming jsonMode jsonSchema documents audio tools n prefix',
    contextLength: 32_768,
    source: 'voxtral-small-25-07',
  },
  'zai-glm-5-2': {
    label: 'Z.ai GLM 5.2',
    features: 'chat streaming jsonMode jsonSchema tools n reasoning prediction prefix',
    contextLength: 1_048_576,
    thirdParty: true,
    source: 'zai-glm-5-2',
  },
  'zai-glm-5-3': {
    label: 'Z.ai GLM 5.3',
    features: 'chat streaming jsonMode jsonSchema tools n reasoning prediction prefix',
    contextLength: 1_048_576,
    reasoningEfforts: ['low', 'high', 'max'],
    thirdParty: true,
    source: 'zai-glm-5-3 @45102ad; reasoning_effort low, high, max; not none',
  },
}

/** Alias → the id whose row it serves (the card's other apiNames, and aliases seen on the recorded /v1/models). */
const ALIASES: Readonly<Record<string, string>> = {
  'codestral-latest': 'codestral-2508',
  'devstral-latest': 'devstral-2512',
  'devstral-medium-latest': 'devstral-2512',
  'devstral-small-latest': 'labs-devstral-small-2512',
  'magistral-medium-latest': 'magistral-medium-2509',
  'magistral-small-latest': 'magistral-small-2509',
  'ministral-14b-latest': 'ministral-14b-2512',
  'ministral-3b-latest': 'ministral-3b-2512',
  'ministral-8b-latest': 'ministral-8b-2512',
  'mistral-large-latest': 'mistral-large-2512',
  'mistral-large-4-0': 'mistral-large-4',
  'mistral-medium-3': 'mistral-medium-3-5',
  'mistral-medium-latest': 'mistral-medium-3-5',
  'open-mistral-nemo': 'open-mistral-nemo-2407',
  'mistral-saba-latest': 'mistral-saba-2502',
  'mistral-small-latest': 'mistral-small-2603',
  'pixtral-large-latest': 'pixtral-large-2411',
  'voxtral-mini-latest': 'voxtral-mini-2507',
  'voxtral-small-latest': 'voxtral-small-2507',
  'zai-glm-5': 'zai-glm-5-3',
  'zai-glm-latest': 'zai-glm-5-3',
  'mistral-tiny-2407': 'open-mistral-nemo-2407',
  'mistral-tiny-latest': 'open-mistral-nemo-2407',
}

function build(): Record<string, ServedModelRow> {
  const table: Record<string, ServedModelRow> = {}
  for (const [id, spec] of Object.entries(CARDS)) table[id] = served(spec)
  for (const [alias, target] of Object.entries(ALIASES)) {
    const card = CARDS[target]
    if (card === undefined) throw new Error(`Emulator data: alias ${alias} points at ${target}, which has no card.`)
    table[alias] = { ...served(card), aliasOf: target }
  }
  return table
}

/** Every id the emulator knows, retired ones included. */
export const mistralServedModels: Readonly<Record<string, ServedModelRow>> = build()
