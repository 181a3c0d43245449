// Install footprint: the files a user's node_modules gains by installing a package, its whole dependency
// closure included (dependencies, non-optional peers, optional deps that got installed), read from
// bench/package-lock.json. Sizes are apparent bytes (sum of file sizes, like npm's unpackedSize) plus
// disk usage rounded to 4 KiB blocks per file (roughly `du`).
import { execFileSync } from 'node:child_process'
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

function sizeOf(dir) {
  let bytes = 0
  let blocks = 0
  let files = 0
  const walk = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue
      const full = join(path, entry.name)
      if (entry.isDirectory()) walk(full)
      else {
        const size = lstatSync(full).size
        bytes += size
        blocks += Math.ceil(size / 4096) * 4096
        files++
      }
    }
  }
  walk(dir)
  return { bytes, blocks, files }
}

/** Closure of `names` in a lockfile-described tree rooted at `benchDir`. */
export function closureFootprint(benchDir, names) {
  const lock = JSON.parse(readFileSync(join(benchDir, 'package-lock.json'), 'utf8')).packages
  const resolve = (fromPath, name) => {
    for (let base = fromPath; ;) {
      const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`
      if (lock[candidate] !== undefined) return candidate
      if (base === '') return undefined
      const cut = base.lastIndexOf('/node_modules/')
      base = cut === -1 ? '' : base.slice(0, cut)
    }
  }
  const seen = new Set()
  const visit = (path) => {
    if (path === undefined || seen.has(path)) return
    seen.add(path)
    const entry = lock[path]
    const optionalPeers = entry.peerDependenciesMeta ?? {}
    const deps = [
      ...Object.keys(entry.dependencies ?? {}),
      ...Object.keys(entry.optionalDependencies ?? {}),
      ...Object.keys(entry.peerDependencies ?? {}).filter((name) => optionalPeers[name]?.optional !== true),
    ]
    for (const dep of deps) visit(resolve(path, dep))
  }
  for (const name of names) visit(resolve('', name))
  let bytes = 0
  let blocks = 0
  let files = 0
  for (const path of seen) {
    const dir = join(benchDir, path)
    if (!existsSync(dir)) continue // optional dependency for another platform
    const size = sizeOf(dir)
    bytes += size.bytes
    blocks += size.blocks
    files += size.files
  }
  return { packages: seen.size, bytes, blocks, files, dependencies: [...seen].length - names.length }
}

/** Ours: the files `npm pack` would publish (needs a built dist/), or a directory standing in for it. */
export function oursFootprint(root, standIn) {
  if (existsSync(join(root, 'dist'))) {
    const [pack] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }),
    )
    const blocks = pack.files.reduce((sum, file) => sum + Math.ceil(file.size / 4096) * 4096, 0)
    return {
      how: 'npm pack --dry-run (dist/ present)',
      bytes: pack.unpackedSize,
      blocks,
      files: pack.entryCount,
      packages: 1,
      dependencies: Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies ?? {}).length,
    }
  }
  const size = sizeOf(standIn)
  const pkg = lstatSync(join(root, 'package.json')).size
  return {
    how: 'no dist/: esbuild per-file transpile of src/ + package.json (stand-in for dist)',
    bytes: size.bytes + pkg,
    blocks: size.blocks + 4096,
    files: size.files + 1,
    packages: 1,
    dependencies: Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies ?? {}).length,
  }
}
