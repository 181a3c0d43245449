/** `startOpenAIEmulator`: a loopback `node:http` server that behaves like api.openai.com's chat completions (or a compatible service). */
import { createServer } from 'node:http'
import { openAIModels } from '../../providers/openai/models.js'
import { closeServer, DEFAULT_EMULATOR_API_KEY, hostForUrl, listen, trackSockets } from '../server.js'
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
      models: options.models ?? openAIModels,
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
  const server = createServer(createOpenAIRequestListener(state))
  const sockets = trackSockets(server, JSON.stringify(errorBody('Bad Request')))
  const address = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1')
  const origin = `http://${hostForUrl(address)}:${address.port}`
  let closing: Promise<void> | undefined
  return {
    url: `${origin}/v1`,
    origin,
    apiKey: state.settings.apiKey,
    requests: state.log,
    lastRequest: () => state.log[state.log.length - 1],
    reset: () => {
      state.log.length = 0
      state.queue.length = 0
      state.handler = undefined
      state.promptCache.clear()
    },
    enqueue: (...replies) => void state.queue.push(...replies),
    setHandler: (handler) => {
      state.handler = handler
    },
    openConnections: () => sockets.size,
    close: () => {
      closing ??= closeServer(server, sockets)
      return closing
    },
  }
}
