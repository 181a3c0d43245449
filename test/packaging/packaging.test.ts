/**
 * Packaging (#7): the built and packed package, as users get it. One build + `npm pack` + offline install
 * into a scratch consumer in `beforeAll`, then: publint and attw on the tarball, `import` and `require`
 * against the emulator, browser/edge bundles free of `node:` modules, the size budgets, and headless
 * Chromium (fetch path, CORS, the browser key guard). Also prints the cold import time (not asserted).
 */
import { existsSync } from 'node:fs'
import { copyFile, mkdir, readFile, rm, symlink } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { build, type BuildOptions } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMistralEmulator } from '@tokenjs/emulator'
import {
  buildPackInstall,
  describeImportTime,
  kb,
  measureImportTime,
  mustSucceed,
  PACKAGES,
  repoRoot,
  run,
  type PackedPackage,
} from './support.js'

/**
 * Budgets from the issue; the first load grew by ~0.7 KB with the provider seam (issue 16: request
 * descriptions, provider-owned auth, options and stream framing, one generation pipeline) and by
 * ~0.7 KB with the hostile-network work (issue 14: whole-response deadlines, size caps, abort that
 * always works; redaction, redirects and error reading are lazy chunks). Trimming it back is issue 18.
 */
// Gemini's registry entry (ids, keys, model table) and PromptBlockedError load with the package (22,095 bytes
// measured with Anthropic and Gemini registered), plus the hostile-network work: 23 KB. To recover: load model
// tables on demand (issue 18). Issue 21 adds what every chat call carries: the APIPromise (withResponse,
// asResponse, _request_id, as openai-node) and the stream's first-chunk read-ahead for fallbacks, 23,618 bytes
// measured; middleware, fallbacks and the Response objects themselves are lazy chunks: 23.25 KB. Hooks, logging
// and telemetry (issue 21) add the observed-or-not switch on the chat path (the observer handed to the attempt
// loop and the stream; the observer, log lines and telemetry are lazy chunks): 24,092 bytes measured with the
// option checks of issue 19 beside it, 23.75 KB.
const CONSUMER_MIN_GZIP_BUDGET = 23.75 * 1024
/**
 * The installed size of token.js (issue 18: target 300 KB). 1,015,663 bytes before issue 18 (the emulators,
 * both CLIs and a CommonJS copy of everything shipped inside); now the SDK alone, ESM only: ~391,000 bytes,
 * of which the library's ESM ~174 KB (locals shortened, names kept), declarations ~112 KB (indentation and
 * the internal files' JSDoc dropped), line source maps ~43 KB and the README ~58 KB. The rest of the way to
 * 300 KB: a README that links to docs/ (-50 KB) and the registry's declarations without the inlined
 * model-id unions. The ceiling is the measured size plus a small margin: 409,592 bytes once fallbacks and
 * middleware landed (8 bytes under the 400 KB ceiling of an hour before), so 412 KB. Hooks, logging and
 * OpenTelemetry (issue 21): the lazy observer and telemetry chunks and the public hook, logger and telemetry
 * declarations with their JSDoc, 435.3 KB measured: 445 KB. Issue 18 again: 416,071 bytes once the public JSDoc of
 * issue 20 landed (JS 195,222, 50 declaration files 154,191, line maps 48,406, README 14,496, package.json and
 * LICENSE 3,756); the declarations rolled up into one dist/index.d.ts (only what the public entry reaches, each
 * model-id union once) 124,257 and the maps' shared directory written once 47,059: 384,848 bytes measured (JS
 * unchanged), so 385 KB. The 300 KB target needs a choice beyond this: the JS, the public JSDoc and line-precise
 * maps alone are ~340 KB. Then 380,268 bytes (JS 195,338, maps 47,151, dist/index.d.ts 119,327, README 14,496,
 * package.json and LICENSE 3,956); the source files' header comments, which no editor shows (TypeScript
 * reads only the last JSDoc block before a declaration), dropped from the declarations (-5,894) and
 * maintainer rationale moved out of public JSDoc into `//` comments (-1,181): 373,193 bytes. The README without
 * the Mistral model table (docs/providers/mistral.md has it), the stale benchmark table (bench/RESULTS.md has
 * the figures) and the contributor details CONTRIBUTING.md gives (-4,105): 369,088 bytes. terser's safe
 * compressions (names and stack frames kept; JS -1,197, maps +163): 368,054 bytes, so 362 KiB; the two maps without
 * a mapping (index.js, a re-exporting chunk) and their comments no longer shipped: 367,874 bytes.
 */
const UNPACKED_TARGET = 300 * 1024
const UNPACKED_BUDGET = 362 * 1024
const CHROMIUM = '/usr/bin/chromium'

let packed: PackedPackage | undefined
const current = (): PackedPackage => {
  if (packed === undefined) throw new Error('package not built')
  return packed
}

beforeAll(async () => {
  packed = await buildPackInstall()
}, 180_000)

afterAll(async () => {
  if (packed !== undefined) await rm(packed.workDir, { recursive: true, force: true })
})

async function publintMessages(tarballPath: string): Promise<{ name: string | undefined; text: string[] }> {
  const { publint } = await import('publint')
  const { formatMessage } = await import('publint/utils')
  const tarball = await readFile(tarballPath)
  const { messages, pkg } = await publint({
    pkgDir: 'package',
    pack: {
      tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength),
    },
    strict: true,
  })
  const text = messages.map((message) => `${message.type}: ${formatMessage(message, pkg) ?? message.code}`)
  return { name: pkg.name as string | undefined, text }
}

/** attw on a tarball: no problem, except in the module resolutions `ignored` (attw's `--profile`). */
async function attwProblems(tarball: string, ignored: readonly string[] = []): Promise<void> {
  const attw = path.join(repoRoot, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js')
  const profile = ignored.length > 0 ? ['--profile', 'esm-only'] : []
  const result = await run(process.execPath, [attw, tarball, '--format', 'json', ...profile], repoRoot)
  const report = JSON.parse(result.stdout) as { problems?: unknown[] | Record<string, unknown[]> }
  const all = (Array.isArray(report.problems) ? report.problems : Object.values(report.problems ?? {}).flat()) as {
    resolutionKind?: string
  }[]
  const problems = all.filter(
    (problem) => problem.resolutionKind === undefined || !ignored.includes(problem.resolutionKind),
  )
  const summary = () => `${result.stderr}\n${JSON.stringify(problems, null, 2).slice(0, 4000)}`
  expect(problems.length, summary()).toBe(0)
  if (all.length === 0) expect(result.code, summary()).toBe(0)
}

describe('package metadata', () => {
  for (const key of Object.keys(PACKAGES) as (keyof typeof PACKAGES)[]) {
    it(`${PACKAGES[key].name}: passes publint with no messages (linting the packed tarball)`, async () => {
      const { name, text } = await publintMessages(current().packages[key].tarball)
      expect(name).toBe(PACKAGES[key].name)
      expect(text).toEqual([])
    })
  }

  // ESM only: `require('token.js')` loads the ES module itself (Node 20.19+ and 22.12+), which attw's
  // node10 and node16-from-CJS modes cannot model, so they are ignored (`--profile esm-only`); the
  // CommonJS consumer below runs it for real, and its `require` types are the `.d.cts` entry.
  it('token.js: passes @arethetypeswrong/cli on the tarball (node16 ESM, bundler; --profile esm-only)', async () => {
    await attwProblems(current().packages.sdk.tarball, ['node10', 'node16-cjs'])
  })

  it('@tokenjs/emulator: passes @arethetypeswrong/cli on the tarball (node10, node16 CJS/ESM, bundler)', async () => {
    await attwProblems(current().packages.emulator.tarball)
  })

  it('token.js and @tokenjs/emulator have zero runtime dependencies; token.js ships only dist/ plus package metadata', async () => {
    for (const dir of [PACKAGES.sdk.dir, PACKAGES.emulator.dir]) {
      const manifestPath = path.join(repoRoot, dir, 'package.json')
      const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>
      expect(manifest.dependencies ?? {}).toEqual({})
      // The one peer dependency allowed: @opentelemetry/api, optional (loaded only when `telemetry` is on).
      const peers = Object.keys(manifest.peerDependencies ?? {})
      expect(peers).toEqual(dir === PACKAGES.sdk.dir ? ['@opentelemetry/api'] : [])
      const meta = (manifest.peerDependenciesMeta ?? {}) as Record<string, { optional?: boolean }>
      for (const peer of peers) expect(meta[peer]?.optional).toBe(true)
      expect(manifest.optionalDependencies ?? {}).toEqual({})
      expect(manifest.sideEffects).toBe(false)
    }
    const listing = mustSucceed(await run('tar', ['-tzf', current().tarball], repoRoot), 'tar -t')
    const outside = listing
      .split('\n')
      .filter((line) => line !== '' && !/^package\/(dist\/|package\.json$|README|LICENSE|CHANGELOG)/i.test(line))
    expect(outside).toEqual([])
    // Neither the emulator nor the CLI ships inside the SDK any more (issue 18).
    expect(listing).not.toMatch(/emulator|\/cli\//)
  })
})

interface ConsumerResult {
  format: string
  version: string
  completion: { object: string; content: unknown; finish: unknown }
  stream: { chunks: number; content: string; finish: unknown }
  userAgent: unknown
  inputError: boolean
  connectionError: boolean
}

function expectWorkingConsumer(result: ConsumerResult): void {
  expect(result.completion.object).toBe('chat.completion')
  expect(typeof result.completion.content === 'string' && result.completion.content.length > 0).toBe(true)
  expect(result.completion.finish).toBe('stop')
  expect(result.stream.chunks).toBeGreaterThan(1)
  expect(result.stream.content.length).toBeGreaterThan(0)
  expect(result.stream.finish).toBe('stop')
  expect(result.inputError).toBe(true)
  expect(result.connectionError).toBe(true)
}

describe('installed from npm pack into a scratch project', () => {
  it('works through `import` (ESM): chat completion, stream, shared error classes, node transport', async () => {
    const output = mustSucceed(await run(process.execPath, ['esm.mjs'], current().consumerDir), 'esm consumer')
    const result = JSON.parse(output) as ConsumerResult
    expectWorkingConsumer(result)
    expect(result.userAgent).toBe(`token.js/${result.version}`)
  })

  it('works through `require` (CJS): chat completion, stream, shared error classes, node transport', async () => {
    const output = mustSucceed(await run(process.execPath, ['cjs.cjs'], current().consumerDir), 'cjs consumer')
    const result = JSON.parse(output) as ConsumerResult
    expectWorkingConsumer(result)
    expect(result.userAgent).toBe(`token.js/${result.version}`)
  })

  it('the tokenjs CLI (package `tokenjs`) runs from the install: --help, models, and its emulator command', async () => {
    const bin = path.join(current().consumerDir, 'node_modules', '.bin')
    const help = mustSucceed(await run(path.join(bin, 'tokenjs'), ['--help'], current().consumerDir), 'tokenjs --help')
    expect(help).toMatch(/^Usage: tokenjs <command>/)
    const models = mustSucceed(
      await run(path.join(bin, 'tokenjs'), ['models'], current().consumerDir),
      'tokenjs models',
    )
    expect(models).toMatch(/^model\s+context/)
    expect(models).toContain('mistral-large-latest')
    const emulatorHelp = await run(path.join(bin, 'tokenjs'), ['emulator', '--help'], current().consumerDir)
    expect(emulatorHelp.stdout + emulatorHelp.stderr).toMatch(/Usage: tokenjs emulator/)
  })

  it('type-checks from TypeScript: ESM, and CommonJS through require(esm) (module nodenext; node16 cannot)', async () => {
    const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc')
    const check = (module: string) =>
      run(
        process.execPath,
        [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', module, '--moduleResolution', module].concat([
          'typed-require.cts',
          'typed-import.mts',
        ]),
        current().consumerDir,
      )
    const [nodenext, node16] = await Promise.all([check('nodenext'), check('node16')])
    expect(nodenext.code, nodenext.stdout + nodenext.stderr).toBe(0)
    // Non-vacuity, and the documented limit: module node16 refuses require() of an ES module.
    expect(node16.stdout).toMatch(/typed-require\.cts.*error TS14\d\d/)
    expect(node16.stdout).not.toMatch(/typed-import\.mts/)
  }, 90_000)

  // The declarations ship rolled up into one dist/index.d.ts (scripts/build.ts): the compile-time tests of
  // test/types that use only the public entry must pass against it as they do against src/.
  it('test/types (model ids, refused params, openai interop) type-check against the installed declarations', async () => {
    const consumer = current().consumerDir
    const typesDir = path.join(consumer, 'types')
    await mkdir(typesDir, { recursive: true })
    const files = ['model-ids-and-refused-params.ts', 'openai-compat.ts', 'openai-params-spread.ts']
    for (const file of files)
      await copyFile(path.join(repoRoot, 'test', 'types', file), path.join(typesDir, file.replace(/\.ts$/, '.mts')))
    // `openai` (types only, no dependencies of its own) from the repository's dev dependencies.
    await symlink(path.join(repoRoot, 'node_modules', 'openai'), path.join(consumer, 'node_modules', 'openai'), 'dir')
    const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc')
    const args = [
      '--noEmit',
      '--strict',
      '--target',
      'es2022',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
    ]
    const result = await run(
      process.execPath,
      [tsc, ...args, ...files.map((file) => path.join('types', file.replace(/\.ts$/, '.mts')))],
      consumer,
    )
    expect(result.code, result.stdout + result.stderr).toBe(0)
  }, 90_000)

  it('reports the cold import time (median of 5 fresh processes; not asserted)', async () => {
    const timing = await measureImportTime(current().consumerDir)
    console.log(`[packaging] ${describeImportTime(timing)}`)
    expect(Number.isFinite(timing.median)).toBe(true)
  })
})

async function bundle(entry: string, options: BuildOptions): Promise<string> {
  const result = await build({
    entryPoints: [path.join(current().consumerDir, entry)],
    absWorkingDir: current().consumerDir,
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    logLevel: 'silent',
    ...options,
  })
  const [file] = result.outputFiles ?? []
  if (file === undefined) throw new Error('esbuild produced no output')
  return file.text
}

interface BundledFile {
  readonly path: string
  readonly bytes: number
  readonly gzipped: number
}

/**
 * What a user's bundler ships for the first load of `entry`: esbuild (minified, browser, ESM) with code
 * splitting, as apps are bundled. The first load is the entry chunk plus the chunks it imports
 * statically (transitively); chunks reached only through dynamic `import()` (token.js's embeddings,
 * FIM, model list, live catalogue and OpenAI-family mapping, loaded on first use) are listed apart and
 * not counted, since a chat-only app never downloads them. Each file is gzipped on its own, as served.
 */
async function splitBundle(entry: string): Promise<{ firstLoad: BundledFile[]; lazy: BundledFile[] }> {
  const outdir = path.join(current().workDir, 'split-bundle')
  const result = await build({
    entryPoints: [path.join(current().consumerDir, entry)],
    absWorkingDir: current().consumerDir,
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    minify: true,
    splitting: true,
    outdir,
    metafile: true,
    logLevel: 'silent',
  })
  const outputs = result.metafile.outputs
  const files = new Map(result.outputFiles.map((file) => [path.relative(current().consumerDir, file.path), file.text]))
  const entryOutput = Object.keys(outputs).find((name) => outputs[name]?.entryPoint === entry)
  if (entryOutput === undefined) throw new Error(`esbuild produced no chunk for ${entry}`)
  const reached = new Set<string>()
  const pending = [entryOutput]
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (reached.has(name)) continue
    reached.add(name)
    for (const record of outputs[name]?.imports ?? []) {
      if (record.kind === 'import-statement' && !record.external) pending.push(record.path)
    }
  }
  const describe = (name: string): BundledFile => {
    const text = files.get(name) ?? ''
    return { path: name, bytes: Buffer.byteLength(text), gzipped: gzipSync(text, { level: 9 }).length }
  }
  const names = Object.keys(outputs).filter((name) => name.endsWith('.js'))
  return {
    firstLoad: names.filter((name) => reached.has(name)).map(describe),
    lazy: names.filter((name) => !reached.has(name)).map(describe),
  }
}

/**
 * What Node prints for an uncaught error from the installed package. With the bundle minified onto one
 * line, Node echoed that line: a `temperature: 3` mistake printed 75,004 bytes (ESM) and 118,756 (CJS)
 * before issue #19; lines of ≤ 120 characters bring it to ~1.1–1.3 KB (the path of the scratch
 * directory is part of it).
 */
const UNCAUGHT_STDERR_BUDGET = 2 * 1024

describe('readable failures (an uncaught InputError)', () => {
  const uncaught = async (args: string[]): Promise<string> => {
    const result = await run(process.execPath, args, current().consumerDir)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("InputError: Parameter 'temperature' is 3, but mistral")
    return result.stderr
  }

  for (const file of ['uncaught.mjs', 'uncaught.cjs']) {
    it(`${file}: stderr ≤ ${kb(UNCAUGHT_STDERR_BUDGET)}, no line longer than 200 characters`, async () => {
      const stderr = await uncaught([file])
      const bytes = Buffer.byteLength(stderr)
      console.log(`[packaging] uncaught temperature: 3 InputError (${file}): ${bytes} bytes of stderr`)
      expect(bytes).toBeLessThanOrEqual(UNCAUGHT_STDERR_BUDGET)
      const longest = Math.max(...stderr.split('\n').map((line) => line.length))
      expect(longest).toBeLessThanOrEqual(200)
      // The frames still name our functions (identifiers are not mangled).
      expect(stderr).toMatch(/^ {4}at requireNumberInRange \(/m)
      expect(stderr.match(/^ {4}at /gm)?.length ?? 0).toBeGreaterThanOrEqual(3)
    })
  }

  // The shipped line maps (scripts/line-source-map.ts, with a `sourceRoot`) lead a frame to the source line.
  it('uncaught.mjs under --enable-source-maps: the throwing frame points at its line of src/core/feature-gate.ts', async () => {
    const stderr = await uncaught(['--enable-source-maps', 'uncaught.mjs'])
    const lines = (await readFile(path.join(repoRoot, 'src', 'core', 'feature-gate.ts'), 'utf8')).split('\n')
    const start = lines.findIndex((line) => line.startsWith('export function requireNumberInRange('))
    const throwing = lines.findIndex((line, index) => index > start && line.includes('throw new InputError(')) + 1
    expect(start).toBeGreaterThanOrEqual(0)
    expect(stderr).toMatch(
      new RegExp(`^ {4}at requireNumberInRange \\(.*/src/core/feature-gate\\.ts:${throwing}:\\d+\\)$`, 'm'),
    )
  })
})

/** `node:` imports, or bare Node built-ins imported/required (`require("http")`, `from "fs"`). */
const NODE_IMPORT =
  /(?:from\s*|import\s*\(\s*|require\s*\(\s*|import\s+)["'](?:node:[\w/]+|(?:http|https|net|tls|fs|path|os|zlib|stream|events|url|util|crypto|child_process|buffer)(?:\/[\w/]*)?)["']/g

describe('browser and edge bundles', () => {
  it('a browser bundle of the ESM entry has no node: (or Node built-in) imports', async () => {
    const code = await bundle('size-entry.mjs', { platform: 'browser' })
    expect(code.match(NODE_IMPORT) ?? []).toEqual([])
    expect(code).not.toContain('node:http')
    // Non-vacuity: the same check does see the node transport when it is bundled.
    const nodeTransport = await bundle('node_modules/token.js/dist/core/node-transport.js', {
      platform: 'node',
      packages: 'external',
    })
    expect(nodeTransport.match(NODE_IMPORT)?.length ?? 0).toBeGreaterThan(0)
  })

  it('a worker/edge bundle (conditions workerd, worker, browser; platform neutral) has no node: imports', async () => {
    const code = await bundle('size-entry.mjs', {
      platform: 'neutral',
      conditions: ['workerd', 'worker', 'browser', 'import'],
      mainFields: ['module', 'main'],
    })
    expect(code.match(NODE_IMPORT) ?? []).toEqual([])
  })

  it(`TokenJS + one Mistral chat bundles to ≤ ${kb(CONSUMER_MIN_GZIP_BUDGET)} min+gzip`, async () => {
    const { firstLoad, lazy } = await splitBundle('size-entry.mjs')
    const minified = firstLoad.reduce((sum, file) => sum + file.bytes, 0)
    const gzipped = firstLoad.reduce((sum, file) => sum + file.gzipped, 0)
    const lazyGzipped = lazy.reduce((sum, file) => sum + file.gzipped, 0)
    console.log(
      `[packaging] consumer bundle (TokenJS + Mistral chat), first load: ${kb(minified)} min, ${kb(gzipped)} (${gzipped} bytes) min+gzip ` +
        `in ${firstLoad.length} file(s) (budget ${kb(CONSUMER_MIN_GZIP_BUDGET)}); loaded on demand: ${lazy.length} chunk(s), ${kb(lazyGzipped)} min+gzip`,
    )
    // Non-vacuity: the split did happen (embeddings, FIM, models, the OpenAI family are chunks of their own).
    expect(lazy.length).toBeGreaterThan(0)
    expect(gzipped).toBeLessThanOrEqual(CONSUMER_MIN_GZIP_BUDGET)
  })

  it(`the packed package installs to ≤ ${kb(UNPACKED_BUDGET)} (unpacked tarball; target ${kb(UNPACKED_TARGET)})`, () => {
    const { packedSize, unpackedSize, fileCount } = current()
    console.log(
      `[packaging] npm pack: ${kb(packedSize)} packed, ${kb(unpackedSize)} unpacked, ${fileCount} files (target ${kb(UNPACKED_TARGET)}, ceiling ${kb(UNPACKED_BUDGET)})`,
    )
    if (unpackedSize > UNPACKED_TARGET) {
      console.warn(
        `[packaging] WARNING: unpacked size ${kb(unpackedSize)} is above the ${kb(UNPACKED_TARGET)} target of issue 18.`,
      )
    }
    expect(unpackedSize).toBeLessThanOrEqual(UNPACKED_BUDGET)
  })
})

const hasChromium = existsSync(CHROMIUM)
if (!hasChromium) {
  console.warn(`[packaging] SKIPPING the headless-browser test: ${CHROMIUM} is missing (apt-get install -y chromium).`)
}

describe('headless Chromium', () => {
  it.skipIf(!hasChromium)(
    'runs a chat completion and a stream over fetch (CORS), and guards the API key',
    async () => {
      const page = await bundle('browser-page.mjs', { platform: 'browser' })
      const emulator = await startMistralEmulator()
      const server = await serve({
        '/': {
          type: 'text/html',
          body: '<!doctype html><meta charset="utf-8"><title>token.js</title><script type="module" src="/page.js"></script>',
        },
        '/page.js': { type: 'text/javascript', body: page },
      })
      const { chromium } = await import('playwright-core')
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      })
      try {
        const tab = await browser.newPage()
        const errors: string[] = []
        tab.on('pageerror', (error) => errors.push(String(error)))
        const query = new URLSearchParams({ apiKey: emulator.apiKey, baseURL: emulator.url })
        await tab.goto(`${server.origin}/?${query.toString()}`)
        await tab.waitForFunction(
          () => (globalThis as { __tokenjsResult?: unknown }).__tokenjsResult !== undefined,
          undefined,
          { timeout: 15_000 },
        )
        const result = (await tab.evaluate(
          () => (globalThis as { __tokenjsResult?: unknown }).__tokenjsResult,
        )) as Record<string, unknown>
        expect(errors).toEqual([])
        expect(result.error).toBeUndefined()
        expect(result.guard).toMatchObject({ threw: true, inputError: true })
        expect((result.guard as { message: string }).message).toMatch(/dangerouslyAllowBrowser/)
        expect(result.completion).toMatchObject({ object: 'chat.completion', finish: 'stop' })
        expect(result.stream).toMatchObject({ finish: 'stop' })
        expect((result.stream as { chunks: number }).chunks).toBeGreaterThan(1)
        // Cross-origin with Authorization: the browser sent a CORS preflight and the emulator allowed it.
        const chatRequests = emulator.requests.filter((request) => request.path === '/v1/chat/completions')
        expect(chatRequests.length).toBe(2)
        expect(chatRequests.every((request) => request.headers['user-agent']?.includes('Chrome') === true)).toBe(true)
      } finally {
        await browser.close()
        await server.close()
        await emulator.close()
      }
    },
    60_000,
  )
})

interface StaticServer {
  readonly origin: string
  close(): Promise<void>
}

function serve(routes: Record<string, { type: string; body: string }>): Promise<StaticServer> {
  return new Promise((resolve, reject) => {
    const server: Server = createServer((request, response) => {
      const route = routes[new URL(request.url ?? '/', 'http://x').pathname]
      if (route === undefined) {
        response.writeHead(404).end()
        return
      }
      response
        .writeHead(200, { 'content-type': `${route.type}; charset=utf-8`, 'cache-control': 'no-store' })
        .end(route.body)
    })
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections()
            server.close(() => done())
          }),
      })
    })
  })
}
