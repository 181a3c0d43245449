/**
 * OpenTelemetry (`telemetry` option) against the Mistral emulator: spans and metrics read back from the
 * OpenTelemetry SDK's in-memory exporters, checked against the GenAI semantic conventions v1.37.0
 * (github.com/open-telemetry/semantic-conventions docs/gen-ai/gen-ai-spans.md, gen-ai-metrics.md): names,
 * kind, attributes, one span per call with its retries as events, errors, and the two histograms.
 */
import { metrics, trace, SpanKind, SpanStatusCode } from '@opentelemetry/api'
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
  type HistogramMetricData,
} from '@opentelemetry/sdk-metrics'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { BadRequestError, type TelemetryMeter, type TelemetryTracer } from 'token.js'
import { useEmulator } from '../e2e/harness.js'
import { collect, rejectionOf } from './support.js'

const harness = useEmulator({ chunkSize: 4 })
const hello = [{ role: 'user' as const, content: 'Hello!' }]
const spans = new InMemorySpanExporter()
const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] })
const metricExporter = new InMemoryMetricExporter(AggregationTemporality.DELTA)
const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 3_600_000 })
const meterProvider = new MeterProvider({ readers: [reader] })
// The SDK's Tracer and Meter fit the option's structural types (a compile-time check).
const tracer: TelemetryTracer = tracerProvider.getTracer('token.js')
const meter: TelemetryMeter = meterProvider.getMeter('token.js')

beforeEach(async () => {
  await reader.forceFlush()
  spans.reset()
  metricExporter.reset()
})
afterAll(async () => {
  await tracerProvider.shutdown()
  await meterProvider.shutdown()
})

/** The histogram data points of `name` exported since the last reset. */
async function histogram(name: string): Promise<HistogramMetricData['dataPoints']> {
  await reader.forceFlush()
  return metricExporter
    .getMetrics()
    .flatMap((resource) => resource.scopeMetrics)
    .flatMap((scope) => scope.metrics)
    .filter((metric): metric is HistogramMetricData => metric.descriptor.name === name)
    .flatMap((metric) => metric.dataPoints)
}

const client = (options = {}) => harness.client({ telemetry: { tracer, meter }, maxRetries: 2, ...options })

describe('telemetry (OpenTelemetry GenAI conventions)', () => {
  it('a chat completion: one CLIENT span with the request, response and usage attributes; both histograms', async () => {
    const completion = await client().chat.completions.create({
      provider: 'mistral',
      model: 'mistral-small-latest',
      messages: hello,
      temperature: 0.5,
      max_tokens: 20,
      stop: 'END',
      seed: 7,
    })
    const [span, ...others] = spans.getFinishedSpans()
    expect(others).toEqual([])
    expect(span?.name).toBe('chat mistral-small-latest')
    expect(span?.kind).toBe(SpanKind.CLIENT)
    expect(span?.status.code).toBe(SpanStatusCode.UNSET)
    const url = new URL(harness.emulator.url)
    expect(span?.attributes).toEqual({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'mistral_ai',
      'gen_ai.request.model': 'mistral-small-latest',
      'server.address': url.hostname,
      'server.port': Number(url.port),
      'gen_ai.request.temperature': 0.5,
      'gen_ai.request.max_tokens': 20,
      'gen_ai.request.stop_sequences': ['END'],
      'gen_ai.request.seed': 7,
      'gen_ai.response.id': completion.id,
      'gen_ai.response.model': completion.model,
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.input_tokens': completion.usage?.prompt_tokens,
      'gen_ai.usage.output_tokens': completion.usage?.completion_tokens,
    })
    const [duration, ...moreDurations] = await histogram('gen_ai.client.operation.duration')
    expect(moreDurations).toEqual([])
    expect(duration?.value.count).toBe(1)
    expect(duration?.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'mistral_ai',
      'gen_ai.request.model': 'mistral-small-latest',
      'gen_ai.response.model': completion.model,
    })
    expect(duration?.attributes).not.toHaveProperty('error.type')
    const tokens = await histogramAfter('gen_ai.client.token.usage')
    expect(tokens).toEqual({ input: completion.usage?.prompt_tokens, output: completion.usage?.completion_tokens })
  })

  it('a retried stream: one span over both attempts, a retry event, usage and finish reason from the chunks', async () => {
    harness.emulator.enqueue({ kind: 'http', status: 503, headers: { 'retry-after-ms': '1' } })
    const chunks = await collect(
      await client().chat.completions.create({
        provider: 'mistral',
        model: 'mistral-small-latest',
        messages: hello,
        stream: true,
      }),
    )
    expect(harness.emulator.requests).toHaveLength(2)
    const [span, ...others] = spans.getFinishedSpans()
    expect(others).toEqual([])
    expect(span?.events.map((event) => [event.name, event.attributes])).toEqual([
      ['token.js.retry', { 'token.js.attempt': 2, 'token.js.delay_ms': 1, 'error.type': 'InternalServerError' }],
    ])
    const last = chunks.at(-1)
    expect(span?.attributes).toMatchObject({
      'gen_ai.response.id': chunks[0]?.id,
      'gen_ai.response.model': chunks[0]?.model,
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.input_tokens': last?.usage?.prompt_tokens,
      'gen_ai.usage.output_tokens': last?.usage?.completion_tokens,
    })
  })

  it('a failure: status ERROR, error.type, the exception recorded; the duration carries error.type', async () => {
    harness.emulator.enqueue({ kind: 'http', status: 400, body: { message: 'scripted', type: 'invalid_request' } })
    const error = await rejectionOf(
      client().chat.completions.create({ provider: 'mistral', model: 'mistral-small-latest', messages: hello }),
    )
    expect(error).toBeInstanceOf(BadRequestError)
    const [span] = spans.getFinishedSpans()
    expect(span?.status.code).toBe(SpanStatusCode.ERROR)
    expect(span?.attributes['error.type']).toBe('BadRequestError')
    expect(span?.events.map((event) => event.name)).toEqual(['exception'])
    const [duration] = await histogram('gen_ai.client.operation.duration')
    expect(duration?.attributes['error.type']).toBe('BadRequestError')
    expect(JSON.stringify(span?.events)).not.toContain(harness.emulator.apiKey)
  })

  it('embeddings: operation embeddings, input tokens only', async () => {
    const result = await client().embeddings.create({
      provider: 'mistral',
      model: 'mistral-embed',
      input: ['a', 'b'],
      encoding_format: 'float',
    })
    const [span] = spans.getFinishedSpans()
    expect(span?.name).toBe('embeddings mistral-embed')
    expect(span?.attributes).toMatchObject({
      'gen_ai.operation.name': 'embeddings',
      'gen_ai.request.encoding_formats': ['float'],
      'gen_ai.usage.input_tokens': result.usage.prompt_tokens,
    })
    expect(span?.attributes).not.toHaveProperty('gen_ai.usage.output_tokens')
  })

  it('telemetry: true uses the global providers of @opentelemetry/api (loaded on first use)', async () => {
    trace.setGlobalTracerProvider(tracerProvider)
    metrics.setGlobalMeterProvider(meterProvider)
    try {
      await harness.client({ telemetry: true }).chat.completions.create({
        provider: 'mistral',
        model: 'mistral-small-latest',
        messages: hello,
      })
    } finally {
      trace.disable()
      metrics.disable()
    }
    const [span] = spans.getFinishedSpans()
    expect(span?.instrumentationScope).toMatchObject({ name: 'token.js' })
    expect(span?.name).toBe('chat mistral-small-latest')
  })

  it('telemetry off (the default): no span, no metric', async () => {
    await harness
      .client()
      .chat.completions.create({ provider: 'mistral', model: 'mistral-small-latest', messages: hello })
    expect(spans.getFinishedSpans()).toEqual([])
    expect(await histogram('gen_ai.client.operation.duration')).toEqual([])
  })
})

/** Sums of the token histogram by `gen_ai.token.type`. */
async function histogramAfter(name: string): Promise<{ input: number | undefined; output: number | undefined }> {
  const points = await histogram(name)
  const sum = (type: string): number | undefined =>
    points.find((point) => point.attributes['gen_ai.token.type'] === type)?.value.sum
  return { input: sum('input'), output: sum('output') }
}
