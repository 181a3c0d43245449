/**
 * The `telemetry` option's types. Structural on purpose: token.js's declarations never import
 * `@opentelemetry/api` (an optional peer dependency), yet its `Tracer` and `Meter` fit these shapes, so
 * `trace.getTracer(...)` and `metrics.getMeter(...)` can be passed as they are. Types only.
 */

/** An attribute value as OpenTelemetry takes it (`AttributeValue` of @opentelemetry/api). */
export type TelemetryAttributeValue =
  | string
  | number
  | boolean
  | Array<string | null | undefined>
  | Array<number | null | undefined>
  | Array<boolean | null | undefined>

/** Attributes by name. */
export type TelemetryAttributes = Record<string, TelemetryAttributeValue | undefined>

/** The part of an OpenTelemetry `Span` token.js uses. */
export interface TelemetrySpan {
  /** Adds attributes; token.js sets the response's (`gen_ai.response.*`, `gen_ai.usage.*`, `error.type`) at the end. */
  setAttributes(attributes: TelemetryAttributes): unknown
  /** Adds a timed event; token.js adds `token.js.retry` for each retry (attempt, delay, error type). */
  addEvent(name: string, attributes?: TelemetryAttributes): unknown
  /** Records the error a call failed with, as an `exception` event. */
  recordException(exception: Error): unknown
  /** Sets the span's status; token.js sets only the error status, when the call fails. */
  setStatus(status: {
    /** OpenTelemetry's `SpanStatusCode`: 0 unset, 1 ok, 2 error. */
    code: number
    /** The error's message, with status 2. */
    message?: string
  }): unknown
  /** Ends the span, once per call: when the result, the stream's end or the failure arrives. */
  end(): unknown
}

/** The part of an OpenTelemetry `Tracer` token.js uses (`trace.getTracer(name, version)` fits). */
export interface TelemetryTracer {
  /** Starts one span per call, named `{operation} {model}` (GenAI semantic conventions), e.g. `chat mistral-large-latest`. */
  startSpan(
    name: string,
    options?: {
      /** OpenTelemetry's `SpanKind`; token.js passes 2 (`CLIENT`). */
      kind?: number
      /** The request's attributes (`gen_ai.operation.name`, `gen_ai.provider.name`, `gen_ai.request.*`, `server.*`). */
      attributes?: TelemetryAttributes
    },
  ): TelemetrySpan
}

/** The part of an OpenTelemetry `Histogram` token.js uses. */
export interface TelemetryHistogram {
  /** Records one value (a duration in seconds, or a token count) with the call's attributes. */
  record(value: number, attributes?: TelemetryAttributes): unknown
}

/** The part of an OpenTelemetry `Meter` token.js uses (`metrics.getMeter(name, version)` fits). */
export interface TelemetryMeter {
  /**
   * Creates a histogram; token.js creates two when telemetry starts: `gen_ai.client.operation.duration`
   * (seconds) and `gen_ai.client.token.usage` (tokens).
   */
  createHistogram(
    name: string,
    options?: {
      /** What the histogram measures, in words. */
      description?: string
      /** UCUM unit: `s` for durations, `{token}` for token counts. */
      unit?: string
      /** Hints for the SDK's default aggregation. */
      advice?: {
        /** Bucket boundaries (the GenAI semantic conventions' recommended ones). */
        explicitBucketBoundaries?: number[]
      }
    },
  ): TelemetryHistogram
}

/** Where spans and metrics go. Every field is optional. */
export interface TelemetryOptions {
  /**
   * The tracer spans are started on. Default: `trace.getTracer('token.js', VERSION)` from `@opentelemetry/api`
   * (the globally registered tracer provider), loaded on the first call.
   */
  tracer?: TelemetryTracer | undefined
  /**
   * The meter the two histograms are created on. Default: `metrics.getMeter('token.js', VERSION)` from
   * `@opentelemetry/api` (the globally registered meter provider).
   */
  meter?: TelemetryMeter | undefined
}
