/**
 * `runEmulatorCli(argv)`: starts an emulator from command-line flags, prints one line with the
 * URL and the key, and closes cleanly on SIGINT/SIGTERM. Reused by a future `tokenjs emulator`.
 */
import { parseArgs } from 'node:util'
import { startMistralEmulator } from './server.js'
import type { MistralEmulator } from './emulator-types.js'

const USAGE = 'usage: emulator [--port 8080] [--host 127.0.0.1] [--api-key KEY] [--chunk-delay-ms 0]'

/** Options of `runEmulatorCli` for embedding it (tests, the `tokenjs` CLI); every one is optional. */
export interface EmulatorCliOptions {
  /** Where the one-line banner goes. Default: `console.log`. */
  readonly print?: (line: string) => void
  /** Install SIGINT/SIGTERM handlers that close the emulator. Default `true`. */
  readonly handleSignals?: boolean
}

function toPort(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined
  const value = Number(text)
  if (!Number.isInteger(value) || value < 0 || value > 65_535)
    throw new Error(`${flag} must be an integer 0–65535. ${USAGE}`)
  return value
}

/** Runs the CLI with `argv` (without the node and script paths); resolves with the running emulator. */
export async function runEmulatorCli(argv: readonly string[], cli: EmulatorCliOptions = {}): Promise<MistralEmulator> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      'api-key': { type: 'string' },
      'chunk-delay-ms': { type: 'string' },
    },
    strict: true,
  })
  const port = toPort(values.port, '--port')
  const delay = toPort(values['chunk-delay-ms'], '--chunk-delay-ms')
  const emulator = await startMistralEmulator({
    ...(port === undefined ? {} : { port }),
    ...(values.host === undefined ? {} : { host: values.host }),
    ...(values['api-key'] === undefined ? {} : { apiKey: values['api-key'] }),
    ...(delay === undefined ? {} : { chunkDelayMs: delay }),
  })
  const print = cli.print ?? ((line: string) => console.log(line))
  print(`Mistral emulator listening on ${emulator.url} (API key: ${emulator.apiKey})`)
  if (cli.handleSignals !== false) {
    const stop = (): void => void emulator.close().then(() => process.exit(0))
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  }
  return emulator
}
