/** Shared helpers of the Anthropic emulator and conformance suites: raw HTTP to the emulator, SSE parsing. */
import type { AnthropicEmulator } from '../../packages/emulator/src/anthropic/index.js'

export interface RawResponse {
  readonly status: number
  readonly headers: Headers
  readonly text: string
  readonly json: unknown
}

export function anthropicHeaders(
  emulator: AnthropicEmulator,
  version = '2026-10-21',
  extra: Record<string, string> = {},
): Record<string, string> {
  return { 'x-api-key': emulator.apiKey, 'anthropic-version': version, 'content-type': 'application/json', ...extra }
}

export async function postMessages(
  emulator: AnthropicEmulator,
  body: unknown,
  headers: Record<string, string> = anthropicHeaders(emulator),
  path = '/messages',
): Promise<RawResponse> {
  const response = await fetch(`${emulator.url}${path}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await response.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: response.status, headers: response.headers, text, json }
}

export interface SseEvent {
  readonly event: string
  readonly data: Record<string, unknown>
}

/** Parses `event:` / `data:` frames (one data line each, as the Messages API sends them). */
export function parseSse(text: string): SseEvent[] {
  return text
    .split('\n\n')
    .filter((frame) => frame.trim() !== '')
    .map((frame) => {
      const lines = frame.split('\n')
      const event = lines.find((line) => line.startsWith('event: '))?.slice(7) ?? ''
      const data = lines.find((line) => line.startsWith('data: '))?.slice(6) ?? 'null'
      return { event, data: JSON.parse(data) as Record<string, unknown> }
    })
}

export function errorOf(json: unknown): { type?: string; message?: string } {
  const body = json as { type?: string; error?: { type?: string; message?: string } } | undefined
  return body?.type === 'error' ? (body.error ?? {}) : {}
}
