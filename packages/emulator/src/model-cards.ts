/**
 * `GET /v1/models` cards derived from the emulator's model rows (shape of the recorded answer,
 * thomas-marquis/mistral-client `mistral/models_test.go`, 2025-12-23): one `BaseModelCard` per
 * served id, aliases listed as their own entries with the other ids of their group in `aliases`.
 */
import { isRetired, type EmbeddingModelRow, type ModelRow } from './model-types.js'
import type { ServedModelRow } from './mistral-served-models.js'

/** What a card reports unless its row says otherwise; the recorded live cards show 0.3 for most chat models. */
export const DEFAULT_MODEL_TEMPERATURE = 0.3

/** The id a row's group is named after: the dated id an alias points to, or the id itself. */
function canonicalId(id: string, row: ModelRow): string {
  return row.aliasOf ?? id
}

function capabilities(row: ModelRow & Partial<Pick<ServedModelRow, 'fineTuning'>>): Record<string, boolean> {
  return {
    completion_chat: row.chat,
    function_calling: row.tools,
    reasoning: row.reasoning,
    completion_fim: row.fim,
    fine_tuning: row.fineTuning ?? false,
    vision: row.images,
    ocr: false,
    classification: false,
    moderation: false,
    audio: row.audio,
    audio_transcription: false,
    audio_transcription_realtime: false,
    audio_speech: false,
    unified_resources: false,
  }
}

function card(
  id: string,
  row: ModelRow & Partial<Pick<ServedModelRow, 'fineTuning' | 'defaultModelTemperature'>>,
  aliases: string[],
  created: number,
): Record<string, unknown> {
  return {
    id,
    object: 'model',
    created,
    owned_by: 'mistralai',
    capabilities: capabilities(row),
    name: canonicalId(id, row),
    description: row.label ?? id,
    max_context_length: row.contextLength,
    aliases,
    deprecation: row.retirement === undefined ? null : `${row.retirement.retiresOn}T12:00:00Z`,
    deprecation_replacement_model: row.retirement?.replacement ?? null,
    default_model_temperature: row.defaultModelTemperature ?? DEFAULT_MODEL_TEMPERATURE,
    type: 'base',
  }
}

/** An embedding model's card: every capability false (Mistral's capability flags have none for embeddings). */
function embeddingCard(
  id: string,
  row: EmbeddingModelRow,
  aliases: string[],
  created: number,
): Record<string, unknown> {
  const none = Object.fromEntries(Object.keys(capabilities(NO_FEATURES)).map((key) => [key, false]))
  return {
    id,
    object: 'model',
    created,
    owned_by: 'mistralai',
    capabilities: none,
    name: row.aliasOf ?? id,
    description: row.label,
    max_context_length: row.contextLength,
    aliases,
    deprecation: row.retirement === undefined ? null : `${row.retirement.retiresOn}T12:00:00Z`,
    deprecation_replacement_model: row.retirement?.replacement ?? null,
    default_model_temperature: null,
    type: 'base',
  }
}

const NO_FEATURES: ModelRow = {
  label: '',
  chat: false,
  streaming: false,
  jsonMode: false,
  jsonSchema: false,
  images: false,
  documents: false,
  audio: false,
  tools: false,
  n: false,
  reasoning: false,
  prediction: false,
  prefix: false,
  fim: false,
  contextLength: 0,
}

function aliasesOf<Row extends { readonly aliasOf?: string }>(
  served: readonly (readonly [string, Row])[],
  id: string,
  row: Row,
): string[] {
  const group = row.aliasOf ?? id
  return served
    .filter(([otherId, other]) => otherId !== id && (other.aliasOf ?? otherId) === group)
    .map(([otherId]) => otherId)
}

/** Cards for every id not retired at `now` (chat models, then embedding models). `created` is `now` in Unix seconds. */
export function modelCards(
  models: Readonly<Record<string, ModelRow>>,
  now: number,
  embeddingModels: Readonly<Record<string, EmbeddingModelRow>> = {},
): Record<string, unknown>[] {
  const created = Math.floor(now / 1000)
  const served = Object.entries(models).filter(([, row]) => !isRetired(row, now))
  const embedders = Object.entries(embeddingModels).filter(([, row]) => !isRetired(row, now))
  return [
    ...served.map(([id, row]) => card(id, row, aliasesOf(served, id, row), created)),
    ...embedders.map(([id, row]) => embeddingCard(id, row, aliasesOf(embedders, id, row), created)),
  ]
}

export function modelListBody(
  models: Readonly<Record<string, ModelRow>>,
  now: number,
  embeddingModels: Readonly<Record<string, EmbeddingModelRow>> = {},
): Record<string, unknown> {
  return { object: 'list', data: modelCards(models, now, embeddingModels) }
}
