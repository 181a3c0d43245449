/** The OpenAI-format emulator (also exported from `@tokenjs/emulator`). */
export { startOpenAIEmulator } from './server.js'
export { GROQ_QUIRKS } from './types.js'
export type { OpenAIEmulator, OpenAIEmulatorOptions, OpenAIEmulatorQuirks } from './types.js'
export { validateOpenAIChatRequest, OPENAI_CHAT_PARAMS } from './validate.js'
