/** The mutable state of one running emulator, and its resolved settings. */
import type { EmbeddingModelRow, ModelRow } from './model-types.js'
import type { RecordedRequest, RequestLogEvent, ScriptedReply, ScriptHandler } from './emulator-types.js'

export interface EmulatorSettings {
  readonly apiKey: string
  readonly chunkSize: number
  readonly chunkDelayMs: number
  readonly maxBodyBytes: number
  readonly models: Readonly<Record<string, ModelRow>>
  readonly embeddingModels: Readonly<Record<string, EmbeddingModelRow>>
  readonly now: () => number
  readonly padding: boolean
  readonly logRequests: boolean
  readonly onRequest: ((event: RequestLogEvent) => void) | undefined
}

export interface EmulatorState {
  readonly settings: EmulatorSettings
  readonly log: RecordedRequest[]
  readonly queue: ScriptedReply[]
  handler: ScriptHandler | undefined
  /** prompt_cache_key → prompt tokens of the last request that used it. */
  readonly promptCache: Map<string, number>
  /** Requests answered so far; makes completion ids unique per emulator. */
  sequence: number
}

export type Route = 'chat' | 'models' | 'embeddings' | 'fim'

/** Takes the scripted reply for this request: the first queued one for the route, else the handler's. */
export function takeScript(
  state: EmulatorState,
  route: Route,
  request: Omit<RecordedRequest, 'status'>,
): ScriptedReply | undefined {
  const position = state.queue.findIndex((reply) => reply.route === undefined || reply.route === route)
  if (position >= 0) return state.queue.splice(position, 1)[0]
  return state.handler?.(request)
}
