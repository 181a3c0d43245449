/**
 * Turns raw body bytes into a JSON value the way FastAPI does, with its 422 issues:
 * a non-JSON content type leaves the body as text (→ `model_attributes_type` later),
 * broken JSON is `json_invalid`. Invalid UTF-8 and nesting deeper than 512 levels are also
 * `json_invalid` here (assumed; Python would fail differently), and are checked without recursion.
 */
import { issue, type ValidationIssue } from './pydantic-issues.js'

export const MAX_JSON_DEPTH = 512

export type ParsedBody =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly issue: ValidationIssue }

function jsonInvalid(position: number, error: string): ParsedBody {
  return { ok: false, issue: issue('json_invalid', ['body', position], 'JSON decode error', {}, { error }) }
}

/** Index at which nesting first exceeds `limit`, or -1. Skips string contents. */
export function nestingOverflowAt(text: string, limit: number): number {
  let depth = 0
  let inString = false
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (inString) {
      if (code === 0x5c) index++
      else if (code === 0x22) inString = false
    } else if (code === 0x22) inString = true
    else if (code === 0x7b || code === 0x5b) {
      if (++depth > limit) return index
    } else if (code === 0x7d || code === 0x5d) depth--
  }
  return -1
}

function isJsonContentType(contentType: string | undefined): boolean {
  if (contentType === undefined || contentType.trim() === '') return true
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  return mediaType === 'application/json' || mediaType.endsWith('+json')
}

const decoder = new TextDecoder('utf-8', { fatal: true })

/** `undefined` value = no body. */
export function parseJsonBody(bytes: Buffer, contentType: string | undefined): ParsedBody {
  if (bytes.length === 0) return { ok: true, value: undefined }
  let text: string
  try {
    text = decoder.decode(bytes)
  } catch {
    return jsonInvalid(0, 'Invalid UTF-8 in request body')
  }
  if (!isJsonContentType(contentType)) return { ok: true, value: text }
  const overflow = nestingOverflowAt(text, MAX_JSON_DEPTH)
  if (overflow >= 0) return jsonInvalid(overflow, 'Maximum nesting depth exceeded')
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (error) {
    const message = error instanceof Error ? error.message : 'Expecting value'
    const position = /position (\d+)/.exec(message)?.[1]
    return jsonInvalid(position === undefined ? 0 : Number(position), message)
  }
}
