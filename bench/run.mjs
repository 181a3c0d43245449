// `npm run bench` (root) → node bench/run.mjs [--quick] [--reps N] [--only a,b] [--no-write] [--instructions]
// Installs bench/ if needed, starts the mock Mistral in its own process, runs every client in fresh
// processes, interleaved (a rotated order per repetition), and writes bench/RESULTS.md + bench/results.json.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { clients, oursSource, root } from './clients.mjs'
import { closureFootprint, oursFootprint } from './footprint.mjs'
import { transpile } from './transpile-src.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const flag = (name) => args.includes(name)
const option = (name) => {
  const index = args.indexOf(name)
  return index === -1 ? undefined : args[index + 1]
}
const quick = flag('--quick')
const reps = Number(option('--reps') ?? (quick ? 3 : 5))
const importReps = quick ? 5 : 9
const only = option('--only')?.split(',')
if (option('--ours') !== undefined) process.env.BENCH_OURS = option('--ours') // src | dist, inherited by workers
// Warm-up matters: with 300 warm-up requests our client measured ~1.2× raw per request, with 1,000+ ~1.1×
// (more code to get optimised than a bare http.request). Steady state is what a long-running server sees.
const config = {
  warmup: quick ? 300 : 1000,
  streamWarmup: quick ? 3 : 2,
  streamWarmupChunks: quick ? 2000 : 10_000,
  concurrency: 500,
  requests: quick ? 500 : 1000,
  ttfcStreams: quick ? 50 : 100,
  ttfcChunks: 5,
  streams: quick ? 1 : 2,
  streamChunks: 20_000,
  coldChunks: 20_000,
  phases: ['cold', 'burst', 'seq', 'ttfc', 'stream'],
}
const log = (...parts) => console.error(...parts)

// ---- install ---------------------------------------------------------------------------------------
const benchPackage = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'))
const missing = Object.keys(benchPackage.dependencies).filter(
  (name) => !existsSync(join(here, 'node_modules', name, 'package.json')),
)
if (missing.length > 0) {
  log(`installing bench dependencies (${missing.join(', ')} missing)…`)
  execFileSync(
    'npm',
    [existsSync(join(here, 'package-lock.json')) ? 'ci' : 'install', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: here, stdio: 'inherit' },
  )
}

// ---- ours: dist/ or src/ via tsx, plus a transpiled stand-in for import time and size --------------
const source = oursSource()
const standIn = join(here, '.peers', 'ours-dist')
let importOursURL = source.url
let importOursHow = 'dist/index.js'
if (source.needsTsx) {
  importOursURL = pathToFileURL(join(transpile(join(root, 'src'), standIn), 'index.js')).href
  importOursHow = 'no dist/: src/ transpiled file by file with esbuild (bench/.peers/ours-dist), no bundling'
}

// Is dist/ older than the newest file in src/? (Then it does not measure the working tree.)
function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs)
  }
  return newest
}
let distNote = ''
if (!source.needsTsx) {
  const built = statSync(fileURLToPath(source.url)).mtime
  const stale = newestMtime(join(root, 'src')) > built.getTime()
  distNote = ` built ${built.toISOString()}${stale ? ' — **older than the newest file in src/**, so edits after that time are not measured (rebuild with `npm run build`, or pass `--ours src`)' : ', newer than every file in src/'}`
}

// ---- helpers ---------------------------------------------------------------------------------------
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length === 0
    ? NaN
    : sorted.length % 2 === 1
      ? sorted[middle]
      : (sorted[middle - 1] + sorted[middle]) / 2
}
const stats = (values) => ({
  median: median(values),
  min: Math.min(...values),
  max: Math.max(...values),
  n: values.length,
})

function runNode(nodeArgs, { needsTsx = false, timeoutMs = 180_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(needsTsx ? ['--import', 'tsx'] : []), ...nodeArgs], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (data) => (stdout += data))
    child.stderr.on('data', (data) => (stderr += data))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('close', (code) => {
      clearTimeout(timer)
      const line = stdout.trim().split('\n').pop()
      if (code === 0 && line?.startsWith('{')) resolve(JSON.parse(line))
      else reject(new Error(`exit ${code}: ${stderr.trim().split('\n').slice(-8).join('\n')}`))
    })
  })
}

async function startServer() {
  const child = spawn(process.execPath, [join(here, 'mock-server.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] })
  const port = await new Promise((resolve, reject) => {
    child.stdout.once('data', (data) => resolve(Number(/PORT (\d+)/.exec(String(data))?.[1])))
    child.once('exit', (code) => reject(new Error(`mock server exited (${code})`)))
  })
  return { origin: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM'), pid: child.pid }
}

// ---- run ---------------------------------------------------------------------------------------------
const names = Object.keys(clients).filter((name) =>
  only === undefined ? clients[name].optional !== true : only.includes(name),
)
const loadStart = os.loadavg()
const started = Date.now()
const server = await startServer()
log(
  `mock server pid ${server.pid} at ${server.origin}; ours from ${source.kind}; ${reps} reps × ${names.length} clients${quick ? ' (quick)' : ''}`,
)

const runs = Object.fromEntries(names.map((name) => [name, []]))
const failures = []
try {
  for (let rep = 0; rep < reps; rep++) {
    const order = names.map((_, index) => names[(index + rep) % names.length])
    for (const name of order) {
      const needsTsx = clients[name].ours === true && oursSource(clients[name].from).needsTsx
      let result
      for (let attempt = 0; attempt < 2 && result === undefined; attempt++) {
        try {
          result = await runNode(
            ['--expose-gc', join(here, 'worker.mjs'), name, server.origin, JSON.stringify(config)],
            { needsTsx },
          )
        } catch (error) {
          failures.push(`${name} rep ${rep + 1} attempt ${attempt + 1}: ${error.message}`)
          log(`  ${name}: FAILED ${error.message.split('\n')[0]}`)
        }
      }
      if (result === undefined) continue
      result.rep = rep
      runs[name].push(result)
      log(
        `  rep ${rep + 1} ${name.padEnd(14)} cold ${result.coldCpuPerChunkUs.toFixed(2)} steady ${result.steadyCpuPerChunkUs.toFixed(2)} µs/chunk  cpu/req ${result.cpuPerRequestUs.toFixed(0)} µs  wall/req ${result.wallPerRequestUs.toFixed(0)} µs  cpu/chunk ${result.cpuPerChunkUs.toFixed(2)} µs  ttfc ${result.ttfcUs.toFixed(0)} µs  burst ${result.burstMs.toFixed(0)} ms  rss ${result.peakRssMB.toFixed(0)} MB`,
      )
    }
  }
} finally {
  server.stop()
}

// ---- executed instructions (bench/instructions.mjs, valgrind; --instructions) -------------------------
let instructions
if (flag('--instructions')) {
  const file = join(here, '.peers', 'instructions.json')
  try {
    log('instructions: callgrind runs of raw node:http, ours, raw fetch, ours on fetch (several minutes)…')
    execFileSync(
      process.execPath,
      [join(here, 'instructions.mjs'), '--only', 'raw-http,ours-node,raw-fetch,ours-fetch', '--json', file],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
    )
    instructions = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    // No command line in the report: it holds this machine's paths.
    failures.push(`instructions: bench/instructions.mjs exited with ${error.status ?? error.message}`)
  }
}

// ---- request-path scaling (bench/scaling.mjs worker: ours ÷ JSON.stringify of the same params) -------
const scaling = []
for (let rep = 0; rep < Math.min(reps, 3); rep++) {
  try {
    scaling.push(await runNode([join(here, 'scaling.mjs'), '--worker', importOursURL, 'mistral']))
  } catch (error) {
    failures.push(`scaling rep ${rep + 1}: ${error.message}`)
  }
}

// ---- import time -----------------------------------------------------------------------------------
const importTargets = [
  {
    name: 'empty',
    label: 'an empty module (the ESM loader floor, for calibration)',
    specifiers: [pathToFileURL(join(here, 'empty-module.mjs')).href],
  },
  {
    name: 'ours',
    label: `token.js (ours, ${source.needsTsx ? 'transpiled src' : 'dist'})`,
    specifiers: [importOursURL],
  },
  ...(source.needsTsx
    ? [
        {
          name: 'ours-tsx',
          label: 'token.js (ours, src through tsx: loader cost included)',
          specifiers: [source.url],
          needsTsx: true,
        },
      ]
    : []),
  { name: 'tokenjs-0.7.1', label: 'token.js 0.7.1', specifiers: ['token.js'] },
  { name: 'mistralai', label: '@mistralai/mistralai 2.7.0', specifiers: ['@mistralai/mistralai'] },
  { name: 'openai', label: 'openai 6.49.0', specifiers: ['openai'] },
  { name: 'ai', label: 'ai 5.0.277 + @ai-sdk/mistral 2.0.50', specifiers: ['ai', '@ai-sdk/mistral'] },
]
const imports = Object.fromEntries(importTargets.map((target) => [target.name, []]))
for (let rep = 0; rep < importReps; rep++) {
  for (let index = 0; index < importTargets.length; index++) {
    const target = importTargets[(index + rep) % importTargets.length]
    try {
      const { importMs } = await runNode([join(here, 'import-time.mjs'), target.specifiers.join(',')], {
        needsTsx: target.needsTsx,
      })
      imports[target.name].push(importMs)
    } catch (error) {
      failures.push(`import ${target.name}: ${error.message}`)
    }
  }
}
// Bare specifiers resolve from bench/ (where the peers are installed): import-time.mjs lives there.

// ---- footprint -------------------------------------------------------------------------------------
const footprints = {
  ours: oursFootprint(root, standIn),
  'tokenjs-0.7.1': closureFootprint(here, ['token.js']),
  mistralai: closureFootprint(here, ['@mistralai/mistralai']),
  openai: closureFootprint(here, ['openai']),
  ai: closureFootprint(here, ['ai', '@ai-sdk/mistral']),
}

// ---- aggregate -------------------------------------------------------------------------------------
const metrics = [
  'cpuPerRequestUs',
  'wallPerRequestUs',
  'cpuPerChunkUs',
  'coldCpuPerChunkUs',
  'steadyCpuPerChunkUs',
  'ttfcUs',
  'burstMs',
  'peakRssMB',
]
const metricHeads =
  '| CPU/request | latency | CPU/chunk (after warm-up) | CPU/chunk cold | CPU/chunk steady | first chunk | 500 concurrent | peak RSS |\n|---|---|---|---|---|---|---|---|---|\n'
const summary = Object.fromEntries(
  names.map((name) => [
    name,
    Object.fromEntries(metrics.map((metric) => [metric, stats(runs[name].map((run) => run[metric]))])),
  ]),
)
/** Ratio a/b per repetition (both measured in the same repetition), then median and min–max. */
function ratio(a, b, metric) {
  const values = []
  for (const run of runs[a] ?? []) {
    const other = (runs[b] ?? []).find((candidate) => candidate.rep === run.rep)
    if (other !== undefined) values.push(run[metric] / other[metric])
  }
  return stats(values)
}

const loadEnd = os.loadavg()
const cpus = os.cpus()
const elapsedS = (Date.now() - started) / 1000
const fmt = (value, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '–')
const fmtStats = (s, digits = 0) => `${fmt(s.median, digits)} (${fmt(s.min, digits)}–${fmt(s.max, digits)})`
const fmtRatio = (s) => (s.n === 0 ? '–' : `${fmt(s.median, 2)}× (${fmt(s.min, 2)}–${fmt(s.max, 2)})`)
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`
const mb = (bytes) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : kb(bytes))

// Targets of issue 18 (CPU per request, chunks cold/steady, first chunk, fetch) and the earlier ones.
const rows = [
  ['client CPU per non-streaming request', 'cpuPerRequestUs', 'µs', 'raw-http', 1.1],
  ['latency per sequential request', 'wallPerRequestUs', 'µs', 'raw-http', 1.15],
  ['CPU per chunk, cold (chunks 1–1,000 of a fresh process)', 'coldCpuPerChunkUs', 'µs', 'raw-http', 1.3],
  ['CPU per chunk, steady (chunks 10,000–20,000 of that stream)', 'steadyCpuPerChunkUs', 'µs', 'raw-http', 1.1],
  [
    'client CPU per streamed chunk (20,000-chunk stream after warm-up and a burst)',
    'cpuPerChunkUs',
    'µs',
    'raw-http',
    1.3,
  ],
  ['time to first chunk (5-chunk stream)', 'ttfcUs', 'µs', 'raw-http', 1.15],
  ['500 concurrent requests: wall time', 'burstMs', 'ms', 'raw-http', 1.2],
  ['500 concurrent requests: peak RSS', 'peakRssMB', 'MB', 'raw-http', 1.2],
]
const peers = ['tokenjs-0.7.1', 'mistralai', 'openai', 'ai'].filter((name) => names.includes(name))
const has = (name) => names.includes(name) && runs[name].length > 0

let md = `# token.js benchmarks\n\n`
md += `Generated by \`npm run bench${quick ? ' -- --quick' : ''}\` on ${new Date().toISOString()} in ${fmt(elapsedS)} s.\n\n`
md += `## Machine\n\n`
md += `- ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.platform()} ${os.release()}\n`
md += `- Node ${process.version}\n`
md +=
  `- load average (1/5/15 min) at start ${loadStart.map((value) => value.toFixed(2)).join(' / ')}, at end ${loadEnd.map((value) => value.toFixed(2)).join(' / ')}` +
  ` — the machine is shared; absolute numbers are noisy, ratios within one repetition less so.\n`
md += `- our client: **${source.kind}** (${relative(root, fileURLToPath(source.url))})${distNote}; import time and size: ${importOursHow}\n`
md += `- peers (bench/package.json, exact pins): ${peers.map((name) => clients[name].label).join('; ')}\n`
md += `- method: mock Mistral (bench/mock-server.mjs) in its own process on loopback; every client runs in a fresh process per repetition, clients interleaved in a rotated order; ${reps} repetitions; figures are medians with (min–max) over repetitions; ratios are taken per repetition (same run) and then summarised the same way. CPU = \`process.cpuUsage()\` user+system of the client process. Per process: first a ${config.coldChunks.toLocaleString('en')}-chunk stream before anything else (cold and steady figures), then ${config.warmup} warm-up requests and ${config.streamWarmup} warm-up streams of ${config.streamWarmupChunks.toLocaleString('en')} chunks, then a burst of ${config.concurrency} concurrent requests, ${config.requests} sequential requests, ${config.ttfcStreams} 5-chunk streams (time to first chunk, median per process), ${config.streams} × ${config.streamChunks.toLocaleString('en')}-chunk stream(s).\n\n`

/** Ratio of the best (lowest) repetitions: the least disturbed estimate on a shared machine. */
const bestRatio = (a, b, metric) =>
  Math.min(...runs[a].map((run) => run[metric])) / Math.min(...runs[b].map((run) => run[metric]))
md += `## Targets (ours ÷ baseline, same run)\n\n"ours ÷ baseline" is the median (min–max) of per-repetition ratios; "best ÷ best" divides the lowest value of each over all repetitions (least disturbed by other load). Verdicts use the median.\n\n| figure | baseline | target | ours ÷ baseline | best ÷ best | met |\n|---|---|---|---|---|---|\n`
const verdicts = []
const verdict = (s, target) =>
  s.n === 0 ? '–' : s.median <= target ? (s.max <= target ? 'yes' : 'yes (median; not every rep)') : 'no'
if (has('ours-node') && has('raw-http')) {
  for (const [label, metric, , baseline, target] of rows) {
    const r = ratio('ours-node', baseline, metric)
    verdicts.push([label, verdict(r, target)])
    md += `| ${label} | raw node:http | ≤ ${target} | ${fmtRatio(r)} | ${fmt(bestRatio('ours-node', baseline, metric), 2)}× | ${verdict(r, target)} |\n`
  }
}
if (has('ours-fetch') && has('raw-fetch')) {
  for (const [label, metric, target] of [
    ['fetch transport: CPU per request', 'cpuPerRequestUs', 1.1],
    ['fetch transport: CPU per chunk (after warm-up)', 'cpuPerChunkUs', 1.3],
    ['fetch transport: CPU per chunk, cold', 'coldCpuPerChunkUs', 1.3],
    ['fetch transport: CPU per chunk, steady', 'steadyCpuPerChunkUs', 1.3],
    ['fetch transport: time to first chunk', 'ttfcUs', 1.15],
  ]) {
    const r = ratio('ours-fetch', 'raw-fetch', metric)
    md += `| ${label} | raw fetch | ≤ ${target} | ${fmtRatio(r)} | ${fmt(bestRatio('ours-fetch', 'raw-fetch', metric), 2)}× | ${verdict(r, target)} |\n`
  }
}
const scalingOf = (scenario) => stats(scaling.map((result) => result[scenario]?.ratio).filter(Number.isFinite))
if (scaling.length > 0) {
  const r = scalingOf('array content 1,000')
  md += `| array-content history of 1,000 messages: CPU of create() | JSON.stringify of the params | ≤ 2.5 | ${fmtRatio(r)} | – | ${verdict(r, 2.5)} |\n`
}
const oursImport = stats(imports.ours)
md += `| \`await import\` in a fresh process | – | ≤ 10 ms | ${fmtStats(oursImport, 1)} ms (an empty module: ${fmt(stats(imports.empty).median, 1)} ms) | – | ${oursImport.median <= 10 ? 'yes' : 'no'} |\n`
md += `| installed size, runtime dependencies | – | ≤ 300 KB, 0 | ${kb(footprints.ours.bytes)}, ${footprints.ours.dependencies} | – | ${footprints.ours.bytes <= 300 * 1024 && footprints.ours.dependencies === 0 ? 'yes' : 'no'} |\n\n`

md += `## Absolute figures (median, min–max over repetitions)\n\nCPU per chunk three ways: after 1,000 warm-up requests, 2 warm-up streams and a 500-request burst; **cold**, chunks 1–1,000 of the first stream of a fresh process (what a serverless function or a CLI pays); **steady**, chunks 10,000–20,000 of that same stream.\n\n| client | CPU/request µs | latency/request µs | CPU/chunk µs | cold CPU/chunk µs | steady CPU/chunk µs | first chunk µs | 500 concurrent ms | peak RSS MB |\n|---|---|---|---|---|---|---|---|---|\n`
for (const name of names) {
  if (!has(name)) continue
  const s = summary[name]
  md += `| ${clients[name].label} | ${fmtStats(s.cpuPerRequestUs)} | ${fmtStats(s.wallPerRequestUs)} | ${fmtStats(s.cpuPerChunkUs, 2)} | ${fmtStats(s.coldCpuPerChunkUs, 2)} | ${fmtStats(s.steadyCpuPerChunkUs, 2)} | ${fmtStats(s.ttfcUs)} | ${fmtStats(s.burstMs)} | ${fmtStats(s.peakRssMB)} |\n`
}
if (scaling.length > 0) {
  md += `\n## Request-path scaling (bench/scaling.mjs)\n\nCPU of one \`create()\` through a transport that answers at once (validation, mapping, serialisation, reading a canned answer), ÷ \`JSON.stringify\` of the same params in the same process; ${scaling.length} fresh processes, median (min–max).\n\n| scenario | body bytes | ours µs | ours ÷ JSON.stringify |\n|---|---|---|---|\n`
  for (const scenario of Object.keys(scaling[0])) {
    md += `| ${scenario} | ${scaling[0][scenario].bodyBytes} | ${fmtStats(stats(scaling.map((result) => result[scenario].oursUs)), 1)} | ${fmtRatio(scalingOf(scenario))} |\n`
  }
}

if (has('raw-http')) {
  md += `\n## Every client ÷ raw node:http (per repetition)\n\n| client ${metricHeads}`
  for (const name of names.filter((other) => other !== 'raw-http' && has(other))) {
    md += `| ${clients[name].label} | ${metrics.map((metric) => fmtRatio(ratio(name, 'raw-http', metric))).join(' | ')} |\n`
  }
}

md += `\n## Ours vs each client (ours ÷ other, per repetition; < 1 means ours is cheaper/faster)\n\n| other ${metricHeads}`
for (const other of names.filter((name) => !clients[name].ours)) {
  if (!has(other) || !has('ours-node')) continue
  md += `| ${clients[other].label} | ${metrics.map((metric) => fmtRatio(ratio('ours-node', other, metric))).join(' | ')} |\n`
}
if (has('ours-fetch')) {
  for (const other of ['raw-fetch', ...peers]) {
    if (!has(other)) continue
    md += `| (ours **fetch** transport) vs ${clients[other].label} | ${metrics.map((metric) => fmtRatio(ratio('ours-fetch', other, metric))).join(' | ')} |\n`
  }
}

md += `\n## Import time and install footprint\n\n| package | \`await import\` ms (fresh process) | installed size (apparent) | on disk (4 KiB blocks) | files | packages in closure |\n|---|---|---|---|---|---|\n`
for (const target of importTargets) {
  const footprint = footprints[target.name]
  md += `| ${target.label} | ${fmtStats(stats(imports[target.name]), 1)} | ${footprint ? mb(footprint.bytes) : '–'} | ${footprint ? mb(footprint.blocks) : '–'} | ${footprint?.files ?? '–'} | ${footprint?.packages ?? '–'} |\n`
}
md += `\nOurs: ${footprints.ours.how}. Peers: their dependency closure as installed in bench/node_modules (dependencies, non-optional peers), read from bench/package-lock.json.\n`

const peerRows = [
  ['CPU/request', (name) => summary[name]?.cpuPerRequestUs.median],
  ['latency', (name) => summary[name]?.wallPerRequestUs.median],
  ['CPU/chunk', (name) => summary[name]?.cpuPerChunkUs.median],
  ['first chunk', (name) => summary[name]?.ttfcUs.median],
  ['500 concurrent', (name) => summary[name]?.burstMs.median],
  ['peak RSS', (name) => summary[name]?.peakRssMB.median],
  ['import', (name) => stats(imports[name === 'ours-node' ? 'ours' : name] ?? []).median],
  ['size', (name) => footprints[name === 'ours-node' ? 'ours' : name]?.bytes],
]
if (has('ours-node')) {
  md += `\n## Better than every peer?\n\n| figure | ours | best peer | ours better |\n|---|---|---|---|\n`
  for (const [label, get] of peerRows) {
    const ourValue = get('ours-node')
    const best = peers.filter((name) => Number.isFinite(get(name))).sort((a, b) => get(a) - get(b))[0]
    if (best === undefined) continue
    md += `| ${label} | ${fmt(ourValue, 2)} | ${clients[best].label}: ${fmt(get(best), 2)} | ${ourValue < get(best) ? 'yes' : 'no'} |\n`
  }
}

if (failures.length > 0)
  md += `\n## Failures during this run\n\n${failures.map((failure) => `- ${failure.replaceAll('\n', ' / ')}`).join('\n')}\n`

if (instructions !== undefined) {
  const per = instructions.perUnit
  const k = (values) => `${fmt(stats(values).median / 1000, 1)}k`
  const ratio = (a, b) => `${fmt(stats(a.map((value, rep) => value / b[rep])).median, 2)}×`
  md += `\n## Executed instructions (bench/instructions.mjs)\n\nThe same clients under valgrind's callgrind: instructions executed by the client process (all its threads, the JIT compiler and GC included, not the kernel), by difference of two amounts of work in fresh processes, so start-up and warm-up cancel. Counts do not depend on the machine's load for requests (two runs differ by < 1 %); for streams they move with how many chunks each network read holds, which depends on timing (±5–10 %). Not times: memory stalls, the kernel and the network are not in them.\n\n| per | raw node:http | ours (node:http) | ours ÷ raw | raw fetch | ours (fetch) | ours ÷ raw fetch |\n|---|---|---|---|---|---|---|\n`
  for (const [scenario, row] of Object.entries(per)) {
    md += `| ${instructions.counts[scenario].unit} | ${k(row['raw-http'])} | ${k(row['ours-node'])} | ${ratio(row['ours-node'], row['raw-http'])} | ${k(row['raw-fetch'])} | ${k(row['ours-fetch'])} | ${ratio(row['ours-fetch'], row['raw-fetch'])} |\n`
  }
}

md += `\nTargets not met are explained, with the profile evidence and what would close them, in [ANALYSIS.md](ANALYSIS.md) (hand-written).\n`
md += `\n## How to run\n\n\`\`\`sh\nnpm run bench              # full run (~5–8 min on 2 cores); installs bench/ on first use\nnpm run bench -- --quick   # fewer repetitions and iterations (~2 min)\nnode bench/run.mjs --only ours-node,raw-http --reps 3 --no-write   # a subset, no RESULTS.md\nnode bench/profile.mjs request|stream   # CPU profile of our client, top functions by self time\nnode bench/instructions.mjs            # executed instructions (valgrind), load-independent A/B: --only ours-alt,ours-cur --alt <src copy>\nnpm run bench -- --instructions        # the full run plus that table (~10 min more)\n\`\`\`\n\n`
md += `The peers live only in bench/package.json (own lockfile and node_modules), never in the library's install. Our client is imported from dist/ when the build exists, else from src/ through tsx. For quieter numbers run when \`uptime\` shows a low load.\n`

const output = {
  date: new Date().toISOString(),
  quick,
  reps,
  config,
  node: process.version,
  cpus: cpus.length,
  loadStart,
  loadEnd,
  ours: source.kind,
  runs,
  scaling,
  imports,
  footprints,
  instructions,
  failures,
}
if (!flag('--no-write')) {
  writeFileSync(join(here, 'RESULTS.md'), md)
  writeFileSync(join(here, 'results.json'), JSON.stringify(output, null, 2) + '\n')
  log(`wrote bench/RESULTS.md and bench/results.json in ${fmt(elapsedS)} s`)
}
process.stdout.write(md)
