/**
 * The live probe's logic against the emulator: the plan covers every current model and capability; run
 * against an emulator serving our own tables the diff is empty; against an emulator whose catalogue
 * differs, the probe reports exactly that difference (from its request and from /v1/models).
 */
import { spawnSync } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { mistralEmbeddingModels, mistralModels, type ModelRow } from 'token.js'
import { startMistralEmulator, type MistralEmulator } from '@tokenjs/emulator'
import { diffModelList, diffProbeResults, formatDifference } from '../../scripts/probe-mistral/diff-probes.js'
import { planProbes } from '../../scripts/probe-mistral/plan-probes.js'
import { ProbeAuthError, fetchModelList, runProbes } from '../../scripts/probe-mistral/run-probes.js'

let emulator: MistralEmulator | undefined
afterEach(async () => {
  await emulator?.close()
  emulator = undefined
})

async function probeAgainst(
  models: Readonly<Record<string, ModelRow>>,
): Promise<{ differences: ReturnType<typeof diffProbeResults>; inconclusive: number; sent: number }> {
  emulator = await startMistralEmulator({ models, logRequests: true })
  const options = { baseURL: emulator.url, apiKey: emulator.apiKey, retryDelayMs: 0 }
  const results = await runProbes(planProbes(mistralModels, mistralEmbeddingModels), options)
  const list = await fetchModelList(options)
  return {
    differences: [...diffProbeResults(results), ...diffModelList(mistralModels, mistralEmbeddingModels, list)],
    inconclusive: results.filter((result) => result.outcome === 'inconclusive').length,
    sent: emulator.requests.length,
  }
}

describe('planProbes (pure)', () => {
  const plan = planProbes(mistralModels, mistralEmbeddingModels)
  it('covers every current canonical model once per capability, and skips aliases and retired ids', () => {
    const models = new Set(plan.map((probe) => probe.model))
    expect(models.has('codestral-2508')).toBe(true)
    expect(models.has('codestral-latest')).toBe(false)
    expect(models.has('mistral-large-2402')).toBe(false)
    expect(models.has('mistral-embed-2312')).toBe(true)
    const codestral = plan.filter((probe) => probe.model === 'codestral-2508')
    expect(codestral.map((probe) => probe.feature)).toEqual([
      'chat',
      'streaming',
      'jsonMode',
      'jsonSchema',
      'tools',
      'images',
      'audio',
      'n',
      'reasoning',
      'effortNone',
      'prediction',
      'prefix',
      'fim',
    ])
    expect(Object.fromEntries(codestral.map((probe) => [probe.feature, probe.expected]))).toMatchObject({
      fim: true,
      images: false,
      tools: true,
    })
  })
  it('keeps every request tiny', () => {
    for (const probe of plan.filter((entry) => entry.path !== '/embeddings')) expect(probe.body.max_tokens).toBe(1)
  })
})

describe('the probe against the emulator', () => {
  it('an emulator reflecting our tables: no difference, nothing inconclusive', async () => {
    const { differences, inconclusive, sent } = await probeAgainst(mistralModels)
    expect(differences.map(formatDifference)).toEqual([])
    expect(inconclusive).toBe(0)
    expect(sent).toBe(planProbes(mistralModels, mistralEmbeddingModels).length + 1)
  })

  it('an emulator whose codestral-2508 lost FIM, whose GLM 5.3 takes none and which serves an extra model: exactly those differences', async () => {
    const models = {
      ...mistralModels,
      'codestral-2508': { ...mistralModels['codestral-2508'], fim: false },
      'zai-glm-5-3': { ...mistralModels['zai-glm-5-3'], reasoningEfforts: ['none', 'low', 'high', 'max'] as const },
      'mistral-new-2612': { ...mistralModels['mistral-small-2603'], label: 'new' },
    }
    const { differences } = await probeAgainst(models)
    expect(differences).toEqual([
      {
        model: 'codestral-2508',
        feature: 'fim',
        source: 'request',
        table: true,
        api: false,
        detail: 'Model codestral-2508 does not support fill-in-the-middle completions.',
      },
      { model: 'zai-glm-5-3', feature: 'effortNone', source: 'request', table: false, api: true },
      { model: 'codestral-2508', feature: 'fim', source: '/v1/models', table: true, api: false },
      { model: 'mistral-new-2612', feature: 'listed', source: '/v1/models', table: false, api: true },
    ])
  })

  it('a bad key stops the run with a clear error', async () => {
    emulator = await startMistralEmulator()
    const probe = planProbes(mistralModels, mistralEmbeddingModels).slice(0, 1)
    await expect(runProbes(probe, { baseURL: emulator.url, apiKey: 'wrong' })).rejects.toBeInstanceOf(ProbeAuthError)
  })

  it('a 503 that persists is inconclusive, not a difference', async () => {
    emulator = await startMistralEmulator()
    emulator.enqueue({ kind: 'http', status: 503 }, { kind: 'http', status: 503 })
    const probe = planProbes(mistralModels, mistralEmbeddingModels).slice(0, 1)
    const results = await runProbes(probe, {
      baseURL: emulator.url,
      apiKey: emulator.apiKey,
      retryDelayMs: 0,
      attempts: 2,
    })
    expect(results[0]?.outcome).toBe('inconclusive')
    expect(diffProbeResults(results)).toEqual([])
  })
})

describe('scripts/probe-mistral.ts', () => {
  const run = (env: Record<string, string | undefined>): ReturnType<typeof spawnSync> =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/probe-mistral.ts'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      encoding: 'utf8',
      timeout: 60_000,
    })
  it('refuses to run in CI', () => {
    const result = run({ CI: 'true', MISTRAL_API_KEY: 'x' })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('refuses to run in CI')
  })
  it('without a key: says what it would do and exits 0', () => {
    const result = run({})
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('No MISTRAL_API_KEY: nothing sent')
    expect(result.stdout).toContain('codestral-2508: chat, streaming')
  })
})
