/**
 * `npm start [-- examples/<name>.ts]`: runs an example, examples/mistral-seed.ts by default. With
 * MISTRAL_API_KEY (from the environment or ./.env) it calls the real Mistral API; without one it starts
 * the bundled emulator, points the example at it through MISTRAL_BASE_URL / MISTRAL_API_KEY, and closes
 * it when the example exits. Arguments after the file are passed to the example.
 */
import { spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startMistralEmulator } from '@tokenjs/emulator'

const root = fileURLToPath(new URL('..', import.meta.url))
const DEFAULT_EXAMPLE = 'examples/mistral-seed.ts'

/**
 * The file to run: relative to where `npm start` was typed (npm keeps it in INIT_CWD and runs the
 * script from the package root), else to the package root; a bare name is looked up in examples/.
 */
function resolveExample(given: string | undefined): string | undefined {
  if (given === undefined) return DEFAULT_EXAMPLE
  const bases = [process.env.INIT_CWD, process.cwd(), root, path.join(root, 'examples')]
  for (const base of bases) {
    if (base === undefined) continue
    for (const name of [given, `${given}.ts`]) {
      const file = path.resolve(base, name)
      if (existsSync(file) && file.endsWith('.ts')) return path.relative(root, file) || file
    }
  }
  return undefined
}

function listExamples(): string {
  const names = readdirSync(path.join(root, 'examples')).filter((name) => name.endsWith('.ts'))
  return names.map((name) => `  npm start -- examples/${name}`).join('\n')
}

const [given, ...exampleArgs] = process.argv.slice(2)
const resolved = resolveExample(given)
if (resolved === undefined) {
  console.error(`npm start: no TypeScript file '${given}'. Examples you can run:\n${listExamples()}`)
  process.exit(2)
}
const example: string = resolved

function runExample(env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', example, ...exampleArgs], {
    cwd: root,
    env,
    stdio: 'inherit',
  })
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
