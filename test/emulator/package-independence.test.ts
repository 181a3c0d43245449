/**
 * `@tokenjs/emulator` stands in for the providers, so it must not read the SDK: no import of `token.js`
 * and no relative import that leaves packages/emulator/src/ (the SDK's tables, types or helpers). Its
 * manifest has no dependencies, so what it imports is all it ships.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { expect, test } from 'vitest'
import { root } from '../examples/run-file.js'

const emulatorSrc = join(root, 'packages', 'emulator', 'src')

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name)
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : []
  })
}

/** Every module specifier of `import … from`, `export … from`, `import '…'` and `import(…)`. */
function specifiers(text: string): string[] {
  const patterns = [
    /^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"\s]+)['"]/gm,
    /^\s*import\s*['"]([^'"\s]+)['"]/gm,
    /\bimport\(\s*['"]([^'"\s]+)['"]\s*\)/g,
  ]
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1] as string))
}

test('packages/emulator/src imports only itself and node: built-ins', () => {
  const files = sourceFiles(emulatorSrc)
  expect(files.length).toBeGreaterThan(40)
  const outside: string[] = []
  for (const file of files) {
    for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
      const inside = specifier.startsWith('.')
        ? !relative(emulatorSrc, resolve(dirname(file), specifier)).startsWith('..')
        : specifier.startsWith('node:')
      if (!inside) outside.push(`${relative(root, file)}: ${specifier}`)
    }
  }
  expect(outside).toEqual([])
})

test('the check sees an import that leaves the package (non-vacuity)', () => {
  const file = join(emulatorSrc, 'server.ts')
  const specifier = '../../../src/capabilities.js'
  expect(relative(emulatorSrc, resolve(dirname(file), specifier)).startsWith('..')).toBe(true)
  expect(specifiers(`import { isRetired } from '${specifier}'`)).toEqual([specifier])
})

test('the package has no dependencies of any kind', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'packages', 'emulator', 'package.json'), 'utf8')) as Record<
    string,
    unknown
  >
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    expect(manifest[field] ?? {}).toEqual({})
  }
})
