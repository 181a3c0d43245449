/**
 * `npm start [-- examples/<name>.ts]`: runs an example, examples/mistral-seed.ts by default. For each
 * provider with a key (MISTRAL_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY or GOOGLE_API_KEY, from the
 * environment or ./.env) it calls the real API; for each without one it starts that provider's bundled
 * emulator, points the example at it through <PROVIDER>_BASE_URL / <PROVIDER>_API_KEY, and closes it when
 * the example exits. Arguments after the file are passed to the example.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startAnthropicEmulator, startGeminiEmulator, startMistralEmulator } from '@tokenjs/emulator'

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

/** A provider an example may call, with the emulator `npm start` runs for it when its key is missing. */
interface EmulatedProvider {
  readonly name: string
  /** The variables token.js reads the key from, the first one named in messages. */
  readonly keyVars: readonly [string, ...string[]]
  readonly baseURLVar: string
  readonly start: () => Promise<{ readonly url: string; readonly apiKey: string; close(): Promise<void> }>
}

const PROVIDERS: Record<string, EmulatedProvider> = {
  mistral: {
    name: 'Mistral',
    keyVars: ['MISTRAL_API_KEY'],
    baseURLVar: 'MISTRAL_BASE_URL',
    start: startMistralEmulator,
  },
  anthropic: {
    name: 'Anthropic',
    keyVars: ['ANTHROPIC_API_KEY'],
    baseURLVar: 'ANTHROPIC_BASE_URL',
    start: startAnthropicEmulator,
  },
  gemini: {
    name: 'Gemini',
    keyVars: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
    baseURLVar: 'GEMINI_BASE_URL',
    start: startGeminiEmulator,
  },
}

/** The providers the example names (`provider: 'anthropic'`); Mistral, the default, when it names none. */
function providersNamedIn(file: string): string[] {
  const source = readFileSync(path.resolve(root, file), 'utf8')
  const named = Object.keys(PROVIDERS).filter((id) => source.includes(`provider: '${id}'`))
  return named.length > 0 ? named : ['mistral']
}

const hasKey = (provider: EmulatedProvider): boolean => provider.keyVars.some((name) => Boolean(process.env[name]))

function joinNames(names: readonly string[], word: string): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} ${word} ${names.at(-1) ?? ''}`
}

async function main(): Promise<number> {
  const envFile = `${process.cwd()}/.env`
  if (existsSync(envFile) && typeof process.loadEnvFile === 'function') process.loadEnvFile(envFile)
  // Every provider without a key gets its emulator (an example may pick its provider at run time); the
  // message names the ones the example calls.
  const missing = Object.entries(PROVIDERS).filter(([, provider]) => !hasKey(provider))
  if (missing.length === 0) return runExample(process.env)
  const emulators = await Promise.all(missing.map(([, provider]) => provider.start()))
  const env: NodeJS.ProcessEnv = { ...process.env }
  missing.forEach(([, provider], index) => {
    const emulator = emulators[index]
    if (emulator === undefined) return
    env[provider.baseURLVar] = emulator.url
    env[provider.keyVars[0]] = emulator.apiKey
  })
  const emulated = providersNamedIn(example).flatMap((id) => {
    const provider = PROVIDERS[id]
    return provider !== undefined && !hasKey(provider) ? [provider] : []
  })
  if (emulated.length > 0) {
    const keys = joinNames(
      emulated.map((provider) => provider.keyVars[0]),
      'or',
    )
    const names = joinNames(
      emulated.map((provider) => provider.name),
      'and',
    )
    const plural = emulated.length > 1
    console.log(
      `No ${keys}: running ${example} against the bundled ${names} emulator${plural ? 's' : ''} ` +
        `(set ${plural ? 'them' : keys}, e.g. in .env, to call the real API${plural ? 's' : ''}).`,
    )
  }
  try {
    return await runExample(env)
  } finally {
    await Promise.all(emulators.map((emulator) => emulator.close()))
  }
}

process.exitCode = await main()
