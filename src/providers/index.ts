/**
 * The provider registry. Adding a provider is one folder (or one preset), one line in `providers` and
 * one in `ProviderTypes` (its model table, option types and embedding models as the public types see
 * them); the `ProviderId` union and the per-provider model-name suggestions follow from those.
 *
 * Mistral's adapter is loaded with the package. The OpenAI-compatible family is registered as data
 * (its preset: URL, key, model table) and its mapping is a dynamic import, loaded by the client before
 * the first call to one of these providers (`loadProvider`), so a Mistral-only app never parses it.
 */
import type { CurrentModelId, ModelTable } from '../capabilities.js'
import type { LazyProviderAdapter, ProviderAdapter } from '../core/provider-adapter.js'
import { anthropicProvider } from './anthropic/index.js'
import type { anthropicModels } from './anthropic/models.js'
import type { AnthropicOptionTypes } from './anthropic/options.js'
import type { geminiModels } from './gemini/models.js'
import type { GeminiOptionTypes } from './gemini/options.js'
import type { mistralEmbeddingModels } from './mistral/embedding-models.js'
import type { mistralModels } from './mistral/models.js'
import type { MistralOptionTypes } from './mistral/options.js'
import type { openAIModels } from './openai/models.js'
import { geminiInfo } from './gemini/info.js'
import { mistralProvider } from './mistral/index.js'
import type { OpenAICompatiblePreset } from './openai-compatible/create-provider.js'
import {
  groqPreset,
  openAICompatiblePreset,
  openRouterPreset,
  perplexityPreset,
  requestyPreset,
} from './openai-compatible/presets.js'
import { openAIPreset } from './openai/preset.js'

/**
 * The registry: every provider token.js can call, by the id users write in `provider: '…'`. Each entry is an
 * adapter (or, for providers loaded on first use, its static info and a `load()`); the types of `create`'s
 * params per provider are derived from it.
 */
export const providers = {
  mistral: mistralProvider,
  anthropic: anthropicProvider,
  gemini: { ...geminiInfo, load: () => import('./gemini/index.js').then((module) => module.geminiProvider) },
  openai: openAICompatible(openAIPreset),
  'openai-compatible': openAICompatible(openAICompatiblePreset),
  groq: openAICompatible(groqPreset),
  openrouter: openAICompatible(openRouterPreset),
  requesty: openAICompatible(requestyPreset),
  perplexity: openAICompatible(perplexityPreset),
} as const satisfies { readonly [P in ProviderId]: (ProviderAdapter | LazyProviderAdapter) & ProviderEntryTypes<P> }

/** What the public types read of one registry entry (see `ProviderTypes`). */
export interface ProviderTypeInfo<Models = never, Options = object, EmbeddingModels = never> {
  /** The model table: `model` suggests its ids without a retirement; `never` for a provider without one. */
  readonly models: Models
  /** The provider's own params and messages (`optionTypes` of the entry); `object` when it has none. */
  readonly optionTypes: Options
  /** The embedding-model table: `embeddings.create` suggests its ids; `never` without suggestions. */
  readonly embeddingModels: EmbeddingModels
}

// Spelled out rather than read from `typeof providers`: the published declarations then name these tables
// and option types instead of printing every adapter's inferred shape (~10 KB of the installed package,
// issue 18). `providers` must satisfy it (their models), and test/types/provider-types.ts checks that both
// agree in every part.
/** Per provider id, what the public types know of it: its model table, own option types and embedding models. */
export interface ProviderTypes {
  /** Mistral: its chat and embedding tables, its own params and assistant message. */
  readonly mistral: ProviderTypeInfo<typeof mistralModels, MistralOptionTypes, typeof mistralEmbeddingModels>
  /** Anthropic: its chat table, thinking and prompt-cache params. */
  readonly anthropic: ProviderTypeInfo<typeof anthropicModels, AnthropicOptionTypes>
  /** Gemini: its chat table, safety settings and embedding params. */
  readonly gemini: ProviderTypeInfo<typeof geminiModels, GeminiOptionTypes>
  /** OpenAI: its chat table. */
  readonly openai: ProviderTypeInfo<typeof openAIModels>
  /** Any OpenAI-compatible server: no table (any model id). */
  readonly 'openai-compatible': ProviderTypeInfo
  /** Groq: no table (any model id). */
  readonly groq: ProviderTypeInfo
  /** OpenRouter: no table (any model id). */
  readonly openrouter: ProviderTypeInfo
  /** Requesty: no table (any model id). */
  readonly requesty: ProviderTypeInfo
  /** Perplexity: no table (any model id). */
  readonly perplexity: ProviderTypeInfo
}

/** A table type, or (for `never`, no table) any table: what a registry entry's `models` may be. */
type TableOr<Table> = [Table] extends [never] ? ModelTable : Table

/** The part of `ProviderTypes` a registry entry is checked against: its model table. */
interface ProviderEntryTypes<P extends ProviderId> {
  readonly models: TableOr<ProviderTypes[P]['models']>
}

/** Every provider id token.js knows. */
export type ProviderId = Extract<keyof ProviderTypes, string>

/** Model-id suggestions per provider: its table's ids without a retirement (any string is accepted). */
export type ModelIdFor<P extends ProviderId> = [ProviderTypes[P]['models']] extends [never]
  ? never
  : CurrentModelId<ProviderTypes[P]['models']>

/** A registry entry, loaded or not: its metadata and model table. */
export function findProviderInfo(id: unknown): ProviderAdapter | LazyProviderAdapter | undefined {
  return typeof id === 'string' && Object.hasOwn(providers, id) ? providers[id as ProviderId] : undefined
}

/** Adapters of lazy entries, once loaded. */
const loaded = new Map<string, ProviderAdapter>()

/**
 * Loads the adapter of `id` when it is a lazy entry not loaded yet; `undefined` when there is nothing
 * to wait for (an eager or already loaded provider, or an unknown id: the pipeline reports it).
 */
export function loadProvider(id: unknown): Promise<unknown> | undefined {
  const entry = findProviderInfo(id)
  if (entry === undefined || isAdapter(entry) || loaded.has(entry.id)) return undefined
  return entry.load().then((adapter) => loaded.set(entry.id, adapter))
}

/** The adapter of `id` (undefined for an unknown id). A lazy entry must have been loaded (`loadProvider`). */
export function findProvider(id: unknown): ProviderAdapter | undefined {
  const entry = findProviderInfo(id)
  if (entry === undefined || isAdapter(entry)) return entry
  const adapter = loaded.get(entry.id)
  if (adapter === undefined)
    throw new Error(`token.js: the '${entry.id}' adapter was used before loadProvider() loaded it.`)
  return adapter
}

function isAdapter(entry: ProviderAdapter | LazyProviderAdapter): entry is ProviderAdapter {
  return !('load' in entry)
}

/** An OpenAI-compatible service as a lazy entry: its preset's data now, the mapping on first use. */
function openAICompatible<Models extends ModelTable>(
  preset: OpenAICompatiblePreset<Models>,
): Omit<LazyProviderAdapter, 'models'> & { readonly models: Models } {
  const info = {
    id: preset.id,
    displayName: preset.displayName,
    defaultBaseURL: preset.defaultBaseURL,
    apiKeyEnvVar: preset.apiKeyEnvVar,
    baseURLEnvVar: preset.baseURLEnvVar,
    apiKeyOptional: preset.apiKeyOptional,
    models: preset.models,
    load: () =>
      import('./openai-compatible/create-provider.js').then((module) => module.createOpenAICompatibleProvider(preset)),
  }
  return preset.unavailable === undefined ? info : { ...info, unavailable: preset.unavailable }
}

/** What a tool (the `tokenjs` CLI, a settings screen) needs to know of a registered provider. */
export interface ProviderSummary {
  /** The id to pass as `provider`, e.g. `'mistral'`. */
  readonly id: ProviderId
  /** The provider's name for people, e.g. `'Mistral'`. */
  readonly displayName: string
  /** Environment variable the key is read from. */
  readonly apiKeyEnvVar: string
  /** Whether requests work without a key (local servers). */
  readonly apiKeyOptional: boolean
  /** Environment variable the base URL is read from. */
  readonly baseURLEnvVar: string
  /** The provider's own URL; undefined when there is none (a base URL must be given). */
  readonly defaultBaseURL: string | undefined
  /** Current (not retired) model ids of its table; empty for providers that accept any id. */
  readonly currentModels: readonly string[]
  /** Why the provider cannot be used at the moment, when it cannot. */
  readonly unavailable: string | undefined
}

/** Every registered provider, in registry order. */
export function listProviders(): ProviderSummary[] {
  return Object.values(providers).map((entry: ProviderAdapter | LazyProviderAdapter) => ({
    id: entry.id as ProviderId,
    displayName: entry.displayName,
    apiKeyEnvVar: entry.apiKeyEnvVar,
    apiKeyOptional: entry.apiKeyOptional,
    baseURLEnvVar: entry.baseURLEnvVar,
    defaultBaseURL: entry.defaultBaseURL,
    currentModels: Object.entries(entry.models)
      .filter(([, row]) => row.retirement === undefined)
      .map(([id]) => id),
    unavailable: entry.unavailable,
  }))
}
