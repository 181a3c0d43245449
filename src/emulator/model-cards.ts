/**
 * `GET /v1/models` cards (research §3) derived from capability rows: one `BaseModelCard` per
 * served id, aliases listed as their own entries with the other ids of their group in `aliases`.
 */
import { isRetired, type ModelRow } from '../capabilities.js'

/** Every card reports this; Mistral's live cards show 0.3 for its chat models. */
export const DEFAULT_MODEL_TEMPERATURE = 0.3

/** The id a row's group is named after: the dated id an alias points to, or the id itself. */
function canonicalId(id: string, row: ModelRow): string {
  return row.aliasOf ?? id
}

function capabilities(row: ModelRow): Record<string, boolean> {
  return {
    completion_chat: row.chat,
    function_calling: row.tools,
    reasoning: row.reasoning,
    completion_fim: row.fim,
    fine_tuning: false,
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

function card(id: string, row: ModelRow, aliases: string[], created: number): Record<string, unknown> {
  return {
    id,
    object: 'model',
    created,
    owned_by: 'mistralai',
    capabilities: capabilities(row),
    name: canonicalId(id, row),
    description: row.label,
    max_context_length: row.contextLength,
    aliases,
    deprecation: row.retirement === undefined ? null : `${row.retirement.retiresOn}T12:00:00Z`,
    deprecation_replacement_model: row.retirement?.replacement ?? null,
    default_model_temperature: DEFAULT_MODEL_TEMPERATURE,
    type: 'base',
  }
}

/** Cards for every id not retired at `now`. `created` is `now` in Unix seconds. */
export function modelCards(models: Readonly<Record<string, ModelRow>>, now: number): Record<string, unknown>[] {
  const served = Object.entries(models).filter(([, row]) => !isRetired(row, now))
  const created = Math.floor(now / 1000)
  return served.map(([id, row]) => {
    const group = canonicalId(id, row)
    const aliases = served.filter(([otherId, other]) => otherId !== id && canonicalId(otherId, other) === group).map(([otherId]) => otherId)
    return card(id, row, aliases, created)
  })
}

export function modelListBody(models: Readonly<Record<string, ModelRow>>, now: number): Record<string, unknown> {
  return { object: 'list', data: modelCards(models, now) }
}
