/** The OpenAI provider: the OpenAI-compatible mapping with OpenAI's URL, key and model table. */
import { createOpenAICompatibleProvider } from '../openai-compatible/create-provider.js'
import { openAIModels } from './models.js'

export const openAIProvider = createOpenAICompatibleProvider({
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
})

export type { OpenAIModelId } from './models.js'
