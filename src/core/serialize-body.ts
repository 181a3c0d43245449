import { InputError } from '../errors.js'

/**
 * The request body as JSON. Free-form objects (tool parameters, metadata, schemas) may hold values JSON
 * cannot carry — a BigInt, a circular reference — which must fail as an InputError, not a TypeError.
 */
export function serializeBody(body: unknown): string {
  try {
    return JSON.stringify(body)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new InputError(
      `The request cannot be sent as JSON (${reason}). Look for a BigInt or a circular reference in a ` +
        'free-form object such as tool parameters, a JSON schema or metadata.',
    )
  }
}
