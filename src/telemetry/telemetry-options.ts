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
  setAttributes(attributes: TelemetryAttributes): unknown
  addEvent(name: string, attributes?: TelemetryAttributes): unknown
  recordException(exception: Error): unknown
  setStatus(status: { code: number; message?: string }): unknown
  end(): unknown
}

/** The part of an OpenTelemetry `Tracer` token.js uses (`trace.getTracer(name, version)` fits). */
export interface TelemetryTracer {
  startSpan(name: string, options?: { kind?: number; attributes?: TelemetryAttributes }): TelemetrySpan
}

/** The part of an OpenTelemetry `Histogram` token.js uses. */
export interface TelemetryHistogram {
  record(value: number, attributes?: TelemetryAttributes): unknown
}

/** The part of an OpenTelemetry `Meter` token.js uses (`metrics.getMeter(name, version)` fits). */
export interface TelemetryMeter {
  createHistogram(
    name: string,
    options?: { description?: string; unit?: string; advice?: { explicitBucketBoundaries?: number[] } },
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
