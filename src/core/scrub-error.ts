/**
 * The last step before an error reaches the caller: every form of every secret (see redact.ts) is
 * removed from every field of the error and its cause chain. The redaction module is loaded only
 * when an error happens, so the first load of the library stays small.
 */

/** Redacts `secrets` from `error` in place (when there are any) and resolves with it. */
export async function scrubError(error: unknown, secrets: readonly string[]): Promise<unknown> {
  if (secrets.length === 0 || typeof error !== 'object' || error === null) return error
  const { createRedactor, redactError } = await import('./redact.js')
  return redactError(error, createRedactor(secrets))
}
