/**
 * `npm run build` → dist/: ESM (`.js`) and CommonJS (`.cjs`) with declarations for both.
 *
 * - ESM, the library: esbuild, entries `src/index.ts` and `src/core/node-transport.ts`, code splitting
 *   (shared code in dist/chunks/, so each class exists once per format). What a chat completion does not
 *   need is a dynamic `import()` in the source (the embeddings, completions and models pipelines, the
 *   live model catalogue, the providers' embeddings/FIM/model-list mapping): each becomes a chunk loaded
 *   on first use. `import('token.js')` reads exactly two files: index.js and the one chunk with the
 *   eager code (checked below). esbuild makes one chunk per set of entry points and dynamic imports
 *   reaching a module, so eager modules would otherwise scatter over many small chunks, one per
 *   combination of lazy importers (each extra file costs ~1 ms of cold import): every lazy module and
 *   the node transport are "anchored" to src/index.ts (see `anchorLazyModules`), so all eager code has
 *   the same set of importers and lands in one chunk. A user's bundler re-splitting dist/ sees the
 *   same structure: their first load is their entry plus that chunk.
 * - ESM, the tools (`token.js/emulator`, the emulator CLI, the `tokenjs` CLI): a second esbuild run with
 *   its own splitting. What they use of the library (TokenJS, errors, VERSION, the model tables) they
 *   import from the package itself (`token.js`, Node's self-reference through `exports`), so nothing
 *   is bundled twice and the CLI's `instanceof` checks see the library's classes.
 * - CommonJS: esbuild, one bundle per public entry (`index.cjs`, `emulator/index.cjs`); `import()` becomes
 *   a lazy `require()`, so the node:http transport and the lazy pipelines are still evaluated only when
 *   first used. The emulator's bundle requires the library the same way (`require('token.js')`).
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
import { mkdir, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, type Plugin } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const srcDir = path.join(root, 'src')
/** The emulator kit's sources (an npm workspace of its own, packages/emulator). */
const emulatorDir = path.join(root, 'packages', 'emulator', 'src')
const distDir = path.join(root, 'dist')
const NODE_TRANSPORT_SOURCE = path.join(srcDir, 'core', 'node-transport.ts')
const NODE_TRANSPORT_SPECIFIER = '#node-transport'

/** Public entry points: sub-path → source file (relative to src/, without extension). */
const entries = { '.': 'index', './emulator': 'emulator/index' } as const
/** Entries of the tools build (everything but the library). */
const toolEntries = ['emulator/index', 'emulator/cli', 'cli/index'] as const
/**
 * Library modules the tools import at run time, as `token.js` (each name they import from these is a
 * public export of src/index.ts; the build checks it).
 */
const LIBRARY_MODULES = [
  'client',
  'errors',
  'version',
  'providers/mistral/models',
  'providers/mistral/embedding-models',
  'providers/index',
]
const INDEX_SOURCE = path.join(srcDir, 'index.ts')

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
  // Lines of at most ~120 characters: Node prints the line an uncaught error was thrown from, and a
  // one-line bundle made that ~75 KB of stderr (issue #19). Costs a newline per line, nothing else.
  lineLimit: 120,
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

/** `emulator/…` names live in packages/emulator/src/, everything else in src/. */
const source = (name: string): string =>
  name.startsWith('emulator/')
    ? path.join(emulatorDir, `${name.slice('emulator/'.length)}.ts`)
    : path.join(srcDir, `${name}.ts`)
/** An esbuild entry whose output keeps the entry's name (`emulator/index` → dist/emulator/index.js). */
const entry = (name: string): { in: string; out: string } => ({ in: source(name), out: name })
const ANCHOR_EXPORT = '__tokenjsEagerChunk'

/**
 * Appends `export { VERSION as __tokenjsEagerChunk } from '<src/index.ts>'` to every dynamically imported
 * module and to the node transport (an entry of its own). esbuild assigns a module to a chunk by the set
 * of entries and dynamic imports that reach it; with the anchor every lazy module reaches all of
 * src/index.ts's static graph, so the eager code is one chunk (loaded by index.js anyway) instead of one
 * chunk per combination of lazy importers. Costs one re-exported name per lazy chunk.
 */
function anchorLazyModules(): Plugin {
  return {
    name: 'token.js-anchor-lazy-modules',
    setup(builder) {
      const lazy = new Set([NODE_TRANSPORT_SOURCE])
      builder.onResolve({ filter: /^\./ }, (args) => {
        if (args.kind === 'dynamic-import')
          lazy.add(path.resolve(path.dirname(args.importer), args.path.replace(/\.js$/, '.ts')))
        return undefined
      })
      builder.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (!lazy.has(args.path)) return undefined
        const text = await readFile(args.path, 'utf8')
        return {
          contents: `${text}\nexport { VERSION as ${ANCHOR_EXPORT} } from ${JSON.stringify(INDEX_SOURCE)}\n`,
          loader: 'ts',
        }
      })
    },
  }
}

/** In the tools build, the library's modules are the package itself (`token.js`), never bundled again. */
function libraryFromPackage(): Plugin {
  const library = new Set(LIBRARY_MODULES.map(source))
  return {
    name: 'token.js-library-from-package',
    setup(builder) {
      builder.onResolve({ filter: /^\./ }, (args) => {
        const target = path.resolve(path.dirname(args.importer), args.path.replace(/\.js$/, '.ts'))
        return library.has(target) ? { path: 'token.js', external: true } : undefined
      })
    },
  }
}

async function buildLibraryEsm(): Promise<Set<string>> {
  const result = await build({
    ...common,
    entryPoints: [source('index'), NODE_TRANSPORT_SOURCE],
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    plugins: [externals('esm'), anchorLazyModules()],
  })
  const outputs = result.metafile.outputs
  const index = outputs[path.relative(root, path.join(distDir, 'index.js'))]
  if (index === undefined) throw new Error('build: no dist/index.js in the metafile')
  // The cold import reads index.js and the eager chunk, nothing else (see the header).
  const firstLoad = index.imports.filter((record) => record.kind === 'import-statement' && !record.external)
  const nested = firstLoad.flatMap((record) =>
    (outputs[record.path]?.imports ?? []).filter((inner) => inner.kind === 'import-statement' && !inner.external),
  )
  if (firstLoad.length > 1 || nested.length > 0) {
    const files = [...firstLoad, ...nested].map((record) => record.path).join(', ')
    throw new Error(
      `build: import('token.js') would load index.js plus ${files}; expected one eager chunk (is a lazy module missing its anchor?)`,
    )
  }
  return new Set(index.exports)
}

async function buildToolsEsm(publicNames: ReadonlySet<string>): Promise<void> {
  const result = await build({
    ...common,
    // The tools (emulator, CLIs) are not in an app's stack traces: short local names keep the package
    // within its size ceiling (issue #6) now that it carries three emulators.
    minifyIdentifiers: true,
    entryPoints: toolEntries.map(entry),
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/tools-[name]-[hash]',
    write: false,
    plugins: [externals('esm'), libraryFromPackage()],
  })
  for (const file of result.outputFiles) {
    checkLibraryImports(file.path, file.text, /import\s*\{([^}]*)\}\s*from\s*"token\.js"/g, publicNames)
    await mkdir(path.dirname(file.path), { recursive: true })
    await writeFile(file.path, file.contents)
  }
}

async function buildCjs(publicNames: ReadonlySet<string>): Promise<void> {
  const options = {
    ...common,
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    // `import()` → lazy `require()`: the node transport shares this bundle's error classes.
    supported: { 'dynamic-import': false },
  } as const
  await build({ ...options, entryPoints: [source(entries['.'])], plugins: [externals('cjs')] })
  const emulator = await build({
    ...options,
    minifyIdentifiers: true,
    entryPoints: [entry(entries['./emulator'])],
    write: false,
    plugins: [externals('cjs'), libraryFromPackage()],
  })
  for (const file of emulator.outputFiles) {
    // esbuild reads the library through namespace variables: `import_models=require("token.js")` … `import_models.mistralModels`.
    for (const [, binding] of file.text.matchAll(/(\w+)\s*=\s*require\("token\.js"\)/g)) {
      checkLibraryImports(file.path, file.text, new RegExp(`\\b${binding}\\.(\\w+)`, 'g'), publicNames)
    }
    await mkdir(path.dirname(file.path), { recursive: true })
    await writeFile(file.path, file.contents)
  }
}

/** Every name a tool imports from `token.js` must be a public export of the library. */
function checkLibraryImports(file: string, text: string, pattern: RegExp, publicNames: ReadonlySet<string>): void {
  for (const match of text.matchAll(pattern)) {
    for (const item of (match[1] ?? '').split(',')) {
      const name = item.trim().split(/\s+as\s+/)[0]
      if (name !== undefined && name !== '' && !publicNames.has(name)) {
        throw new Error(
          `build: ${path.relative(root, file)} imports '${name}' from token.js, which src/index.ts does not export`,
        )
      }
    }
  }
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
  // tsc's rootDir is the repository (the emulator's sources are in packages/emulator/src/), so dist/types/
  // mirrors it: dist/types/src/index.d.ts, dist/types/packages/emulator/src/index.d.ts.
  const declaration = (name: string): string => path.relative(root, source(name)).replace(/\.ts$/, '')
  await pruneDeclarations(
    Object.values(entries).map((name) => path.join(distDir, 'types', `${declaration(name)}.d.ts`)),
  )
  for (const name of Object.values(entries)) {
    const up = name.includes('/') ? '../'.repeat(name.split('/').length - 1) : './'
    const stub = `export * from '${up}types/${declaration(name).split(path.sep).join('/')}.js'\n`
    await writeFileIn(`${name}.d.ts`, stub)
    await writeFileIn(`${name}.d.cts`, stub)
  }
}

/**
 * tsc emits a declaration for every source file; only those the public entries' declarations reach
 * (through `from '…'` and `import('…')`) can ever be read. The others (pipelines, mappers, emulator
 * internals: ~75 files) are deleted from dist/types.
 */
async function pruneDeclarations(roots: readonly string[]): Promise<void> {
  const reached = new Set<string>()
  const pending = [...roots]
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (reached.has(file)) continue
    reached.add(file)
    const text = await readFile(file, 'utf8')
    for (const [, specifier] of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)["'](\.\.?\/[^"']+)["']/g)) {
      const base = path.resolve(path.dirname(file), specifier ?? '').replace(/\.js$/, '')
      for (const candidate of [`${base}.d.ts`, path.join(base, 'index.d.ts')]) {
        if (
          await readFile(candidate).then(
            () => true,
            () => false,
          )
        ) {
          pending.push(candidate)
          break
        }
      }
    }
  }
  const typesDir = path.join(distDir, 'types')
  for (const entry of await readdir(typesDir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name)
    if (entry.isFile() && file.endsWith('.d.ts') && !reached.has(file)) await unlink(file)
  }
}

export async function runBuild(): Promise<void> {
  const started = performance.now()
  await rm(distDir, { recursive: true, force: true })
  const publicNames = await buildLibraryEsm()
  await Promise.all([buildToolsEsm(publicNames), buildCjs(publicNames)])
  await writeFileIn('core/node-transport-stub.js', NODE_TRANSPORT_STUB)
  const cli = path.join(distDir, 'emulator', 'cli.js')
  await writeFile(cli, `#!/usr/bin/env node\n${await readFile(cli, 'utf8')}`)
  await writeDeclarations()
  console.log(`build: dist/ (ESM, CJS, declarations) in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await runBuild()
}
