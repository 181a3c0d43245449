/**
 * The evidence side tables of every provider with a model table: names, sources and check dates,
 * retirement notes. Read by the docs generator, the `tokenjs` CLI and the probes; the client never
 * imports this file, so none of it is in the first-load bundle.
 */
import type { ModelEvidence, ModelEvidenceTable } from '../capabilities.js'
import { anthropicModelEvidence, anthropicModelLabels } from './anthropic/model-evidence.js'
import { geminiEmbeddingEvidence, geminiModelEvidence, geminiModelLabels } from './gemini/model-evidence.js'
import { mistralEmbeddingEvidence, mistralModelEvidence, mistralModelLabels } from './mistral/model-evidence.js'
import { openAIModelEvidence, openAIModelLabels } from './openai/model-evidence.js'

export interface ProviderEvidence {
  /** Model id → name for docs. */
  readonly labels: Readonly<Record<string, string>>
  /** Model id → sources (every id of the provider's model table). */
  readonly rows: ModelEvidenceTable
  /** Embedding model id → sources (canonical ids; aliases share them). */
  readonly embeddings?: Readonly<Record<string, readonly ModelEvidence[]>>
}

/** Provider id → its evidence. A provider missing here publishes every cell as unverified. */
export const providerEvidence: Readonly<Record<string, ProviderEvidence>> = {
  mistral: { labels: mistralModelLabels, rows: mistralModelEvidence, embeddings: mistralEmbeddingEvidence },
  openai: { labels: openAIModelLabels, rows: openAIModelEvidence },
  anthropic: { labels: anthropicModelLabels, rows: anthropicModelEvidence },
  gemini: { labels: geminiModelLabels, rows: geminiModelEvidence, embeddings: geminiEmbeddingEvidence },
}

/** The newest date any source of `evidence` was checked: the date the table is published "as of". */
export function checkedAsOf(evidence: ProviderEvidence | undefined): string | undefined {
  let newest: string | undefined
  for (const row of Object.values(evidence?.rows ?? {})) {
    for (const item of [...row.evidence, ...(row.retirement === undefined ? [] : [row.retirement])]) {
      if (newest === undefined || item.checked > newest) newest = item.checked
    }
  }
  return newest
}
