/**
 * The per-client cache of each provider's own model list (`models.list`) behind the opt-in
 * `liveModelCapabilities` option (semantics in live-model-lookup.ts). Loaded on demand by the client.
 */
import type { ModelRow } from '../capabilities.js'
import type { Model, ModelsPage } from '../types.js'
import type { ProviderAdapter } from './provider-adapter.js'

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
    chat: c.chat ?? true,
    streaming: known(c.streaming),
    jsonMode: known(c.jsonMode),
    jsonSchema: known(c.jsonSchema),
    images: known(c.images),
    documents: known(c.documents),
    audio: known(c.audio),
    tools: known(c.tools),
    n: known(c.n),
    reasoning: known(c.reasoning),
    prediction: known(c.prediction),
    prefix: known(c.prefix),
    fim: known(c.fim),
    contextLength: c.contextLength,
  }
  return c.retirement === null ? row : { ...row, retirement: c.retirement }
}
