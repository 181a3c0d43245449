/** token.js: one OpenAI-format API for many LLM providers, running in your own process. */
export { TokenJS } from './client.js'
export type {
  ChatCompletionCreateParams,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
  ChatCompletions,
  ProviderChatParams,
  Completions,
  CompletionCreateParams,
  CompletionCreateParamsNonStreaming,
  CompletionCreateParamsStreaming,
  EmbeddingCreateParams,
  EmbeddingModelIdFor,
  Embeddings,
  Models,
  ProviderCompletionParams,
  ProviderEmbeddingParams,
  RefusedChatParams,
} from './client.js'
export { CompletionStream } from './core/completion-stream.js'
export { mistralEmbeddingModels } from './providers/mistral/embedding-models.js'
export type { MistralEmbeddingModelId } from './providers/mistral/embedding-models.js'
export type {
  ClientOptions,
  ExtendedModelFeatures,
  FallbackErrorClass,
  FallbackTarget,
  ProviderSettings,
  RequestOptions,
} from './core/client-options.js'
export { ChatCompletionStream } from './core/chat-completion-stream.js'
export { APIPromise } from './core/api-promise.js'
export type { AnsweredBy, WithRequestID, WithResponse } from './core/api-promise.js'
export type {
  GenerateCall,
  Middleware,
  MiddlewareCall,
  MiddlewareOperation,
  MiddlewareOperations,
  MiddlewareResult,
  StreamCall,
} from './core/middleware-types.js'
export type { TokenJSWarning } from './core/warnings.js'
export type {
  ErrorHookEvent,
  FinishHookEvent,
  FirstChunkHookEvent,
  HookCallInfo,
  Hooks,
  RequestHookEvent,
  ResponseHookEvent,
  RetryHookEvent,
} from './core/hooks.js'
export type { LogFn, LogLevel, Logger } from './core/logger.js'
export type {
  TelemetryAttributeValue,
  TelemetryAttributes,
  TelemetryHistogram,
  TelemetryMeter,
  TelemetryOptions,
  TelemetrySpan,
  TelemetryTracer,
} from './telemetry/telemetry-options.js'
export { ChunkAccumulator } from './core/accumulate-chunks.js'
export type { FetchFunction } from './core/fetch-transport.js'
export type { Transport, TransportRequest, TransportResponse, BodySink } from './core/transport.js'
export {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  FinishReasonError,
  InputError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  PromptBlockedError,
  RateLimitError,
  ResponseParseError,
  ResponseTooLargeError,
  TokenJSError,
  UnprocessableEntityError,
  isTokenJSError,
} from './errors.js'
export { featureLabels, isRetired } from './capabilities.js'
export type {
  EmbeddingDtype,
  EmbeddingModelRow,
  EmbeddingModelTable,
  FeatureName,
  ModelFeatures,
  ModelCell,
  ModelEvidence,
  ModelEvidenceTable,
  ModelRowEvidence,
  ModelRetirement,
  ModelRow,
  ModelTable,
  ModelTableOf,
  CurrentModelId,
  RetiringModelRow,
  ReasoningEffort,
} from './capabilities.js'
export { mistralModels } from './providers/mistral/models.js'
export type { MistralModelId } from './providers/mistral/models.js'
export type {
  MistralAssistantMessageParam,
  MistralChatOptions,
  MistralCompletionOptions,
  MistralEmbeddingOptions,
} from './providers/mistral/options.js'
export type { ProviderId, ModelIdFor, ProviderSummary } from './providers/index.js'
export { listProviders } from './providers/index.js'
export type * from './types.js'
import type { ChatCompletion } from './types.js'
import type { ChatCompletionStream } from './core/chat-completion-stream.js'

/** Token.js name for a non-streaming result. */
export type CompletionResponse = ChatCompletion
/** Token.js name for a streaming result: an async iterable of OpenAI chunks. */
export type StreamCompletionResponse = ChatCompletionStream
export { VERSION } from './version.js'
