/** `startOpenAIEmulator`: a loopback `node:http` server that behaves like api.openai.com's chat completions (or a compatible service). */
import { openAIServedModels } from './models.js'
import { DEFAULT_EMULATOR_API_KEY, serveEmulator } from '../server.js'
import { errorBody } from './errors.js'
import { createOpenAIRequestListener, type OpenAIState } from './handle.js'
import type { OpenAIEmulator, OpenAIEmulatorOptions } from './types.js'

/** Starts an OpenAI-format emulator and resolves once it is listening. */
export async function startOpenAIEmulator(options: OpenAIEmulatorOptions = {}): Promise<OpenAIEmulator> {
  const state: OpenAIState = {
    settings: {
      apiKey: options.apiKey ?? DEFAULT_EMULATOR_API_KEY,
      requireApiKey: options.requireApiKey ?? true,
      chunkSize: Math.max(1, options.chunkSize ?? 8),
      chunkDelayMs: Math.max(0, options.chunkDelayMs ?? 0),
      maxBodyBytes: options.maxBodyBytes ?? 10 * 1024 * 1024,
      models: options.models ?? openAIServedModels,
      extraModels: new Set(options.extraModels ?? []),
      now: options.now ?? Date.now,
      logRequests: options.logRequests ?? true,
      quirks: options.quirks ?? {},
    },
    log: [],
    queue: [],
    handler: undefined,
    promptCache: new Map(),
    sequence: 0,
  }
  return serveEmulator(state, createOpenAIRequestListener(state), options, JSON.stringify(errorBody('Bad Request')))
}
