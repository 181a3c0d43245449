/**
 * Gemini error bodies (`google.rpc.Status` JSON: `{"error":{"code","message","status","details"}}`,
 * sometimes wrapped in a one-element list by the streaming endpoint: Alishahryar1/free-claude-code#542)
 * → message, `code` = the status name (`INVALID_ARGUMENT`, `RESOURCE_EXHAUSTED`…), `type` = the
 * `ErrorInfo.reason` when there is one (`API_KEY_INVALID`), and the `RetryInfo.retryDelay` in the message.
 */
import type { ParsedProviderError } from '../../core/provider-adapter.js'
import { parseErrorBody } from '../shared/error-body.js'

type Json = Record<string, unknown>

export function parseGeminiError(status: number | undefined, body: unknown, raw: string): ParsedProviderError {
  const unwrapped: unknown = Array.isArray(body) && body.length === 1 ? (body as unknown[])[0] : body
  const error = typeof unwrapped === 'object' && unwrapped !== null ? (unwrapped as Json).error : undefined
  if (typeof error !== 'object' || error === null) return parseErrorBody(status, unwrapped, raw)
  const record = error as Json
  const details = Array.isArray(record.details) ? (record.details as Json[]) : []
  const reason = details.find((detail) => typeof detail.reason === 'string')?.reason as string | undefined
  const delay = details.find((detail) => typeof detail.retryDelay === 'string')?.retryDelay as string | undefined
  const message =
    typeof record.message === 'string' && record.message !== '' ? record.message.trim() : `HTTP ${status ?? 'error'}`
  const parsed: ParsedProviderError = { message: delay === undefined ? message : `${message} (retry in ${delay})` }
  if (typeof record.status === 'string') parsed.code = record.status
  else if (typeof record.code === 'number') parsed.code = record.code
  if (reason !== undefined) parsed.type = reason
  return parsed
}
