/**
 * Corpus test 2: every recorded request body, sent to the emulator (its clock at the recording date,
 * its own model data), gets the status the real API gave it. A disagreement is fixed in the emulator
 * (or listed in KNOWN_DISAGREEMENTS with its reason); the list is checked both ways, so it cannot rot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMistralEmulator, type MistralEmulator } from '@tokenjs/emulator'
import { recordingTime, recordings, type Recording } from '../fixtures/real/mistral/recordings.js'

/** Recording id → why the emulator answers differently (none at the moment). */
const KNOWN_DISAGREEMENTS: Readonly<Record<string, string>> = {}

let emulator: MistralEmulator
let clock = Date.now()
beforeAll(async () => {
  emulator = await startMistralEmulator({ now: () => clock, logRequests: false })
})
afterAll(() => emulator.close())

async function send(recording: Recording): Promise<{ status: number; text: string }> {
  const request = recording.request!
  clock = recordingTime(recording)
  const key = request.apiKey === 'wrong' ? 'not-the-key' : emulator.apiKey
  const response = await fetch(emulator.url + request.path.replace(/^\/v1/, ''), {
    method: request.method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    ...(request.body === null ? {} : { body: JSON.stringify(request.body) }),
  })
  return { status: response.status, text: await response.text() }
}

const sendable = recordings.filter((recording) => recording.request !== null)

describe('recorded requests get the recorded status from the emulator', () => {
  it.each(sendable.map((recording) => [recording.id, recording] as const))('%s', async (id, recording) => {
    const { status, text } = await send(recording)
    if (Object.hasOwn(KNOWN_DISAGREEMENTS, id)) {
      expect(status, 'listed as a disagreement but the emulator now agrees: remove it').not.toBe(
        recording.response.status,
      )
      return
    }
    expect(status, text.slice(0, 400)).toBe(recording.response.status)
  })
})

it('most of the corpus has a request to send, and every listed disagreement names a recording', () => {
  expect(sendable.length).toBeGreaterThanOrEqual(50)
  for (const id of Object.keys(KNOWN_DISAGREEMENTS)) expect(sendable.map((recording) => recording.id)).toContain(id)
})
