/**
 * Anthropic e2e setup: one Anthropic emulator per test file (real HTTP on loopback), a client pointed at
 * it, and an afterEach that runs the request check (`@anthropic-ai/sdk` 1.15.0's types plus the API's
 * rules, test/support/anthropic-conformance.ts) on every Messages body the test caused, with its headers.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { TokenJS, type ClientOptions } from 'token.js'
import { startAnthropicEmulator, type AnthropicEmulator, type AnthropicEmulatorOptions } from '@tokenjs/emulator'
import { assertAnthropicRequest } from '../support/anthropic-conformance.js'

export interface AnthropicHarness {
  readonly emulator: AnthropicEmulator
  client(options?: ClientOptions): TokenJS
  /** Bodies of the Messages requests the emulator received during this test. */
  bodies(): Record<string, unknown>[]
  lastBody(): Record<string, unknown>
}

export function useAnthropicEmulator(options: AnthropicEmulatorOptions = {}): AnthropicHarness {
  let emulator: AnthropicEmulator | undefined
  beforeAll(async () => {
    emulator = await startAnthropicEmulator(options)
  })
  afterAll(async () => {
    await emulator?.close()
  })
  beforeEach(() => emulator?.reset())
  afterEach(() => {
    for (const request of messageRequests()) assertAnthropicRequest(request.body, request.headers)
  })
  const current = (): AnthropicEmulator => {
    if (emulator === undefined) throw new Error('emulator not started')
    return emulator
  }
  const messageRequests = () =>
    current().requests.filter((request) => request.path === '/v1/messages' && typeof request.body === 'object')
  const bodies = (): Record<string, unknown>[] =>
    messageRequests().map((request) => request.body as Record<string, unknown>)
  return {
    get emulator() {
      return current()
    },
    client: (clientOptions = {}) =>
      new TokenJS({
        providers: { anthropic: { apiKey: current().apiKey, baseURL: current().url } },
        maxRetries: 0,
        ...clientOptions,
      }),
    bodies,
    lastBody: () => {
      const all = bodies()
      const last = all[all.length - 1]
      if (last === undefined) throw new Error('no Messages request was sent')
      return last
    },
  }
}
