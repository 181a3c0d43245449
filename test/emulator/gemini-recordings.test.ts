/**
 * Real recorded Gemini traffic (test/fixtures/real/gemini/, converted from public VCR cassettes with
 * provenance) against the emulator: every recorded request gets the recorded status class from the
 * emulator set to the recording's date, and the emulator's answers use only the shapes the recordings show.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  GEMINI_EMULATOR_MODELS,
  startGeminiEmulator,
  type GeminiEmulator,
  type GeminiEmulatorModel,
} from '../../packages/emulator/src/index.js'

type Json = Record<string, any>
interface Interaction {
  request: { method: string; url: string; body: unknown }
  response: { status: number; contentType: string | null; body: unknown }
}
interface Recording {
  file: string
  source: {
    repo: string
    path: string
    commit: string
    added: string
    committed: string
    recorded: string | null
    recordedFrom: string | null
  }
  interactions: Interaction[]
}

const DIR = join(import.meta.dirname, '../fixtures/real/gemini/pydantic-ai')
const recordings: Recording[] = readdirSync(DIR)
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({ file, ...(JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Omit<Recording, 'file'>) }))
const ACTION =
  /\/v1beta\/models\/([^:/]+):(generateContent|streamGenerateContent|embedContent|batchEmbedContents|countTokens)$/
const served = recordings.flatMap((recording) =>
  recording.interactions
    .map((interaction) => ({ recording, interaction, match: ACTION.exec(new URL(interaction.request.url).pathname) }))
    .filter((entry) => entry.match !== null),
)

/** Models a recording shows answering that the emulator's catalogue does not list (the recording proves they existed then). */
const provenOnly: GeminiEmulatorModel[] = [
  ...new Set(
    served.filter((entry) => entry.interaction.response.status === 200).map((entry) => entry.match?.[1] ?? ''),
  ),
]
  .filter((id) => !GEMINI_EMULATOR_MODELS.some((model) => model.id === id))
  .map((id) => ({
    ...(GEMINI_EMULATOR_MODELS.find((model) => model.id === 'gemini-2.5-pro') as GeminiEmulatorModel),
    id,
    displayName: id,
  }))

let now = 0
let emulator: GeminiEmulator
beforeAll(async () => {
  emulator = await startGeminiEmulator({
    now: () => now,
    models: [...GEMINI_EMULATOR_MODELS, ...provenOnly],
    logRequests: false,
  })
})
afterAll(async () => {
  await emulator.close()
})

async function replay(entry: (typeof served)[number]): Promise<{ status: number; text: string; type: string }> {
  const url = new URL(entry.interaction.request.url)
  now = Date.parse(entry.recording.source.recorded ?? entry.recording.source.added)
  const response = await fetch(`${emulator.origin}${url.pathname}${url.search}`, {
    method: entry.interaction.request.method.toUpperCase(),
    headers: { 'x-goog-api-key': emulator.apiKey, 'content-type': 'application/json' },
    body: JSON.stringify(entry.interaction.request.body),
  })
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') ?? '' }
}

/** Every key path (arrays collapsed) of a value, e.g. `candidates.content.parts.text`. */
function keyPaths(
  value: unknown,
  prefix = '',
  out = new Set<string>(),
  stopAt: readonly string[] = ['args', 'response', 'values'],
): Set<string> {
  if (Array.isArray(value)) value.forEach((child) => keyPaths(child, prefix, out, stopAt))
  else if (typeof value === 'object' && value !== null)
    for (const [key, child] of Object.entries(value)) {
      const path = prefix === '' ? key : `${prefix}.${key}`
      out.add(path)
      if (!stopAt.includes(key)) keyPaths(child, path, out, stopAt)
    }
  return out
}
const sseBodies = (text: string): Json[] =>
  text
    .split(/\r?\n\r?\n/)
    .filter((frame) => frame.startsWith('data: '))
    .map((frame) => JSON.parse(frame.slice(6)) as Json)
const bodiesOf = (body: unknown): Json[] =>
  typeof body === 'string' ? sseBodies(body) : Array.isArray(body) ? (body as Json[]) : [body as Json]

describe('recorded Gemini traffic against the emulator', () => {
  it('has recordings with provenance', () => {
    expect(served.length).toBeGreaterThan(100)
    for (const recording of recordings) {
      expect(recording.source).toMatchObject({
        repo: 'pydantic/pydantic-ai',
        commit: expect.stringMatching(/^[0-9a-f]{40}$/),
        added: expect.any(String),
      })
      expect(JSON.stringify(recording)).not.toMatch(/AIza[0-9A-Za-z_-]{20,}/)
    }
  })

  it('answers every recorded request with the recorded status class', async () => {
    const mismatches: string[] = []
    for (const entry of served) {
      const reply = await replay(entry)
      if (Math.floor(reply.status / 100) !== Math.floor(entry.interaction.response.status / 100))
        mismatches.push(
          `${entry.recording.file} ${entry.match?.[1]}:${entry.match?.[2]} recorded ${entry.interaction.response.status}, emulator ${reply.status} ${reply.text.slice(0, 200)}`,
        )
    }
    expect(mismatches).toEqual([])
  })

  it('sends recorded 404 wordings exactly', async () => {
    const notFound = served.filter((entry) => entry.interaction.response.status === 404)
    expect(notFound.length).toBeGreaterThan(0)
    for (const entry of notFound)
      expect(JSON.parse((await replay(entry)).text)).toEqual(entry.interaction.response.body)
  })

  it('answers with no key the recordings do not show', async () => {
    const recorded = { generate: new Set<string>(), embed: new Set<string>(), count: new Set<string>() }
    const ours = { generate: new Set<string>(), embed: new Set<string>(), count: new Set<string>() }
    const kindOf = (action: string): keyof typeof recorded =>
      action.includes('mbed') ? 'embed' : action === 'countTokens' ? 'count' : 'generate'
    for (const entry of served) {
      if (entry.interaction.response.status !== 200) continue
      const kind = kindOf(entry.match?.[2] ?? '')
      for (const body of bodiesOf(entry.interaction.response.body)) keyPaths(body, '', recorded[kind])
      const reply = await replay(entry)
      for (const body of bodiesOf(
        reply.type.includes('event-stream') ? reply.text : (JSON.parse(reply.text) as unknown),
      ))
        keyPaths(body, '', ours[kind])
    }
    for (const kind of ['generate', 'embed', 'count'] as const) {
      const invented = [...ours[kind]].filter((path) => !recorded[kind].has(path))
      expect(invented, kind).toEqual([])
    }
  })

  it('frames streams like the recordings: data lines, CRLF CRLF, no [DONE]', async () => {
    const streams = served.filter(
      (entry) => entry.match?.[2] === 'streamGenerateContent' && entry.interaction.response.status === 200,
    )
    expect(streams.length).toBeGreaterThan(3)
    for (const entry of streams) {
      const recorded = String(entry.interaction.response.body)
      const reply = await replay(entry)
      expect(recorded.endsWith('\r\n\r\n')).toBe(true)
      expect(reply.text.endsWith('\r\n\r\n')).toBe(true)
      expect(reply.text).not.toContain('[DONE]')
      const last = sseBodies(reply.text).at(-1)
      expect(sseBodies(recorded).at(-1)?.candidates?.[0]?.finishReason).toBeDefined()
      expect(last?.candidates?.[0]?.finishReason).toBeDefined()
    }
  })
})
