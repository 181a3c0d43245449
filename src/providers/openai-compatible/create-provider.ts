/** Builds a provider adapter for an OpenAI-compatible service from its preset (data). */
import type { ModelTable } from '../../capabilities.js'
import type { GenerationRequestContext, ProviderAdapter, ProviderParamChecks } from '../../core/provider-adapter.js'
import { boolean, optional } from '../../core/shape-checks.js'
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

/**
 * Mistral's assistant `prefix` flag is accepted in the shape check so a history written for Mistral
 * gets a clear refusal from the mapper (messages.ts: no prefill) instead of an unknown-field error.
 */
const prefixCheck: ProviderParamChecks = { messages: { assistant: { prefix: optional(boolean) } } }

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
    auth: { secretHeaders: ['authorization'], headers: (apiKey: string) => ({ authorization: `Bearer ${apiKey}` }) },
    chat: {
      prepare: (params: Readonly<Record<string, unknown>>, context: GenerationRequestContext) => ({
        path: '/chat/completions',
        body: toOpenAICompatibleRequest(params, context, preset.quirks),
      }),
      fromResponse: fromOpenAICompatibleResponse,
      streamFraming: 'sse' as const,
      createStreamMapper: createOpenAICompatibleChunkMapper,
      checks: prefixCheck,
    },
    parseError: parseErrorBody,
  }
  return preset.unavailable === undefined ? adapter : { ...adapter, unavailable: preset.unavailable }
}
