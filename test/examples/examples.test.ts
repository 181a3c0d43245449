/**
 * Every file in examples/ runs under `node --import tsx` against the emulator (MISTRAL_BASE_URL and
 * MISTRAL_API_KEY point at it) and must finish without an error and without stderr, printing what it
 * promises, so no example can rot. They share one child process (run-in-one-process.ts) unless one
 * needs its own.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  startAnthropicEmulator,
  startGeminiEmulator,
  startMistralEmulator,
  type AnthropicEmulator,
  type GeminiEmulator,
  type MistralEmulator,
} from '@tokenjs/emulator'
import { cleanEnv, root, runFile, type RunResult } from './run-file.js'

/** What each example prints against the emulator (which echoes the last user message). */
const expected: Record<string, RegExp[]> = {
  'mistral-seed.ts': [/role: 'assistant'/, /content: 'You said: Hello!'/, /finish_reason: 'stop'/],
  'streaming.ts': [/^You said: Write a haiku about the sea\.\n\[\d+ tokens\]$/m],
  'tools.ts': [
    /^tool call: get_weather\(\{"city":".*"\}\)$/m,
    /^answer: The tool get_weather returned: \{.*"temperature_c":18/m,
  ],
  'json-object.ts': [/^parsed: \{/m, /answer: 'You said: /],
  'json-schema.ts': [/^city: .+ \(.+\), population \d+$/m],
  'image.ts': [/^You said: What shape and colour do you see\?$/m],
  'document.ts': [/^You said: What is the total of this invoice\?$/m],
  'audio.ts': [/^You said: Describe this sound in one sentence\.$/m],
  'reasoning.ts': [
    /^reasoning: .+/m,
    /^answer: You said: Is 1001 a prime number\?$/m,
    /^next answer: You said: And 1003\?$/m,
  ],
  'predicted-outputs.ts': [/runningTotal/, /let sum = 0/],
  'abort-timeout.ts': [/^aborted after 2 chunks$/m, /^answered in time: You said: Hi!$/m, /^stopped reading$/m],
  'errors.ts': [/^InputError on 'temperature': .*1\.5/m, /^NotFoundError \(status 400\): .*no-such-model/m],
  'drop-unsupported-params.ts': [
    /^refused: Parameter 'logit_bias' is not supported/m,
    /^with dropUnsupportedParams: You said: Hi!$/m,
    /^dropped logit_bias: Mistral has no token biasing\.$/m,
    /^onWarning: logit_bias$/m,
  ],
  'extend-model-list.ts': [
    /^sent, and Mistral answered: .*my-fine-tune-2611/m,
    /^checked before sending: Model 'my-text-model' \(mistral\) does not support images/m,
  ],
  'embeddings.ts': [/^2 vectors of \d+ dimensions, \d+ tokens$/m, /^cosine similarity: -?\d\.\d{3}$/m],
  'fill-in-the-middle.ts': [/function isEven/],
  'models-list.ts': [/^\d+ models served; with image input: (mistral|ministral)-/m],
  'anthropic.ts': [
    /^reasoning: .+/m,
    /^answer: You said: Do I need an umbrella in Paris in November\?$/m,
    /^next answer: You said: And in Rome\?$/m,
    /^tokens: \d+ in, \d+ out$/m,
  ],
  'emulator-in-your-tests.ts': [/^# pass 3$/m, /^# fail 0$/m],
  'raw-response.ts': [
    /^request id: \S+$/m,
    /^status 200, application\/json.*, id \S+$/m,
    /^answer: You said: Hi!$/m,
    /^streamed with id \S+: You said: Hi!$/m,
  ],
  'fallbacks.ts': [
    /^answered by mistral mistral-large-latest \(attempt 1\): You said: Hello!$/m,
    /^streamed by anthropic: You said: Hello!$/m,
  ],
  'hooks.ts': [
    /^attempt 1: POST \/v1\/chat\/completions \(authorization: \*\*\*\)$/m,
    /^status 200 in \d+ ms, request id \S+$/m,
    /^first chunk after \d+ ms$/m,
    /^stream ended: \d+ chunks, \d+ tokens out$/m,
    /^token\.js \[log_[0-9a-f]{6}\] POST \S+\/chat\/completions succeeded with status 200 in \d+ms$/m,
  ],
  'telemetry.ts': [
    /^span: chat mistral-small-latest$/m,
    /^gen_ai\.provider\.name: mistral_ai$/m,
    /^gen_ai\.request\.max_tokens: 50$/m,
    /^gen_ai\.usage\.output_tokens: \d+$/m,
  ],
  'middleware.ts': [/^first: You said: Hi!$/m, /^second from the cache: true$/m, /^shouted: YOU SAID: HI!$/m],
  'gemini.ts': [
    /^tool call: get_weather\(\{"city":".*"\}\)$/m,
    /^answer: The tool get_weather returned: \{.*"temperature_c":18/m,
    /^thoughts: .+/m,
    /^streamed: You said: Is 1001 a prime number\? \[\d+ tokens\]$/m,
  ],
}

const files = readdirSync(`${root}/examples`)
  .filter((name) => name.endsWith('.ts'))
  .sort()

/**
 * Need their own process: node:test reports when the process ends, and the seed snippet calls `main()`
 * without awaiting it (as written on the original page), so only the process's end says it finished;
 * the abort example counts the chunks before its abort takes effect, which depends on the scheduling
 * of its own process.
 */
const ownProcess = new Set(['emulator-in-your-tests.ts', 'mistral-seed.ts', 'abort-timeout.ts'])

let emulator: MistralEmulator
let anthropic: AnthropicEmulator
let gemini: GeminiEmulator
let together: Record<string, RunResult> = {}
beforeAll(async () => {
  // A small delay between chunks, as a real stream has, so aborting mid-stream is observable.
  emulator = await startMistralEmulator({ chunkDelayMs: 10 })
  anthropic = await startAnthropicEmulator()
  gemini = await startGeminiEmulator()
  // The other examples run one after another in one process (one tsx start instead of one each).
  const batch = files.filter((file) => !ownProcess.has(file)).map((file) => `examples/${file}`)
  const result = await runFile([`${root}/test/examples/run-in-one-process.ts`, ...batch], exampleEnv(), {
    timeoutMs: 90_000,
  })
  if (result.code !== 0) throw new Error(`the example runner failed (${result.code}): ${result.stderr}`)
  together = JSON.parse(result.stdout) as Record<string, RunResult>
}, 120_000)
afterAll(async () => {
  await Promise.all([emulator.close(), anthropic.close(), gemini.close()])
})

const exampleEnv = () =>
  cleanEnv({
    MISTRAL_BASE_URL: emulator.url,
    MISTRAL_API_KEY: emulator.apiKey,
    ANTHROPIC_BASE_URL: anthropic.url,
    ANTHROPIC_API_KEY: anthropic.apiKey,
    GEMINI_BASE_URL: gemini.url,
    GEMINI_API_KEY: gemini.apiKey,
  })

test('every example has expectations, and every expectation an example', () => {
  expect(Object.keys(expected).sort()).toEqual(files)
})

describe.concurrent('examples run against the emulator', () => {
  for (const file of files) {
    test(file, async () => {
      const result = ownProcess.has(file)
        ? await runFile([`examples/${file}`], exampleEnv())
        : together[`examples/${file}`]
      if (result === undefined) throw new Error(`${file} did not run`)
      expect(result.stderr, result.stderr).toBe('')
      expect(result.code, result.stdout).toBe(0)
      for (const pattern of expected[file] ?? []) expect(result.stdout).toMatch(pattern)
    })
  }
})

test('the seed snippet as written (mistral-large-2402) is sent and fails with a NotFoundError naming the replacement', async () => {
  // The emulator decides retirement with its own model data and clock, as the real API does.
  const result = await runFile(
    ['test/examples/fixtures/mistral-seed-as-written.ts'],
    cleanEnv({ MISTRAL_BASE_URL: emulator.url, MISTRAL_API_KEY: emulator.apiKey }),
  )
  expect(result.code).not.toBe(0)
  expect(result.stderr).toMatch(/NotFoundError: 400 Invalid model: mistral-large-2402 /)
  expect(result.stderr).toContain("use 'mistral-large-latest' instead")
  expect(result.stderr).not.toContain(emulator.apiKey)
  expect(emulator.requests.some((request) => JSON.stringify(request.body ?? null).includes('mistral-large-2402'))).toBe(
    true,
  )
})

test('npm start without a key runs the seed example against the emulator and prints the completion', async () => {
  // From an empty directory, so a developer's own ./.env (with a real key) is not picked up.
  const result = await runFile([`${root}/scripts/start.ts`], cleanEnv(), {
    cwd: mkdtempSync(join(tmpdir(), 'tokenjs-start-')),
  })
  expect(result.code, result.stderr).toBe(0)
  const lines = result.stdout.split('\n')
  expect(lines[0]).toMatch(
    /^No MISTRAL_API_KEY: running examples\/mistral-seed\.ts against the bundled Mistral emulator/,
  )
  expect(result.stdout).toContain("content: 'You said: Hello!'")
})

test('npm start -- <file> runs that example against the emulator; a bare name is looked up in examples/', async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'tokenjs-start-'))
  const streaming = await runFile([`${root}/scripts/start.ts`, 'examples/streaming.ts'], cleanEnv(), { cwd })
  expect(streaming.code, streaming.stderr).toBe(0)
  expect(streaming.stdout).toMatch(/^No MISTRAL_API_KEY: running examples\/streaming\.ts against the bundled/)
  expect(streaming.stdout).toMatch(/^You said: Write a haiku about the sea\.$/m)
  const bare = await runFile([`${root}/scripts/start.ts`, 'tools'], cleanEnv(), { cwd })
  expect(bare.code, bare.stderr).toBe(0)
  expect(bare.stdout).toMatch(/^tool call: get_weather\(/m)
})

test('npm start -- <file> starts the emulator of each provider the example calls without a key, and names them', async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'tokenjs-start-'))
  const both = await runFile([`${root}/scripts/start.ts`, 'fallbacks'], cleanEnv(), { cwd })
  expect(both.code, both.stderr).toBe(0)
  expect(both.stdout.split('\n')[0]).toBe(
    'No MISTRAL_API_KEY or ANTHROPIC_API_KEY: running examples/fallbacks.ts against the bundled Mistral and ' +
      'Anthropic emulators (set them, e.g. in .env, to call the real APIs).',
  )
  expect(both.stdout).toMatch(/^streamed by anthropic: You said: Hello!$/m)
  const gemini = await runFile([`${root}/scripts/start.ts`, 'gemini'], cleanEnv(), { cwd })
  expect(gemini.code, gemini.stderr).toBe(0)
  expect(gemini.stdout).toMatch(/^No GEMINI_API_KEY: running examples\/gemini\.ts against the bundled Gemini emulator /)
  expect(gemini.stdout).toMatch(/^streamed: You said: Is 1001 a prime number\?/m)
})

test('npm start -- <missing file> exits 2 listing the examples it can run', async () => {
  const result = await runFile([`${root}/scripts/start.ts`, 'examples/nope.ts'], cleanEnv())
  expect(result.code).toBe(2)
  expect(result.stderr).toContain("no TypeScript file 'examples/nope.ts'")
  expect(result.stderr).toContain('npm start -- examples/streaming.ts')
})

test('an example run directly without a key fails with an InputError that points at the emulator', async () => {
  const result = await runFile(['examples/streaming.ts'], cleanEnv())
  expect(result.code).not.toBe(0)
  expect(result.stderr).toMatch(/InputError: No API key for Mistral: set the MISTRAL_API_KEY environment variable/)
  expect(result.stderr).toContain(
    'to run without one, point MISTRAL_BASE_URL and MISTRAL_API_KEY at a local emulator from @tokenjs/emulator ' +
      '(in a clone of token.js, npm start -- <file> does it).',
  )
})

test('npm start with a key runs the example against MISTRAL_BASE_URL without starting an emulator', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'tokenjs-start-'))
  // The key comes from ./.env, as a user would keep it.
  writeFileSync(join(directory, '.env'), `MISTRAL_API_KEY=${emulator.apiKey}\nMISTRAL_BASE_URL=${emulator.url}\n`)
  const before = emulator.requests.length
  const result = await runFile([`${root}/scripts/start.ts`], cleanEnv(), { cwd: directory })
  expect(result.code, result.stderr).toBe(0)
  expect(result.stdout).not.toContain('bundled Mistral emulator')
  expect(result.stdout).toContain("content: 'You said: Hello!'")
  expect(emulator.requests.length).toBe(before + 1)
})
