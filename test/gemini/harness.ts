/**
 * Gemini e2e setup: one Gemini emulator per test file (real HTTP on loopback), a client pointed at it, and
 * an afterEach that runs the `@google/genai`-derived conformance check on every body the test sent.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { TokenJS, type ClientOptions } from 'token.js'
import { startGeminiEmulator, type GeminiEmulator, type GeminiEmulatorOptions } from '@tokenjs/emulator'
import { assertGeminiRequest } from '../support/gemini-conformance.js'

export interface GeminiHarness {
  readonly emulator: GeminiEmulator
  client(options?: ClientOptions): TokenJS
  /** Bodies of the generateContent / streamGenerateContent requests sent so far. */
  bodies(): Record<string, any>[]
  lastBody(): Record<string, any>
  lastPath(): string
}

const ACTION = /:(\w+)(?:\?|$)/

export function useGeminiEmulator(options: GeminiEmulatorOptions = {}): GeminiHarness {
  let emulator: GeminiEmulator | undefined
  beforeAll(async () => {
    emulator = await startGeminiEmulator(options)
  })
  afterAll(async () => {
    await emulator?.close()
  })
  beforeEach(() => emulator?.reset())
  afterEach(() => {
    for (const request of current().requests) {
      const action = ACTION.exec(request.path)?.[1]
      if (action !== undefined && typeof request.body === 'object') assertGeminiRequest(request.body, action)
    }
  })
  const current = (): GeminiEmulator => {
    if (emulator === undefined) throw new Error('emulator not started')
    return emulator
  }
  const bodies = (): Record<string, any>[] =>
    current()
      .requests.filter((request) => /:(stream)?[gG]enerateContent/.test(request.path))
      .map((request) => request.body as Record<string, any>)
  return {
    get emulator() {
      return current()
    },
    client: (clientOptions = {}) =>
      new TokenJS({
        providers: { gemini: { apiKey: current().apiKey, baseURL: current().url } },
        maxRetries: 0,
        ...clientOptions,
      }),
    bodies,
    lastBody: () => {
      const last = bodies().at(-1)
      if (last === undefined) throw new Error('no generateContent request was sent')
      return last
    },
    lastPath: () => current().lastRequest()?.path ?? '',
  }
}
