/** What the registry knows of Anthropic before its mapping loads: URL, key, model table, option types. */
import type { AnthropicOptionTypes } from './options.js'
import { anthropicModels } from './models.js'

export const anthropicInfo = {
  id: 'anthropic',
  displayName: 'Anthropic',
  defaultBaseURL: 'https://api.anthropic.com/v1',
  apiKeyEnvVar: 'ANTHROPIC_API_KEY',
  baseURLEnvVar: 'ANTHROPIC_BASE_URL',
  // ANTHROPIC_BASE_URL is shared with @anthropic-ai/sdk, whose base URL has no /v1 (client.ts:
  // `https://api.anthropic.com`, paths `/v1/messages`); a value ending in /v1 is accepted as well.
  versionPath: '/v1',
  apiKeyOptional: false,
  optionTypes: undefined as AnthropicOptionTypes | undefined,
  models: anthropicModels,
} as const
