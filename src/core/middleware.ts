/**
 * Runs a call through its middleware (middleware-types.ts has the contract and the order). Loaded on
 * first use: a client without middleware never parses it.
 */
import { InputError } from '../errors.js'
import type { TokenJS } from '../client.js'
import { ChatCompletionStream } from './chat-completion-stream.js'
import { ChunkStream, type StreamedChunk } from './chunk-stream.js'
import type { RequestOptions } from './client-options.js'
import { CompletionStream } from './completion-stream.js'
import type { Middleware, MiddlewareOperation } from './middleware-types.js'
import type { ProviderAdapter } from './provider-adapter.js'
import { isRecord } from './shape-checks.js'
import { chunkStreamOptions } from './stream-from-chunks.js'

export interface MiddlewareRun<T> {
  readonly client: TokenJS
  readonly operation: MiddlewareOperation
  /** The client's `middleware` option. */
  readonly clientMiddleware: unknown
  readonly params: unknown
  readonly options: RequestOptions | undefined
  /** The call itself (fallbacks, the request), with the params the middleware left. */
  readonly run: (params: unknown) => Promise<T>
  readonly findProvider: (id: unknown) => ProviderAdapter | undefined
}

/** Checks the list before anything runs: each entry an object whose members are functions. */
export function checkMiddleware(list: unknown, option: string): readonly Middleware[] {
  if (!Array.isArray(list)) throw new InputError(`'${option}' must be an array of middleware objects.`, option)
  list.forEach((entry: unknown, index) => {
    if (!isRecord(entry)) throw new InputError(`'${option}[${index}]' must be a middleware object.`, option)
    for (const key of ['transformParams', 'wrapGenerate', 'wrapStream'] as const) {
      if (entry[key] !== undefined && typeof entry[key] !== 'function') {
        throw new InputError(`'${option}[${index}].${key}' must be a function.`, option)
      }
    }
  })
  return list as readonly Middleware[]
}

/** The client's middleware, then the request's, each in array order (checked first). */
export function runMiddleware<T>(call: MiddlewareRun<T>): Promise<T> {
  const { operation, client } = call
  const options = call.options ?? {}
  const fromClient = call.clientMiddleware
  const middleware = [
    ...(fromClient === undefined ? [] : checkMiddleware(fromClient, 'middleware')),
    ...(options.middleware === undefined ? [] : checkMiddleware(options.middleware, 'middleware')),
  ]
  const layer = async (index: number, params: unknown): Promise<unknown> => {
    const current = middleware[index]
    if (current === undefined) return call.run(params)
    const name = current.name ?? `middleware[${index}]`
    let next = params
    if (current.transformParams !== undefined) {
      next = await current.transformParams({ operation, params, options, client } as never)
      if (!isRecord(next)) throw new InputError(`${name}: transformParams must return a params object.`, 'middleware')
    }
    const streaming = (operation === 'chat' || operation === 'completions') && isRecord(next) && next.stream === true
    const wrap = streaming ? current.wrapStream?.bind(current) : current.wrapGenerate?.bind(current)
    if (wrap === undefined) return layer(index + 1, next)
    const wrapped: unknown = await (wrap as (call: unknown) => Promise<unknown>)({
      operation,
      params: next,
      options,
      client,
      next: (changed: unknown = next) => layer(index + 1, changed),
    })
    return streaming
      ? toStream(wrapped, operation, call.findProvider((next as { provider?: unknown }).provider), options)
      : wrapped
  }
  return layer(0, call.params) as Promise<T>
}

/** A stream as is, or an async iterable of chunks made into one. */
function toStream(
  value: unknown,
  operation: MiddlewareOperation,
  provider: ProviderAdapter | undefined,
  options: RequestOptions,
): unknown {
  if (value instanceof ChunkStream) return value
  if (typeof value !== 'object' || value === null || !(Symbol.asyncIterator in value)) {
    throw new InputError('wrapStream must return a stream or an async iterable of chunks.', 'middleware')
  }
  const chunks = value as AsyncIterable<StreamedChunk>
  const adapter = provider ?? ({ id: 'middleware', displayName: 'A middleware' } as ProviderAdapter)
  return operation === 'completions'
    ? new CompletionStream(chunkStreamOptions(chunks as never, adapter, options.signal))
    : new ChatCompletionStream(chunkStreamOptions(chunks as never, adapter, options.signal))
}
