// One fresh process per (client, repetition): node worker.mjs <client> <origin> <json config>
// Phases: cold stream (first thing in the process) → warm-up → 500-concurrent burst (wall, peak RSS) → sequential requests (CPU and wall per request)
// → time to first chunk (short streams) → long streams (CPU per chunk). Prints one JSON line.
import { clients } from './clients.mjs'

const [name, origin, configText] = process.argv.slice(2)
const config = JSON.parse(configText)
const client = clients[name]
const gc = globalThis.gc ?? (() => {})

const cpu = () => {
  const usage = process.cpuUsage()
  return usage.user + usage.system
}
const now = () => performance.now()
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
const pause = () => new Promise((resolve) => setTimeout(resolve, 50))

const api = await client.load(origin)
const result = { client: name }

// Cold, before anything else has run in this fresh process: CPU per chunk over chunks 1–1,000 of the first
// stream (what a serverless function or a CLI pays), then chunks 10,000–20,000 of the same stream (steady
// state), and that stream's time to first chunk.
if (config.phases.includes('cold')) {
  const marks = [1, 1001, 10001]
  const cpuAt = []
  let count = 0
  let first = 0
  const start = now()
  await api.stream(config.coldChunks, () => {
    count++
    if (count === marks[cpuAt.length]) {
      cpuAt.push(cpu())
      if (count === 1) first = now()
    }
  })
  const end = cpu()
  if (cpuAt.length < marks.length) throw new Error(`${name}: cold stream yielded ${count} chunks`)
  result.coldCpuPerChunkUs = (cpuAt[1] - cpuAt[0]) / 1000
  result.steadyCpuPerChunkUs = (end - cpuAt[2]) / (count - 10001)
  result.coldTtfcUs = (first - start) * 1000
}

// Correctness first: a client that silently fails would look fast.
const text = await api.request()
if (typeof text !== 'string' || !text.startsWith('Hello'))
  throw new Error(`${name}: unexpected answer ${JSON.stringify(text)}`)
const checked = await api.stream(50, () => {})
if (checked < 48) throw new Error(`${name}: stream yielded ${checked} chunks of 50`)

// Steady state is what a long-running server sees: warm the JIT on both paths before measuring.
if (config.phases.some((phase) => phase !== 'cold')) {
  for (let index = 0; index < config.warmup; index++) await api.request()
  for (let index = 0; index < (config.streamWarmup ?? 3); index++)
    await api.stream(config.streamWarmupChunks ?? 2000, () => {})
  gc()
  await pause()
}

if (config.phases.includes('burst')) {
  const start = now()
  const answers = await Promise.all(Array.from({ length: config.concurrency }, () => api.request()))
  result.burstMs = now() - start
  result.peakRssMB = process.resourceUsage().maxRSS / 1024
  if (answers.length !== config.concurrency) throw new Error('burst lost answers')
  gc()
  await pause()
}

if (config.phases.includes('seq')) {
  const cpu0 = cpu()
  const start = now()
  for (let index = 0; index < config.requests; index++) await api.request()
  result.wallPerRequestUs = ((now() - start) * 1000) / config.requests
  result.cpuPerRequestUs = (cpu() - cpu0) / config.requests
  gc()
  await pause()
}

if (config.phases.includes('ttfc')) {
  const times = []
  for (let index = 0; index < config.ttfcStreams; index++) {
    const start = now()
    let first = 0
    await api.stream(config.ttfcChunks, () => {
      if (first === 0) first = now()
    })
    times.push((first - start) * 1000)
  }
  result.ttfcUs = median(times)
  gc()
  await pause()
}

if (config.phases.includes('stream')) {
  const cpu0 = cpu()
  let yielded = 0
  for (let index = 0; index < config.streams; index++) yielded += await api.stream(config.streamChunks, () => {})
  result.cpuPerChunkUs = (cpu() - cpu0) / (config.streams * config.streamChunks)
  result.yielded = yielded
}

process.stdout.write(JSON.stringify(result) + '\n')
process.exit(0)
