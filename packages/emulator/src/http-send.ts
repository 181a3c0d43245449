/** Small helpers that send a complete response with the emulator's common headers. */
import type { ServerResponse } from 'node:http'

/** CORS and Mistral-style headers sent on every response (a browser test calls the emulator). */
export function commonHeaders(requestId: string, requestedHeaders: string | undefined): Record<string, string> {
  return {
    'access-control-allow-origin': '*',
    // `*` alone does not cover Authorization in the Fetch spec, so name it as well.
    'access-control-allow-headers': requestedHeaders ?? 'authorization, content-type, *',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-expose-headers': '*, mistral-correlation-id, retry-after, retry-after-ms',
    'access-control-max-age': '600',
    'mistral-correlation-id': requestId,
    'x-kong-request-id': requestId,
  }
}

/** Rate-limit headers in the shape Mistral's captures show (fixed, generous values). */
export function rateLimitHeaders(totalTokens: number): Record<string, string> {
  return {
    'x-ratelimit-limit-req-minute': '1000',
    'x-ratelimit-remaining-req-minute': '999',
    'x-ratelimit-limit-tokens-minute': '2000000',
    'x-ratelimit-remaining-tokens-minute': String(Math.max(0, 2_000_000 - totalTokens)),
    'x-ratelimit-tokens-query-cost': String(totalTokens),
  }
}

export function isGone(response: ServerResponse): boolean {
  return response.destroyed || response.writableEnded
}

export function sendBytes(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Uint8Array,
  headers: Record<string, string> = {},
): void {
  if (isGone(response) || response.headersSent) return
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body
  response.writeHead(status, { 'content-type': contentType, 'content-length': String(bytes.length), ...headers })
  response.end(bytes)
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendBytes(response, status, 'application/json', JSON.stringify(body), headers)
}
