/**
 * `@tokenjs/emulator`: a local, faithful Mistral API for tests — real HTTP on loopback that
 * validates requests like api.mistral.ai, answers in its wire format, and can script faults.
 */
export { startMistralEmulator, DEFAULT_EMULATOR_API_KEY } from './server.js'
export type {
  EmulatorHandle,
  MistralEmulator,
  MistralEmulatorOptions,
  RecordedRequest,
  RequestLogEvent,
  ScriptedReply,
  ScriptedReplyBase,
  ScriptedRequest,
  ScriptedToolCall,
  ScriptHandler,
} from './emulator-types.js'
export type { FinishReason } from './answer-types.js'
export { validateChatCompletionRequest } from './validate-chat-request.js'
export type { ChatValidationContext, ChatValidationResult } from './validate-chat-request.js'
export { validateEmbeddingRequest } from './validate-embeddings-request.js'
export type { EmbeddingValidationContext, EmbeddingValidationResult } from './validate-embeddings-request.js'
export { validateFimRequest } from './validate-fim-request.js'
export type { FimValidationContext, FimValidationResult } from './validate-fim-request.js'
export { countTokens } from './count-tokens.js'
export { jsonSchemaInstance } from './json-schema-instance.js'
export { checkJsonSchemaInstance } from './json-schema-check.js'
export { DEFAULT_MODEL_TEMPERATURE } from './model-cards.js'
export { mistralServedModels, type ServedModelRow } from './mistral-served-models.js'
export { runEmulatorCli, type EmulatorCliOptions } from './cli-main.js'
export {
  startOpenAIEmulator,
  GROQ_QUIRKS,
  validateOpenAIChatRequest,
  OPENAI_CHAT_PARAMS,
  type OpenAIEmulator,
  type OpenAIEmulatorOptions,
  type OpenAIEmulatorQuirks,
} from './openai/index.js'
export {
  startGeminiEmulator,
  GEMINI_EMULATOR_MODELS,
  geminiModelCard,
  validateGenerateRequest as validateGeminiGenerateRequest,
  type GeminiEmulator,
  type GeminiEmulatorModel,
  type GeminiEmulatorOptions,
  type GeminiReply,
  type GeminiRoute,
  type GeminiScript,
} from './gemini/index.js'
export {
  startAnthropicEmulator,
  ANTHROPIC_EMULATOR_MODELS,
  ANTHROPIC_API_VERSIONS,
  validateAnthropicRequest,
  type AnthropicEmulator,
  type AnthropicEmulatorOptions,
  type AnthropicModelCard,
  type AnthropicApiVersion,
  type AnthropicValidationContext,
  type AnthropicValidationResult,
} from './anthropic/index.js'
