/**
 * The maps of the code base stay true: every file or folder that docs/ARCHITECTURE.md and
 * CONTRIBUTING.md name (in backticks, in the picture and in the folder tree) exists. A path is tried from the repository root, then from src/,
 * src/providers/ and packages/ (the docs shorten `src/core/x.ts` to `core/x.ts` and a provider folder to
 * `mistral/`); a glob counts when the folder before its first `*` exists.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { root } from '../examples/run-file.js'

const documents = ['docs/ARCHITECTURE.md', 'CONTRIBUTING.md']
const bases = ['', 'src', 'src/providers', 'packages']
/** Generated and gitignored, so absent from a fresh clone. */
const generated = new Set(['docs/api/', 'dist/'])

/**
 * Tokens that look like a path of this repository (a slash, no spaces, not a package name): in
 * backticks, and in the text blocks (the picture and the folder tree).
 */
function namedPaths(markdown: string): string[] {
  const inBackticks = [...markdown.matchAll(/`([^`\s]+)`/g)].map((match) => match[1] as string)
  const blocks = [...markdown.matchAll(/```text\n([\s\S]*?)```/g)].map((match) => match[1] as string)
  const inBlocks = blocks.flatMap((block) =>
    [...block.matchAll(/(?:^|[\s(])([\w.-]+\/[\w./*-]*)/gm)].map((m) => m[1] as string),
  )
  return [...inBackticks, ...inBlocks].filter(
    (token) =>
      token.includes('/') &&
      !token.startsWith('token.js') &&
      !token.startsWith('@') &&
      !token.startsWith('http') &&
      !token.startsWith('/') &&
      !token.includes('=') &&
      !token.includes(':') &&
      /^[\w.*/-]+$/.test(token) &&
      /[a-z]/.test(token),
  )
}

function exists(path: string): boolean {
  if (generated.has(path)) return true
  const fixed = path.includes('*') ? path.slice(0, path.indexOf('*')) : path
  return bases.some((base) => existsSync(join(root, base, fixed)))
}

test.each(documents)('every path %s names exists', (document) => {
  const paths = namedPaths(readFileSync(join(root, document), 'utf8'))
  expect(paths.length).toBeGreaterThan(5)
  expect(paths.filter((path) => !exists(path))).toEqual([])
})
