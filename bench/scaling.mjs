// node bench/scaling.mjs [--reps N] [--alt <src dir>] [--provider mistral|anthropic]
// How the request path scales with what the caller sends: prompt size, number of tools, history length and
// array content (messages whose content is an array of parts). Each figure is the CPU of one
// `chat.completions.create` (validation, mapping, serialisation, reading a canned answer) through a
// transport that answers at once (no network), divided by the CPU of `JSON.stringify` of the same params
// in the same process: the floor any client pays to put the body on the wire. Every variant (src/ and,
// with --alt, another copy of src/) runs in fresh processes, interleaved; the median over repetitions.
import { spawn } from 'node:child_process'
import os from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { transpile } from './transpile-src.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..')
const args = process.argv.slice(2)
const option = (name, fallback) => {
  const index = args.indexOf(name)
  return index === -1 ? fallback : args[index + 1]
}

// ---- the scenarios ---------------------------------------------------------------------------------
const text = (bytes) => 'lorem ipsum dolor sit amet '.repeat(Math.ceil(bytes / 27)).slice(0, bytes)
const tool = (index) => ({
  type: 'function',
  function: {
    name: `tool_${index}`,
    description: `Tool number ${index}: looks something up.`,
    parameters: {
      type: 'object',
      properties: { city: { type: 'string', description: 'A city' }, days: { type: 'integer', minimum: 1 } },
      required: ['city'],
    },
  },
})
const history = (count) =>
  Array.from({ length: count }, (_, index) => ({
    role: index % 2 === 0 ? 'user' : 'assistant',
    content: `Message ${index}: ${text(80)}`,
  }))
const arrayHistory = (count) =>
  Array.from({ length: count }, (_, index) =>
    index % 2 === 0
      ? {
          role: 'user',
          content: [
            { type: 'text', text: `Look at picture ${index}: ${text(60)}` },
            { type: 'image_url', image_url: { url: `https://example.com/picture-${index}.png` } },
          ],
        }
      : { role: 'assistant', content: [{ type: 'text', text: `Picture ${index} shows ${text(60)}` }] },
  )
const ask = { role: 'user', content: 'Go on.' }

const scenarios = {
  'prompt 1 KB': { messages: [{ role: 'user', content: text(1024) }] },
  'prompt 100 KB': { messages: [{ role: 'user', content: text(100 * 1024) }] },
  'prompt 1 MB': { messages: [{ role: 'user', content: text(1024 * 1024) }] },
  'tools 1': { messages: [ask], tools: [tool(0)] },
  'tools 10': { messages: [ask], tools: Array.from({ length: 10 }, (_, index) => tool(index)) },
  'tools 100': { messages: [ask], tools: Array.from({ length: 100 }, (_, index) => tool(index)) },
  'history 10': { messages: [...history(10), ask] },
  'history 100': { messages: [...history(100), ask] },
  'history 1,000': { messages: [...history(1000), ask] },
  'array content 10': { messages: [...arrayHistory(10), ask] },
  'array content 100': { messages: [...arrayHistory(100), ask] },
  'array content 1,000': { messages: [...arrayHistory(1000), ask] },
}

// ---- worker: one variant in this process -----------------------------------------------------------
async function worker(url, provider) {
  const { TokenJS } = await import(url)
  const answer = JSON.stringify(
    provider === 'anthropic'
      ? {
          id: 'msg_1',
          type: 'message',
          role: 'assistant',
          model: 'claude-sonnet-4-6',
          content: [{ type: 'text', text: 'ok' }],
          stop_reason: 'end_turn',
          stop_sequence: null,
          usage: { input_tokens: 1, output_tokens: 1 },
        }
      : {
          id: 'c1',
          object: 'chat.completion',
          created: 1,
          model: 'mistral-small-latest',
          choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        },
  )
  const response = {
    status: 200,
    header: (name) => (name === 'content-type' ? 'application/json' : undefined),
    headers: () => ({ 'content-type': 'application/json' }),
    text: () => Promise.resolve(answer),
    stream: () => undefined,
    pause: () => undefined,
    resume: () => undefined,
    cancel: () => undefined,
  }
  let sentBytes = 0
  const transport = (request) => {
    sentBytes = request.body.length
    return Promise.resolve(response)
  }
  const client = new TokenJS({ apiKey: 'bench-key', baseURL: 'http://127.0.0.1:9/v1', transport, maxRetries: 0 })
  const model = provider === 'anthropic' ? 'claude-sonnet-4-6' : 'mistral-small-latest'
  const cpu = () => {
    const usage = process.cpuUsage()
    return usage.user + usage.system
  }
  /** CPU µs per call of `run`, repeated until ~150 ms of CPU, after a warm-up. */
  const perCall = async (run) => {
    for (let index = 0; index < 20; index++) await run()
    let calls = 0
    const start = cpu()
    while (cpu() - start < 150_000 || calls < 5) {
      await run()
      calls++
    }
    return (cpu() - start) / calls
  }
  const result = {}
  for (const [name, extra] of Object.entries(scenarios)) {
    const params = { provider, model, ...extra }
    const ours = await perCall(() => client.chat.completions.create(params))
    const floor = await perCall(() => JSON.stringify(params))
    result[name] = { oursUs: ours, stringifyUs: floor, ratio: ours / floor, bodyBytes: sentBytes }
  }
  console.log(JSON.stringify(result))
}

if (args[0] === '--worker') {
  await worker(args[1], args[2])
  process.exit(0)
}

// ---- driver ----------------------------------------------------------------------------------------
const transpileToURL = (from, to) => pathToFileURL(join(transpile(from, to), 'index.js')).href

const reps = Number(option('--reps', 3))
const provider = option('--provider', 'mistral')
const alt = option('--alt', undefined)
const variants = { cur: transpileToURL(join(root, 'src'), join(here, '.peers', 'scaling', 'cur')) }
if (alt !== undefined) variants.alt = transpileToURL(resolve(alt), join(here, '.peers', 'scaling', 'alt'))

const run = (url) =>
  new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--worker', url, provider], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let stdout = ''
    child.stdout.on('data', (data) => (stdout += data))
    child.on('close', (code) =>
      code === 0 ? resolvePromise(JSON.parse(stdout.trim())) : reject(new Error(`exit ${code}`)),
    )
  })

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
const loadStart = os.loadavg()
const runs = Object.fromEntries(Object.keys(variants).map((name) => [name, []]))
const names = Object.keys(variants)
for (let rep = 0; rep < reps; rep++) {
  for (let index = 0; index < names.length; index++) {
    const name = names[(index + rep) % names.length]
    runs[name].push(await run(variants[name]))
    console.error(`rep ${rep + 1} ${name} done`)
  }
}
console.log(
  `provider ${provider}; ${reps} reps; load average ${loadStart.map((value) => value.toFixed(2)).join(' / ')} → ${os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ')}`,
)
console.log(
  `\n| scenario | body bytes | ${names.map((name) => `${name} µs/call | ${name} ÷ JSON.stringify`).join(' | ')} |`,
)
console.log(`|---|---|${names.map(() => '---|---|').join('')}`)
for (const scenario of Object.keys(scenarios)) {
  const cells = names.map((name) => {
    const values = runs[name].map((result) => result[scenario])
    const ours = median(values.map((value) => value.oursUs))
    const ratio = median(values.map((value) => value.ratio))
    const low = Math.min(...values.map((value) => value.ratio))
    const high = Math.max(...values.map((value) => value.ratio))
    return `${ours.toFixed(1)} | ${ratio.toFixed(2)}× (${low.toFixed(2)}–${high.toFixed(2)})`
  })
  console.log(`| ${scenario} | ${runs[names[0]][0][scenario].bodyBytes} | ${cells.join(' | ')} |`)
}
