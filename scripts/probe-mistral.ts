/**
 * `npm run probe:mistral`: asks the real Mistral API, once per capability and current model of token.js's
 * tables, what it actually does (a tiny request each: ~1 output token), reads `GET /v1/models`, and
 * prints where the API and our tables differ. Needs MISTRAL_API_KEY (MISTRAL_BASE_URL optional).
 * Never runs in CI (it spends money and depends on a live service). Without a key it prints its plan.
 * Exit codes: 0 done (differences or not), 1 refused (CI) or failed (bad key, network).
 */
import { mistralEmbeddingModels } from '../src/providers/mistral/embedding-models.js'
import { mistralModels } from '../src/providers/mistral/models.js'
import { diffModelList, diffProbeResults, formatDifference } from './probe-mistral/diff-probes.js'
import { planProbes } from './probe-mistral/plan-probes.js'
import { fetchModelList, runProbes } from './probe-mistral/run-probes.js'

async function main(): Promise<number> {
  if (process.env.CI !== undefined && process.env.CI !== '') {
    console.error(
      'probe:mistral refuses to run in CI (CI is set): it calls the paid, live Mistral API. Run it by hand.',
    )
    return 1
  }
  const probes = planProbes(mistralModels, mistralEmbeddingModels)
  const models = [...new Set(probes.map((probe) => probe.model))]
  const apiKey = process.env.MISTRAL_API_KEY
  if (apiKey === undefined || apiKey === '') {
    console.log(`No MISTRAL_API_KEY: nothing sent. With a key, probe:mistral would:`)
    console.log(`- send ${probes.length} tiny requests (max_tokens 1) for ${models.length} current models:`)
    for (const model of models) {
      console.log(
        `    ${model}: ${probes
          .filter((probe) => probe.model === model)
          .map((probe) => `${probe.feature}${probe.expected ? '' : '(expect refusal)'}`)
          .join(', ')}`,
      )
    }
    console.log(
      '- read GET /v1/models and compare capabilities, context length, aliases and retirement with the table;',
    )
    console.log('- print every difference. Set MISTRAL_API_KEY (and optionally MISTRAL_BASE_URL) to run it.')
    return 0
  }
  const baseURL = process.env.MISTRAL_BASE_URL || 'https://api.mistral.ai/v1'
  console.log(`Probing ${baseURL}: ${probes.length} requests for ${models.length} models…`)
  const results = await runProbes(probes, {
    baseURL,
    apiKey,
    onResult: (result) =>
      process.stdout.write(result.outcome === 'supported' ? '.' : result.outcome === 'unsupported' ? 'x' : '?'),
  })
  process.stdout.write('\n')
  const differences = [
    ...diffProbeResults(results),
    ...diffModelList(mistralModels, mistralEmbeddingModels, await fetchModelList({ baseURL, apiKey })),
  ]
  const inconclusive = results.filter((result) => result.outcome === 'inconclusive')
  for (const result of inconclusive)
    console.log(
      `inconclusive: ${result.probe.model} ${result.probe.feature} (${result.status} ${result.message ?? ''})`,
    )
  if (differences.length === 0) console.log("No differences between the API and token.js's tables.")
  else {
    console.log(`${differences.length} difference(s):`)
    for (const difference of differences) console.log(`  ${formatDifference(difference)}`)
  }
  return 0
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  },
)
