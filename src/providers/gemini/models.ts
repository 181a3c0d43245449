/**
 * Gemini chat models (Gemini Developer API). Their names, sources and check dates are in
 * `model-evidence.ts` (kept apart so they stay out of the first-load bundle). Retirement dates inform
 * errors and docs; they never block a request (the API decides).
 */
import { defineModelTable, type ModelRetirement, type ModelRow, type ReasoningEffort } from '../../capabilities.js'

const MULTIMODAL = {
  chat: true,
  streaming: true,
  jsonMode: true,
  jsonSchema: true,
  images: true,
  documents: true,
  audio: true,
  tools: true,
}
const NO_EXTRAS = { prediction: false, prefix: false, fim: false }

/** Gemini 3 and later: thinking levels (thinking cannot be turned off), one candidate, thought signatures. */
function gemini3<const Extra extends Partial<ModelRow> = object>(
  efforts: readonly ReasoningEffort[],
  extra: Extra = {} as Extra,
): ModelRow & Extra {
  return {
    ...MULTIMODAL,
    ...NO_EXTRAS,
    n: false,
    reasoning: true,
    contextLength: 1_048_576,
    maxOutputTokens: 65_536,
    reasoningEfforts: efforts,
    ...extra,
  }
}

/** Gemini 2.5 and older: thinking budgets (2.5), several candidates. */
function gemini2<const Extra extends Partial<ModelRow> = object>(
  efforts: readonly ReasoningEffort[],
  extra: Extra = {} as Extra,
): ModelRow & Extra {
  return {
    ...MULTIMODAL,
    ...NO_EXTRAS,
    n: true,
    reasoning: efforts.length > 0,
    contextLength: 1_048_576,
    maxOutputTokens: efforts.length > 0 ? 65_536 : 8192,
    ...(efforts.length > 0 ? { reasoningEfforts: efforts } : {}),
    ...extra,
  }
}

const retired = (retiresOn: string, replacement: string): { retirement: ModelRetirement } => ({
  retirement: { retiresOn, replacement },
})

const WITH_MINIMAL: readonly ReasoningEffort[] = ['minimal', 'low', 'medium', 'high']
const FROM_LOW: readonly ReasoningEffort[] = ['low', 'medium', 'high']

/** Gemini's chat models, one row per API id (`model` suggests the ids without a retirement). */
export const geminiModels = defineModelTable({
  'gemini-4-argon': gemini3(FROM_LOW),
  'gemini-3.8-flash': gemini3(FROM_LOW),
  'gemini-3.7-flash': gemini3(FROM_LOW, retired('2026-10-08', 'gemini-3.8-flash')),
  'gemini-3.6-flash': gemini3(WITH_MINIMAL),
  'gemini-3.5-flash': gemini3(WITH_MINIMAL, retired('2026-10-08', 'gemini-3.6-flash')),
  'gemini-3.5-flash-lite': gemini3(WITH_MINIMAL),
  'gemini-3.1-flash-lite': gemini3(WITH_MINIMAL, retired('2027-05-07', 'gemini-3.5-flash-lite')),
  'gemini-3.1-pro-preview': gemini3(FROM_LOW),
  'gemini-3-flash-preview': gemini3(WITH_MINIMAL),
  'gemini-flash-latest': gemini3(FROM_LOW),
  'gemini-pro-latest': gemini3(FROM_LOW),
  'gemini-3-pro-preview': gemini3(['low', 'high'], retired('2026-03-09', 'gemini-3.1-pro-preview')),
  'gemini-2.5-pro': gemini2(['low', 'medium', 'high']),
  'gemini-2.5-flash': gemini2(['none', 'low', 'medium', 'high']),
  'gemini-2.5-flash-lite': gemini2(['none', 'low', 'medium', 'high']),
  'gemini-2.0-flash': gemini2([], retired('2026-06-01', 'gemini-2.5-flash')),
  'gemini-2.0-flash-lite': gemini2([], retired('2026-06-01', 'gemini-2.5-flash-lite')),
})

export type GeminiModelId = keyof typeof geminiModels

/** Gemini 3 and later take `thinkingLevel` and need thought signatures sent back. */
export function isGemini3(model: string): boolean {
  return (
    /^(models\/)?gemini-([3-9]|\d{2,})[.-]/.test(model) || /^(models\/)?gemini-(flash|pro)(-lite)?-latest$/.test(model)
  )
}
