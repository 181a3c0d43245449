/**
 * The switch in front of hooks, logging and telemetry, on the path every request takes: whether a call is
 * observed at all, decided once per client (plus a request's own `hooks`). When nothing is on, a call does
 * no observation work and the observer module (observe-call.ts, which also resolves and checks the log
 * level) is never loaded, so the first load and the per-request CPU stay what they were.
 */
import type { ClientInternals } from './client-internals.js'
import type { ClientOptions, RequestOptions } from './client-options.js'
import { readEnvironment } from './environment.js'
import type { HookCallInfo } from './hooks.js'
import type { CallObserver, ObservedCall } from './observe-call.js'

/** Levels that log no request line: with one of them (or none), only hooks or telemetry make a call observed. */
const QUIET: readonly unknown[] = [undefined, 'off', 'error', 'warn']

/**
 * Whether every call of a client is observed: hooks, telemetry, or a log level (`logLevel`, else
 * `TOKENJS_LOG`) that logs requests. An unknown level counts too: the observer checks it (an InputError for
 * the option, a warning for the variable) before the first request.
 */
export function observesEveryCall(options: ClientOptions): boolean {
  const telemetry = options.telemetry
  return (
    options.hooks !== undefined ||
    (telemetry !== undefined && telemetry !== false) ||
    !QUIET.includes(options.logLevel ?? readEnvironment('TOKENJS_LOG'))
  )
}

/** Whether this call is observed. Checked inline by the pipelines, so an unobserved call awaits nothing more. */
export function isObserved(client: ClientInternals, options: RequestOptions): boolean {
  return client.observed === true || options.hooks !== undefined
}

/**
 * The observer of one call (call it only when `isObserved`): starts the call's clock, and its span with
 * telemetry. `operation` is the hook events' name, or a generation section's name (`chat`, `text-completion`).
 */
export async function observeCall(
  client: ClientInternals,
  options: RequestOptions,
  operation: HookCallInfo['operation'] | 'text-completion',
  call: ObservedCall,
): Promise<CallObserver> {
  return (await import('./observe-call.js')).createCallObserver(client, options, operation, call)
}
