/** Runs a TypeScript file as a child process (`node --import tsx file`), as a user would. */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const root = fileURLToPath(new URL('../..', import.meta.url))

/** tsx's loader by absolute URL, so a child can run from any working directory. */
export const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href

export interface RunResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Environment without any provider settings (Mistral, Anthropic) of the machine running the tests. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' }
  delete env.MISTRAL_API_KEY
  delete env.MISTRAL_BASE_URL
  delete env.ANTHROPIC_API_KEY
  delete env.ANTHROPIC_BASE_URL
  delete env.GEMINI_API_KEY
  delete env.GOOGLE_API_KEY
  delete env.GEMINI_BASE_URL
  delete env.FORCE_COLOR
  return { ...env, ...extra }
}

export function runFile(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  options: { input?: string; timeoutMs?: number; cwd?: string } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsxLoader, ...args], {
      cwd: options.cwd ?? root,
      // tsx finds tsconfig.json (and its `paths` for 'token.js') from here, whatever the cwd.
      env: { TSX_TSCONFIG_PATH: `${root}/tsconfig.json`, ...env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text))
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text))
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
    child.stdin.end(options.input ?? '')
  })
}
