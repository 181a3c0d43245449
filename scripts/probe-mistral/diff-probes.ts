/**
 * What differs between the API and token.js's tables (pure): per probe (supported vs expected) and per
 * `/v1/models` card (the capabilities Mistral reports, context length, retirement), plus models listed
 * on one side only.
 */
import { isRetired, type EmbeddingModelTable, type ModelTable } from '../../src/capabilities.js'
import { fromMistralModelList } from '../../src/providers/mistral/model-list-response.js'
import type { ProbeResult } from './run-probes.js'

export interface Difference {
  readonly model: string
  /** A feature name, or `served`, `listed`, `contextLength`, `retiresOn`, `replacement`. */
  readonly feature: string
  readonly source: 'request' | '/v1/models'
  readonly table: boolean | number | string | null
  readonly api: boolean | number | string | null
  readonly detail?: string
}

export function diffProbeResults(results: readonly ProbeResult[]): Difference[] {
  const differences: Difference[] = []
  const missing = new Set<string>()
  for (const { probe, outcome, message } of results) {
    if (outcome === 'inconclusive') continue
    if (outcome === 'missing') {
      if (!missing.has(probe.model))
        differences.push({
          model: probe.model,
          feature: 'served',
          source: 'request',
          table: true,
          api: false,
          ...(message === undefined ? {} : { detail: message }),
        })
      missing.add(probe.model)
      continue
    }
    const api = outcome === 'supported'
    if (api !== probe.expected) {
      differences.push({
        model: probe.model,
        feature: probe.feature,
        source: 'request',
        table: probe.expected,
        api,
        ...(message === undefined ? {} : { detail: message }),
      })
    }
  }
  return differences
}

/** Features Mistral's cards report (the others are `null` in the mapping and not compared). */
const REPORTED = ['chat', 'tools', 'reasoning', 'fim', 'images', 'audio'] as const

export function diffModelList(
  models: ModelTable,
  embeddingModels: EmbeddingModelTable,
  listJson: unknown,
  now: number = Date.now(),
): Difference[] {
  const page = fromMistralModelList(listJson, JSON.stringify(listJson), { provider: 'mistral' })
  const cards = new Map(page.data.map((model) => [model.id, model.capabilities]))
  const differences: Difference[] = []
  const listedOnly = (model: string, table: boolean, api: boolean): void => {
    differences.push({ model, feature: 'listed', source: '/v1/models', table, api })
  }
  for (const [id, row] of Object.entries(models)) {
    if (isRetired(row, now)) continue
    const card = cards.get(id)
    if (card === undefined) {
      listedOnly(id, true, false)
      continue
    }
    for (const feature of REPORTED) {
      const api = card[feature]
      if (api !== null && api !== row[feature])
        differences.push({ model: id, feature, source: '/v1/models', table: row[feature], api })
    }
    if (card.contextLength !== row.contextLength) {
      differences.push({
        model: id,
        feature: 'contextLength',
        source: '/v1/models',
        table: row.contextLength,
        api: card.contextLength,
      })
    }
    const tableDate = row.retirement?.retiresOn ?? null
    const apiDate = card.retirement?.retiresOn ?? null
    if (tableDate !== apiDate)
      differences.push({ model: id, feature: 'retiresOn', source: '/v1/models', table: tableDate, api: apiDate })
    const tableReplacement = row.retirement?.replacement ?? null
    const apiReplacement = card.retirement?.replacement ?? null
    if (apiDate !== null && tableReplacement !== apiReplacement) {
      differences.push({
        model: id,
        feature: 'replacement',
        source: '/v1/models',
        table: tableReplacement,
        api: apiReplacement,
      })
    }
  }
  for (const [id, row] of Object.entries(embeddingModels)) {
    if (isRetired(row, now)) continue
    const card = cards.get(id)
    if (card === undefined) listedOnly(id, true, false)
    else if (card.contextLength !== row.contextLength) {
      differences.push({
        model: id,
        feature: 'contextLength',
        source: '/v1/models',
        table: row.contextLength,
        api: card.contextLength,
      })
    }
  }
  for (const id of cards.keys()) {
    if (!Object.hasOwn(models, id) && !Object.hasOwn(embeddingModels, id)) listedOnly(id, false, true)
  }
  return differences
}

/** One line per difference, for the terminal. */
export function formatDifference(difference: Difference): string {
  const detail = difference.detail === undefined ? '' : ` — ${difference.detail}`
  return `${difference.model}  ${difference.feature}: table ${String(difference.table)}, API ${String(difference.api)} (${difference.source})${detail}`
}
