/**
 * The opt-in `liveModelCapabilities` client option: a per-client cache of each provider's own model list
 * (`models.list`), used to gate features for model ids token.js's table does not know.
 *
 * Semantics: the list is fetched on first need and kept for `ttlMs`; a fetch that fails leaves the
 * model ungated (as without the option) and is not cached, so the next call tries again. Features the
 * provider does not report (`null` in `ListedModelCapabilities`) are not gated.
 */
import type { ModelRow } from '../capabilities.js'
import type { Model, ModelsPage } from '../types.js'
import type { ProviderAdapter } from './provider-adapter.js'
import type { ClientInternals } from './run-chat-completion.js'
import { isRecord } from './shape-checks.js'

/** Default time-to-live of a fetched model list: one hour. */
export const DEFAULT_LIVE_MODELS_TTL_MS = 3_600_000

interface Entry {
  readonly fetchedAt: number
  readonly rows: ReadonlyMap<string, ModelRow>
}

export class LiveModelCatalog {
  private readonly entries = new Map<string, Entry>()
  private readonly pending = new Map<string, Promise<Entry | undefined>>()

  constructor(
    private readonly ttlMs: number,
    private readonly fetchPage: (provider: ProviderAdapter) => Promise<ModelsPage>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Stores a freshly fetched list (also called by `models.list()`, so a listing warms the cache). */
  remember(provider: ProviderAdapter, page: ModelsPage): void {
    const rows = new Map<string, ModelRow>()
    for (const model of page.data) rows.set(model.id, rowFromListedModel(model))
    this.entries.set(provider.id, { fetchedAt: this.now(), rows })
  }

  /** The row for `model` from the provider's list (fetched if missing or stale), or undefined. */
  async row(provider: ProviderAdapter, model: string): Promise<ModelRow | undefined> {
    const entry = this.entries.get(provider.id)
    if (entry !== undefined && this.now() - entry.fetchedAt < this.ttlMs) return entry.rows.get(model)
    let pending = this.pending.get(provider.id)
    if (pending === undefined) {
      pending = this.fetchPage(provider).then(
        (page) => {
          this.remember(provider, page)
          return this.entries.get(provider.id)
        },
        () => undefined,
      )
      this.pending.set(provider.id, pending)
      void pending.finally(() => this.pending.delete(provider.id))
    }
    return (await pending)?.rows.get(model)
  }
}

/** A listed model as a capability row; unreported features count as supported (not gated). */
export function rowFromListedModel(model: Model): ModelRow {
  const c = model.capabilities
  const known = (value: boolean | null): boolean => value ?? true
  const row: ModelRow = {
    label: model.id,
    chat: c.chat ?? true, streaming: known(c.streaming), jsonMode: known(c.jsonMode), jsonSchema: known(c.jsonSchema),
    images: known(c.images), documents: known(c.documents), audio: known(c.audio), tools: known(c.tools), n: known(c.n),
    reasoning: known(c.reasoning), prediction: known(c.prediction), prefix: known(c.prefix), fim: known(c.fim),
    contextLength: c.contextLength,
  }
  return c.retirement === null ? row : { ...row, retirement: c.retirement }
}

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
