/**
 * `npm start`: runs examples/mistral-seed.ts. With MISTRAL_API_KEY (from the environment or ./.env)
 * it calls the real Mistral API; without one it starts the bundled emulator, points the example at it
 * through MISTRAL_BASE_URL / MISTRAL_API_KEY, and closes it when the example exits.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { startMistralEmulator } from 'token.js/emulator'

const root = fileURLToPath(new URL('..', import.meta.url))
const example = 'examples/mistral-seed.ts'

function runExample(env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', example], { cwd: root, env, stdio: 'inherit' })
  // Ctrl-C reaches the example directly; this process waits for it to finish and cleans up.
  const ignore = (): void => {}
  process.on('SIGINT', ignore)
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      process.off('SIGINT', ignore)
      resolve(code ?? (signal === null ? 1 : 128 + 2))
    })
    child.on('error', (error) => {
      console.error(`Could not run ${example}: ${error.message}`)
      resolve(1)
    })
  })
}

async function main(): Promise<number> {
  const envFile = `${process.cwd()}/.env`
  if (existsSync(envFile) && typeof process.loadEnvFile === 'function') process.loadEnvFile(envFile)
  if (process.env.MISTRAL_API_KEY) return runExample(process.env)
  const emulator = await startMistralEmulator()
  console.log(
    `No MISTRAL_API_KEY: running ${example} against the bundled Mistral emulator ` +
      '(set MISTRAL_API_KEY, e.g. in .env, to call the real API).',
  )
  try {
    return await runExample({ ...process.env, MISTRAL_BASE_URL: emulator.url, MISTRAL_API_KEY: emulator.apiKey })
  } finally {
    await emulator.close()
  }
}

process.exitCode = await main()
