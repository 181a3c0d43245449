/**
 * The CLI on a real pseudo-terminal (tmux): `tokenjs emulator` in one pane, an interactive
 * `tokenjs chat` against it in another, Ctrl-C during a slow stream. Skipped (loudly) without tmux.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { root } from '../examples/run-file.js'

const hasTmux = (() => {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()
if (!hasTmux)
  console.warn('\n*** tmux is not installed: SKIPPING the interactive CLI tests (test/cli/interactive.test.ts) ***\n')

const session = `tokenjs-cli-test-${process.pid}`
const socket = ['-L', session] // a private tmux server, so nothing else on the machine is touched
const tmux = (...args: string[]): string => execFileSync('tmux', [...socket, ...args], { encoding: 'utf8' })
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
const cli = `${process.execPath} --import ${tsx} ${join(root, 'src/cli/index.ts')}`
const shellEnv = `NO_COLOR=1 TSX_TSCONFIG_PATH=${root}/tsconfig.json`

const capture = (target: string): string => tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', target)

async function waitFor(target: string, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const screen = capture(target)
    if (pattern.test(screen)) return screen
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${pattern} in pane ${target}:\n${screen}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

let url = ''
const statusDir = mkdtempSync(join(tmpdir(), 'tokenjs-tmux-'))

describe.skipIf(!hasTmux)('tokenjs on a terminal (tmux)', () => {
  beforeAll(async () => {
    // `remain-on-exit` keeps a pane (and its screen) after its command ends, for capture-pane.
    tmux(
      'new-session',
      '-d',
      '-s',
      session,
      '-x',
      '120',
      '-y',
      '40',
      `${shellEnv} ${cli} emulator --port 0 --chunk-delay-ms 150`,
    )
    tmux('set-option', '-g', 'remain-on-exit', 'on')
    const screen = await waitFor(`${session}:0`, /Use it: MISTRAL_BASE_URL=(\S+)/)
    url = /Use it: MISTRAL_BASE_URL=(\S+)/.exec(screen)?.[1] ?? ''
    expect(screen).toMatch(/^Mistral emulator listening on http:\/\/127\.0\.0\.1:\d+\/v1 \(API key: emulator-key\)$/m)
  })
  afterAll(() => {
    try {
      tmux('kill-server')
    } catch {
      // already gone
    }
  })

  /**
   * Runs `command` in a new window. The shell writes the command's exit status to a file (tmux's own
   * pane status can lag behind); `trap true INT` keeps that shell alive through a Ctrl-C, while the
   * command itself gets the default SIGINT handling back.
   */
  const window = (name: string, command: string): string => {
    tmux(
      'new-window',
      '-d',
      '-t',
      `${session}:`,
      '-n',
      name,
      `trap true INT; ${command}; echo $? > ${statusDir}/${name}`,
    )
    return `${session}:${name}`
  }
  const chatWindow = (name: string, extra = ''): string =>
    window(name, `${shellEnv} MISTRAL_BASE_URL=${url} MISTRAL_API_KEY=emulator-key ${cli} chat ${extra}`)
  const exitStatus = async (target: string): Promise<string> => {
    const file = `${statusDir}/${target.split(':')[1]}`
    const deadline = Date.now() + 10_000
    for (;;) {
      const status = existsSync(file) ? readFileSync(file, 'utf8').trim() : ''
      if (status !== '') return status
      if (Date.now() > deadline) throw new Error(`pane ${target} still running:\n${capture(target)}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }

  test('interactive chat keeps the conversation and quits with /exit', async () => {
    const pane = chatWindow('talk')
    await waitFor(pane, /\/exit or Ctrl-D to quit[\s\S]*> $/m)
    tmux('send-keys', '-t', pane, 'first question', 'Enter')
    await waitFor(pane, /You said: first question\n\[mistral-small-latest · /)
    tmux('send-keys', '-t', pane, 'second one', 'Enter')
    const screen = await waitFor(pane, /You said: second one\n\[mistral-small-latest · (\d+) prompt/)
    // The second request carried the whole history: more prompt tokens than the first.
    const prompts = [...screen.matchAll(/· (\d+) prompt/g)].map((match) => Number(match[1]))
    expect(prompts[1]).toBeGreaterThan(prompts[0] ?? Infinity)
    tmux('send-keys', '-t', pane, '/exit', 'Enter')
    expect(await exitStatus(pane)).toBe('0')
  })

  test('Ctrl-D quits with status 0', async () => {
    const pane = chatWindow('eof')
    await waitFor(pane, /> $/m)
    tmux('send-keys', '-t', pane, 'C-d')
    expect(await exitStatus(pane)).toBe('0')
  })

  test('Ctrl-C during a slow stream stops the answer and keeps the session and its history', async () => {
    const pane = chatWindow('interrupt')
    await waitFor(pane, /> $/m)
    tmux('send-keys', '-t', pane, 'please tell me a long story about the sea and its many wonders', 'Enter')
    await waitFor(pane, /\nYou said/) // the stream has started (chunks arrive every 150 ms)
    tmux('send-keys', '-t', pane, 'C-c')
    let screen = await waitFor(pane, /\(stopped; the conversation is kept\)\n> $/m)
    expect(screen).not.toContain('wonders\n[') // it did not run to the end
    expect(screen).not.toMatch(/Error|at .*\.ts:\d+/) // no stack trace
    tmux('send-keys', '-t', pane, 'next', 'Enter')
    screen = await waitFor(pane, /You said: next\n\[mistral-small-latest · (\d+) prompt/)
    // The stopped exchange stayed in the history: the second request carried more than one message.
    expect(Number(/You said: next\n\[mistral-small-latest · (\d+) prompt/.exec(screen)?.[1])).toBeGreaterThan(20)
    // Ctrl-C at an empty prompt asks first; the second one quits (130).
    tmux('send-keys', '-t', pane, 'C-c')
    await waitFor(pane, /\(Ctrl-C again, Ctrl-D or \/exit to quit\)/)
    tmux('send-keys', '-t', pane, 'C-c')
    expect(await exitStatus(pane)).toBe('130')
  })

  test('input typed during an answer is held back and shown at the next prompt', async () => {
    const pane = chatWindow('typeahead')
    await waitFor(pane, /> $/m)
    tmux('send-keys', '-t', pane, 'count the waves of the ocean one by one until the tide turns', 'Enter')
    await waitFor(pane, /\nYou said/)
    tmux('send-keys', '-l', '-t', pane, 'typed ahead')
    const screen = await waitFor(pane, /tide turns\n\[mistral-small-latest [^\n]*\]\n> typed ahead$/m)
    expect(screen).toMatch(/You said: count the waves of the ocean one by one until the tide turns\n/)
    tmux('send-keys', '-t', pane, 'Enter')
    await waitFor(pane, /You said: typed ahead\n/)
    tmux('send-keys', '-t', pane, '/exit', 'Enter')
    expect(await exitStatus(pane)).toBe('0')
  })

  test('slash commands: /help, /model, /system, /clear, /save, unknown ones never reach the model', async () => {
    const saved = join(statusDir, 'conversation.json')
    const cleared = join(statusDir, 'cleared.json')
    const pane = chatWindow('slash')
    await waitFor(pane, /> $/m)
    tmux('send-keys', '-t', pane, '/help', 'Enter')
    await waitFor(pane, /\/save \[file\]/)
    tmux('send-keys', '-t', pane, '/modle', 'Enter')
    await waitFor(pane, /Unknown command \/modle \(did you mean \/model\?\)/)
    tmux('send-keys', '-t', pane, '/model mistral-large-latest', 'Enter')
    await waitFor(pane, /model: mistral-large-latest\n/)
    tmux('send-keys', '-t', pane, '/system Answer in French.', 'Enter')
    await waitFor(pane, /\(system prompt set\)/)
    tmux('send-keys', '-t', pane, 'bonjour', 'Enter')
    await waitFor(pane, /You said: bonjour\n\[mistral-large-latest · /)
    tmux('send-keys', '-t', pane, `/save ${saved}`, 'Enter')
    await waitFor(pane, /\(saved 3 messages to /)
    tmux('send-keys', '-t', pane, '/clear', 'Enter')
    await waitFor(pane, /\(conversation cleared; the system prompt stays\)/)
    tmux('send-keys', '-t', pane, `/save ${cleared}`, 'Enter')
    await waitFor(pane, /\(saved 1 messages to /)
    tmux('send-keys', '-t', pane, '/quit', 'Enter')
    expect(await exitStatus(pane)).toBe('0')
    const conversation = JSON.parse(readFileSync(saved, 'utf8')) as { model: string; messages: unknown[] }
    expect(conversation.model).toBe('mistral-large-latest')
    expect(conversation.messages).toEqual([
      { role: 'system', content: 'Answer in French.' },
      { role: 'user', content: 'bonjour' },
      { role: 'assistant', content: 'You said: bonjour' },
    ])
    expect((JSON.parse(readFileSync(cleared, 'utf8')) as { messages: unknown[] }).messages).toEqual([
      { role: 'system', content: 'Answer in French.' },
    ])
  })

  test('one-shot streaming on a TTY, then Ctrl-C mid-stream exits 130', async () => {
    const pane = chatWindow('oneshot', '"count the waves of the ocean one by one until the tide turns"')
    await waitFor(pane, /You said/)
    tmux('send-keys', '-t', pane, 'C-c')
    expect(await exitStatus(pane)).toBe('130')
  })

  test('colours on a terminal, none with NO_COLOR', async () => {
    const env = `TSX_TSCONFIG_PATH=${root}/tsconfig.json`
    window('colour', `env -u NO_COLOR ${env} ${cli} models`)
    window('plain', `${env} NO_COLOR=1 ${cli} models`)
    expect(await exitStatus(`${session}:colour`)).toBe('0')
    expect(await exitStatus(`${session}:plain`)).toBe('0')
    const withEscapes = (target: string): string => tmux('capture-pane', '-p', '-e', '-t', target)
    expect(withEscapes(`${session}:colour`)).toContain('\u001b[')
    expect(withEscapes(`${session}:plain`)).not.toContain('\u001b[')
  })
})
