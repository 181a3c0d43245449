/**
 * Compile-time test (`npm run typecheck`): `ProviderTypes`, the registry as the public types see it (written
 * out so the published declarations do not print every adapter's inferred shape), agrees with the registry
 * object itself: the same provider ids, and per provider the same model table, option types and embedding
 * models as read from its entry. A provider added to one and not the other, or a table swapped, fails here.
 */
import type { providers, ProviderTypes } from '../../src/providers/index.js'

/** Each assignable to the other. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Registry = typeof providers

/** An entry's table, with the empty table of a provider without one read as `never` (as `ProviderTypes` says it). */
type TableOf<Table> = [keyof Table] extends [never] ? never : Table
/** An entry's `optionTypes` as the public types read it; none is `object`. */
type OptionTypesOfEntry<Entry> = Entry extends { readonly optionTypes?: infer O } ? NonNullable<O> : object
/** An entry's embedding-model table; `never` without one. */
type EmbeddingModelsOfEntry<Entry> = Entry extends { embeddings: { models: infer M } } ? M : never

type Agrees<P extends keyof Registry & keyof ProviderTypes> = [
  Same<ProviderTypes[P]['models'], TableOf<Registry[P]['models']>>,
  Same<ProviderTypes[P]['optionTypes'], OptionTypesOfEntry<Registry[P]>>,
  Same<ProviderTypes[P]['embeddingModels'], EmbeddingModelsOfEntry<Registry[P]>>,
]

export const sameIds: Same<keyof Registry, keyof ProviderTypes> = true
export const agreement: { [P in keyof Registry & keyof ProviderTypes]: Agrees<P> } = {
  mistral: [true, true, true],
  anthropic: [true, true, true],
  gemini: [true, true, true],
  openai: [true, true, true],
  'openai-compatible': [true, true, true],
  groq: [true, true, true],
  openrouter: [true, true, true],
  requesty: [true, true, true],
  perplexity: [true, true, true],
}
