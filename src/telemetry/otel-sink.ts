/**
 * OpenTelemetry for token.js calls: one span per call and two histograms, following the OpenTelemetry GenAI
 * semantic conventions v1.37.0 (github.com/open-telemetry/semantic-conventions, tag v1.37.0, commit aec6e9d,
 * docs/gen-ai/gen-ai-spans.md and docs/gen-ai/gen-ai-metrics.md; checked 2026-12-02): span name
 * `{gen_ai.operation.name} {gen_ai.request.model}`, kind CLIENT, `gen_ai.provider.name` (v1.37.0's
 * replacement of `gen_ai.system`), the request parameters, `gen_ai.response.id`/`model`/`finish_reasons`,
 * `gen_ai.usage.input_tokens`/`output_tokens`, `error.type`; `gen_ai.client.operation.duration` (s) and
 * `gen_ai.client.token.usage` ({token}, by `gen_ai.token.type`) with the buckets the conventions advise. The
 * span covers the logical call, retries included (as the conventions ask); each retry is a span event.
 * Prompts and answers are never recorded. Loaded only when `telemetry` is on; `@opentelemetry/api` (an
 * optional peer dependency) is imported only when no tracer or meter is given.
 */
import { InputError } from '../errors.js'
import type { ChatCompletion } from '../types.js'
import { VERSION } from '../version.js'
import type { CallSink, ObservedCall, TelemetryFactory } from '../core/observe-call.js'
import type { HookCallInfo } from '../core/hooks.js'
import type {
  TelemetryAttributes,
  TelemetryHistogram,
  TelemetryMeter,
  TelemetryOptions,
  TelemetryTracer,
} from './telemetry-options.js'

/** `SpanKind.CLIENT` and `SpanStatusCode.ERROR` of @opentelemetry/api (stable enum values), so a given tracer needs no import. */
const SPAN_KIND_CLIENT = 2
const STATUS_ERROR = 2

/** gen-ai-metrics.md: the advised bucket boundaries. */
const DURATION_BUCKETS = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92]
const TOKEN_BUCKETS = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864]

/** Our provider ids → the conventions' well-known `gen_ai.provider.name` values; any other id is used as it is. */
const PROVIDER_NAMES: Readonly<Record<string, string>> = {
  mistral: 'mistral_ai',
  openai: 'openai',
  anthropic: 'anthropic',
  gemini: 'gcp.gemini',
  groq: 'groq',
  perplexity: 'perplexity',
}

interface OpenTelemetryAPI {
  readonly trace: { getTracer(name: string, version?: string): TelemetryTracer }
  readonly metrics: { getMeter(name: string, version?: string): TelemetryMeter }
}

/**
 * A dynamic import whose specifier is not a literal, so bundlers leave it alone: an app that never turns
 * telemetry on builds and runs without @opentelemetry/api installed.
 */
function importOptional(name: string): Promise<unknown> {
  return import(/* webpackIgnore: true */ /* @vite-ignore */ name)
}

async function loadOpenTelemetryAPI(): Promise<OpenTelemetryAPI> {
  try {
    return (await importOptional('@opentelemetry/api')) as OpenTelemetryAPI
  } catch (error) {
    throw new InputError(
      `telemetry is on but '@opentelemetry/api' could not be loaded (${error instanceof Error ? error.message : String(error)}): ` +
        'install it (npm install @opentelemetry/api) and register an OpenTelemetry SDK, or pass telemetry: { tracer, meter }.',
      'telemetry',
    )
  }
}

/** The telemetry of a client: its tracer and histograms, and the sink of each call. */
export async function loadTelemetry(option: true | TelemetryOptions): Promise<TelemetryFactory> {
  const given = option === true ? {} : option
  let tracer = given.tracer
  let meter = given.meter
  if (tracer === undefined || meter === undefined) {
    const api = await loadOpenTelemetryAPI()
    tracer ??= api.trace.getTracer('token.js', VERSION)
    meter ??= api.metrics.getMeter('token.js', VERSION)
  }
  const histograms: Histograms = {
    duration: meter.createHistogram('gen_ai.client.operation.duration', {
      description: 'GenAI operation duration.',
      unit: 's',
      advice: { explicitBucketBoundaries: DURATION_BUCKETS },
    }),
    tokens: meter.createHistogram('gen_ai.client.token.usage', {
      description: 'Number of input and output tokens used.',
      unit: '{token}',
      advice: { explicitBucketBoundaries: TOKEN_BUCKETS },
    }),
  }
  const chosen = tracer
  return (call, info) => telemetrySink(chosen, histograms, call, info)
}

interface Histograms {
  readonly duration: TelemetryHistogram
  readonly tokens: TelemetryHistogram
}

/** What the end of a call adds to its span. */
interface CallOutcome {
  readonly id?: string | undefined
  readonly model?: string | undefined
  readonly finishReasons?: readonly string[] | undefined
  readonly usage?: unknown
  readonly error?: Error | undefined
}

function telemetrySink(
  tracer: TelemetryTracer,
  histograms: Histograms,
  call: ObservedCall,
  info: HookCallInfo,
): CallSink {
  const common: TelemetryAttributes = {
    'gen_ai.operation.name': info.operation,
    'gen_ai.provider.name': PROVIDER_NAMES[info.provider] ?? info.provider,
    'gen_ai.request.model': info.model,
    ...serverOf(call.connection.baseURL),
  }
  const span = tracer.startSpan(info.model === undefined ? info.operation : `${info.operation} ${info.model}`, {
    kind: SPAN_KIND_CLIENT,
    attributes: defined({ ...common, ...requestAttributes(call.record) }),
  })
  let ended = false
  const end = (durationMs: number, outcome: CallOutcome): void => {
    if (ended) return
    ended = true
    const { input, output } = tokensOf(outcome.usage)
    const errorType = outcome.error === undefined ? undefined : errorTypeOf(outcome.error)
    span.setAttributes(
      defined({
        'gen_ai.response.id': outcome.id,
        'gen_ai.response.model': outcome.model,
        'gen_ai.response.finish_reasons':
          outcome.finishReasons === undefined || outcome.finishReasons.length === 0
            ? undefined
            : [...outcome.finishReasons],
        'gen_ai.usage.input_tokens': input,
        'gen_ai.usage.output_tokens': output,
        'error.type': errorType,
      }),
    )
    if (outcome.error !== undefined) {
      span.recordException(outcome.error)
      span.setStatus({ code: STATUS_ERROR, message: outcome.error.message })
    }
    span.end()
    const metric = defined({ ...common, 'gen_ai.response.model': outcome.model })
    histograms.duration.record(durationMs / 1000, defined({ ...metric, 'error.type': errorType }))
    if (input !== undefined) histograms.tokens.record(input, { ...metric, 'gen_ai.token.type': 'input' })
    if (output !== undefined) histograms.tokens.record(output, { ...metric, 'gen_ai.token.type': 'output' })
  }
  return {
    retry: (event) =>
      span.addEvent(
        'token.js.retry',
        defined({
          'token.js.attempt': event.attempt,
          'token.js.delay_ms': event.delayMs,
          'error.type': errorTypeOf(event.cause),
        }),
      ),
    succeed: (result, durationMs) => end(durationMs, resultOutcome(result)),
    error: (event) => end(event.durationMs, { error: event.error }),
    finish: (event, facts) =>
      end(event.durationMs, {
        id: facts.responseId,
        model: facts.responseModel,
        finishReasons: event.finishReasons,
        usage: event.usage,
      }),
  }
}

/** The request parameters the conventions name, read from the caller's OpenAI-format params. */
function requestAttributes(record: Readonly<Record<string, unknown>>): TelemetryAttributes {
  const number = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined)
  const stop = record.stop
  const n = number(record.n)
  const format = (record.response_format as { type?: unknown } | undefined | null)?.type
  const encoding = record.encoding_format
  return {
    'gen_ai.request.temperature': number(record.temperature),
    'gen_ai.request.top_p': number(record.top_p),
    'gen_ai.request.max_tokens': number(record.max_completion_tokens) ?? number(record.max_tokens),
    'gen_ai.request.frequency_penalty': number(record.frequency_penalty),
    'gen_ai.request.presence_penalty': number(record.presence_penalty),
    'gen_ai.request.seed': number(record.seed),
    'gen_ai.request.stop_sequences':
      typeof stop === 'string'
        ? [stop]
        : Array.isArray(stop)
          ? stop.filter((item) => typeof item === 'string')
          : undefined,
    'gen_ai.request.choice.count': n !== undefined && n !== 1 ? n : undefined,
    'gen_ai.output.type':
      format === 'json_object' || format === 'json_schema' ? 'json' : format === 'text' ? 'text' : undefined,
    'gen_ai.request.encoding_formats': typeof encoding === 'string' ? [encoding] : undefined,
  }
}

const servers = new Map<string, TelemetryAttributes>()

/** `server.address` and `server.port` of a base URL (parsed once per URL). */
function serverOf(baseURL: string): TelemetryAttributes {
  let server = servers.get(baseURL)
  if (server === undefined) {
    const url = new URL(baseURL)
    const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port)
    server = { 'server.address': url.hostname, 'server.port': port }
    servers.set(baseURL, server)
  }
  return server
}

/** id, model, finish reasons and usage of a JSON result (chat, completion, embeddings, model list). */
function resultOutcome(result: unknown): CallOutcome {
  const fields = (result ?? {}) as Partial<Pick<ChatCompletion, 'id' | 'model' | 'usage'>> & {
    choices?: ReadonlyArray<{ finish_reason?: string | null }>
  }
  return {
    id: typeof fields.id === 'string' ? fields.id : undefined,
    model: typeof fields.model === 'string' ? fields.model : undefined,
    finishReasons: Array.isArray(fields.choices)
      ? (fields.choices as { finish_reason?: unknown }[]).flatMap((choice) =>
          typeof choice.finish_reason === 'string' ? [choice.finish_reason] : [],
        )
      : undefined,
    usage: fields.usage,
  }
}

/** Input and output tokens of an OpenAI usage object (embeddings have input only). */
function tokensOf(usage: unknown): { input: number | undefined; output: number | undefined } {
  const fields = (usage ?? {}) as { prompt_tokens?: unknown; completion_tokens?: unknown }
  return {
    input: typeof fields.prompt_tokens === 'number' ? fields.prompt_tokens : undefined,
    output: typeof fields.completion_tokens === 'number' ? fields.completion_tokens : undefined,
  }
}

/**
 * `error.type`: the class name of a token.js error (`RateLimitError`, `APIConnectionTimeoutError`, …), low in
 * cardinality as the conventions ask; `_OTHER` for anything without a name.
 */
function errorTypeOf(error: Error): string {
  return typeof error.name === 'string' && error.name !== '' ? error.name : '_OTHER'
}

/** The attributes with a value (OpenTelemetry drops undefined ones, but a custom tracer might not). */
function defined(attributes: TelemetryAttributes): TelemetryAttributes {
  const kept: TelemetryAttributes = {}
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) kept[name] = value
  return kept
}
