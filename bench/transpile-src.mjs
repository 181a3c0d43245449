// A copy of src/ (or a snapshot of it) transpiled file by file with esbuild, as A/B runs load it: plain ESM,
// no tsx loader and no keepNames `__name` wrappers (they cost per call in setup paths). Used by ab.mjs,
// instructions.mjs, scaling.mjs and run.mjs.
import { readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Transpiles every .ts file under `from` to `to` (ESM, es2022); returns `to`. */
export function transpile(from, to) {
  const esbuild = createRequire(join(root, 'package.json'))('esbuild')
  rmSync(to, { recursive: true, force: true })
  const entryPoints = []
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) entryPoints.push(full)
    }
  }
  walk(from)
  esbuild.buildSync({
    entryPoints,
    outdir: to,
    outbase: from,
    format: 'esm',
    platform: 'node',
    target: 'es2022',
    bundle: false,
    logLevel: 'error',
  })
  writeFileSync(join(to, 'package.json'), '{"type":"module"}\n')
  return to
}
