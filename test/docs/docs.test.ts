/**
 * The committed docs are what the data generates, every TypeScript block in them is an example file
 * (run by test/examples), every shell line is a command that exists (the `tokenjs` ones are run
 * against the emulator), and every link points somewhere.
 */
import { execFile } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startMistralEmulator, type MistralEmulator } from '@tokenjs/emulator'
import { providers } from '../../src/providers/index.js'
import { generateDocs } from '../../scripts/generate-docs.js'
import { cleanEnv, root, runFile } from '../examples/run-file.js'

const run = promisify(execFile)
const docFiles = [
  'README.md',
  'docs/guide.md',
  ...readdirSync(join(root, 'docs/providers')).map((name) => `docs/providers/${name}`),
  'docs/ARCHITECTURE.md',
]
const read = (path: string): string => readFileSync(join(root, path), 'utf8')

interface Block {
  readonly file: string
  readonly language: string
  readonly code: string
  readonly index: number
}

function codeBlocks(file: string): Block[] {
  const text = read(file)
  return [...text.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((match) => ({
    file,
    language: match[1] ?? '',
    code: match[2] ?? '',
    index: match.index,
  }))
}

test('committed docs match what the data generates (npm run docs)', () => {
  for (const file of generateDocs(root)) {
    expect(file.current, `${file.path} is stale: run npm run docs`).toBe(file.generated)
  }
})

test('npm run docs:check passes', async () => {
  const result = await runFile(['scripts/generate-docs.ts', '--check'], cleanEnv())
  expect(result.code, result.stderr).toBe(0)
  expect(result.stdout).toMatch(/^docs:check: \d+ files match the data\.$/m)
})

test('every TypeScript block is an included example file', () => {
  for (const file of docFiles) {
    const text = read(file)
    for (const block of codeBlocks(file).filter((candidate) =>
      /^(ts|typescript|js|javascript)$/.test(candidate.language),
    )) {
      const before = text.slice(0, block.index)
      const marker = /<!-- example: (\S+) -->\n$/.exec(before)
      expect(marker, `${file}: a ${block.language} block that is not an example include`).not.toBeNull()
      expect(block.code.replace(/\s+$/, '')).toBe(read(marker?.[1] ?? '').replace(/\s+$/, ''))
    }
  }
})

test('every example is shown in the README or the guide (docs/guide.md)', () => {
  const shown = read('README.md') + read('docs/guide.md')
  const examples = readdirSync(join(root, 'examples')).filter((name) => name.endsWith('.ts'))
  for (const name of examples)
    expect(shown, `examples/${name} is in neither the README nor docs/guide.md`).toContain(
      `<!-- example: examples/${name} -->`,
    )
})

test('the compatibility tables have the legend, and no "not supported by token.js" cell', () => {
  const page = read('docs/providers/mistral.md')
  const section = page.slice(page.indexOf('<!-- compatibility -->'), page.indexOf('<!-- end compatibility -->'))
  expect(section).toContain('| ✅ | Supported')
  expect(section).toContain('| ➖ | Not supported by Mistral for this model')
  expect(section).toContain('| ❌ | Supported by Mistral but not by token.js')
  const tables = section.slice(0, section.indexOf('### Legend'))
  expect(tables).not.toContain('❌')
  expect(tables).toContain('`mistral-large-latest`')
  expect(section).toMatch(/\| `mistral-large-2402` \| Mistral Large 1\.0 \| 2025-06-16 \| `mistral-large-latest` \|/)
})

test('dotenv blocks name only variables token.js reads', () => {
  const known = new Set(Object.values(providers).flatMap((provider) => [provider.apiKeyEnvVar, provider.baseURLEnvVar]))
  for (const file of docFiles) {
    for (const block of codeBlocks(file).filter((candidate) => candidate.language === 'dotenv')) {
      for (const line of block.code.split('\n').filter((text) => text.trim() !== '' && !text.startsWith('#'))) {
        expect(known, `${file}: ${line}`).toContain(line.split('=')[0])
      }
    }
  }
})

test('only known fence languages are used (text only for diagrams in ARCHITECTURE.md)', () => {
  for (const file of docFiles) {
    const allowed = file === 'docs/ARCHITECTURE.md' ? ['ts', 'bash', 'dotenv', 'text'] : ['ts', 'bash', 'dotenv']
    for (const block of codeBlocks(file))
      expect(allowed, `${file}: a \`\`\`${block.language} block`).toContain(block.language)
  }
})

test('relative links and README anchors resolve', () => {
  const slug = (heading: string): string =>
    heading
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-')
  for (const file of docFiles) {
    const text = read(file).replace(/^```[\s\S]*?^```$/gm, '')
    const anchors = new Set([...text.matchAll(/^#+ (.+)$/gm)].map((match) => slug(match[1] ?? '')))
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (target === undefined || /^https?:/.test(target)) continue
      const [path, anchor] = target.split('#')
      if (path === '' || path === undefined) {
        expect(anchors, `${file}: #${anchor}`).toContain(anchor)
        continue
      }
      const resolved = join(root, dirname(file), path)
      expect(existsSync(resolved), `${file}: link ${target}`).toBe(true)
      if (anchor !== undefined && resolved.endsWith('.md')) {
        const other = readFileSync(resolved, 'utf8').replace(/^```[\s\S]*?^```$/gm, '')
        expect(
          new Set([...other.matchAll(/^#+ (.+)$/gm)].map((match) => slug(match[1] ?? ''))),
          `${file}: link ${target}`,
        ).toContain(anchor)
      }
    }
  }
})

describe('shell lines in the docs', () => {
  const packageJson = JSON.parse(read('package.json')) as {
    name: string
    version: string
    scripts: Record<string, string>
  }
  const lines = docFiles.flatMap((file) =>
    codeBlocks(file)
      .filter((block) => block.language === 'bash')
      .flatMap((block) =>
        block.code
          .split('\n')
          .filter((line) => line.trim() !== '' && !line.trim().startsWith('#'))
          .map((line) => ({ file, line })),
      ),
  )

  test('every line is a command that exists here', () => {
    const tarballs = ['.', 'packages/emulator', 'packages/cli'].map((folder) => {
      const manifest = JSON.parse(read(join(folder, 'package.json'))) as { name: string; version: string }
      return `${manifest.name.replace(/^@/, '').replace('/', '-')}-${manifest.version}.tgz`
    })
    const commandExists = (command: string): boolean => {
      const words = command.trim().split(/\s+/)
      if (command.trim() === 'npm install' || command.trim() === `npm install ${packageJson.name}`) return true
      // Installing before publication: `npm pack` writes <name>-<version>.tgz (a scope's `@x/y` as `x-y`)
      // for each package folder it is given, which `npm install <path>` takes.
      if (command.trim() === 'npm pack') return true
      const args = words.slice(2).filter((word) => !word.startsWith('--'))
      if (words[0] === 'npm' && words[1] === 'pack')
        return args.length > 0 && args.every((folder) => existsSync(join(root, folder, 'package.json')))
      if (words[0] === 'npm' && words[1] === 'install' && args.length > 0)
        return args.every((tarball) => tarballs.some((name) => tarball.endsWith(`/${name}`)))
      if (words[0] === 'npm' && (words[1] === 'start' || words[1] === 'test')) return words[1] in packageJson.scripts
      if (words[0] === 'npm' && words[1] === 'run') return (words[2] ?? '') in packageJson.scripts
      if (words[0] === 'node' && words[1] === '--env-file=.env') return true
      return /(^|\| )tokenjs /.test(command)
    }
    for (const { file, line } of lines) {
      for (const command of line.split('&&')) expect(commandExists(command), `${file}: ${line}`).toBe(true)
    }
  })

  let emulator: MistralEmulator
  let bin: string
  beforeAll(async () => {
    emulator = await startMistralEmulator()
    // A `tokenjs` on PATH that runs the CLI from source, as the installed bin would.
    bin = mkdtempSync(join(tmpdir(), 'tokenjs-bin-'))
    const tsx = (await import('node:module')).createRequire(import.meta.url).resolve('tsx')
    writeFileSync(
      join(bin, 'tokenjs'),
      `#!/bin/sh\nexec "${process.execPath}" --import "file://${tsx}" "${root}/src/cli/index.ts" "$@"\n`,
    )
    chmodSync(join(bin, 'tokenjs'), 0o755)
  })
  afterAll(() => emulator.close())

  test('every tokenjs line runs against the emulator and exits 0', async () => {
    const tokenjsLines = lines.filter(({ line }) => /(^|\| )tokenjs /.test(line))
    expect(tokenjsLines.length).toBeGreaterThan(3)
    for (const { file, line } of tokenjsLines) {
      const env = cleanEnv({
        MISTRAL_BASE_URL: emulator.url,
        MISTRAL_API_KEY: emulator.apiKey,
        PATH: `${bin}:${process.env.PATH ?? ''}`,
        TSX_TSCONFIG_PATH: `${root}/tsconfig.json`,
      })
      const result = await run('sh', ['-c', line], { cwd: root, env, timeout: 20_000 }).catch(
        (error: unknown) => error as { code: number; stderr: string },
      )
      expect('code' in result ? result.code : 0, `${file}: ${line}\n${'stderr' in result ? result.stderr : ''}`).toBe(0)
    }
  }, 120_000)
})
