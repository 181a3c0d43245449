/**
 * Mistral's chat models, one row per id (aliases included). Data only.
 * STUB: being completed from Mistral's model-card data.
 */
import type { ModelRow } from '../../capabilities.js'

const large3 = {
  label: 'Mistral Large 3',
  chat: true, streaming: true, jsonMode: true, jsonSchema: true, images: true, documents: true,
  audio: false, tools: true, n: true, reasoning: false, prediction: false, prefix: true, fim: false,
  contextLength: 262_144,
} as const satisfies ModelRow

export const mistralModels = {
  'mistral-large-2512': large3,
  'mistral-large-latest': { ...large3, aliasOf: 'mistral-large-2512' },
  'mistral-large-2402': {
    ...large3, label: 'Mistral Large 1', images: false, documents: false, n: false, prefix: false,
    jsonSchema: false, contextLength: 32_768,
    retirement: { retiresOn: '2025-06-16', replacement: 'mistral-large-latest' },
  },
} as const satisfies Record<string, ModelRow>

/** A Mistral model id from our table. */
export type MistralModelId = keyof typeof mistralModels
