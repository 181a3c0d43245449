/** Command-line entry (`tokenjs-emulator`, or `npm run emulator` in this repository): `tokenjs-emulator --port 8080 [--host H] [--api-key K]`. */
import { runEmulatorCli } from './cli-main.js'

runEmulatorCli(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
})
