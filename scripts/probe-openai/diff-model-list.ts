/**
 * What differs between OpenAI's `GET /v1/models` and token.js's OpenAI table (pure): ids on one side
 * only, and the `shutdown_date` OpenAI announces (its deprecations page says the field carries the
 * shutdown date, or null when none is announced) against the row's `retirement.retiresOn`.
 *
 * The list also holds models token.js has no business with (embeddings, speech, images, dated
 * snapshots); only ids that look like chat models and carry no date suffix count as "listed, not in
 * the table".
 */
import { isRetired, type ModelTable } from '../../src/capabilities.js'
import type { Difference } from '../probe-mistral/diff-probes.js'

/** Chat families OpenAI names `gpt-…`, `o<n>…` and `chatgpt-…`, minus the non-chat ones among them. */
const CHAT_ID = /^(?:gpt-|o\d|chatgpt-)/
const NOT_CHAT =
  /(?:tts|transcribe|realtime|image|embedding|whisper|dall-e|moderation|instruct|codex|deep-research|-pro$)/
const DATED = /-\d{4}-\d{2}-\d{2}$|-\d{4}$/

interface ListedModel {
  readonly id: string
  readonly shutdownDate: string | null
}

function listedModels(listJson: unknown): ListedModel[] {
  const data = (listJson as { data?: unknown } | null)?.data
  if (!Array.isArray(data)) throw new Error('GET /models did not answer with a model list (no `data` array).')
  return data
    .filter(
      (item): item is { id: string; shutdown_date?: unknown } =>
        typeof (item as { id?: unknown } | null)?.id === 'string',
    )
    .map((item) => ({ id: item.id, shutdownDate: typeof item.shutdown_date === 'string' ? item.shutdown_date : null }))
}

export function diffOpenAIModelList(models: ModelTable, listJson: unknown, now: number = Date.now()): Difference[] {
  const listed = new Map(listedModels(listJson).map((model) => [model.id, model]))
  const differences: Difference[] = []
  for (const [id, row] of Object.entries(models)) {
    if (isRetired(row, now)) continue
    const card = listed.get(id)
    if (card === undefined) {
      differences.push({ model: id, feature: 'listed', source: '/v1/models', table: true, api: false })
      continue
    }
    const tableDate = row.retirement?.retiresOn ?? null
    if (tableDate !== card.shutdownDate)
      differences.push({
        model: id,
        feature: 'retiresOn',
        source: '/v1/models',
        table: tableDate,
        api: card.shutdownDate,
      })
  }
  for (const id of listed.keys()) {
    if (Object.hasOwn(models, id) || !CHAT_ID.test(id) || NOT_CHAT.test(id) || DATED.test(id)) continue
    differences.push({ model: id, feature: 'listed', source: '/v1/models', table: false, api: true })
  }
  return differences
}
