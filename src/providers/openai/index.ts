/** The OpenAI provider: the OpenAI-compatible mapping with OpenAI's URL, key and model table (preset.ts). */
import { createOpenAICompatibleProvider } from '../openai-compatible/create-provider.js'
import { openAIPreset } from './preset.js'

export const openAIProvider = createOpenAICompatibleProvider(openAIPreset)

export type { OpenAIModelId } from './models.js'
