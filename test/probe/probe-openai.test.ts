/**
 * The OpenAI probe against the OpenAI emulator: the plan covers every current model and capability;
 * against an emulator serving our own table the diff is empty; against an emulator whose model data
 * differs from the table on purpose, the diff names exactly those cells (from its requests and from
 * GET /v1/models).
 */
import { spawnSync } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { isRetired, type ModelRow } from 'token.js'
import { startOpenAIEmulator, type OpenAIEmulator } from '@tokenjs/emulator'
import { openAIModels } from '../../src/providers/openai/models.js'
import { diffProbeResults, type Difference } from '../../scripts/probe-mistral/diff-probes.js'
import { ProbeAuthError, fetchModelList, runProbes } from '../../scripts/probe-mistral/run-probes.js'
import { diffOpenAIModelList } from '../../scripts/probe-openai/diff-model-list.js'
import { planOpenAIProbes } from '../../scripts/probe-openai/plan-probes.js'

let emulator: OpenAIEmulator | undefined
afterEach(async () => {
  await emulator?.close()
  emulator = undefined
})

const rows = openAIModels as Readonly<Record<string, ModelRow>>

async function probeAgainst(
  models: Readonly<Record<string, ModelRow>>,
  extraModels: readonly string[] = [],
): Promise<{ differences: Difference[]; inconclusive: number; sent: number }> {
  emulator = await startOpenAIEmulator({ models, extraModels, logRequests: true })
  const options = { baseURL: emulator.url, apiKey: emulator.apiKey, retryDelayMs: 0, keyName: 'OPENAI_API_KEY' }
  const results = await runProbes(planOpenAIProbes(openAIModels), options)
  const list = await fetchModelList(options)
  return {
    differences: [...diffProbeResults(results), ...diffOpenAIModelList(openAIModels, list)],
    inconclusive: results.filter((result) => result.outcome === 'inconclusive').length,
    sent: emulator.requests.length,
  }
}

/** `model feature (source): table → api`, the cells a difference names. */
const cells = (differences: readonly Difference[]): string[] =>
  differences.map(
    (difference) =>
      `${difference.model} ${difference.feature} (${difference.source}): ${String(difference.table)} → ${String(difference.api)}`,
  )

describe('planOpenAIProbes (pure)', () => {
  const plan = planOpenAIProbes(openAIModels)
  it('covers every current model once per capability and skips shut-down ids', () => {
    const current = Object.entries(rows)
      .filter(([, row]) => !isRetired(row) && row.aliasOf === undefined)
      .map(([id]) => id)
    expect([...new Set(plan.map((probe) => probe.model))]).toEqual(current)
    expect(plan.some((probe) => probe.model === 'gpt-3.5-turbo')).toBe(false)
    expect(plan.filter((probe) => probe.model === 'gpt-6.1-sol').map((probe) => probe.feature)).toEqual([
      'chat',
      'streaming',
      'jsonMode',
      'jsonSchema',
      'images',
      'documents',
      'audio',
      'tools',
      'n',
      'reasoning',
      'effortNone',
      'prediction',
    ])
    const sol = Object.fromEntries(
      plan.filter((probe) => probe.model === 'gpt-6.1-sol').map((probe) => [probe.feature, probe.expected]),
    )
    expect(sol).toMatchObject({ tools: false, reasoning: true, effortNone: false, documents: true })
  })
  it('keeps every request tiny', () => {
    for (const probe of plan) expect(probe.body.max_completion_tokens).toBe(1)
  })
})

describe('the OpenAI probe against the emulator', () => {
  it('an emulator serving our table: no difference, nothing inconclusive', async () => {
    const { differences, inconclusive, sent } = await probeAgainst(rows)
    expect(cells(differences)).toEqual([])
    expect(inconclusive).toBe(0)
    expect(sent).toBe(planOpenAIProbes(openAIModels).length + 1)
  })

  it('an emulator whose model data differs on purpose: the diff names exactly those cells', async () => {
    const { 'gpt-5.2': _dropped, ...served } = rows
    const models: Record<string, ModelRow> = {
      ...served,
      // GPT-6 Luna lost `none`, GPT-5.4 mini lost tools, GPT-5.5 got a shutdown date.
      'gpt-6-luna': { ...rows['gpt-6-luna']!, reasoningEfforts: ['low', 'medium', 'high', 'xhigh', 'max'] },
      'gpt-5.4-mini': { ...rows['gpt-5.4-mini']!, tools: false },
      'gpt-5.5': { ...rows['gpt-5.5']!, retirement: { retiresOn: '2027-06-30' } },
    }
    const { differences } = await probeAgainst(models, ['gpt-7-sol', 'gpt-7-sol-2027-01-01', 'tts-2'])
    expect(cells(differences)).toEqual([
      'gpt-6-luna effortNone (request): true → false',
      'gpt-5.4-mini tools (request): true → false',
      'gpt-5.2 served (request): true → false',
      'gpt-5.5 retiresOn (/v1/models): null → 2027-06-30',
      'gpt-5.2 listed (/v1/models): true → false',
      'gpt-7-sol listed (/v1/models): false → true',
    ])
    expect(differences[1]?.detail).toContain("'tools'")
    expect(differences[2]?.detail).toContain('gpt-5.2')
  })

  it('a bad key stops the run with a clear error naming OPENAI_API_KEY', async () => {
    emulator = await startOpenAIEmulator()
    const probe = planOpenAIProbes(openAIModels).slice(0, 1)
    const run = runProbes(probe, { baseURL: emulator.url, apiKey: 'wrong', keyName: 'OPENAI_API_KEY' })
    await expect(run).rejects.toBeInstanceOf(ProbeAuthError)
    await expect(run).rejects.toThrow('OPENAI_API_KEY')
  })
})

describe('scripts/probe-openai.ts', () => {
  const run = (env: Record<string, string | undefined>): ReturnType<typeof spawnSync> =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/probe-openai.ts'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      encoding: 'utf8',
      timeout: 60_000,
    })
  it('refuses to run in CI', () => {
    const result = run({ CI: 'true', OPENAI_API_KEY: 'x' })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('refuses to run in CI')
  })
  it('without a key: says what it would do and exits 0', () => {
    const result = run({})
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('No OPENAI_API_KEY: nothing sent')
    expect(result.stdout).toContain('gpt-6.1-sol: chat, streaming')
  })
})
