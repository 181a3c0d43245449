/**
 * The observer of one call: turns the points the core reports (an attempt sent, a retry, a response, a
 * stream's chunks and end, a failure) into hook events, log lines and (with telemetry) a span and metrics.
 * Loaded only when something observes a call (observation.ts decides), so an unobserved call never parses
 * it. Every hook, the logger and the telemetry run inside a guard: whatever they throw is reported at
 * `warn` and never reaches the request, whose outcome stays the one the network gave.
 */
import type { ClientInternals } from './client-internals.js'
import type { ClientOptions, RequestOptions } from './client-options.js'
import type {
  ErrorHookEvent,
  FinishHookEvent,
  FirstChunkHookEvent,
  HookCallInfo,
  Hooks,
  RequestHookEvent,
  ResponseHookEvent,
  RetryHookEvent,
} from './hooks.js'
import { InputError } from '../errors.js'
import { readEnvironment } from './environment.js'
import { levelledLogger, LOG_LEVEL_RANK, type LogLevel, type Logger } from './logger.js'
import type { ProviderAdapter } from './provider-adapter.js'
import type { ProviderConnection } from './provider-connection.js'
import { REDACTED } from './redact.js'
import { scrubError } from './scrub-error.js'
import type { TransportResponse } from './transport.js'

/** What a pipeline tells the observer about its call. */
export interface ObservedCall {
  readonly provider: ProviderAdapter
  readonly stream: boolean
  readonly connection: ProviderConnection
  /** The caller's OpenAI-format params: `model` is the request's model; telemetry records the request parameters. */
  readonly record: Readonly<Record<string, unknown>>
}

/** The observer of one HTTP request of a call (its attempts, retries and response). */
export interface ExchangeObserver {
  /**
   * An attempt is about to be sent (1 = the first) with `headers`; `secrets` redacts them (the connection's,
   * plus a signer's headers for this attempt).
   */
  request(attempt: number, url: string, headers: Readonly<Record<string, string>>, secrets: HeaderSecrets): void
  /**
   * Attempt `attempt` follows after `delayMs`, because of `cause`; `signatures` are the signer's values made so
   * far (scrubbed from the cause too). Resolves once the hooks have seen it.
   */
  retry(attempt: number, delayMs: number, cause: unknown, signatures: readonly string[] | undefined): Promise<void>
  /**
   * A 2xx response: `result` is the mapped answer of a JSON response, undefined for a stream; `last` when it
   * is the call's only (or last) response, so the call succeeded with `result`.
   */
  response(response: TransportResponse, result?: unknown, last?: boolean): void
}

/** The observer of one call, as the pipelines and the stream use it. */
export interface CallObserver {
  /** The observer of one request of this call; `body` is the JSON value it sends (undefined: a GET). */
  exchange(body: unknown): ExchangeObserver
  /** A call without a stream succeeded with `result`. */
  succeed(result: unknown): void
  /** The call failed with `error` (scrubbed of every secret here, before anyone sees it). */
  fail(error: unknown): Promise<void>
  /** A stream produced `chunk` (a mapped OpenAI chunk). */
  chunk(chunk: unknown): void
  /**
   * A stream ended: with `error`, or cleanly; `complete` when the provider finished it (its end marker or a
   * final finish_reason), false when the consumer stopped it first.
   */
  endStream(error: Error | undefined, complete: boolean): void
}

/** How the headers of one attempt are redacted: the credential header names and a redactor of secret values. */
export interface HeaderSecrets {
  /** Lower-case names of the provider's credential headers, whose values are shown as `***`. */
  readonly secretHeaders: readonly string[]
  /** Replaces the API key and other secrets in a header value with `***`. */
  readonly redact: (text: string) => string
}

/** What a stream's end adds for telemetry: the response id and model its chunks carried. */
export interface StreamFacts {
  readonly responseId: string | undefined
  readonly responseModel: string | undefined
}

/** One receiver of a call's events (the hooks, the log, the telemetry); every method optional. */
export interface CallSink {
  request?(event: RequestHookEvent): void
  retry?(event: RetryHookEvent): void
  response?(event: ResponseHookEvent): void
  succeed?(result: unknown, durationMs: number): void
  error?(event: ErrorHookEvent): void
  firstChunk?(event: FirstChunkHookEvent): void
  finish?(event: FinishHookEvent, facts: StreamFacts): void
}

/** Builds the telemetry sink of one call (telemetry/otel-sink.ts). */
export type TelemetryFactory = (call: ObservedCall, info: HookCallInfo) => CallSink

/** What is shared by every call of one client. */
interface ClientSetup {
  readonly log: Logger
  readonly logsInfo: boolean
  readonly logsDebug: boolean
  readonly telemetry: Promise<TelemetryFactory> | undefined
}

const setups = new WeakMap<ClientOptions, ClientSetup>()

function setupOf(client: ClientInternals): ClientSetup {
  let setup = setups.get(client.options)
  if (setup === undefined) {
    const options = client.options
    const level = resolveLogLevel(options)
    const rank = LOG_LEVEL_RANK[level]
    const telemetry = options.telemetry
    setup = {
      log: levelledLogger(options.logger ?? console, level),
      logsInfo: rank >= LOG_LEVEL_RANK.info,
      logsDebug: rank >= LOG_LEVEL_RANK.debug,
      telemetry:
        telemetry === undefined || telemetry === false
          ? undefined
          : import('../telemetry/otel-sink.js').then((module) => module.loadTelemetry(telemetry)),
    }
    setups.set(client.options, setup)
  }
  return setup
}

/**
 * The client's log level: `logLevel`, else `TOKENJS_LOG`, else `'warn'`. A bad option is an InputError (before
 * the first request); a bad environment value is ignored with a warning, as openai-node does with `OPENAI_LOG`.
 */
function resolveLogLevel(options: ClientOptions): LogLevel {
  const levels = Object.keys(LOG_LEVEL_RANK)
  const given = options.logLevel
  if (given !== undefined) {
    if (levels.includes(given)) return given
    throw new InputError(
      `logLevel must be one of ${levels.map((level) => `'${level}'`).join(', ')}; got ${JSON.stringify(given)}.`,
      'logLevel',
    )
  }
  const fromEnvironment = readEnvironment('TOKENJS_LOG')
  if (fromEnvironment === undefined) return 'warn'
  if (levels.includes(fromEnvironment)) return fromEnvironment as LogLevel
  ;(options.logger ?? console).warn(
    `token.js: TOKENJS_LOG is ${JSON.stringify(fromEnvironment)}, expected one of ${levels.join(', ')}; using 'warn'.`,
  )
  return 'warn'
}

/** Request and response headers that carry credentials, whatever the provider (openai-node's list, and proxies'). */
const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'api-key',
  'x-api-key',
  'x-goog-api-key',
  'cookie',
  'set-cookie',
])

export async function createCallObserver(
  client: ClientInternals,
  options: RequestOptions,
  operation: HookCallInfo['operation'] | 'text-completion',
  call: ObservedCall,
): Promise<CallObserver> {
  const setup = setupOf(client)
  const report = (what: string, error: unknown): void =>
    setup.log.warn(`token.js: ${what} threw; the request goes on unchanged.`, error)
  const model = call.record.model
  const info: HookCallInfo = {
    // The generation pipeline passes its section's name; the conventions' name has an underscore.
    operation: operation === 'text-completion' ? 'text_completion' : operation,
    provider: call.provider.id,
    model: typeof model === 'string' ? model : undefined,
    stream: call.stream,
  }
  const sinks: CallSink[] = []
  const clientHooks = client.options.hooks
  if (clientHooks !== undefined) sinks.push(hookSink(clientHooks, 'hooks', report))
  if (options.hooks !== undefined) sinks.push(hookSink(options.hooks, 'requestOptions.hooks', report))
  if (setup.logsInfo) sinks.push(logSink(setup, info))
  // Rejects with an InputError when telemetry is on but @opentelemetry/api cannot be loaded: before any I/O.
  if (setup.telemetry !== undefined) sinks.push((await setup.telemetry)(call, info))
  return new Observer(info, call, sinks, report)
}

class Observer implements CallObserver {
  private readonly start = performance.now()
  private chunks = 0
  private firstChunkAt: number | undefined
  private usage: unknown
  private readonly finishReasons: (string | undefined)[] = [] // sparse: set at each choice index
  private responseId: string | undefined
  private responseModel: string | undefined

  constructor(
    private readonly info: HookCallInfo,
    private readonly call: ObservedCall,
    private readonly sinks: readonly CallSink[],
    private readonly report: (what: string, error: unknown) => void,
  ) {}

  /** Runs `emit` for each sink, each in its own guard. */
  private each(what: string, emit: (sink: CallSink) => void): void {
    for (const sink of this.sinks) {
      try {
        emit(sink)
      } catch (error) {
        this.report(what, error)
      }
    }
  }

  private elapsed(): number {
    return performance.now() - this.start
  }

  exchange(body: unknown): ExchangeObserver {
    const { connection, provider } = this.call
    let attempt = 1
    return {
      request: (number, url, headers, secrets) => {
        attempt = number
        const event: RequestHookEvent = {
          ...this.info,
          attempt: number,
          method: body === undefined ? 'GET' : 'POST',
          url: secrets.redact(url),
          headers: redactHeaders(headers, secrets),
          body,
        }
        this.each('onRequest', (sink) => sink.request?.(event))
      },
      retry: async (number, delayMs, cause, signatures) => {
        const secrets = signatures === undefined ? connection.secrets : [...connection.secrets, ...signatures]
        const scrubbed = (await scrubError(cause, secrets)) as Error
        const event: RetryHookEvent = { ...this.info, attempt: number, delayMs, cause: scrubbed }
        this.each('onRetry', (sink) => sink.retry?.(event))
      },
      response: (response, result, last) => {
        const headers = redactHeaders(response.headers(), connection)
        const event: ResponseHookEvent = {
          ...this.info,
          attempt,
          status: response.status,
          headers,
          requestId: provider.requestIdHeaders.map((name) => headers[name]).find((value) => value !== undefined),
          durationMs: this.elapsed(),
          usage: (result as { usage?: unknown } | undefined)?.usage,
        }
        this.each('onResponse', (sink) => sink.response?.(event))
        if (last === true) this.succeed(result)
      },
    }
  }

  succeed(result: unknown): void {
    const durationMs = this.elapsed()
    this.each('telemetry', (sink) => sink.succeed?.(result, durationMs))
  }

  async fail(error: unknown): Promise<void> {
    const scrubbed = await scrubError(error, this.call.connection.secrets)
    const event: ErrorHookEvent = {
      ...this.info,
      error: scrubbed instanceof Error ? scrubbed : new Error(String(scrubbed)),
      durationMs: this.elapsed(),
    }
    this.each('onError', (sink) => sink.error?.(event))
  }

  chunk(chunk: unknown): void {
    this.chunks++
    const fields = chunk as {
      id?: unknown
      model?: unknown
      usage?: unknown
      choices?: ReadonlyArray<{ index: number; finish_reason: string | null }>
    }
    if (this.responseId === undefined && typeof fields.id === 'string') this.responseId = fields.id
    if (this.responseModel === undefined && typeof fields.model === 'string') this.responseModel = fields.model
    if (fields.usage !== undefined && fields.usage !== null) this.usage = fields.usage
    for (const choice of fields.choices ?? []) {
      if (choice.finish_reason !== null) this.finishReasons[choice.index] = choice.finish_reason
    }
    if (this.chunks === 1) {
      this.firstChunkAt = this.elapsed()
      const event: FirstChunkHookEvent = { ...this.info, msToFirstChunk: this.firstChunkAt }
      this.each('onFirstChunk', (sink) => sink.firstChunk?.(event))
    }
  }

  endStream(error: Error | undefined, complete: boolean): void {
    if (error !== undefined) {
      // A failure is reported once it is scrubbed; nothing waits for it (the consumer gets the error itself).
      this.fail(error).catch((failure: unknown) => this.report('onError', failure))
      return
    }
    const event: FinishHookEvent = {
      ...this.info,
      chunks: this.chunks,
      usage: this.usage,
      finishReasons: this.finishReasons.filter((reason) => reason !== undefined),
      msToFirstChunk: this.firstChunkAt,
      durationMs: this.elapsed(),
      aborted: !complete,
    }
    const facts: StreamFacts = { responseId: this.responseId, responseModel: this.responseModel }
    this.each('onFinish', (sink) => sink.finish?.(event, facts))
  }
}

/** A copy of `headers` with credential headers and any value holding a secret replaced by `***`. */
function redactHeaders(
  headers: Readonly<Record<string, string>>,
  connection: HeaderSecrets,
): Readonly<Record<string, string>> {
  const copy: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase()
    copy[lower] =
      CREDENTIAL_HEADERS.has(lower) || connection.secretHeaders.includes(lower) ? REDACTED : connection.redact(value)
  }
  return copy
}

/** Calls the user's hooks; a throw or a rejected promise is reported, never passed on. */
function hookSink(hooks: Hooks, where: string, report: (what: string, error: unknown) => void): CallSink {
  const run = <E>(name: keyof Hooks, hook: ((event: E) => unknown) | undefined, event: E): void => {
    if (hook === undefined) return
    try {
      const returned = hook(event)
      if (typeof (returned as { then?: unknown } | undefined)?.then === 'function') {
        ;(returned as PromiseLike<unknown>).then(undefined, (error: unknown) => report(`${where}.${name}`, error))
      }
    } catch (error) {
      report(`${where}.${name}`, error)
    }
  }
  return {
    request: (event) => run('onRequest', hooks.onRequest, event),
    retry: (event) => run('onRetry', hooks.onRetry, event),
    response: (event) => run('onResponse', hooks.onResponse, event),
    error: (event) => run('onError', hooks.onError, event),
    firstChunk: (event) => run('onFirstChunk', hooks.onFirstChunk, event),
    finish: (event) => run('onFinish', hooks.onFinish, event),
  }
}

/**
 * The log lines of a call, in openai-node's wording where it has one (`[log_…] POST url succeeded with status
 * 200 in 123ms`). The id correlates the lines of one call; it is not the provider's request id.
 */
function logSink(setup: ClientSetup, call: HookCallInfo): CallSink {
  const id = `log_${((Math.random() * 0x1000000) | 0).toString(16).padStart(6, '0')}`
  const prefix = `token.js [${id}]`
  const { log, logsDebug } = setup
  let target = ''
  const ms = (value: number): string => `${Math.round(value)}ms`
  return {
    request: (event) => {
      target = `${event.method} ${event.url}`
      if (logsDebug) {
        log.debug(`${prefix} sending request (attempt ${event.attempt})`, {
          provider: event.provider,
          model: event.model,
          method: event.method,
          url: event.url,
          headers: event.headers,
          body: event.body,
        })
      }
    },
    retry: (event) =>
      log.info(
        `${prefix} ${target} failed (${event.cause.name}: ${event.cause.message}) - retrying in ${ms(event.delayMs)} (attempt ${event.attempt})`,
      ),
    response: (event) => {
      log.info(`${prefix} ${target} succeeded with status ${event.status} in ${ms(event.durationMs)}`)
      if (logsDebug) {
        log.debug(`${prefix} response`, {
          status: event.status,
          headers: event.headers,
          requestId: event.requestId,
          durationMs: event.durationMs,
          usage: event.usage,
        })
      }
    },
    error: (event) =>
      log.info(`${prefix} ${target} failed after ${ms(event.durationMs)}: ${event.error.name}: ${event.error.message}`),
    firstChunk: (event) => {
      if (logsDebug) log.debug(`${prefix} first chunk after ${ms(event.msToFirstChunk)}`)
    },
    finish: (event) =>
      log.info(
        `${prefix} stream ${event.aborted ? 'stopped by the consumer' : 'ended'}: ${event.chunks} chunks in ${ms(event.durationMs)}` +
          (event.msToFirstChunk === undefined ? '' : `, first after ${ms(event.msToFirstChunk)}`) +
          (call.model === undefined ? '' : ` (${call.provider} ${call.model})`),
      ),
  }
}
