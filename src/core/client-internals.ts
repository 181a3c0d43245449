/**
 * The contract between the client (`client.ts`) and the pipelines in `core/`: what a pipeline may ask
 * the client for. In its own file so every pipeline depends on the contract, not on another pipeline.
 */
import type { ModelRow, ModelTable } from '../capabilities.js'
import type { ModelsPage } from '../types.js'
import type { ClientOptions } from './client-options.js'
import type { ProviderAdapter } from './provider-adapter.js'
import type { ProviderConnection } from './provider-connection.js'
import type { Transport } from './transport.js'

/** What the client gives the pipelines. */
export interface ClientInternals {
  readonly options: ClientOptions
  /** Whether every call is observed (hooks, or a level that logs requests): see observation.ts. Absent: no. */
  readonly observed?: boolean | undefined
  findProvider(id: unknown): ProviderAdapter | undefined
  /** Loads the adapter of a provider loaded on first use (the OpenAI family); undefined when nothing is to load. */
  loadProvider?(id: unknown): Promise<unknown> | undefined
  providerIds(): string[]
  connection(provider: ProviderAdapter): ProviderConnection
  models(provider: ProviderAdapter): ModelTable
  transport(): Transport | Promise<Transport>
  /** With the `liveModelCapabilities` option: the row of a model id the table lacks, from the provider's model list. */
  liveModelRow?(provider: ProviderAdapter, model: string): Promise<ModelRow | undefined>
  /** With the `liveModelCapabilities` option: keeps a model list fetched by `models.list()`. */
  rememberModels?(provider: ProviderAdapter, page: ModelsPage): void
}
