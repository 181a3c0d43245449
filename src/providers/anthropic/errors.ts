/**
 * Anthropic error bodies: `{"type":"error","error":{"type":"overloaded_error","message":"…"},"request_id":"req_…"}`
 * (https://platform.claude.com/docs/en/api/errors). The error `type` is also the `code`, as OpenAI names
 * its codes; the HTTP status picks the error class (529 overloaded is an InternalServerError, retried).
 */
import type { ParsedProviderError } from '../../core/provider-adapter.js'
import { parseErrorBody } from '../shared/error-body.js'

export function parseAnthropicError(status: number | undefined, body: unknown, raw: string): ParsedProviderError {
  const parsed = parseErrorBody(status, body, raw)
  if (parsed.code === undefined && typeof parsed.type === 'string') parsed.code = parsed.type
  return parsed
}
