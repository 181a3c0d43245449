/**
 * The Gemini emulator and the SDK-derived conformance checker agree on the hand-written corpus: each body
 * goes to the emulator over real HTTP and gets the corpus status (and message); for shape cases the
 * checker is empty exactly when the status is 200.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startGeminiEmulator, type GeminiEmulator } from '../../packages/emulator/src/index.js'
import { geminiCorpus } from '../fixtures/gemini-requests/corpus.js'
import { checkGeminiGenerateRequest, formatViolations } from '../support/gemini-conformance.js'

let emulator: GeminiEmulator

beforeAll(async () => {
  emulator = await startGeminiEmulator({ logRequests: false })
})
afterAll(async () => {
  await emulator.close()
})

describe('Gemini emulator and conformance checker agree', () => {
  for (const testCase of geminiCorpus) {
    it(`${testCase.status} ${testCase.name}`, async () => {
      const response = await fetch(`${emulator.url}/models/${testCase.model}:generateContent`, {
        method: 'POST',
        headers: { 'x-goog-api-key': emulator.apiKey, 'content-type': 'application/json' },
        body: JSON.stringify(testCase.body),
      })
      const json = (await response.json()) as { error?: { code: number; status: string; message: string } }
      expect(response.status, JSON.stringify(json)).toBe(testCase.status)
      if (testCase.status === 400) {
        expect(json.error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT' })
        if (testCase.message !== undefined) expect(json.error?.message).toContain(testCase.message)
      }
      if (testCase.shape) {
        const violations = checkGeminiGenerateRequest(testCase.body)
        expect(violations.length === 0, formatViolations(violations) || 'no violations').toBe(testCase.status === 200)
      }
    })
  }
})
