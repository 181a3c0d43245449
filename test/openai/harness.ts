/**
 * OpenAI-family e2e setup: one OpenAI-format emulator per test file (real HTTP on loopback), a client
 * pointed at it for one provider id, and an afterEach that runs `assertOpenAIChatRequest` (keys derived
 * from the openai package's types, ranges, tool-message rules) on every chat body the test caused.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest'
import { InputError, TokenJS, type ClientOptions } from 'token.js'
import { startOpenAIEmulator, type OpenAIEmulator, type OpenAIEmulatorOptions } from '@tokenjs/emulator'
import { assertOpenAIChatRequest } from '../support/openai-conformance.js'

/** A model id no table knows but the emulator serves (a fine-tune, a local model): nothing may be gated. */
export const UNKNOWN_MODEL = 'ft:gpt-4o-mini-2024-07-18:acme::7c1f2a'
export const LOCAL_MODEL = 'llama3.2'

export type OpenAIFamilyProvider = 'openai' | 'openai-compatible' | 'groq'

export interface OpenAIHarness {
  readonly emulator: OpenAIEmulator
  client(options?: ClientOptions): TokenJS
  chatBodies(): Record<string, unknown>[]
  lastBody(): Record<string, unknown>
}

export function useOpenAIEmulator(provider: OpenAIFamilyProvider, options: OpenAIEmulatorOptions = {}): OpenAIHarness {
  let emulator: OpenAIEmulator | undefined
  beforeAll(async () => {
    emulator = await startOpenAIEmulator({ extraModels: [UNKNOWN_MODEL, LOCAL_MODEL], ...options })
  })
  afterAll(async () => {
    await emulator?.close()
  })
  beforeEach(() => emulator?.reset())
  afterEach(() => {
    for (const body of chatBodies()) assertOpenAIChatRequest(body)
  })
  const current = (): OpenAIEmulator => {
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
      new TokenJS({
        providers: { [provider]: { apiKey: current().apiKey, baseURL: current().url } },
        maxRetries: 0,
        ...clientOptions,
      }),
    chatBodies,
    lastBody: () => {
      const last = chatBodies().at(-1)
      if (last === undefined) throw new Error('no chat request was sent')
      return last
    },
  }
}

/** Asserts an InputError with the given param (and message fragments), and that nothing was sent. */
export async function expectInputError(
  harness: OpenAIHarness,
  promise: Promise<unknown>,
  param: string | undefined,
  ...fragments: string[]
): Promise<InputError> {
  const before = harness.emulator.requests.length
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(InputError)
  const inputError = error as InputError
  if (param !== undefined) expect(inputError.param).toBe(param)
  for (const fragment of fragments) expect(inputError.message).toContain(fragment)
  expect(harness.emulator.requests.length).toBe(before)
  return inputError
}

/** Waits until the emulator has at most `count` open sockets. */
export async function expectConnectionsBackTo(harness: OpenAIHarness, count: number): Promise<void> {
  for (let waited = 0; waited < 2_000 && harness.emulator.openConnections() > count; waited += 10) {
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  expect(harness.emulator.openConnections()).toBeLessThanOrEqual(count)
}
