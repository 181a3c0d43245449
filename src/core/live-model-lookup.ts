/**
 * The opt-in `liveModelCapabilities` client option, the part the chat pipeline needs on every call: for
 * a model id token.js's table does not know, the row from the client's live catalogue. The catalogue
 * itself (LiveModelCatalog, in live-model-catalog.ts) is loaded by the client only when it opts in.
 *
 * Semantics: the list is fetched on first need and kept for `ttlMs`; a fetch that fails leaves the
 * model ungated (as without the option) and is not cached, so the next call tries again. Features the
 * provider does not report (`null` in `ListedModelCapabilities`) are not gated.
 */
import type { ModelRow } from '../capabilities.js'
import type { ClientInternals } from './client-internals.js'
import { isRecord } from './shape-checks.js'

/** Default time-to-live of a fetched model list: one hour. */
export const DEFAULT_LIVE_MODELS_TTL_MS = 3_600_000

/**
 * For a model id the client's table does not know, the row from the live catalogue (when the client
 * opted in). `validate` runs first, so bad input still fails before any I/O.
 */
export async function lookupLiveRow(
  client: ClientInternals,
  params: unknown,
  validate: (params: Record<string, unknown>) => void,
): Promise<ModelRow | undefined> {
  if (client.liveModelRow === undefined || !isRecord(params)) return undefined
  const provider = client.findProvider(params.provider)
  const model = params.model
  if (provider === undefined || typeof model !== 'string') return undefined
  if (Object.hasOwn(client.models(provider), model)) return undefined
  if (provider.embeddings !== undefined && Object.hasOwn(provider.embeddings.models, model)) return undefined
  validate(params)
  return client.liveModelRow(provider, model)
}
