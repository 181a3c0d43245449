/** Builds a provider adapter for an OpenAI-compatible service from its preset (data). */
import type { ModelTable } from '../../capabilities.js'
import type { ProviderAdapter } from '../../core/provider-adapter.js'
import { parseErrorBody } from '../shared/error-body.js'
import { createOpenAICompatibleChunkMapper } from './chunks.js'
import type { OpenAICompatibleQuirks } from './quirks.js'
import { toOpenAICompatibleRequest } from './request.js'
import { fromOpenAICompatibleResponse } from './response.js'

export interface OpenAICompatiblePreset<Models extends ModelTable = ModelTable> {
  readonly id: string
  readonly displayName: string
  readonly defaultBaseURL: string | undefined
  readonly apiKeyEnvVar: string
  readonly baseURLEnvVar: string
  readonly apiKeyOptional: boolean
  readonly unavailable?: string
  readonly quirks: OpenAICompatibleQuirks
  readonly models: Models
  /** Documentation links shown in the provider's docs page. */
  readonly docsURL?: string
}

export function createOpenAICompatibleProvider<Models extends ModelTable>(
  preset: OpenAICompatiblePreset<Models>,
): ProviderAdapter & { readonly models: Models } {
  const adapter = {
    id: preset.id,
    displayName: preset.displayName,
    defaultBaseURL: preset.defaultBaseURL,
    apiKeyEnvVar: preset.apiKeyEnvVar,
    baseURLEnvVar: preset.baseURLEnvVar,
    apiKeyOptional: preset.apiKeyOptional,
    models: preset.models,
    requestIdHeaders: ['x-request-id', 'x-groq-id', 'request-id'],
    authHeaders: (apiKey: string) => ({ authorization: `Bearer ${apiKey}` }),
    chat: {
      path: '/chat/completions',
      toRequest: (
        params: Readonly<Record<string, unknown>>,
        context: Parameters<ProviderAdapter['chat']['toRequest']>[1],
      ) => toOpenAICompatibleRequest(params, context, preset.quirks),
      fromResponse: fromOpenAICompatibleResponse,
      createChunkMapper: createOpenAICompatibleChunkMapper,
    },
    parseError: parseErrorBody,
  }
  return preset.unavailable === undefined ? adapter : { ...adapter, unavailable: preset.unavailable }
}
