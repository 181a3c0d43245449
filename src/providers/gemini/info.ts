/**
 * What the registry knows about Gemini before its mapping is loaded (the mapping is a dynamic import,
 * so a Mistral-only app never parses it): ids, keys, URL and the model table.
 */
import type { ProviderInfo } from '../../core/provider-adapter.js'
import { geminiModels } from './models.js'
import type { GeminiOptionTypes } from './options.js'

export const geminiInfo = {
  id: 'gemini',
  displayName: 'Gemini',
  defaultBaseURL: 'https://generativelanguage.googleapis.com/v1beta',
  apiKeyEnvVar: 'GEMINI_API_KEY',
  // Google's SDK reads GOOGLE_API_KEY first when both are set (googleapis/js-genai `src/node/node_client.ts`).
  apiKeyEnvVars: ['GOOGLE_API_KEY', 'GEMINI_API_KEY'],
  baseURLEnvVar: 'GEMINI_BASE_URL',
  apiKeyOptional: false,
  optionTypes: undefined as GeminiOptionTypes | undefined,
  models: geminiModels,
} as const satisfies ProviderInfo
