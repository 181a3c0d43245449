/**
 * The emulator's command line: the request log (one line per request, `--quiet` silences it), `--help`,
 * and a busy port answered with one line that names the port and what to do (a real occupied port, the
 * real bin in a child process).
 */
import { once } from 'node:events'
import { createServer, type Server } from 'node:net'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runEmulatorCli } from '@tokenjs/emulator'
import { cleanEnv, root, runFile } from '../examples/run-file.js'

// Child processes under tsx on a loaded 2-core machine.
vi.setConfig({ testTimeout: 60_000 })

const bin = join(root, 'packages/emulator/src/cli.ts')
const chatBody = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ model: 'mistral-large-latest', messages: [{ role: 'user', content: 'hi' }], ...extra })

async function post(url: string, body: string, key: string): Promise<number> {
  const response = await fetch(`${url}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body,
  })
  await response.text()
  return response.status
}

/** Waits until `lines` holds `count` lines (a log line is printed when the response has closed). */
async function waitForLines(lines: readonly string[], count: number): Promise<void> {
  for (let tries = 0; lines.length < count && tries < 200; tries++) await new Promise((r) => setTimeout(r, 10))
}

describe('request log', () => {
  it('prints one line per request: method, path, status, model, duration, stream', async () => {
    const lines: string[] = []
    const cli = await runEmulatorCli(['--port', '0', '--api-key', 'k'], {
      print: (line) => lines.push(line),
      handleSignals: false,
    })
    try {
      expect(await post(cli.url, chatBody(), 'k')).toBe(200)
      expect(await post(cli.url, chatBody({ stream: true }), 'k')).toBe(200)
      expect(await post(cli.url, chatBody(), 'wrong')).toBe(401)
      expect(await post(cli.url, chatBody({ temperature: 9 }), 'k')).toBe(422)
      await fetch(`${cli.url}/models`, { headers: { authorization: 'Bearer k' } }).then((r) => r.text())
      await waitForLines(lines, 6)
      expect(lines[0]).toBe(`Mistral emulator listening on ${cli.url} (API key: k)`)
      const log = lines.slice(1)
      expect(log).toHaveLength(5)
      expect(log[0]).toMatch(/^POST \/v1\/chat\/completions 200 mistral-large-latest \d+ ms$/)
      expect(log[1]).toMatch(/^POST \/v1\/chat\/completions 200 mistral-large-latest \d+ ms stream$/)
      expect(log[2]).toMatch(/^POST \/v1\/chat\/completions 401 mistral-large-latest \d+ ms$/)
      expect(log[3]).toMatch(/^POST \/v1\/chat\/completions 422 mistral-large-latest \d+ ms$/)
      expect(log[4]).toMatch(/^GET \/v1\/models 200 \d+ ms$/)
      // The key is never in a log line.
      expect(log.join('\n')).not.toContain('Bearer')
    } finally {
      await cli.close()
    }
  })

  it('--quiet prints the banner only', async () => {
    const lines: string[] = []
    const cli = await runEmulatorCli(['--quiet'], { print: (line) => lines.push(line), handleSignals: false })
    try {
      expect(await post(cli.url, chatBody(), cli.apiKey)).toBe(200)
      await new Promise((r) => setTimeout(r, 50))
      expect(lines).toEqual([`Mistral emulator listening on ${cli.url} (API key: ${cli.apiKey})`])
    } finally {
      await cli.close()
    }
  })
})

describe('the bin', () => {
  let taken: Server
  let port: number
  beforeAll(async () => {
    taken = createServer()
    taken.listen(0, '127.0.0.1')
    await once(taken, 'listening')
    port = (taken.address() as AddressInfo).port
  })
  afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())))

  it('a busy port: one line naming the port and what to do, exit 1, no stack trace', async () => {
    const result = await runFile([bin, '--port', String(port)], cleanEnv())
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      `Port ${port} on 127.0.0.1 is already in use. Stop what is using it, choose another port (--port ${port === 65_535 ? port - 1 : port + 1}), or let the OS pick a free one (--port 0).`,
    ])
  })

  it('--help lists every flag, the log line format and --quiet', async () => {
    const result = await runFile([bin, '--help'], cleanEnv())
    expect(result.code).toBe(0)
    for (const flag of ['--port', '--host', '--api-key', '--chunk-delay-ms', '--quiet', '--help'])
      expect(result.stdout).toContain(flag)
    expect(result.stdout).toContain('POST /v1/chat/completions 200 mistral-large-latest 12 ms stream')
  })
})
