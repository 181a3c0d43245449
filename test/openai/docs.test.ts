/** The OpenAI-family docs pages match the data: the presets table and the generated OpenAI capability table. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import * as emulatorExports from '@tokenjs/emulator'
import { generateDocs, repositoryRoot } from '../../scripts/generate-docs.js'
import { OPENAI_COMPATIBLE_PRESETS, presetsTable } from '../../scripts/provider-tables.js'
import { providers } from '../../src/providers/index.js'

const read = (path: string): string => readFileSync(join(repositoryRoot, path), 'utf8')

test('the presets table on the openai-compatible page is what the presets data generates', () => {
  const page = read('docs/providers/openai-compatible.md')
  const section = page.slice(
    page.indexOf('<!-- presets -->') + '<!-- presets -->'.length,
    page.indexOf('<!-- end presets -->'),
  )
  expect(section.trim()).toBe(presetsTable().trim())
  expect(section).toContain(
    '`logprobs`, `top_logprobs`, `logit_bias`, `name` on messages, `n` above 1, more than 128 tools',
  )
})

test('every OpenAI-family provider in the registry has a preset row or its own page', () => {
  const inTable = new Set(OPENAI_COMPATIBLE_PRESETS.map((preset) => preset.id))
  // Providers with a folder and a page of their own (their own wire format, or OpenAI itself).
  const ownPages = new Set(['mistral', 'openai', 'anthropic', 'gemini'])
  for (const id of Object.keys(providers).filter((key) => !ownPages.has(key))) expect(inTable, id).toContain(id)
})

test('the openai and openai-compatible pages carry the generated capability section', () => {
  for (const file of generateDocs().filter((candidate) => candidate.path.startsWith('docs/providers/openai'))) {
    expect(file.current, file.path).toBe(file.generated)
  }
  expect(read('docs/providers/openai.md')).toContain(
    '| `gpt-5` | GPT-5 (shuts down 2026-12-11; use `gpt-6.1-sol`) | 400,000 |',
  )
  expect(read('docs/providers/openai-compatible.md')).toContain('2026-09-27')
})

test('the emulator names the docs mention are exported', () => {
  expect(typeof emulatorExports.startOpenAIEmulator).toBe('function')
  expect(emulatorExports.GROQ_QUIRKS.rejectsMessageName).toBe(true)
})
