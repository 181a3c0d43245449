/** Public types of the Gemini emulator: options, Gemini-shaped scripted replies, the running server. */
import type { EmulatorHandle, ScriptedReply, ScriptedRequest, ScriptedToolCall } from '../emulator-types.js'
import type { GeminiEmulatorModel } from './models.js'

/** A reply in Gemini's own terms: any `finishReason`, a blocked prompt, raw usage numbers. */
export interface GeminiReply {
  /** Always `'gemini-reply'`. */
  readonly kind: 'gemini-reply'
  /** Answer even if the request is invalid. Default `false`. */
  readonly skipValidation?: boolean
  /** Only requests to this route consume the reply. Default: any route. */
  readonly route?: GeminiRoute
  /** The answer's text (replaces the generated one). */
  readonly text?: string
  /** Function calls to answer with, as `functionCall` parts. */
  readonly functionCalls?: readonly ScriptedToolCall[]
  /** Thought summary text (sent as a `thought: true` part). */
  readonly thought?: string
  /** `STOP`, `MAX_TOKENS`, `SAFETY`, `RECITATION`, `MALFORMED_FUNCTION_CALL`… */
  readonly finishReason?: string
  /** Block the prompt: no candidates, `promptFeedback.blockReason` (`SAFETY`, `PROHIBITED_CONTENT`…). */
  readonly blockReason?: string
  /** `usageMetadata` numbers to send instead of the counted ones. */
  readonly usage?: {
    /** Tokens in the prompt. */
    readonly promptTokenCount?: number
    /** Tokens in the answer. */
    readonly candidatesTokenCount?: number
    /** Tokens spent thinking (not part of `candidatesTokenCount`). */
    readonly thoughtsTokenCount?: number
    /** Prompt tokens served from the context cache. */
    readonly cachedContentTokenCount?: number
  }
}

/** The emulator's routes, for a script's `route`. */
export type GeminiRoute = 'generate' | 'embed' | 'models' | 'count'

/**
 * A scripted reply of the Gemini emulator: every kind the other emulators take (`http` without a body
 * gets Google's error body for the status; `stream-error` sends a `data: {"error":{…}}` event after
 * `afterChunks` events, a 500 when not streaming), plus `gemini-reply`.
 */
export type GeminiScript = WithGeminiRoute<ScriptedReply> | GeminiReply

/** `T` (each member of a union) with the Gemini routes in `route`. */
export type WithGeminiRoute<T> = T extends unknown
  ? Omit<T, 'route'> & {
      /** Only requests to this route consume the reply. Default: any route. */
      readonly route?: GeminiRoute
    }
  : never

/** Options of `startGeminiEmulator`; every one is optional. */
export interface GeminiEmulatorOptions {
  /** TCP port to listen on. Default `0`: a free port chosen by the OS. */
  readonly port?: number
  /** Interface to bind. Default `'127.0.0.1'`. */
  readonly host?: string
  /** The only key accepted in `x-goog-api-key` or `?key=`. Default `DEFAULT_EMULATOR_API_KEY`. */
  readonly apiKey?: string
  /** Tokens per streamed text part. Default `8`. */
  readonly chunkSize?: number
  /** Milliseconds between streamed events. Default `0`. */
  readonly chunkDelayMs?: number
  /** Largest accepted request body in bytes; larger bodies get 413. Default 20 MiB. */
  readonly maxBodyBytes?: number
  /** Model catalogue. Default: the emulator's own `GEMINI_EMULATOR_MODELS`. */
  readonly models?: readonly GeminiEmulatorModel[]
  /** Clock in ms since the epoch: models past their shutdown date answer 404. Default `Date.now`. */
  readonly now?: () => number
  /** Models per page of `GET /v1beta/models` when the request gives no `pageSize`. Default `50`. */
  readonly pageSize?: number
  /** Record every request in `emulator.requests`. Default `true`. */
  readonly logRequests?: boolean
}

/** A running Gemini emulator: the same handle as the Mistral and OpenAI emulators; `url` ends in `/v1beta`. */
export type GeminiEmulator = EmulatorHandle<GeminiScript>
export type GeminiScriptHandler = (request: ScriptedRequest) => GeminiScript | undefined
