/**
 * `npm run build` → dist/: ESM (`.js`) and CommonJS (`.cjs`) with declarations for both.
 *
 * - ESM: esbuild, entries `src/index.ts`, `src/emulator/index.ts`, `src/core/node-transport.ts` and the
 *   emulator CLI, code splitting (shared code in dist/chunks/, so each class exists once per format).
 * - CommonJS: esbuild, one bundle per public entry (`index.cjs`, `emulator/index.cjs`); `import()` becomes
 *   a lazy `require()`, so the node:http transport is still evaluated only when first used.
 * - The node:http transport in ESM: client.ts imports `./core/node-transport.js` dynamically. In dist that
 *   import becomes `#node-transport` (package.json `imports`): the `node` condition resolves to the real
 *   transport, anything else (browsers, workers, edge bundlers) to a stub whose factory returns undefined,
 *   so browser and edge bundles never contain `node:` modules. Source, vitest and tsx keep the relative import.
 * - Types: tsc emits the declarations once, into dist/types/ (CommonJS format, marked by its own
 *   package.json). Each entry gets a one-line `.d.ts` (ESM) and `.d.cts` (CJS) that re-export them, so
 *   `import` and `require` consumers each see declarations in their entry's format without shipping
 *   every declaration twice (an ESM file may import CommonJS declarations; the reverse is not allowed).
 */
import { execFileSync } from 'node:child_process'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, type Plugin } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const srcDir = path.join(root, 'src')
const distDir = path.join(root, 'dist')
const NODE_TRANSPORT_SOURCE = path.join(srcDir, 'core', 'node-transport.ts')
const NODE_TRANSPORT_SPECIFIER = '#node-transport'

/** Public entry points: sub-path → source file (relative to src/, without extension). */
const entries = { '.': 'index', './emulator': 'emulator/index' } as const

const common = {
  bundle: true,
  outdir: distDir,
  outbase: srcDir,
  target: 'es2022',
  platform: 'neutral',
  legalComments: 'none',
  logLevel: 'warning',
  charset: 'utf8',
  // Whitespace and syntax only: identifiers (function and class names) stay, so stack traces stay
  // readable, and the installed package stays within its size budget (issue #6: ≤ 300 KB).
  minifyWhitespace: true,
  minifySyntax: true,
} as const

/** Bare specifiers (`node:*`) stay imports; in ESM the node transport becomes `#node-transport`. */
function externals(format: 'esm' | 'cjs'): Plugin {
  return {
    name: 'token.js-externals',
    setup(builder) {
      builder.onResolve({ filter: /^[^./]/ }, (args) => ({ path: args.path, external: true }))
      if (format !== 'esm') return
      builder.onResolve({ filter: /node-transport\.js$/ }, (args) => {
        const target = path.resolve(path.dirname(args.importer), args.path.replace(/\.js$/, '.ts'))
        if (target !== NODE_TRANSPORT_SOURCE) return undefined
        if (args.kind !== 'dynamic-import') {
          throw new Error(`${args.importer} imports the node transport statically; it must stay a dynamic import`)
        }
        return { path: NODE_TRANSPORT_SPECIFIER, external: true }
      })
    },
  }
}

const source = (name: string): string => path.join(srcDir, `${name}.ts`)

async function buildEsm(): Promise<void> {
  await build({
    ...common,
    entryPoints: [...Object.values(entries), 'core/node-transport', 'emulator/cli', 'cli/index'].map(source),
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    plugins: [externals('esm')],
  })
}

async function buildCjs(): Promise<void> {
  await build({
    ...common,
    entryPoints: Object.values(entries).map(source),
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    // `import()` → lazy `require()`: the node transport shares this bundle's error classes.
    supported: { 'dynamic-import': false },
    plugins: [externals('cjs')],
  })
}

const NODE_TRANSPORT_STUB =
  '/** Non-Node runtimes (browsers, workers, edge): no node:http transport; the client falls back to fetch. */\n' +
  'export function createNodeTransport() {\n  return undefined\n}\n'

async function writeFileIn(relativePath: string, text: string): Promise<void> {
  const file = path.join(distDir, relativePath)
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, text)
}

async function writeDeclarations(): Promise<void> {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc')
  execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' })
  await writeFileIn('types/package.json', '{\n  "type": "commonjs"\n}\n')
  for (const name of Object.values(entries)) {
    const up = name.includes('/') ? '../'.repeat(name.split('/').length - 1) : './'
    const stub = `export * from '${up}types/${name}.js'\n`
    await writeFileIn(`${name}.d.ts`, stub)
    await writeFileIn(`${name}.d.cts`, stub)
  }
}

export async function runBuild(): Promise<void> {
  const started = performance.now()
  await rm(distDir, { recursive: true, force: true })
  await Promise.all([buildEsm(), buildCjs()])
  await writeFileIn('core/node-transport-stub.js', NODE_TRANSPORT_STUB)
  const cli = path.join(distDir, 'emulator', 'cli.js')
  await writeFile(cli, `#!/usr/bin/env node\n${await readFile(cli, 'utf8')}`)
  await writeDeclarations()
  console.log(`build: dist/ (ESM, CJS, declarations) in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await runBuild()
}
