/** OpenAI as data (URL, key, quirks, model table): the registry holds it; the mapping loads on first use. */
import type { OpenAICompatiblePreset } from '../openai-compatible/create-provider.js'
import { openAIModels } from './models.js'

export const openAIPreset = {
  id: 'openai',
  displayName: 'OpenAI',
  defaultBaseURL: 'https://api.openai.com/v1',
  apiKeyEnvVar: 'OPENAI_API_KEY',
  baseURLEnvVar: 'OPENAI_BASE_URL',
  apiKeyOptional: false,
  // Usage on the last stream chunk needs `stream_options.include_usage` (sent automatically).
  quirks: { requestStreamUsage: true, maxTokensAsMaxCompletionTokens: true },
  models: openAIModels,
  docsURL: 'https://platform.openai.com/docs/api-reference/chat',
} as const satisfies OpenAICompatiblePreset<typeof openAIModels>
