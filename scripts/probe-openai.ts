/**
 * `npm run probe:openai`: asks the real OpenAI API, once per capability and current model of token.js's
 * table, what it actually does (a tiny request each: `max_completion_tokens: 1`), reads `GET /v1/models`
 * (ids and `shutdown_date`), and prints where the API and our table differ. Needs OPENAI_API_KEY
 * (OPENAI_BASE_URL optional). Never runs in CI (it spends money and depends on a live service). Without a
 * key it prints its plan. Exit codes: 0 done (differences or not), 1 refused (CI) or failed (bad key, network).
 */
import { openAIModels } from '../src/providers/openai/models.js'
import { diffProbeResults, formatDifference } from './probe-mistral/diff-probes.js'
import { fetchModelList, runProbes } from './probe-mistral/run-probes.js'
import { diffOpenAIModelList } from './probe-openai/diff-model-list.js'
import { planOpenAIProbes } from './probe-openai/plan-probes.js'

async function main(): Promise<number> {
  if (process.env.CI !== undefined && process.env.CI !== '') {
    console.error('probe:openai refuses to run in CI (CI is set): it calls the paid, live OpenAI API. Run it by hand.')
    return 1
  }
  const probes = planOpenAIProbes(openAIModels)
  const models = [...new Set(probes.map((probe) => probe.model))]
  const apiKey = process.env.OPENAI_API_KEY
  if (apiKey === undefined || apiKey === '') {
    console.log(`No OPENAI_API_KEY: nothing sent. With a key, probe:openai would:`)
    console.log(`- send ${probes.length} tiny requests (max_completion_tokens 1) for ${models.length} current models:`)
    for (const model of models) {
      console.log(
        `    ${model}: ${probes
          .filter((probe) => probe.model === model)
          .map((probe) => `${probe.feature}${probe.expected ? '' : '(expect refusal)'}`)
          .join(', ')}`,
      )
    }
    console.log('- read GET /v1/models and compare the ids and their shutdown_date with the table;')
    console.log('- print every difference. Set OPENAI_API_KEY (and optionally OPENAI_BASE_URL) to run it.')
    return 0
  }
  const baseURL = process.env.OPENAI_BASE_URL || 'https://api.openai.com/v1'
  const options = { baseURL, apiKey, keyName: 'OPENAI_API_KEY' }
  console.log(`Probing ${baseURL}: ${probes.length} requests for ${models.length} models…`)
  const results = await runProbes(probes, {
    ...options,
    onResult: (result) =>
      process.stdout.write(result.outcome === 'supported' ? '.' : result.outcome === 'unsupported' ? 'x' : '?'),
  })
  process.stdout.write('\n')
  const differences = [
    ...diffProbeResults(results),
    ...diffOpenAIModelList(openAIModels, await fetchModelList(options)),
  ]
  for (const result of results.filter((entry) => entry.outcome === 'inconclusive'))
    console.log(
      `inconclusive: ${result.probe.model} ${result.probe.feature} (${result.status} ${result.message ?? ''})`,
    )
  if (differences.length === 0) console.log("No differences between the API and token.js's table.")
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
