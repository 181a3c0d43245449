/**
 * The `tokenjs` CLI end to end against the emulator, run with tsx in a child process: the cases share one
 * process (run-cli-in-one-process.ts), except those that pipe stdin or need their own working directory,
 * which get a process each.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { startMistralEmulator, startOpenAIEmulator, type MistralEmulator, type OpenAIEmulator } from '@tokenjs/emulator'
import { isRetired, mistralModels } from 'token.js'
import { openAIModels } from '../../src/providers/openai/models.js'
import { capabilityColumns, featuresWithoutColumn } from '../../src/cli/capability-columns.js'
import { EMULATOR_HELP } from '../../src/cli/main.js'
import { EMULATOR_CLI_HELP } from '../../packages/emulator/src/cli-main.js'
import { cleanEnv, root, runFile, tsxLoader, type RunResult } from '../examples/run-file.js'

// Each test starts tsx processes, several at once: on a loaded 2-core machine 20 s is not enough.
vi.setConfig({ testTimeout: 60_000 })

const cli = join(root, 'src/cli/index.ts')
let emulator: MistralEmulator
let openai: OpenAIEmulator
let env: NodeJS.ProcessEnv

let shared: ChildProcess | undefined
let nextId = 0
const pending = new Map<number, { resolve: (result: RunResult) => void; reject: (error: Error) => void }>()

beforeAll(async () => {
  emulator = await startMistralEmulator()
  openai = await startOpenAIEmulator()
  env = cleanEnv({ MISTRAL_BASE_URL: emulator.url, MISTRAL_API_KEY: emulator.apiKey })
  const child = spawn(process.execPath, ['--import', tsxLoader, join(root, 'test/cli/run-cli-in-one-process.ts')], {
    cwd: root,
    env: { TSX_TSCONFIG_PATH: `${root}/tsconfig.json`, ...env },
    stdio: ['pipe', 'inherit', 'inherit', 'ipc'],
  })
  child.stdin?.end()
  child.on('exit', (code) => {
    for (const { reject } of pending.values()) reject(new Error(`the shared CLI process exited (${code})`))
    pending.clear()
  })
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve())
    child.once('exit', (code) => reject(new Error(`the shared CLI process exited (${code}) before it was ready`)))
  })
  child.on('message', (message: RunResult & { id: number }) => {
    pending.get(message.id)?.resolve(message)
    pending.delete(message.id)
  })
  shared = child
}, 60_000)
afterAll(async () => {
  shared?.disconnect()
  await emulator.close()
  await openai.close()
})

/** One `tokenjs` run in the shared process. */
function inSharedProcess(argv: string[], runEnv: NodeJS.ProcessEnv): Promise<RunResult> {
  const id = nextId++
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject })
    shared?.send({ id, argv, env: runEnv })
  })
}

const tokenjs = (args: string[], options: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string } = {}) =>
  options.input === undefined && options.cwd === undefined
    ? inSharedProcess(args, options.env ?? env)
    : runFile([cli, ...args], options.env ?? env, {
        ...(options.input === undefined ? {} : { input: options.input }),
        ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      })

describe.concurrent('tokenjs chat', () => {
  test('streams the answer to stdout, usage and timing to stderr', async () => {
    const result = await tokenjs(['chat', '-m', 'mistral-small-latest', 'Hello there'])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('You said: Hello there\n')
    expect(result.stderr).toMatch(
      /^\[mistral-small-latest · \d+ prompt \+ \d+ completion tokens · [\d.]+ s · first token [\d.]+ s\]\n$/,
    )
    const sent = emulator.requests.find((request) => JSON.stringify(request.body).includes('Hello there'))
      ?.body as Record<string, unknown>
    expect(sent.stream).toBe(true)
  })

  test('--no-stream, system prompt, temperature and max tokens reach the request', async () => {
    const result = await tokenjs([
      'chat',
      '--no-stream',
      '-s',
      'Be brief.',
      '-t',
      '0.2',
      '--max-tokens',
      '50',
      'flags check',
    ])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toBe('You said: flags check\n')
    expect(result.stderr).not.toContain('first token')
    const sent = emulator.requests.find((request) => JSON.stringify(request.body).includes('flags check'))
      ?.body as Record<string, unknown>
    expect(sent).toMatchObject({ model: 'mistral-small-latest', temperature: 0.2, max_tokens: 50 })
    expect(sent.stream).not.toBe(true)
    expect(sent.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'flags check' },
    ])
  })

  test('reads the prompt from stdin when piped', async () => {
    const result = await tokenjs(['chat'], { input: 'piped prompt\n' })
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toBe('You said: piped prompt\n')
  })

  test('--json asks for a JSON object and prints it', async () => {
    const result = await tokenjs(['chat', '--json', 'json please'])
    expect(result.code, result.stderr).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({ answer: 'You said: json please' })
  })

  test('--image and --file become data URLs', async () => {
    const result = await tokenjs([
      'chat',
      '--image',
      'examples/assets/red-square.png',
      '--file',
      'examples/assets/invoice.pdf',
      'attachments check',
    ])
    expect(result.code, result.stderr).toBe(0)
    const sent = emulator.requests.find((request) => JSON.stringify(request.body).includes('attachments check'))
      ?.body as {
      messages: Array<{ content: Array<Record<string, unknown>> }>
    }
    const parts = sent.messages[0]?.content ?? []
    expect(parts[1]).toMatchObject({
      type: 'image_url',
      image_url: { url: expect.stringMatching(/^data:image\/png;base64,iVBOR/) },
    })
    expect(parts[2]).toMatchObject({
      type: 'document_url',
      document_url: expect.stringMatching(/^data:application\/pdf;base64,JVBER/),
      document_name: 'invoice.pdf',
    })
  })

  test('a missing key is one clear line, exit 1, no stack', async () => {
    const result = await tokenjs(['chat', 'hi'], { env: cleanEnv(), cwd: mkdtempSync(join(tmpdir(), 'tokenjs-cli-')) })
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(
      'tokenjs: error: MISTRAL_API_KEY is not set: put it in the environment or in ./.env (or run tokenjs emulator and use its URL and key).\n',
    )
  })

  test('keys come from ./.env in the current directory', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'tokenjs-cli-'))
    writeFileSync(
      join(directory, '.env'),
      `# local settings\nMISTRAL_API_KEY=${emulator.apiKey}\nMISTRAL_BASE_URL="${emulator.url}"\n`,
    )
    const result = await tokenjs(['chat', 'from dotenv'], { env: cleanEnv(), cwd: directory })
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toBe('You said: from dotenv\n')
  })

  test('an unknown model is sent, and the invalid-model answer is one line with a hint', async () => {
    const result = await tokenjs(['chat', '-m', 'no-such-model', 'hi'])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(
      /^tokenjs: error: 400 Invalid model: no-such-model .*Run tokenjs models to see the models token\.js knows\.\n$/,
    )
  })

  test('a retired model is sent; the API refuses it and the error names the replacement', async () => {
    const result = await tokenjs(['chat', '-m', 'mistral-large-2402', 'hi'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /^tokenjs: error: 400 Invalid model: mistral-large-2402 .*retired on 2025-06-16; use 'mistral-large-latest' instead\. Run tokenjs models/,
    )
  })

  test('a feature the model lacks fails before sending', async () => {
    const result = await tokenjs(['chat', '-m', 'codestral-latest', '--image', 'examples/assets/red-square.png', 'hi'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^tokenjs: error: Model 'codestral-latest' \(mistral\) does not support images/)
  })

  test('a network failure is one line', async () => {
    const result = await tokenjs(['chat', 'hi'], {
      env: cleanEnv({ MISTRAL_API_KEY: 'k', MISTRAL_BASE_URL: 'http://127.0.0.1:9/v1' }),
    })
    expect(result.code).toBe(1)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(/^tokenjs: error: Could not reach http:\/\/127\.0\.0\.1:9\/v1: .*ECONNREFUSED/)
  })

  test('usage errors exit 2', async () => {
    // Three processes at once: on a loaded machine three in a row can exceed the test timeout.
    const [bad, temperature, empty] = await Promise.all([
      tokenjs(['chat', '--bogus', 'hi']),
      tokenjs(['chat', '-t', 'hot', 'hi']),
      tokenjs(['chat'], { input: '' }),
    ])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/^tokenjs: error: Unknown option '--bogus'.*\(tokenjs chat --help\)\n$/)
    expect(temperature.code).toBe(2)
    expect(temperature.stderr).toBe("tokenjs: error: --temperature expects a number, got 'hot'.\n")
    expect(empty.code).toBe(2)
    expect(empty.stderr).toContain('No prompt')
  })
})

describe.concurrent('tokenjs chat: providers, typos, pipes', () => {
  test('--provider openai talks to the OpenAI endpoint with its own variables', async () => {
    const result = await tokenjs(['chat', '--provider', 'openai', '-m', 'gpt-5.5', 'hello openai'], {
      env: cleanEnv({ OPENAI_BASE_URL: openai.url, OPENAI_API_KEY: openai.apiKey }),
    })
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain('hello openai')
    expect(result.stderr).toMatch(/^\[gpt-5\.5 · /)
    expect(openai.requests.some((request) => JSON.stringify(request.body).includes('hello openai'))).toBe(true)
  })

  test('--provider without its key, without a model, or mistyped: one line each, naming what to do', async () => {
    const [noKey, noModel, typo, unknown] = await Promise.all([
      tokenjs(['chat', '-p', 'openai', '-m', 'gpt-5.5', 'hi'], { env: cleanEnv() }),
      tokenjs(['chat', '-p', 'groq', 'hi']),
      tokenjs(['chat', '--provider', 'mistrall', 'hi']),
      tokenjs(['chat', '--provider', 'nope', 'hi']),
    ])
    expect(noKey.code).toBe(1)
    expect(noKey.stderr).toBe('tokenjs: error: OPENAI_API_KEY is not set: put it in the environment or in ./.env.\n')
    expect(noModel.code).toBe(2)
    expect(noModel.stderr).toContain('--provider groq needs a model: -m <id>')
    expect(typo.code).toBe(2)
    expect(typo.stderr).toMatch(
      /^tokenjs: error: Unknown provider 'mistrall'; did you mean 'mistral'\? Providers: mistral, anthropic, gemini, openai, /,
    )
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/^tokenjs: error: Unknown provider 'nope'\. Providers: mistral, /)
  })

  test('a mistyped flag names the closest one', async () => {
    const [temperature, model] = await Promise.all([
      tokenjs(['chat', '--temprature', '0.5', 'hi']),
      tokenjs(['models', '--provder', 'openai']),
    ])
    expect(temperature.code).toBe(2)
    expect(temperature.stderr).toBe(
      "tokenjs: error: Unknown option '--temprature'; did you mean '--temperature'? (tokenjs chat --help)\n",
    )
    expect(model.stderr).toContain("did you mean '--provider'?")
    const command = await tokenjs(['caht', 'hi'])
    expect(command.code).toBe(2)
    expect(command.stderr).toContain("Unknown command 'caht'. Did you mean 'chat'?")
  })

  test('a reader that goes away (| head) ends the command quietly, exit 0', async () => {
    // The answer streams in many small chunks; the reader takes the first and closes the pipe.
    const slow = await startMistralEmulator({ chunkDelayMs: 20, chunkSize: 2 })
    try {
      const child = spawn(process.execPath, ['--import', tsxLoader, cli, 'chat', 'a long answer '.repeat(20)], {
        cwd: root,
        env: {
          ...cleanEnv({ MISTRAL_BASE_URL: slow.url, MISTRAL_API_KEY: slow.apiKey }),
          TSX_TSCONFIG_PATH: `${root}/tsconfig.json`,
        },
      })
      let stderr = ''
      child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text))
      child.stdout.once('data', () => child.stdout.destroy())
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
      expect(stderr).not.toMatch(/EPIPE|Error|at .*:\d+:\d+/)
      expect(code).toBe(0)
    } finally {
      await slow.close()
    }
  })
})

describe.concurrent('tokenjs models', () => {
  test('prints the capability table from token.js data, current models only', async () => {
    const result = await tokenjs(['models'])
    expect(result.code, result.stderr).toBe(0)
    const lines = result.stdout.split('\n')
    expect(lines[0]).toMatch(
      /^model\s+context\s+chat\s+stream\s+json\s+schema\s+image\s+pdf\s+audio\s+tools\s+n>1\s+reason\s+predict\s+prefix\s+fim$/,
    )
    expect(result.stdout).toMatch(/^mistral-large-latest\s+256k\s+✓/m)
    expect(result.stdout).not.toMatch(/^mistral-large-2402 /m)
    expect(result.stdout).toMatch(/ids already shut down not shown/)
  })

  test('--provider openai shows announced shutdown dates with the replacement', async () => {
    const result = await tokenjs(['models', '--provider', 'openai'])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout.split('\n')[0]).toMatch(/\sshuts down$/)
    const announced = Object.entries(openAIModels).filter(([, row]) => row.retirement !== undefined && !isRetired(row))
    expect(announced.length).toBeGreaterThan(0)
    for (const [id, row] of announced) {
      const replacement = row.retirement?.replacement === undefined ? '' : ` → ${row.retirement.replacement}`
      expect(result.stdout).toMatch(
        new RegExp(`^${id.replaceAll('.', '\\.')}\\s.*${row.retirement?.retiresOn}${replacement}$`, 'm'),
      )
    }
    expect(result.stdout).not.toMatch(/^gpt-3\.5-turbo /m)
  })

  test('--provider with no table is a clear error', async () => {
    const result = await tokenjs(['models', '--provider', 'groq'])
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain("no table for provider 'groq'")
  })

  test('--all lists retired ids with date and replacement', async () => {
    const result = await tokenjs(['models', '--all'])
    expect(result.stdout).toMatch(/^mistral-large-2402\s+2025-06-16\s+mistral-large-latest$/m)
  })

  test('--live asks the provider for /models', async () => {
    const result = await tokenjs(['models', '--live'])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain(`From ${emulator.url}/models:`)
    expect(result.stdout).toMatch(/^mistral-small-latest\s+256k\s+✓/m)
    expect(emulator.requests.some((request) => request.method === 'GET' && request.path === '/v1/models')).toBe(true)
  })

  test('--live with a bad key is one line', async () => {
    const result = await tokenjs(['models', '--live'], {
      env: cleanEnv({ MISTRAL_API_KEY: 'wrong', MISTRAL_BASE_URL: emulator.url }),
    })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^tokenjs: error: .*\/models answered 401/)
  })
})

describe.concurrent('help, version, emulator', () => {
  for (const command of [[], ['chat'], ['models'], ['emulator']]) {
    test(`tokenjs ${command.join(' ')} --help`, async () => {
      const result = await tokenjs([...command, '--help'])
      expect(result.code).toBe(0)
      expect(result.stdout).toMatch(new RegExp(`^Usage: tokenjs ${command.length === 0 ? '<command>' : command[0]}`))
    })
  }

  test('tokenjs emulator --help lists every option tokenjs-emulator takes (it parses the same flags)', () => {
    const flags = (help: string) => [...help.matchAll(/--[a-z][a-z-]*/g)].map((match) => match[0]).sort()
    const emulatorFlags = [...new Set(flags(EMULATOR_CLI_HELP))]
    expect(emulatorFlags).toContain('--quiet')
    for (const flag of emulatorFlags) expect(EMULATOR_HELP).toContain(flag)
  })

  test('unknown command exits 2', async () => {
    const result = await tokenjs(['frobnicate'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain("Unknown command 'frobnicate'")
  })

  test('no colours when not on a TTY', async () => {
    const result = await tokenjs(['models'], { env: { ...env, NO_COLOR: '' } })
    expect(result.stdout).not.toContain('\u001b[')
  })
})

test('every tracked feature has a column or a stated reason', () => {
  const features = Object.keys(Object.values(mistralModels)[0] ?? {}).filter(
    (key) =>
      typeof (mistralModels['mistral-large-latest'] as unknown as Record<string, unknown>)[key] === 'boolean' &&
      key !== 'thirdParty',
  )
  const covered = [...capabilityColumns.map((column) => column.feature), ...Object.keys(featuresWithoutColumn)]
  expect(covered.sort()).toEqual(features.sort())
})
