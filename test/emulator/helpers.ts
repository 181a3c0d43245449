/** Shared helpers for the emulator tests: a fixed model catalogue and small HTTP clients. */
import { request as httpRequest } from 'node:http'
import type { ModelRow } from '../../src/capabilities.js'
import { startMistralEmulator, type MistralEmulator, type MistralEmulatorOptions } from '@tokenjs/emulator'

const base = {
  chat: true,
  streaming: true,
  jsonMode: true,
  jsonSchema: true,
  images: true,
  documents: true,
  audio: false,
  tools: true,
  n: true,
  reasoning: false,
  prediction: false,
  prefix: true,
  fim: false,
  contextLength: 262_144,
} as const

/** A catalogue written for these tests, so they do not depend on the live model table. */
export const testModels: Record<string, ModelRow> = {
  'mistral-large-2512': { ...base, label: 'Large 3' },
  'mistral-large-latest': { ...base, label: 'Large 3', aliasOf: 'mistral-large-2512' },
  'mistral-small-latest': {
    ...base,
    label: 'Small 4',
    reasoning: true,
    reasoningEfforts: ['none', 'high'],
    prediction: true,
  },
  'codestral-latest': { ...base, label: 'Codestral', images: false, documents: false, fim: true, prediction: true },
  'voxtral-small-latest': { ...base, label: 'Voxtral Small', images: false, audio: true },
  'text-only-no-tools': { ...base, label: 'No tools', images: false, tools: false, n: false },
  'zai-glm-5-2': {
    ...base,
    label: 'Z.ai GLM 5.2',
    images: false,
    reasoning: true,
    reasoningEfforts: ['none', 'low', 'medium', 'high'],
    thirdParty: true,
  },
  'mistral-medium-2505': {
    ...base,
    label: 'Medium 3',
    retirement: { retiresOn: '2026-08-31', replacement: 'mistral-medium-3-5' },
  },
  'open-mistral-7b': {
    ...base,
    label: 'Mistral 7B',
    retirement: { retiresOn: '2025-03-30', replacement: 'ministral-8b-latest' },
  },
}

/** 2026-06-01: `mistral-medium-2505` is deprecated but served, `open-mistral-7b` is retired. */
export const TEST_NOW = Date.parse('2026-06-01T00:00:00Z')

export function startTestEmulator(options: MistralEmulatorOptions = {}): Promise<MistralEmulator> {
  return startMistralEmulator({ models: testModels, now: () => TEST_NOW, ...options })
}

export interface HttpResult {
  readonly status: number
  readonly headers: Headers
  readonly text: string
  readonly json: any
}

async function toResult(response: Response): Promise<HttpResult> {
  const text = await response.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: response.status, headers: response.headers, text, json }
}

/** POSTs `body` (JSON-encoded unless a string) to `/v1/chat/completions` with the right key. */
export async function postChat(
  emulator: MistralEmulator,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<HttpResult> {
  const response = await fetch(`${emulator.url}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${emulator.apiKey}`, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return toResult(response)
}

export async function get(
  emulator: MistralEmulator,
  path: string,
  headers: Record<string, string> = { authorization: `Bearer ${emulator.apiKey}` },
): Promise<HttpResult> {
  return toResult(await fetch(`${emulator.origin}${path}`, { headers }))
}

/** The JSON payloads of an SSE body, with `'[DONE]'` kept as a string. */
export function sseData(text: string): unknown[] {
  expectWellFormedSse(text)
  return text
    .split('\n\n')
    .filter((event) => event.length > 0)
    .map((event) => {
      const data = event.slice('data: '.length)
      return data === '[DONE]' ? data : JSON.parse(data)
    })
}

function expectWellFormedSse(text: string): void {
  if (!text.endsWith('\n\n')) throw new Error('SSE body does not end with a blank line')
  for (const event of text.split('\n\n').filter((part) => part.length > 0)) {
    if (!event.startsWith('data: ') || event.includes('\n')) throw new Error(`bad SSE event: ${event.slice(0, 80)}`)
  }
}

/** A raw `node:http` request without keep-alive; resolves with every body piece as received. */
export function rawPost(
  emulator: MistralEmulator,
  body: string | Buffer,
  headers: Record<string, string> = {},
): Promise<{ status: number; pieces: Buffer[]; error?: Error }> {
  const url = new URL(`${emulator.url}/chat/completions`)
  return new Promise((resolve) => {
    const pieces: Buffer[] = []
    let status = 0
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent: false,
        headers: {
          authorization: `Bearer ${emulator.apiKey}`,
          'content-type': 'application/json',
          connection: 'close',
          ...headers,
        },
      },
      (response) => {
        status = response.statusCode ?? 0
        response.on('data', (piece: Buffer) => pieces.push(piece))
        response.on('end', () => resolve({ status, pieces }))
        response.on('error', (error) => resolve({ status, pieces, error }))
        response.on('aborted', () => resolve({ status, pieces, error: new Error('aborted') }))
      },
    )
    request.on('error', (error) => resolve({ status, pieces, error }))
    request.end(body)
  })
}

export const user = (content: unknown): Record<string, unknown> => ({ role: 'user', content })

export function chat(extra: Record<string, unknown> = {}, model = 'mistral-large-latest'): Record<string, unknown> {
  return { model, messages: [user('Hello there')], ...extra }
}

export const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Weather for a city',
    parameters: {
      type: 'object',
      properties: {
        city: { type: 'string' },
        unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
        days: { type: 'integer', minimum: 1, maximum: 7 },
      },
      required: ['city', 'unit'],
    },
  },
}

/** Poll until `check` is true or `ms` passes. */
export async function eventually(check: () => boolean, ms = 2000): Promise<void> {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
