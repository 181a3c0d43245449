/** What the registry knows of Anthropic before its mapping loads: URL, key, model table, option types. */
import type { AnthropicOptionTypes } from './options.js'
import { anthropicModels } from './models.js'

export const anthropicInfo = {
  id: 'anthropic',
  displayName: 'Anthropic',
  defaultBaseURL: 'https://api.anthropic.com/v1',
  apiKeyEnvVar: 'ANTHROPIC_API_KEY',
  baseURLEnvVar: 'ANTHROPIC_BASE_URL',
  apiKeyOptional: false,
  optionTypes: undefined as AnthropicOptionTypes | undefined,
  models: anthropicModels,
} as const
