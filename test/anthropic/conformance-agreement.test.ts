/**
 * The Anthropic emulator and the SDK-derived request check agree on the hand-written corpus: every body
 * goes to the emulator over real HTTP and gets the corpus status (and error type and wording); for body
 * cases `checkAnthropicRequest` reports a problem exactly when the API would refuse, at the corpus path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAnthropicEmulator, type AnthropicEmulator } from '../../packages/emulator/src/anthropic/index.js'
import { anthropicCorpus } from '../fixtures/anthropic-requests/corpus.js'
import { checkAnthropicRequest, formatAnthropicViolations } from '../support/anthropic-conformance.js'
import { anthropicHeaders, errorOf, postMessages } from './helpers.js'

let emulator: AnthropicEmulator
beforeAll(async () => {
  emulator = await startAnthropicEmulator({ logRequests: false })
})
afterAll(async () => {
  await emulator.close()
})

describe('emulator and checker agree on the corpus', () => {
  for (const testCase of anthropicCorpus) {
    it(testCase.name, async () => {
      const headers = anthropicHeaders(emulator, testCase.version)
      const response = await postMessages(emulator, testCase.body, headers)
      const violations = checkAnthropicRequest(testCase.body, headers)
      if (testCase.expect.ok) {
        expect(response.status, response.text).toBe(200)
        expect(violations, formatAnthropicViolations(violations)).toEqual([])
        return
      }
      expect(response.status, response.text).toBe(testCase.expect.status)
      const error = errorOf(response.json)
      expect(error.type).toBe(testCase.expect.type)
      expect(error.message).toContain(testCase.expect.messageIncludes)
      expect((response.json as { request_id?: string }).request_id).toBe(response.headers.get('request-id'))
      if (testCase.scope === 'model') expect(violations, formatAnthropicViolations(violations)).toEqual([])
      else expect(violations.map((violation) => violation.path)).toContain(testCase.path)
    })
  }
})
