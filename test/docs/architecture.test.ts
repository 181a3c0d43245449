/**
 * The maps of the code base stay true: every file or folder that docs/ARCHITECTURE.md and
 * CONTRIBUTING.md name (in backticks, in the picture and in the folder tree) exists. A path is tried from the repository root, then from src/,
 * src/providers/ and packages/ (the docs shorten `src/core/x.ts` to `core/x.ts` and a provider folder to
 * `mistral/`); a glob counts when the folder before its first `*` exists. A path with `<id>` (the provider
 * guide's) must exist for the providers added by that guide, Anthropic and Gemini; and every name of code the
 * guide gives (`chat.prepare(params, context)`, `refuseUnsupported`) is a name in src/ or the emulator.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { root } from '../examples/run-file.js'

const documents = ['docs/ARCHITECTURE.md', 'CONTRIBUTING.md']
const bases = ['', 'src', 'src/providers', 'packages']
/** Providers added by following CONTRIBUTING's guide: its `<id>` paths must exist for each. */
const GUIDE_PROVIDERS = ['anthropic', 'gemini']
/** Generated and gitignored, so absent from a fresh clone (each package's `dist/` too). */
const generated = new Set(['docs/api/', 'dist/', 'packages/cli/dist/', 'packages/emulator/dist/'])

/**
 * Tokens that look like a path of this repository (a slash, no spaces, not a package name): in
 * backticks, and in the text blocks (the picture and the folder tree).
 */
function namedPaths(markdown: string): string[] {
  const inBackticks = [...markdown.matchAll(/`([^`\s]+)`/g)].flatMap((match) => {
    const token = match[1] as string
    return token.includes('<id>') ? GUIDE_PROVIDERS.map((id) => token.replace('<id>', id)) : [token]
  })
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

function sourceText(directory: string): string {
  return readdirSync(directory)
    .map((name) => {
      const path = join(directory, name)
      if (statSync(path).isDirectory()) return sourceText(path)
      return name.endsWith('.ts') ? readFileSync(path, 'utf8') : ''
    })
    .join('\n')
}

test("every name of code in CONTRIBUTING's provider guide exists in the code", () => {
  const contributing = readFileSync(join(root, 'CONTRIBUTING.md'), 'utf8')
  const start = contributing.indexOf('## Adding a provider')
  const guide = contributing.slice(start, contributing.indexOf('\n## ', start + 1))
  // `chat.prepare(params, context)` names chat and prepare; quoted values ('more') and paths are not names.
  const names = [...guide.matchAll(/`([^`]+)`/g)]
    .map((match) => (match[1] as string).replace(/\(.*\)$/, ''))
    .filter((code) => /^[A-Za-z][\w.]*$/.test(code))
    .flatMap((code) => code.split('.'))
  expect(names.length).toBeGreaterThan(15)
  const code = sourceText(join(root, 'src')) + sourceText(join(root, 'packages/emulator/src'))
  expect([...new Set(names)].filter((name) => !new RegExp(`\\b${name}\\b`).test(code))).toEqual([])
})
