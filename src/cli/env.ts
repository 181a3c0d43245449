/** Reads `./.env` into `process.env` (variables already set win), as `node --env-file` would. */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export function loadDotEnv(directory: string = process.cwd()): void {
  const file = join(directory, '.env')
  if (!existsSync(file)) return
  if (typeof process.loadEnvFile === 'function') {
    process.loadEnvFile(file)
    return
  }
  for (const [name, value] of parseDotEnv(readFileSync(file, 'utf8'))) {
    if (process.env[name] === undefined) process.env[name] = value
  }
}

/** A small `.env` parser for Node < 20.12: `NAME=value`, optional `export`, quotes, `#` comments. */
export function parseDotEnv(text: string): Array<[string, string]> {
  const entries: Array<[string, string]> = []
  for (const raw of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(raw)
    if (match === null) continue
    let value = (match[2] ?? '').trim()
    const quote = value[0]
    if ((quote === '"' || quote === "'") && value.lastIndexOf(quote) > 0) {
      value = value.slice(1, value.lastIndexOf(quote))
      if (quote === '"') value = value.replace(/\\n/g, '\n')
    } else {
      value = value.replace(/\s+#.*$/, '')
    }
    entries.push([match[1] as string, value])
  }
  return entries
}
