/**
 * The Anthropic Messages API emulator. Not yet re-exported from `@tokenjs/emulator`: its ~100 KB
 * (ESM + CJS + types) would take the installed package over the 800 KB ceiling of the packaging test;
 * tests and examples import it from here until the package has room.
 */
export { startAnthropicEmulator } from './server.js'
export { ANTHROPIC_EMULATOR_MODELS, ANTHROPIC_EMULATOR_ALIASES } from './models.js'
export { validateAnthropicRequest } from './validate.js'
export type { AnthropicValidationContext, AnthropicValidationResult } from './validate.js'
export { API_VERSIONS as ANTHROPIC_API_VERSIONS, type ApiVersion as AnthropicApiVersion } from './request-schema.js'
export type { AnthropicEmulator, AnthropicEmulatorOptions, AnthropicModelCard } from './types.js'
