/**
 * Shared e2e setup: one emulator per test file (real HTTP on loopback), a client pointed at it, and an
 * afterEach that runs the request-conformance check (official SDK schema + spec ranges + ordering rules)
 * on every chat request body the test caused.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { TokenJS, mistralModels, type ClientOptions, type ModelRow } from 'token.js'
import {
  mistralServedModels,
  startMistralEmulator,
  type MistralEmulator,
  type MistralEmulatorOptions,
} from '@tokenjs/emulator'
import { assertMistralChatRequest } from '../support/mistral-conformance.js'

/** A model the client does not know but the emulator serves (a fine-tune): nothing may be gated. */
export const UNKNOWN_MODEL = 'ft:mistral-small-latest:acme:7c1f2a'

const unknownModelRow: ModelRow = {
  ...mistralModels['mistral-small-latest'],
  label: 'fine-tune',
  audio: true,
}

export interface Harness {
  readonly emulator: MistralEmulator
  client(options?: ClientOptions): TokenJS
  /** Bodies of the chat requests the emulator received during this test. */
  chatBodies(): Record<string, unknown>[]
  lastBody(): Record<string, unknown>
}

export function useEmulator(options: MistralEmulatorOptions = {}): Harness {
  let emulator: MistralEmulator | undefined
  beforeAll(async () => {
    emulator = await startMistralEmulator({
      // The emulator's own model data (not token.js's table), plus one id only the emulator serves.
      models: { ...mistralServedModels, [UNKNOWN_MODEL]: unknownModelRow },
      ...options,
    })
  })
  afterAll(async () => {
    await emulator?.close()
  })
  beforeEach(() => emulator?.reset())
  afterEach(() => {
    for (const body of chatBodies()) assertMistralChatRequest(body)
  })
  const current = (): MistralEmulator => {
    if (emulator === undefined) throw new Error('emulator not started')
    return emulator
  }
  const chatBodies = (): Record<string, unknown>[] =>
    current()
      .requests.filter((request) => request.path === '/v1/chat/completions' && typeof request.body === 'object')
      .map((request) => request.body as Record<string, unknown>)
  return {
    get emulator() {
      return current()
    },
    client: (clientOptions = {}) =>
      new TokenJS({ apiKey: current().apiKey, baseURL: current().url, maxRetries: 0, ...clientOptions }),
    chatBodies,
    lastBody: () => {
      const bodies = chatBodies()
      const last = bodies[bodies.length - 1]
      if (last === undefined) throw new Error('no chat request was sent')
      return last
    },
  }
}
