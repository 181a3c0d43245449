/**
 * The Gemini emulator's own model data (never token.js's model table). Card fields follow a recorded
 * `GET /v1beta/models` answer (yuv-man/habeat-server `models.json` at 29ef58f0: gemini-2.5-*, 2.0-*,
 * embedding models) and, for models released after that recording, Google's published model pages
 * (https://ai.google.dev/gemini-api/docs/models, /docs/changelog, /docs/deprecations, read 2026-12).
 * Behaviour flags cite the recorded answer that shows them.
 */

/** How a model takes `thinkingConfig`. */
export type ThinkingStyle = 'none' | 'budget' | 'level'

/** One model of the Gemini emulator's catalogue: the fields of `GET /v1beta/models` plus the rules it enforces. */
export interface GeminiEmulatorModel {
  /** Id without the `models/` prefix. */
  readonly id: string
  /** The name for people, as `displayName` in the model list. */
  readonly displayName: string
  /** The model's version, as `version` in the model list (e.g. `001`, `2.5`). */
  readonly version: string
  /** Context window in tokens. */
  readonly inputTokenLimit: number
  /** Largest `maxOutputTokens`. */
  readonly outputTokenLimit: number
  /** `supportedGenerationMethods`: a method not listed answers 404, as the API does. */
  readonly methods: readonly string[]
  /** How the model takes `thinkingConfig`: not at all, as a token budget, or as a level. */
  readonly thinking: ThinkingStyle
  /** Accepted `thinkingLevel` values (level-style models). */
  readonly levels?: readonly string[]
  /** `thinkingBudget: 0` turns thinking off (false: "only works in thinking mode"). */
  readonly budgetOff?: boolean
  /** `candidateCount > 1` accepted. */
  readonly multipleCandidates: boolean
  /** `presencePenalty` / `frequencyPenalty` accepted. */
  readonly penalties: boolean
  /** Function calls in the current turn must carry their `thoughtSignature` (Gemini 3 and later). */
  readonly signatures: boolean
  /** Embedding models: default vector length and the largest `outputDimensionality`. */
  readonly embeddingDimensions?: number
  /** From this date (ISO) the model answers 404 like an unknown one. */
  readonly shutdown?: string
}

const CHAT = ['generateContent', 'countTokens', 'createCachedContent', 'batchGenerateContent']
const EMBED = ['embedContent', 'countTokens', 'countTextTokens', 'asyncBatchEmbedContent']
const ALL_LEVELS = ['MINIMAL', 'LOW', 'MEDIUM', 'HIGH']
/** MINIMAL refused: gemini-3.7-flash and gemini-3.1-pro-preview (vercel/ai fixtures google-gemini-3.7-flash-thinking-levels.json, issue-22372-live-errors.json). */
const NO_MINIMAL = ['LOW', 'MEDIUM', 'HIGH']

function chat(
  id: string,
  displayName: string,
  rest: Partial<GeminiEmulatorModel> & Pick<GeminiEmulatorModel, 'thinking'>,
): GeminiEmulatorModel {
  return {
    id,
    displayName,
    version: '001',
    inputTokenLimit: 1_048_576,
    outputTokenLimit: 65_536,
    methods: CHAT,
    multipleCandidates: false,
    penalties: false,
    signatures: false,
    ...rest,
  }
}

/** Gemini 3 and later: levels, signatures, one candidate on the Gemini API (googleapis/js-genai#1609). */
function gemini3(id: string, displayName: string, levels: readonly string[], shutdown?: string): GeminiEmulatorModel {
  return chat(id, displayName, {
    thinking: 'level',
    levels,
    signatures: true,
    penalties: true,
    ...(shutdown === undefined ? {} : { shutdown }),
  })
}

/** The Gemini emulator's default catalogue (chat and embedding models), newest first. */
export const GEMINI_EMULATOR_MODELS: readonly GeminiEmulatorModel[] = [
  gemini3('gemini-4-argon', 'Gemini 4 Argon', NO_MINIMAL),
  gemini3('gemini-3.8-flash', 'Gemini 3.8 Flash', NO_MINIMAL),
  gemini3('gemini-3.7-flash', 'Gemini 3.7 Flash', NO_MINIMAL),
  gemini3('gemini-3.6-flash', 'Gemini 3.6 Flash', ALL_LEVELS),
  gemini3('gemini-3.5-flash', 'Gemini 3.5 Flash', ALL_LEVELS),
  gemini3('gemini-3.5-flash-lite', 'Gemini 3.5 Flash-Lite', ALL_LEVELS),
  gemini3('gemini-3.1-flash-lite', 'Gemini 3.1 Flash-Lite', ALL_LEVELS, '2027-05-07'),
  gemini3('gemini-3.1-pro-preview', 'Gemini 3.1 Pro Preview', NO_MINIMAL),
  gemini3('gemini-3-flash-preview', 'Gemini 3 Flash Preview', ALL_LEVELS),
  gemini3('gemini-3-pro-preview', 'Gemini 3 Pro Preview', ['LOW', 'HIGH'], '2026-03-09'),
  gemini3('gemini-flash-latest', 'Gemini Flash Latest', NO_MINIMAL),
  gemini3('gemini-pro-latest', 'Gemini Pro Latest', NO_MINIMAL),
  // Penalties refused on all three 2.5 models: vercel/ai fixtures issue-8943-gemini-2.5-{flash,flash-lite,pro}-error.json.
  chat('gemini-2.5-pro', 'Gemini 2.5 Pro', {
    thinking: 'budget',
    budgetOff: false,
    multipleCandidates: true,
    version: '2.5',
  }),
  chat('gemini-2.5-flash', 'Gemini 2.5 Flash', { thinking: 'budget', budgetOff: true, multipleCandidates: true }),
  chat('gemini-2.5-flash-lite', 'Gemini 2.5 Flash-Lite', {
    thinking: 'budget',
    budgetOff: true,
    multipleCandidates: true,
  }),
  ...[
    'gemini-2.0-flash',
    'gemini-2.0-flash-001',
    'gemini-2.0-flash-lite',
    'gemini-2.0-flash-lite-001',
    'gemini-2.0-flash-exp',
  ].map((id) =>
    chat(id, id.replace('gemini-2.0-flash', 'Gemini 2.0 Flash'), {
      thinking: 'none',
      outputTokenLimit: 8192,
      multipleCandidates: true,
      penalties: true,
      version: '2.0',
      shutdown: '2026-06-01',
    }),
  ),
  ...['gemini-1.5-flash', 'gemini-1.5-pro', 'gemini-1.5-flash-8b'].map((id) =>
    chat(id, id, {
      thinking: 'none',
      outputTokenLimit: 8192,
      multipleCandidates: true,
      penalties: true,
      shutdown: '2025-09-24',
    }),
  ),
  embedding('gemini-embedding-2', 'Gemini Embedding 2'),
  embedding('gemini-embedding-2-preview', 'Gemini Embedding 2 Preview'),
  embedding('gemini-embedding-001', 'Gemini Embedding 001'),
  { ...embedding('text-embedding-004', 'Text Embedding 004', 768), shutdown: '2026-01-14' },
]

/** 3072 values by default (recorded pydantic/pydantic-ai `TestGoogle.test_query`); 768 when asked (`test_query_with_dimensions`). */
function embedding(id: string, displayName: string, dimensions = 3072): GeminiEmulatorModel {
  return {
    id,
    displayName,
    version: '001',
    inputTokenLimit: 2048,
    outputTokenLimit: 1,
    methods: EMBED,
    thinking: 'none',
    multipleCandidates: false,
    penalties: false,
    signatures: false,
    embeddingDimensions: dimensions,
  }
}

/** The `Model` resource as `GET /v1beta/models` sends it. */
export function modelCard(model: GeminiEmulatorModel): Record<string, unknown> {
  const isChat = model.methods.includes('generateContent')
  return {
    name: `models/${model.id}`,
    version: model.version,
    displayName: model.displayName,
    description: `${model.displayName} (emulated)`,
    inputTokenLimit: model.inputTokenLimit,
    outputTokenLimit: model.outputTokenLimit,
    supportedGenerationMethods: model.methods,
    ...(isChat ? { temperature: 1, topP: 0.95, topK: 64, maxTemperature: 2 } : {}),
    ...(model.thinking === 'none' ? {} : { thinking: true }),
  }
}

/** The model served under `id` at time `now` (ms), or undefined (unknown or shut down). */
export function findModel(
  models: readonly GeminiEmulatorModel[],
  id: string,
  now: number,
): GeminiEmulatorModel | undefined {
  const model = models.find((candidate) => candidate.id === id)
  if (model === undefined) return undefined
  return model.shutdown !== undefined && now >= Date.parse(model.shutdown) ? undefined : model
}
