/** `startAnthropicEmulator`: a loopback `node:http` server that behaves like api.anthropic.com's Messages and Models APIs. */
import { DEFAULT_EMULATOR_API_KEY, serveEmulator } from '../server.js'
import { errorBody } from './errors.js'
import { createAnthropicRequestListener, type AnthropicState } from './handle.js'
import { ANTHROPIC_EMULATOR_ALIASES, ANTHROPIC_EMULATOR_MODELS } from './models.js'
import type { AnthropicEmulator, AnthropicEmulatorOptions } from './types.js'

/** Starts an Anthropic emulator and resolves once it is listening. Its `url` is the origin plus `/v1`. */
export async function startAnthropicEmulator(options: AnthropicEmulatorOptions = {}): Promise<AnthropicEmulator> {
  const state: AnthropicState = {
    settings: {
      apiKey: options.apiKey ?? DEFAULT_EMULATOR_API_KEY,
      chunkSize: Math.max(1, options.chunkSize ?? 8),
      chunkDelayMs: Math.max(0, options.chunkDelayMs ?? 0),
      maxBodyBytes: options.maxBodyBytes ?? 32 * 1000 * 1000,
      models: options.models ?? ANTHROPIC_EMULATOR_MODELS,
      aliases: options.models === undefined ? ANTHROPIC_EMULATOR_ALIASES : {},
      defaultPageSize: options.defaultPageSize ?? 20,
      ping: options.ping ?? true,
      logRequests: options.logRequests ?? true,
    },
    log: [],
    queue: [],
    handler: undefined,
    promptCache: new Map(),
    sequence: 0,
  }
  if (state.settings.models.length === 0) throw new Error('startAnthropicEmulator: models must not be empty')
  return serveEmulator(
    state,
    createAnthropicRequestListener(state),
    options,
    JSON.stringify(errorBody('invalid_request_error', 'Bad Request')),
  )
}
