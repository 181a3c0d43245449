/** `tokenjs <command>`: dispatch, `.env` loading and one-line error reporting. */
import { APIConnectionError, AuthenticationError, NotFoundError, isTokenJSError } from '../errors.js'
import { VERSION } from '../version.js'
import { chatCommand } from './chat.js'
import { loadDotEnv } from './env.js'
import { modelsCommand } from './models.js'
import { CliError, printError } from './terminal.js'

export const MAIN_HELP = `Usage: tokenjs <command> [options]

Try Mistral models from a terminal with token.js.

Commands:
  chat [prompt]     send a prompt and stream the answer (interactive without a prompt)
  models            list models and what they support (--live asks the provider)
  emulator          run the local Mistral emulator in the foreground

Options:
  -h, --help        show help (also: tokenjs <command> --help)
  -v, --version     print the version

Keys: MISTRAL_API_KEY and MISTRAL_BASE_URL come from the environment or ./.env.`

export const EMULATOR_HELP = `Usage: tokenjs emulator [options]

Runs a local Mistral API (the emulator token.js's own tests use) until Ctrl-C.
Point token.js at it with MISTRAL_BASE_URL=<url> MISTRAL_API_KEY=<key> (printed on start).

Options:
  -p, --port <n>            port (default: a free one)
      --host <host>         interface (default 127.0.0.1)
      --api-key <key>       accepted key (default emulator-key)
      --chunk-delay-ms <n>  pause between streamed chunks
  -h, --help                show this help`

/** Runs the CLI; resolves with the exit code (the emulator command keeps the process alive). */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    loadDotEnv()
    const [command, ...rest] = argv
    switch (command) {
      case 'chat':
        return await chatCommand(rest)
      case 'models':
        return await modelsCommand(rest)
      case 'emulator':
        return await emulatorCommand(rest)
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(`${MAIN_HELP}\n`)
        return command === undefined ? 2 : 0
      case '-v':
      case '--version':
        process.stdout.write(`${VERSION}\n`)
        return 0
      default:
        throw new CliError(`Unknown command '${command}'. Commands: chat, models, emulator (tokenjs --help).`, 2)
    }
  } catch (error) {
    printError(describeError(error, argv[0]))
    return error instanceof CliError ? error.exitCode : isUsageError(error) ? 2 : 1
  }
}

async function emulatorCommand(argv: readonly string[]): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(`${EMULATOR_HELP}\n`)
    return 0
  }
  // Loaded only for this command, so `chat` and `models` start without the emulator's code.
  const { runEmulatorCli } = await import('../emulator/cli-main.js')
  const emulator = await runEmulatorCli(argv)
  process.stdout.write(
    `Use it: MISTRAL_BASE_URL=${emulator.url} MISTRAL_API_KEY=${emulator.apiKey} tokenjs chat "Hello!"  (Ctrl-C stops)\n`,
  )
  // Runs until SIGINT/SIGTERM, which runEmulatorCli handles (it closes the emulator and exits 0).
  return new Promise<number>(() => {})
}

function isUsageError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')
}

/** One line, no stack: what went wrong and, where we can tell, what to do. */
export function describeError(error: unknown, command: string | undefined): string {
  if (error instanceof CliError) return error.message
  if (isUsageError(error)) return `${(error as Error).message} (tokenjs ${command ?? ''} --help)`.replace('  ', ' ')
  if (isTokenJSError(error)) {
    if (error instanceof NotFoundError) return `${error.message} Run tokenjs models to see the models token.js knows.`
    if (error instanceof AuthenticationError) return `${error.message} Check MISTRAL_API_KEY.`
    if (error instanceof APIConnectionError) {
      const cause = (error as { cause?: { code?: string } }).cause
      const where = process.env.MISTRAL_BASE_URL || 'https://api.mistral.ai/v1'
      return `Could not reach ${where}: ${error.message}${cause?.code !== undefined && !error.message.includes(cause.code) ? ` (${cause.code})` : ''}`
    }
    return error.message
  }
  return error instanceof Error ? error.message : String(error)
}
