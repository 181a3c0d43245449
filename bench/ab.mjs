// node bench/ab.mjs [--reps N] [--only a,b,c] [--base raw-http] [--phases ttfc,stream,seq] [--alt <dir>]
// A quick A/B of the streaming figures: the named clients in fresh processes (worker.mjs), interleaved in a
// rotated order per repetition, then each client ÷ the base client per repetition (median, min–max).
// `ours-cur` is src/ and `ours-alt` another copy of src/ (`--alt <dir>`, e.g. a snapshot taken before an
// edit), both transpiled file by file with esbuild (as the build does: no tsx loader, no keepNames
// `__name` wrappers, which cost per call in setup paths), so the two are compared in the same run.
import { spawn } from 'node:child_process'
import os from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { clients, oursSource, root } from './clients.mjs'
import { transpile } from './transpile-src.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const option = (name, fallback) => {
  const index = args.indexOf(name)
  return index === -1 ? fallback : args[index + 1]
}
const reps = Number(option('--reps', 5))
const names = option('--only', 'ours-alt,ours-cur,raw-http').split(',')
const base = option('--base', 'raw-http')
const alt = option('--alt', undefined)

process.env.BENCH_OURS_CUR = transpile(join(root, 'src'), join(here, '.peers', 'ab', 'cur'))
if (alt !== undefined) process.env.BENCH_OURS_ALT = transpile(resolve(alt), join(here, '.peers', 'ab', 'alt'))
const config = {
  warmup: 300,
  streamWarmup: 3,
  streamWarmupChunks: 5000,
  // Only used by the burst and seq phases (--phases burst,seq,ttfc,stream runs the worker as run.mjs --quick does).
  concurrency: 500,
  requests: 500,
  ttfcStreams: 100,
  ttfcChunks: 5,
  streams: 2,
  streamChunks: 20_000,
  coldChunks: 20_000,
  phases: option('--phases', 'ttfc,stream').split(','),
}
const phaseOf = {
  coldCpuPerChunkUs: 'cold',
  steadyCpuPerChunkUs: 'cold',
  coldTtfcUs: 'cold',
  cpuPerChunkUs: 'stream',
  ttfcUs: 'ttfc',
  cpuPerRequestUs: 'seq',
}
const metrics = Object.keys(phaseOf).filter((metric) => config.phases.includes(phaseOf[metric]))

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
const summary = (values) =>
  `${median(values).toFixed(2)} (${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)})`

function runWorker(name, origin) {
  return new Promise((resolvePromise, reject) => {
    const needsTsx = clients[name].ours === true && oursSource(clients[name].from).needsTsx
    const child = spawn(
      process.execPath,
      [
        ...(needsTsx ? ['--import', 'tsx'] : []),
        '--expose-gc',
        join(here, 'worker.mjs'),
        name,
        origin,
        JSON.stringify(config),
      ],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (data) => (stdout += data))
    child.stderr.on('data', (data) => (stderr += data))
    child.on('close', (code) => {
      const line = stdout.trim().split('\n').pop()
      if (code === 0 && line?.startsWith('{')) resolvePromise(JSON.parse(line))
      else reject(new Error(`${name}: exit ${code}: ${stderr.trim().split('\n').slice(-5).join(' / ')}`))
    })
  })
}

const server = spawn(process.execPath, [join(here, 'mock-server.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] })
const port = await new Promise((resolvePromise) =>
  server.stdout.once('data', (data) => resolvePromise(Number(/PORT (\d+)/.exec(String(data))[1]))),
)
const origin = `http://127.0.0.1:${port}`
const loadStart = os.loadavg()
const runs = Object.fromEntries(names.map((name) => [name, []]))
try {
  for (let rep = 0; rep < reps; rep++) {
    for (let index = 0; index < names.length; index++) {
      const name = names[(index + rep) % names.length]
      const result = await runWorker(name, origin)
      runs[name][rep] = result
      console.error(
        `rep ${rep + 1} ${name.padEnd(14)} ${metrics.map((metric) => `${metric} ${result[metric].toFixed(2)}`).join('  ')}`,
      )
    }
  }
} finally {
  server.kill('SIGTERM')
}
console.log(
  `\nload average at start ${loadStart.map((value) => value.toFixed(2)).join(' / ')}, at end ${os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ')}; ${reps} reps`,
)
console.log(`ours-cur = src/ transpiled${alt === undefined ? '' : `; ours-alt = ${resolve(alt)} transpiled`}`)
for (const metric of metrics) {
  console.log(`\n${metric}: absolute median (min–max); ÷ ${base} per repetition`)
  for (const name of names) {
    const values = runs[name].map((run) => run[metric])
    const ratios = runs[name].map((run, rep) => run[metric] / runs[base][rep][metric])
    console.log(`  ${name.padEnd(14)} ${summary(values).padEnd(24)} ${name === base ? '' : `${summary(ratios)}×`}`)
  }
}
