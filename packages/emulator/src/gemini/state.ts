/** The Gemini emulator's settings and mutable state (request log, scripts). */
import type { RecordedRequest } from '../emulator-types.js'
import type { GeminiEmulatorModel } from './models.js'
import type { GeminiScript, GeminiScriptHandler } from './types.js'

export interface GeminiSettings {
  readonly apiKey: string
  readonly chunkSize: number
  readonly chunkDelayMs: number
  readonly maxBodyBytes: number
  readonly models: readonly GeminiEmulatorModel[]
  readonly now: () => number
  readonly pageSize: number
  readonly logRequests: boolean
}

export interface GeminiState {
  readonly settings: GeminiSettings
  readonly log: RecordedRequest[]
  readonly queue: GeminiScript[]
  handler: GeminiScriptHandler | undefined
  readonly promptCache: Map<string, number>
}
