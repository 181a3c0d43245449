/**
 * `runEmulatorCli(argv)`: starts an emulator from command-line flags, prints one line with the URL and
 * the key, then one line per request (unless `--quiet`), and closes cleanly on SIGINT/SIGTERM. Reused by
 * `tokenjs emulator`.
 */
import { parseArgs } from 'node:util'
import { startMistralEmulator } from './server.js'
import type { MistralEmulator, RequestLogEvent } from './emulator-types.js'

const USAGE = 'usage: tokenjs-emulator [--port 8080] [--host 127.0.0.1] [--api-key KEY] [--chunk-delay-ms 0] [--quiet]'

/** The text of `tokenjs-emulator --help`. */
export const EMULATOR_CLI_HELP = `${USAGE}

A local Mistral API (api.mistral.ai's validation and wire format) on loopback HTTP, in the foreground.

  -p, --port N            TCP port to listen on (default 0: a free port chosen by the OS)
      --host H            interface to bind (default 127.0.0.1)
      --api-key K         the only key accepted as "Authorization: Bearer K" (default emulator-key)
      --chunk-delay-ms N  milliseconds between streamed chunks (default 0)
  -q, --quiet             no request log; by default one line per request on stdout:
                            POST /v1/chat/completions 200 mistral-large-latest 12 ms stream
                          (method, path, status, model, duration, and "stream" for SSE answers)
  -h, --help              this text

Ctrl-C stops it.`

/** Options of `runEmulatorCli` for embedding it (tests, the `tokenjs` CLI); every one is optional. */
export interface EmulatorCliOptions {
  /** Where the banner and the request log lines go. Default: `console.log` (stdout). */
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

/** One request as a log line: `POST /v1/chat/completions 200 mistral-large-latest 12 ms stream`. */
export function formatRequestLine(event: RequestLogEvent): string {
  const parts = [event.method, event.path, event.status === 0 ? '-' : String(event.status)]
  if (event.model !== undefined) parts.push(event.model)
  parts.push(`${Math.round(event.durationMs)} ms`)
  if (event.stream) parts.push('stream')
  return parts.join(' ')
}

/** A listen error as one line that says what to do (a busy or privileged port), else the error itself. */
function listenError(error: unknown, port: number, host: string): Error {
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (code === 'EADDRINUSE')
    return new Error(
      `Port ${port} on ${host} is already in use. Stop what is using it, choose another port (--port ${port === 65_535 ? port - 1 : port + 1}), or let the OS pick a free one (--port 0).`,
    )
  if (code === 'EACCES')
    return new Error(
      `Port ${port} on ${host} needs privileges this process lacks. Choose a port above 1023 (--port 8080) or let the OS pick a free one (--port 0).`,
    )
  return error instanceof Error ? error : new Error(String(error))
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
      quiet: { type: 'boolean', short: 'q' },
    },
    strict: true,
  })
  const port = toPort(values.port, '--port')
  const delay = toPort(values['chunk-delay-ms'], '--chunk-delay-ms')
  const host = values.host ?? '127.0.0.1'
  const print = cli.print ?? ((line: string) => console.log(line))
  let emulator: MistralEmulator
  try {
    emulator = await startMistralEmulator({
      ...(port === undefined ? {} : { port }),
      host,
      ...(values['api-key'] === undefined ? {} : { apiKey: values['api-key'] }),
      ...(delay === undefined ? {} : { chunkDelayMs: delay }),
      ...(values.quiet === true ? {} : { onRequest: (event: RequestLogEvent) => print(formatRequestLine(event)) }),
    })
  } catch (error) {
    throw listenError(error, port ?? 0, host)
  }
  print(`Mistral emulator listening on ${emulator.url} (API key: ${emulator.apiKey})`)
  if (cli.handleSignals !== false) {
    const stop = (): void => void emulator.close().then(() => process.exit(0))
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  }
  return emulator
}
