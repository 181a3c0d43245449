/** `startGeminiEmulator`: a loopback `node:http` server that behaves like generativelanguage.googleapis.com (v1beta). */
import { DEFAULT_EMULATOR_API_KEY, serveEmulator } from '../server.js'
import { geminiError } from './errors.js'
import { createGeminiRequestListener } from './handle.js'
import { GEMINI_EMULATOR_MODELS } from './models.js'
import type { GeminiState } from './state.js'
import type { GeminiEmulator, GeminiEmulatorOptions } from './types.js'

/** Starts a Gemini emulator and resolves once it is listening. Its `url` is the base URL including `/v1beta`. */
export async function startGeminiEmulator(options: GeminiEmulatorOptions = {}): Promise<GeminiEmulator> {
  const state: GeminiState = {
    settings: {
      apiKey: options.apiKey ?? DEFAULT_EMULATOR_API_KEY,
      chunkSize: Math.max(1, options.chunkSize ?? 8),
      chunkDelayMs: Math.max(0, options.chunkDelayMs ?? 0),
      maxBodyBytes: options.maxBodyBytes ?? 20 * 1024 * 1024,
      models: options.models ?? GEMINI_EMULATOR_MODELS,
      now: options.now ?? Date.now,
      pageSize: Math.max(1, options.pageSize ?? 50),
      logRequests: options.logRequests ?? true,
    },
    log: [],
    queue: [],
    handler: undefined,
    promptCache: new Map(),
  }
  const clientError = JSON.stringify(geminiError(400, 'Bad Request').body)
  return serveEmulator(state, createGeminiRequestListener(state), options, clientError, '/v1beta')
}
