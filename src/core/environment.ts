/** Runtime facts, read without assuming Node (browsers and edge runtimes have no `process`). */

export function readEnvironment(name: string): string | undefined {
  const processObject = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
  const value = processObject?.env?.[name]
  return value === undefined || value === '' ? undefined : value
}

export function isNode(): boolean {
  const processObject = (globalThis as { process?: { versions?: { node?: string } } }).process
  return typeof processObject?.versions?.node === 'string'
}

/** A browser page or worker with a DOM-like global (Deno and Node have none). */
export function isBrowser(): boolean {
  const scope = globalThis as { window?: unknown; document?: unknown; importScripts?: unknown }
  return (
    (typeof scope.window === 'object' && typeof scope.document === 'object') ||
    typeof scope.importScripts === 'function'
  )
}
