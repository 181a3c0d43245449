/** Command-line entry (`tokenjs-emulator`, or `npm run emulator` in this repository); `--help` lists the flags. */
import { EMULATOR_CLI_HELP, runEmulatorCli } from './cli-main.js'

const argv = process.argv.slice(2)
if (argv.includes('-h') || argv.includes('--help')) {
  console.log(EMULATOR_CLI_HELP)
} else {
  // One line on stderr and exit 1 (a busy port names the port and what to do); no stack trace.
  runEmulatorCli(argv).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(1)
  })
}
