/** The Gemini emulator (also exported from `@tokenjs/emulator`). */
export { startGeminiEmulator } from './server.js'
export { GEMINI_EMULATOR_MODELS, modelCard as geminiModelCard } from './models.js'
export type { GeminiEmulatorModel, ThinkingStyle } from './models.js'
export type { GeminiEmulator, GeminiEmulatorOptions, GeminiReply, GeminiRoute, GeminiScript } from './types.js'
export { validateGenerateRequest } from './validate-generate.js'
