/**
 * Reads the error bodies of Mistral and of OpenAI-compatible servers into one readable line.
 * Mistral's come in several shapes (bodies quoted in zed-industries/zed#37021, avante-corp/avante.nvim#2347,
 * partITech/php-mistral#76, mistralai/platform-docs-public#7, pydantic/pydantic-ai#1885): `message` as a string, an object
 * `{detail: [...]}`, an array of pydantic errors, or stringified JSON; a top-level FastAPI `detail`;
 * `code` as a string, a number or null; a bare `{"message": "..."}` on 429. OpenAI and most compatible
 * servers nest the same fields under `error` (vLLM before 0.10.1 and llama.cpp variants included).
 */
import type { ParsedProviderError } from '../../core/provider-adapter.js'

interface PydanticDetail {
  loc?: unknown[]
  msg?: unknown
  type?: unknown
}

// JSON.stringify gives undefined for undefined, functions and symbols (its lib type says string).
const stringify: (value: unknown) => string | undefined = JSON.stringify

export function parseErrorBody(status: number | undefined, body: unknown, raw: string): ParsedProviderError {
  if (typeof body !== 'object' || body === null) {
    return { message: describeText(raw, status) }
  }
  const record = body as Record<string, unknown>
  const nested =
    typeof record.error === 'object' && record.error !== null ? (record.error as Record<string, unknown>) : undefined
  const source = nested ?? record
  const message =
    describeMessage(source.message) ??
    describeDetails(source.detail) ??
    describeMessage(record.error) ??
    describeText(raw, status)
  const parsed: ParsedProviderError = { message }
  if (typeof source.code === 'string' || typeof source.code === 'number') parsed.code = source.code
  if (typeof source.type === 'string') parsed.type = source.type
  if (typeof source.param === 'string') parsed.param = source.param
  return parsed
}

function describeMessage(message: unknown): string | undefined {
  if (typeof message === 'string') {
    const trimmed = message.trim()
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      try {
        return describeMessage(JSON.parse(trimmed)) ?? message
      } catch {
        return message
      }
    }
    return message === '' ? undefined : message
  }
  if (Array.isArray(message)) return describeDetails(message)
  if (typeof message === 'object' && message !== null) {
    const record = message as Record<string, unknown>
    return describeDetails(record.detail) ?? describeMessage(record.message)
  }
  return undefined
}

function describeDetails(detail: unknown): string | undefined {
  if (typeof detail === 'string') return detail
  if (!Array.isArray(detail) || detail.length === 0) return undefined
  return detail
    .map((item: unknown) => {
      // A proxy may send anything in the list: only objects have loc/msg/type.
      if (typeof item !== 'object' || item === null)
        return typeof item === 'string' ? item : (stringify(item) ?? String(item))
      const entry = item as PydanticDetail
      const location = Array.isArray(entry.loc) ? entry.loc.join('.') : ''
      const text = typeof entry.msg === 'string' ? entry.msg : JSON.stringify(entry)
      const kind = typeof entry.type === 'string' ? ` (${entry.type})` : ''
      return location === '' ? `${text}${kind}` : `${location}: ${text}${kind}`
    })
    .join('; ')
}

/** Non-JSON bodies (an HTML error page from a proxy): a short plain-text excerpt. */
function describeText(raw: string, status: number | undefined): string {
  const text = raw
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  if (text === '') return status === undefined ? 'Unknown error.' : `HTTP ${status} with an empty body.`
  return text.length > 300 ? `${text.slice(0, 300)}…` : text
}
