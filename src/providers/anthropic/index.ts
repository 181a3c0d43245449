/**
 * The Anthropic provider as a registry entry: its data now, its mapping (adapter.ts) on first use, so
 * an app that never calls Anthropic never parses it.
 */
import type { LazyProviderAdapter } from '../../core/provider-adapter.js'
import { anthropicInfo } from './info.js'

export const anthropicProvider = {
  ...anthropicInfo,
  load: () => import('./adapter.js').then((module) => module.anthropicAdapter),
} satisfies LazyProviderAdapter

export type { AnthropicModelId } from './models.js'
