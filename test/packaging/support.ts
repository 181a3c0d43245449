/**
 * Shared steps of the packaging tests: build the three packages, `npm pack` each, install the tarballs into
 * a scratch consumer project (offline), and small process helpers.
 */
import { execFile } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const consumerFiles = fileURLToPath(new URL('./consumer', import.meta.url))

export interface RunResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs a command without a shell; never throws on a non-zero exit (the caller asserts). */
export function run(command: string, args: readonly string[], cwd: string, timeoutMs = 60_000): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1
        resolve({ code, stdout, stderr: error !== null && stderr === '' ? error.message : stderr })
      },
    )
  })
}

export function mustSucceed(result: RunResult, what: string): string {
  if (result.code !== 0) throw new Error(`${what} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`)
  return result.stdout
}

/** One `npm pack` result. */
export interface PackedTarball {
  /** Absolute path of the `npm pack` tarball. */
  readonly tarball: string
  /** Tarball size in bytes. */
  readonly packedSize: number
  /** Sum of the unpacked file sizes in bytes (what an install puts on disk). */
  readonly unpackedSize: number
  readonly fileCount: number
}

/** The three packages of this repository, each with the folder `npm pack` ran in. */
export const PACKAGES = {
  sdk: { name: 'token.js', dir: '.' },
  emulator: { name: '@tokenjs/emulator', dir: 'packages/emulator' },
  cli: { name: 'tokenjs', dir: 'packages/cli' },
} as const

export interface PackedPackage extends PackedTarball {
  /** token.js's own tarball is the top level; the emulator kit and the CLI beside it. */
  readonly packages: Readonly<Record<keyof typeof PACKAGES, PackedTarball>>
  /** A scratch project with the three tarballs installed and the consumer scripts copied in. */
  readonly consumerDir: string
  readonly workDir: string
}

async function pack(dir: string, workDir: string): Promise<PackedTarball> {
  const packOutput = mustSucceed(
    await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', workDir], path.join(repoRoot, dir)),
    `npm pack in ${dir}`,
  )
  const [info] = JSON.parse(packOutput) as {
    filename: string
    size: number
    unpackedSize: number
    entryCount: number
  }[]
  if (info === undefined) throw new Error(`npm pack printed no package:\n${packOutput}`)
  return {
    tarball: path.join(workDir, info.filename),
    packedSize: info.size,
    unpackedSize: info.unpackedSize,
    fileCount: info.entryCount,
  }
}

/**
 * Build (scripts/build.ts), pack the three packages (prepack skipped: already built) and install the
 * tarballs together into a consumer (offline: token.js and the emulator have no dependencies, and the
 * CLI's two are the other tarballs).
 */
export async function buildPackInstall(): Promise<PackedPackage> {
  const { runBuild } = await import('../../scripts/build.js')
  await runBuild()
  const workDir = await mkdtemp(path.join(tmpdir(), 'token-js-packaging-'))
  const sdk = await pack(PACKAGES.sdk.dir, workDir)
  const emulator = await pack(PACKAGES.emulator.dir, workDir)
  const cli = await pack(PACKAGES.cli.dir, workDir)
  const consumerDir = path.join(workDir, 'consumer')
  await mkdir(consumerDir)
  await writeFile(
    path.join(consumerDir, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, version: '0.0.0' }, null, 2),
  )
  mustSucceed(
    await run(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--offline',
        '--no-package-lock',
        sdk.tarball,
        emulator.tarball,
        cli.tarball,
      ],
      consumerDir,
    ),
    'npm install of the tarballs',
  )
  for (const name of await readdir(consumerFiles))
    await copyFile(path.join(consumerFiles, name), path.join(consumerDir, name))
  return { ...sdk, packages: { sdk, emulator, cli }, consumerDir, workDir }
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`

/** Median of `runs` fresh Node processes, each timing its own cold `await import('token.js')`. */
export async function measureImportTime(
  consumerDir: string,
  runs = 5,
): Promise<{ median: number; samples: number[]; baselineMedian: number }> {
  const medianOf = async (args: string[]): Promise<{ median: number; samples: number[] }> => {
    const samples: number[] = []
    for (let index = 0; index < runs; index += 1) {
      const output = mustSucceed(
        await run(process.execPath, ['import-time.mjs', ...args], consumerDir),
        'import-time.mjs',
      )
      samples.push(Number(output.trim()))
    }
    const sorted = [...samples].sort((a, b) => a - b)
    return { median: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN, samples }
  }
  const { median, samples } = await medianOf([])
  const baseline = await medianOf(['baseline'])
  return { median, samples, baselineMedian: baseline.median }
}

/** One line for logs: the figure, the samples and Node's empty-module baseline on this machine. */
export function describeImportTime(result: { median: number; samples: number[]; baselineMedian: number }): string {
  const samples = result.samples.map((sample) => sample.toFixed(2)).join(', ')
  return `cold import('token.js'): median ${result.median.toFixed(2)} ms of [${samples}] (target ≤ 10 ms; an empty module: ${result.baselineMedian.toFixed(2)} ms)`
}
