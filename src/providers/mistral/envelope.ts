import { ResponseParseError } from '../../errors.js'
import type { MistralResponse, MistralResponseChoice } from './wire-types.js'

/**
 * A Mistral response or stream chunk (chat and FIM alike): an object with a `choices` array. Anything else
 * is a ResponseParseError keeping the raw text; extra fields are ignored.
 */
export function readMistralEnvelope(
  json: unknown,
  raw: string,
  description: string,
): MistralResponse & { choices: MistralResponseChoice[] } {
  if (typeof json !== 'object' || json === null || !Array.isArray((json as MistralResponse).choices)) {
    throw new ResponseParseError(`${description} without 'choices'.`, raw)
  }
  return json as MistralResponse & { choices: MistralResponseChoice[] }
}
