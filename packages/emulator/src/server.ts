/** `startMistralEmulator`: a loopback `node:http` server that behaves like api.mistral.ai. */
import { createServer, type RequestListener, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { mistralServedEmbeddingModels } from './mistral-embedding-models.js'
import { mistralServedModels } from './mistral-served-models.js'
import type {
  EmulatorHandle,
  MistralEmulator,
  MistralEmulatorOptions,
  RecordedRequest,
  ScriptedReply,
  ScriptHandler,
} from './emulator-types.js'
import type { EmulatorSettings, EmulatorState } from './emulator-state.js'
import { createRequestListener } from './handle-request.js'

/** The API key the emulator accepts unless `apiKey` is given. */
export const DEFAULT_EMULATOR_API_KEY = 'emulator-key'

function resolveSettings(options: MistralEmulatorOptions): EmulatorSettings {
  return {
    apiKey: options.apiKey ?? DEFAULT_EMULATOR_API_KEY,
    chunkSize: Math.max(1, options.chunkSize ?? 8),
    chunkDelayMs: Math.max(0, options.chunkDelayMs ?? 0),
    maxBodyBytes: options.maxBodyBytes ?? 10 * 1024 * 1024,
    models: options.models ?? mistralServedModels,
    embeddingModels: options.embeddingModels ?? mistralServedEmbeddingModels,
    now: options.now ?? Date.now,
    padding: options.padding ?? true,
    logRequests: options.logRequests ?? true,
    onRequest: options.onRequest,
  }
}

export function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve(server.address() as AddressInfo)
    })
  })
}

/** Tracks open sockets; malformed HTTP gets a 400 with `clientErrorBody` (default: Mistral's shape). */
export function trackSockets(server: Server, clientErrorBody?: string): Set<Socket> {
  const sockets = new Set<Socket>()
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.setNoDelay(true)
    socket.on('close', () => sockets.delete(socket))
  })
  // Malformed HTTP: answer 400 with a JSON body instead of dropping the socket silently.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) {
      const body =
        clientErrorBody ??
        JSON.stringify({
          object: 'error',
          message: 'Bad Request',
          type: 'invalid_request_error',
          param: null,
          code: null,
        })
      socket.end(
        `HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      )
    } else socket.destroy()
  })
  return sockets
}

/** Stops listening, destroys every socket and resolves once all of them have closed. */
export async function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
  const released = [...sockets].map(
    (socket) =>
      new Promise<void>((resolve) => {
        socket.once('close', () => resolve())
        socket.destroy()
      }),
  )
  await Promise.all([stopped, ...released])
  sockets.clear()
}

export function hostForUrl(address: AddressInfo): string {
  return address.family === 'IPv6' ? `[${address.address}]` : address.address
}

/** Starts an emulator and resolves once it is listening. */
export async function startMistralEmulator(options: MistralEmulatorOptions = {}): Promise<MistralEmulator> {
  const state: EmulatorState = {
    settings: resolveSettings(options),
    log: [],
    queue: [],
    handler: undefined,
    promptCache: new Map(),
    sequence: 0,
  }
  return serveEmulator(state, createRequestListener(state), options)
}

/** The parts of an emulator's state that its handle reads and resets (every emulator shares them). */
export interface HandleState<R = ScriptedReply> {
  readonly settings: { readonly apiKey: string }
  readonly log: RecordedRequest[]
  readonly queue: R[]
  handler: ((request: Parameters<ScriptHandler>[0]) => R | undefined) | undefined
  readonly promptCache: Map<string, number>
}

/** Listens on loopback with `listener` and returns the handle tests and users drive (every emulator of the kit). */
export async function serveEmulator<R = ScriptedReply>(
  state: HandleState<R>,
  listener: RequestListener,
  options: { readonly port?: number; readonly host?: string },
  clientErrorBody?: string,
  versionPath = '/v1',
): Promise<EmulatorHandle<R>> {
  const server = createServer(listener)
  const sockets = trackSockets(server, clientErrorBody)
  const address = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1')
  const origin = `http://${hostForUrl(address)}:${address.port}`
  let closing: Promise<void> | undefined
  return {
    url: `${origin}${versionPath}`,
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
