/** `tokenjs <command>`: dispatch, `.env` loading and one-line error reporting. */
import { closestName } from '../core/closest-name.js'
import { VERSION } from '../version.js'
import { chatCommand } from './chat.js'
import { describeError, isUsageError } from './describe-error.js'
import { loadDotEnv } from './env.js'
import { modelsCommand } from './models.js'
import { CliError, printError } from './terminal.js'

export const MAIN_HELP = `Usage: tokenjs <command> [options]

Try models from a terminal with token.js (Mistral by default; tokenjs chat --help lists the providers).

Commands:
  chat [prompt]     send a prompt and stream the answer (interactive without a prompt)
  models            list models and what they support (--live asks the provider)
  emulator          run the local Mistral emulator in the foreground

Options:
  -h, --help        show help (also: tokenjs <command> --help)
  -v, --version     print the version

Keys: MISTRAL_API_KEY, OPENAI_API_KEY, … (and *_BASE_URL) come from the environment or ./.env.`

export const EMULATOR_HELP = `Usage: tokenjs emulator [options]

Runs a local Mistral API (the emulator token.js's own tests use) until Ctrl-C.
Point token.js at it with MISTRAL_BASE_URL=<url> MISTRAL_API_KEY=<key> (printed on start).

Options:
  -p, --port <n>            port (default: a free one)
      --host <host>         interface (default 127.0.0.1)
      --api-key <key>       accepted key (default emulator-key)
      --chunk-delay-ms <n>  pause between streamed chunks
  -q, --quiet               no request log (by default one line per request, e.g.
                              POST /v1/chat/completions 200 mistral-large-latest 12 ms stream)
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
        throw new CliError(unknownCommand(command), 2)
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
  const { runEmulatorCli } = await import('../../packages/emulator/src/cli-main.js')
  const emulator = await runEmulatorCli(argv)
  process.stdout.write(
    `Use it: MISTRAL_BASE_URL=${emulator.url} MISTRAL_API_KEY=${emulator.apiKey} tokenjs chat "Hello!"  (Ctrl-C stops)\n`,
  )
  // Runs until SIGINT/SIGTERM, which runEmulatorCli handles (it closes the emulator and exits 0).
  return new Promise<number>(() => {})
}

function unknownCommand(command: string): string {
  const suggestion = closestName(command, ['chat', 'models', 'emulator'])
  const hint = suggestion === undefined ? '' : ` Did you mean '${suggestion}'?`
  return `Unknown command '${command}'.${hint} Commands: chat, models, emulator (tokenjs --help).`
}

/**
 * `tokenjs chat … | head`: once the reader is gone, stop quietly (exit 0, as the pipe's reader
 * decided) instead of dying on EPIPE with a stack trace.
 */
export function exitQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    process.exit(0)
  })
}
