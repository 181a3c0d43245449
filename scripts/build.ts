/**
 * `npm run build` builds the three packages of this repository (`tsx scripts/build.ts sdk|emulator|cli`
 * builds one; each package's `prepack` builds its own):
 *
 * - `token.js` (the SDK, dist/): ESM only, with line source maps and declarations. Node's `require()`
 *   of ES modules (unflagged in Node 20.19+ and 22.12+) serves CommonJS callers from the same files;
 *   a second CommonJS copy of the library (~165 KB) does not fit the 300 KB installed-size target
 *   (issue 18). esbuild, entries `src/index.ts` and `src/core/node-transport.ts`, code splitting. What a
 *   chat completion does not need is a dynamic `import()` in the source (the embeddings, completions and
 *   models pipelines, the live model catalogue, the providers' embeddings/FIM/model-list mapping): each
 *   becomes a chunk loaded on first use. `import('token.js')` reads exactly two files: index.js and the
 *   one chunk with the eager code (checked below). esbuild makes one chunk per set of entry points and
 *   dynamic imports reaching a module, so eager modules would otherwise scatter over many small chunks,
 *   one per combination of lazy importers (each extra file costs ~1 ms of cold import): every lazy
 *   module and the node transport are "anchored" to src/index.ts (see `anchorLazyModules`), so all
 *   eager code has the same set of importers and lands in one chunk.
 *   Then terser shortens local variables and parameters and applies its safe compressions (no inlining of
 *   functions): function and class names stay (stack traces and `error.constructor.name` read as in the
 *   source, without source maps), ~20 % smaller.
 *   The maps are cut to line precision (scripts/line-source-map.ts) so that they fit the size budget.
 *   Declarations: tsc's per-file output, pruned to what the public entry reaches and trimmed
 *   (`trimDeclarations`), then rolled up into one dist/index.d.ts (`rollUpDeclarations`).
 * - The node:http transport in ESM: client.ts imports `./core/node-transport.js` dynamically. In dist that
 *   import becomes `#node-transport` (package.json `imports`): the `node` condition resolves to the real
 *   transport, anything else (browsers, workers, edge bundlers) to a stub whose factory returns undefined,
 *   so browser and edge bundles never contain `node:` modules. Source, vitest and tsx keep the relative import.
 * - `@tokenjs/emulator` (packages/emulator/dist): ESM and CommonJS (test suites of either kind start it),
 *   declarations for both (dist/types is CommonJS-format, marked by its own package.json; each entry gets
 *   a one-line `.d.ts` and `.d.cts`), and the `tokenjs-emulator` bin. It imports nothing from token.js.
 * - `tokenjs` (the CLI, packages/cli/dist): one ESM file from src/cli/. What it uses of the library
 *   (TokenJS, errors, VERSION, the Mistral tables, the provider list) it imports from `token.js`, a
 *   dependency, so its `instanceof` checks see the library's classes; the emulator command imports
 *   `@tokenjs/emulator`. The rest (the OpenAI table, name suggestions) is bundled.
 */
import { execFileSync } from 'node:child_process'
import { chmod, mkdir, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, type BuildOptions, type OutputFile, type Plugin } from 'esbuild'
import { minify } from 'terser'
import { toLineSourceMap } from './line-source-map.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const srcDir = path.join(root, 'src')
const distDir = path.join(root, 'dist')
/** The emulator kit (an npm workspace of its own). */
const emulatorRoot = path.join(root, 'packages', 'emulator')
const emulatorSrc = path.join(emulatorRoot, 'src')
const emulatorDist = path.join(emulatorRoot, 'dist')
/** The `tokenjs` CLI: sources in src/cli/, package in packages/cli/. */
const cliDist = path.join(root, 'packages', 'cli', 'dist')
const NODE_TRANSPORT_SOURCE = path.join(srcDir, 'core', 'node-transport.ts')
const NODE_TRANSPORT_SPECIFIER = '#node-transport'
const INDEX_SOURCE = path.join(srcDir, 'index.ts')
/**
 * Library modules the CLI imports at run time, as `token.js` (each name it imports from these is a
 * public export of src/index.ts; the build checks it).
 */
const LIBRARY_MODULES = [
  'client',
  'errors',
  'version',
  'providers/mistral/models',
  'providers/mistral/embedding-models',
  'providers/index',
].map((name) => path.join(srcDir, `${name}.ts`))

const common = {
  bundle: true,
  target: 'es2022',
  platform: 'neutral',
  legalComments: 'none',
  logLevel: 'warning',
  charset: 'utf8',
  // Whitespace and syntax only here: identifiers (function and class names) stay, so stack traces stay
  // readable (the SDK's locals are shortened by terser afterwards, see the header).
  minifyWhitespace: true,
  minifySyntax: true,
  // Lines of at most ~120 characters: Node prints the line an uncaught error was thrown from, and a
  // one-line bundle made that ~75 KB of stderr (issue #19). Costs a newline per line, nothing else.
  lineLimit: 120,
} as const satisfies BuildOptions

/** Bare specifiers (`node:*`, `token.js`) stay imports; in ESM the node transport becomes `#node-transport`. */
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

/**
 * In the CLI build the library's public modules are the package itself (`token.js`) and the emulator kit
 * is `@tokenjs/emulator`: neither is bundled again.
 */
function packagesOfTheCli(): Plugin {
  const library = new Set(LIBRARY_MODULES)
  return {
    name: 'token.js-packages-of-the-cli',
    setup(builder) {
      builder.onResolve({ filter: /^\./ }, (args) => {
        const target = path.resolve(path.dirname(args.importer), args.path.replace(/\.js$/, '.ts'))
        if (library.has(target)) return { path: 'token.js', external: true }
        if (target.startsWith(emulatorSrc + path.sep)) return { path: '@tokenjs/emulator', external: true }
        return undefined
      })
    },
  }
}

async function writeOutput(file: OutputFile): Promise<void> {
  await mkdir(path.dirname(file.path), { recursive: true })
  await writeFile(file.path, file.contents)
}

/**
 * terser on one ESM output of the library: locals and parameters shortened, function and class names
 * kept; its map chained onto esbuild's and cut to lines.
 */
async function shortenLocals(code: OutputFile, map: OutputFile | undefined): Promise<void> {
  const name = path.basename(code.path)
  const result = await minify(code.text, {
    module: true,
    // Safe transformations on top of esbuild's syntax minification (`void 0!==x`, dead branches, constants):
    // installed -1,034 bytes and a browser app's first load -113 bytes min+gzip (issue 18). `keep_fnames`,
    // `keep_classnames` keep the names; `inline: false` and `reduce_funcs: false` keep every function its own
    // stack frame where it was (the frames of a failing call read as without compress); with `reduce_funcs`
    // on, installed was 720 bytes smaller but the first load 151 bytes larger once gzipped than without compress.
    compress: { keep_fnames: true, keep_classnames: true, inline: false, reduce_funcs: false, sequences: false },
    // Top-level names are shortened too, except those holding a class or a function: esbuild writes
    // `var InputError = class …`, whose name (error.constructor.name, stack frames) comes from the variable.
    mangle: { keep_fnames: true, keep_classnames: true, reserved: namedValues(code.text) },
    format: { max_line_len: 120, comments: false },
    sourceMap: map === undefined ? false : { content: map.text, url: `${name}.map` },
  })
  if (result.code === undefined) throw new Error(`build: terser returned no code for ${code.path}`)
  const lineMap = map === undefined || typeof result.map !== 'string' ? undefined : toLineSourceMap(result.map)
  // A map without a single mapping (index.js and a chunk that only re-export) tells a debugger nothing:
  // neither it nor the comment pointing at it ships.
  const empty = lineMap !== undefined && (JSON.parse(lineMap) as { mappings: string }).mappings === ''
  const text = empty ? result.code.replace(/\n\/\/# sourceMappingURL=\S+$/, '') : result.code
  await mkdir(path.dirname(code.path), { recursive: true })
  await writeFile(code.path, `${text}\n`)
  if (map !== undefined && lineMap !== undefined && !empty) await writeFile(map.path, lineMap)
}

/** Variables bound to a class or function expression (their names are the values' names). */
function namedValues(code: string): string[] {
  const binding =
    /(?:\bvar |\blet |\bconst |,)\s*([A-Za-z_$][\w$]*)\s*=\s*(?:class\b|(?:async\s*)?(?:function\b|\([^()]*\)\s*=>|[A-Za-z_$][\w$]*\s*=>))/g
  return [...new Set([...code.matchAll(binding)].map((match) => match[1] as string))]
}

async function buildSdkEsm(): Promise<Set<string>> {
  const result = await build({
    ...common,
    outdir: distDir,
    outbase: srcDir,
    entryPoints: [INDEX_SOURCE, NODE_TRANSPORT_SOURCE],
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: 'external',
    sourcesContent: false,
    metafile: true,
    write: false,
    plugins: [externals('esm'), anchorLazyModules()],
  })
  const maps = new Map(result.outputFiles.filter((file) => file.path.endsWith('.map')).map((file) => [file.path, file]))
  for (const file of result.outputFiles) {
    if (!file.path.endsWith('.map')) await shortenLocals(file, maps.get(`${file.path}.map`))
  }
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

async function buildCli(publicNames: ReadonlySet<string>): Promise<void> {
  const result = await build({
    ...common,
    entryPoints: [path.join(srcDir, 'cli', 'index.ts')],
    outfile: path.join(cliDist, 'index.js'),
    format: 'esm',
    write: false,
    plugins: [externals('esm'), packagesOfTheCli()],
  })
  for (const file of result.outputFiles) {
    checkLibraryImports(file.path, file.text, /import\s*\{([^}]*)\}\s*from\s*"token\.js"/g, publicNames)
    await writeOutput(file)
  }
  await chmod(path.join(cliDist, 'index.js'), 0o755)
}

async function buildEmulator(): Promise<void> {
  const options = { ...common, outdir: emulatorDist, outbase: emulatorSrc } as const
  const esm = build({
    ...options,
    entryPoints: [path.join(emulatorSrc, 'index.ts'), path.join(emulatorSrc, 'cli.ts')],
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    plugins: [externals('esm')],
  })
  const cjs = build({
    ...options,
    entryPoints: [path.join(emulatorSrc, 'index.ts')],
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    supported: { 'dynamic-import': false },
    plugins: [externals('cjs')],
  })
  await Promise.all([esm, cjs])
  const cli = path.join(emulatorDist, 'cli.js')
  await writeFile(cli, `#!/usr/bin/env node\n${await readFile(cli, 'utf8')}`)
  await chmod(cli, 0o755)
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc')
  const config = path.join(emulatorRoot, 'tsconfig.build.json')
  execFileSync(process.execPath, [tsc, '-p', config], { cwd: root, stdio: 'inherit' })
  const types = path.join(emulatorDist, 'types')
  await writeFile(path.join(types, 'package.json'), '{\n  "type": "commonjs"\n}\n')
  await pruneDeclarations([path.join(types, 'index.d.ts')], types)
  for (const stub of ['index.d.ts', 'index.d.cts']) {
    await writeFile(path.join(emulatorDist, stub), `export * from './types/index.js'\n`)
  }
}

/** Every name the CLI imports from `token.js` must be a public export of the library. */
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

async function writeSdkDeclarations(): Promise<void> {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc')
  execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' })
  // One declaration entry for `import` and `require` alike: `require('token.js')` loads the ES module
  // itself (Node 20.19+, 22.12+), and TypeScript models that from 5.8 on (`module: nodenext`).
  // tsc writes per-file declarations to dist/types, deleted once rolled up into dist/index.d.ts (which
  // reads only the files the entry reaches, so they need no pruning first).
  const types = path.join(distDir, 'types')
  await trimDeclarations(types)
  const output = path.join(distDir, 'index.d.ts')
  await rollUpDeclarations(path.join(types, 'index.d.ts'), output)
  await writeFile(output, dropUnreadJsDoc(await readFile(output, 'utf8')))
  await rm(types, { recursive: true, force: true })
}

/**
 * Drops each JSDoc block that another JSDoc block follows directly: the source files' header comments
 * (the map of a module for its maintainers), which the roll-up leaves right above the file's first
 * declaration. TypeScript reads only the last JSDoc block before a declaration (hover, signature help,
 * `@deprecated`, `@internal`), so no editor ever shows these; ~5.9 KB of the declarations.
 */
function dropUnreadJsDoc(text: string): string {
  return text.replace(/\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*(?=\/\*\*)/g, '')
}

/**
 * The per-file declarations rolled up into one `dist/index.d.ts` (rollup-plugin-dts): only what the
 * public entry reaches ships, each declaration once, without the `import`/`export` lines that tied 50
 * files together; JSDoc stays where `trimDeclarations` left it. Names a user never imports (the
 * provider contract, the registry's entry types) become local declarations of the one file.
 */
async function rollUpDeclarations(entry: string, output: string): Promise<void> {
  const { rollup } = await import('rollup')
  const { dts } = await import('rollup-plugin-dts')
  const warnings: string[] = []
  const bundle = await rollup({
    input: entry,
    plugins: [dts()],
    onwarn: (warning) => warnings.push(warning.message),
  })
  try {
    await bundle.write({ file: output, format: 'es' })
  } finally {
    await bundle.close()
  }
  if (warnings.length > 0) throw new Error(`build: rolling up the declarations warned:\n${warnings.join('\n')}`)
}

/**
 * tsc emits a declaration for every source file; only those the public entry's declarations reach
 * (through `from '…'` and `import('…')`) can ever be read. The others (pipelines, mappers, emulator
 * internals) are deleted.
 */
async function pruneDeclarations(roots: readonly string[], typesDir: string): Promise<void> {
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
  for (const entry of await readdir(typesDir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name)
    if (entry.isFile() && file.endsWith('.d.ts') && !reached.has(file)) await unlink(file)
  }
}

/**
 * The SDK's declarations, smaller for the size budget (issue 18) and the same to an editor: indentation
 * goes (tsc writes four spaces a level), and JSDoc stays only in the files src/index.ts re-exports from
 * (the public surface a user hovers); the internal files reached through them (the provider adapter
 * contract, registry internals, mappers' types) keep their types and lose their comments.
 */
async function trimDeclarations(typesDir: string): Promise<void> {
  const index = path.join(typesDir, 'index.d.ts')
  const indexText = await readFile(index, 'utf8')
  const publicFiles = new Set(
    [...indexText.matchAll(/\bfrom\s*["'](\.\.?\/[^"']+)["']/g)].map((match) =>
      path.resolve(typesDir, (match[1] ?? '').replace(/\.js$/, '.d.ts')),
    ),
  )
  publicFiles.add(index)
  for (const entry of await readdir(typesDir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name)
    if (!entry.isFile() || !file.endsWith('.d.ts')) continue
    let text = await readFile(file, 'utf8')
    if (!publicFiles.has(file)) text = text.replace(/^[ \t]*\/\*\*[\s\S]*?\*\/[ \t]*\n/gm, '')
    await writeFile(file, text.replace(/^[ \t]+/gm, ''))
  }
}

const seconds = (started: number): string => ((performance.now() - started) / 1000).toFixed(1)

/** Builds token.js into dist/; resolves with the names src/index.ts exports. */
export async function buildSdk(): Promise<Set<string>> {
  const started = performance.now()
  await rm(distDir, { recursive: true, force: true })
  const publicNames = await buildSdkEsm()
  await mkdir(path.join(distDir, 'core'), { recursive: true })
  await writeFile(path.join(distDir, 'core', 'node-transport-stub.js'), NODE_TRANSPORT_STUB)
  await writeSdkDeclarations()
  console.log(`build: token.js → dist/ (ESM, line source maps, declarations) in ${seconds(started)} s`)
  return publicNames
}

export async function buildEmulatorPackage(): Promise<void> {
  const started = performance.now()
  await rm(emulatorDist, { recursive: true, force: true })
  await buildEmulator()
  console.log(`build: @tokenjs/emulator → packages/emulator/dist/ (ESM, CJS, declarations) in ${seconds(started)} s`)
}

export async function buildCliPackage(publicNames?: ReadonlySet<string>): Promise<void> {
  const started = performance.now()
  await rm(cliDist, { recursive: true, force: true })
  await buildCli(publicNames ?? (await buildSdkEsmNames()))
  console.log(`build: tokenjs → packages/cli/dist/ in ${seconds(started)} s`)
}

/** The names src/index.ts exports, without writing dist/ (for a CLI-only build). */
async function buildSdkEsmNames(): Promise<Set<string>> {
  const result = await build({
    ...common,
    entryPoints: [INDEX_SOURCE],
    format: 'esm',
    write: false,
    metafile: true,
    plugins: [externals('esm')],
  })
  const [output] = Object.values(result.metafile.outputs)
  return new Set(output?.exports ?? [])
}

/** All three packages (what the packaging test packs). */
export async function runBuild(): Promise<void> {
  const publicNames = await buildSdk()
  await Promise.all([buildEmulatorPackage(), buildCliPackage(publicNames)])
}

const targets = { sdk: buildSdk, emulator: buildEmulatorPackage, cli: buildCliPackage, all: runBuild } as const

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const target = (process.argv[2] ?? 'all') as keyof typeof targets
  if (!(target in targets)) throw new Error(`build: unknown target '${target}' (sdk, emulator, cli or all)`)
  await targets[target]()
}
