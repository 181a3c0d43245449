/**
 * `withResponse()` and `asResponse()` (api-promise.ts): standard `Response` objects built from what the
 * pipeline recorded. Loaded on first use, so a plain `await` never pays for it.
 */
import { requestIdOf, type RawCall, type WithResponse } from './api-promise.js'
import type { TransportResponse } from './transport.js'

/** `withResponse()`: the result, a Response with the provider's status and headers, the request id. */
export function toWithResponse<T>(data: T, raw: RawCall): WithResponse<T> {
  const response = buildResponse(data, raw, false)
  const { provider } = raw
  const fromResult = (data as { _request_id?: string | null } | null)?._request_id
  const request_id =
    raw.response !== undefined && provider !== undefined
      ? requestIdOf(raw.response, provider, raw.redact)
      : (fromResult ?? null)
  const answered_by = (data as { _answered_by?: WithResponse<T>['answered_by'] } | null)?._answered_by
  return { data, response, request_id, answered_by }
}

/** `asResponse()`: the Response alone; for a stream, with the provider's raw bytes as its body. */
export function toResponse(data: unknown, raw: RawCall): Response {
  return buildResponse(data, raw, true)
}

function buildResponse(data: unknown, raw: RawCall, rawStreamBody: boolean): Response {
  const transport = raw.response
  if (transport === undefined) {
    // A middleware answered (a cache): there was no HTTP exchange to show.
    return new Response(JSON.stringify(data), { status: 200, headers: { 'content-type': 'application/json' } })
  }
  const init = { status: transport.status, headers: redactedHeaders(transport, raw) }
  if (raw.body !== undefined) return new Response(raw.body, init)
  return new Response(rawStreamBody ? readableBody(transport) : null, init)
}

function redactedHeaders(transport: TransportResponse, raw: RawCall): Record<string, string> {
  const headers = transport.headers()
  const redact = raw.redact
  if (redact !== undefined) for (const name of Object.keys(headers)) headers[name] = redact(headers[name] as string)
  return headers
}

/** The unread body of a streamed response as a web ReadableStream, paused while its reader is behind. */
function readableBody(transport: TransportResponse): ReadableStream<Uint8Array> {
  let started = false
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (started) {
          transport.resume()
          return
        }
        started = true
        transport.stream({
          onData: (bytes) => {
            controller.enqueue(bytes)
            if ((controller.desiredSize ?? 1) <= 0) transport.pause()
          },
          onEnd: () => controller.close(),
          onError: (error) => controller.error(error),
        })
      },
      cancel() {
        transport.cancel()
      },
    },
    { highWaterMark: 16 },
  )
}
