/**
 * Fallbacks (the `fallbacks` option): the same call sent to other providers or models, in order, when
 * the first fails with an error a retry cannot fix here. LiteLLM's router has the same idea
 * (docs.litellm.ai/docs/routing, "fallbacks", checked 2026-12-02); here it is per client and per request.
 * Every entry is validated before any request is sent. Loaded only when fallbacks are configured.
 */
import {
  APIConnectionError,
  APIUserAbortError,
  InputError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
} from '../errors.js'
import type { RawCall } from './api-promise.js'
import type { ClientInternals } from './client-internals.js'
import type { FallbackErrorClass, FallbackTarget, RequestOptions } from './client-options.js'
import { prepareGeneration, runGeneration, type GenerationKind } from './generation-pipeline.js'
import { ChunkStream, firstChunk, type StreamedChunk } from './chunk-stream.js'
import { isRecord } from './shape-checks.js'

/** Errors that move on to the next fallback unless `fallbackOn` says otherwise. */
const DEFAULT_FALLBACK_ON: readonly FallbackErrorClass[] = [
  RateLimitError,
  InternalServerError,
  APIConnectionError,
  NotFoundError,
]

/** Options no fallback entry may override: they are the call's shape, not a provider's choice. */
const FIXED = new Set(['stream', 'messages', 'prompt', 'suffix'])

export async function runWithFallbacks<Result, Chunk extends StreamedChunk, Stream>(
  client: ClientInternals,
  params: unknown,
  options: RequestOptions,
  kind: GenerationKind<Result, Chunk, Stream>,
  raw: RawCall,
  fallbacks: readonly FallbackTarget[],
): Promise<Result | Stream> {
  const attempts = [params, ...checkFallbacks(fallbacks, params)]
  const fallbackOn = [...DEFAULT_FALLBACK_ON, ...checkFallbackOn(options.fallbackOn ?? client.options.fallbackOn ?? [])]
  // Every attempt is checked before anything is sent: a bad entry never shows up after an outage.
  for (let index = 0; index < attempts.length; index++) {
    try {
      await client.loadProvider?.((attempts[index] as { provider?: unknown }).provider)
      await prepareGeneration(client, attempts[index], options, kind)
    } catch (error) {
      throw index === 0 ? error : renameInputError(error, index)
    }
  }
  const single: RequestOptions = { ...options, fallbacks: [] }
  for (let index = 0; ; index++) {
    raw.attempt = index
    try {
      const result = await runGeneration(client, attempts[index], single, kind, raw)
      // A stream falls back until its first chunk: wait for it while another attempt is left.
      if (index < attempts.length - 1) await waitForFirstChunk(result)
      return result
    } catch (error) {
      if (index === attempts.length - 1 || !shouldFallBack(error, fallbackOn, options.signal)) throw error
    }
  }
}

/** Resolves once a stream has its first chunk (or ended); rejects with an error that came first. */
async function waitForFirstChunk(result: unknown): Promise<void> {
  if (result instanceof ChunkStream) await result[firstChunk]()
}

/** The params of each fallback: the call's params with the entry's provider, model and overrides. */
function checkFallbacks(fallbacks: unknown, params: unknown): Record<string, unknown>[] {
  if (!Array.isArray(fallbacks))
    throw new InputError("'fallbacks' must be an array of { provider, model }.", 'fallbacks')
  const base = isRecord(params) ? params : {}
  return fallbacks.map((entry: unknown, index) => {
    const name = `fallbacks[${index}]`
    if (!isRecord(entry)) throw new InputError(`'${name}' must be an object { provider, model, ...overrides }.`, name)
    if (typeof entry.model !== 'string' || entry.model === '') {
      throw new InputError(`'${name}.model' must be a non-empty model id.`, `${name}.model`)
    }
    const fixed = Object.keys(entry).find((key) => FIXED.has(key))
    if (fixed !== undefined) {
      throw new InputError(
        `'${name}.${fixed}' cannot be overridden: a fallback answers the same call.`,
        `${name}.${fixed}`,
      )
    }
    return { ...base, ...entry }
  })
}

/** `fallbackOn` as error classes (checked before any I/O: `instanceof` with anything else would throw). */
function checkFallbackOn(classes: unknown): readonly FallbackErrorClass[] {
  if (!Array.isArray(classes) || classes.some((entry) => typeof entry !== 'function')) {
    throw new InputError("'fallbackOn' must be an array of error classes, e.g. [AuthenticationError].", 'fallbackOn')
  }
  return classes as readonly FallbackErrorClass[]
}

/** An InputError about a fallback entry, named after it (its provider, model and position). */
function renameInputError(error: unknown, index: number): unknown {
  if (!(error instanceof InputError)) return error
  const name = `fallbacks[${index - 1}]`
  return new InputError(`${name}: ${error.message}`, error.param === undefined ? name : `${name}.${error.param}`)
}

function shouldFallBack(
  error: unknown,
  fallbackOn: readonly FallbackErrorClass[],
  signal: AbortSignal | undefined,
): boolean {
  // The caller stopped the call, or the call itself is wrong: another provider would not change that.
  if (signal?.aborted === true || error instanceof APIUserAbortError || error instanceof InputError) return false
  return fallbackOn.some((errorClass) => error instanceof errorClass)
}
