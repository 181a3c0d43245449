/** Mistral error bodies: the shared parser handles every shape Mistral sends (see ../shared/error-body.ts). */
import type { ParsedProviderError } from '../../core/provider-adapter.js'

export { parseErrorBody as parseMistralError } from '../shared/error-body.js'

/**
 * Mistral answers an id it does not serve (unknown, or retired) with 400
 * `{"object":"error","message":"Invalid model: X","type":"invalid_model","param":null,"code":"1500"}`
 * (recorded in mistralai/mistral-vibe#617, 2026-04-21, and lfnovo/open-notebook#441, 2026-01-16).
 */
export function isMistralModelNotFound(_status: number, parsed: ParsedProviderError): boolean {
  return parsed.type === 'invalid_model'
}
