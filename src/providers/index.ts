/**
 * The provider registry. Adding a provider is one folder (or one preset) and one line here; the
 * `ProviderId` union and the per-provider model-name suggestions are derived from this object.
 */
import type { ProviderAdapter } from '../core/provider-adapter.js'
import { mistralProvider } from './mistral/index.js'
import { openAIProvider } from './openai/index.js'
import { createOpenAICompatibleProvider } from './openai-compatible/create-provider.js'
import {
  groqPreset,
  openAICompatiblePreset,
  openRouterPreset,
  perplexityPreset,
  requestyPreset,
} from './openai-compatible/presets.js'

export const providers = {
  mistral: mistralProvider,
  openai: openAIProvider,
  'openai-compatible': createOpenAICompatibleProvider(openAICompatiblePreset),
  groq: createOpenAICompatibleProvider(groqPreset),
  openrouter: createOpenAICompatibleProvider(openRouterPreset),
  requesty: createOpenAICompatibleProvider(requestyPreset),
  perplexity: createOpenAICompatibleProvider(perplexityPreset),
} as const satisfies Record<string, ProviderAdapter>

/** Every provider id token.js knows. */
export type ProviderId = keyof typeof providers

/** Model-id suggestions per provider (any other string is accepted too). */
export type ModelIdFor<P extends ProviderId> = Extract<keyof (typeof providers)[P]['models'], string>

export function findProvider(id: unknown): ProviderAdapter | undefined {
  return typeof id === 'string' && Object.hasOwn(providers, id) ? providers[id as ProviderId] : undefined
}
