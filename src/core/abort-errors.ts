import { APIUserAbortError } from '../errors.js'

/** The error for a caller abort; the signal's reason becomes `cause`. */
export function userAbortError(signal: AbortSignal): APIUserAbortError {
  return new APIUserAbortError('Request was aborted.', { cause: signal.reason })
}
