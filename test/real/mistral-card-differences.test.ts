/**
 * The difference test: the live probe (one tiny request per model and capability, then `GET /v1/models`)
 * run against the emulator serving its OWN model data (Mistral's published cards and recorded answers,
 * packages/emulator/src/mistral-served-models.ts), compared with token.js's capability table. Every difference is
 * listed in card-differences.ts with its reason; a new one (a wrong row in the table, or a card that
 * changed) fails here, and so does a listed one that went away.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { mistralEmbeddingModels, mistralModels } from 'token.js'
import { startMistralEmulator, type MistralEmulator } from '@tokenjs/emulator'
import { diffModelList, diffProbeResults, formatDifference } from '../../scripts/probe-mistral/diff-probes.js'
import { planProbes } from '../../scripts/probe-mistral/plan-probes.js'
import { fetchModelList, runProbes } from '../../scripts/probe-mistral/run-probes.js'
import { CARD_DIFFERENCES } from '../fixtures/real/mistral/card-differences.js'

let emulator: MistralEmulator
beforeAll(async () => {
  emulator = await startMistralEmulator({ logRequests: false })
})
afterAll(() => emulator.close())

it('every difference between the emulator’s cards and token.js’s table is listed with its reason', async () => {
  const options = { baseURL: emulator.url, apiKey: emulator.apiKey, retryDelayMs: 0 }
  const results = await runProbes(planProbes(mistralModels, mistralEmbeddingModels), options)
  const list = await fetchModelList(options)
  const found = [...diffProbeResults(results), ...diffModelList(mistralModels, mistralEmbeddingModels, list)].map(
    formatDifference,
  )
  const listed = Object.keys(CARD_DIFFERENCES)
  // Printed so a reviewer sees the whole list, with reasons, in the test output.
  console.log(listed.map((line) => `${line}\n    → ${CARD_DIFFERENCES[line]}`).join('\n'))
  expect(
    found.filter((line) => !listed.includes(line)),
    'new differences: fix the row, or list them with a reason',
  ).toEqual([])
  expect(
    listed.filter((line) => !found.includes(line)),
    'listed differences that are gone: remove them',
  ).toEqual([])
}, 120_000)

it('a wrong capability row fails: flipping one cell of the table shows up as a new difference', async () => {
  const options = { baseURL: emulator.url, apiKey: emulator.apiKey, retryDelayMs: 0 }
  const wrong = { ...mistralModels, 'codestral-2508': { ...mistralModels['codestral-2508'], fim: false } }
  const plan = planProbes(wrong, mistralEmbeddingModels).filter((probe) => probe.model === 'codestral-2508')
  const found = diffProbeResults(await runProbes(plan, options)).map(formatDifference)
  expect(found.filter((line) => !Object.hasOwn(CARD_DIFFERENCES, line))).toEqual([
    expect.stringContaining('codestral-2508') as unknown as string,
  ])
})
