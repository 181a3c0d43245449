// node bench/instructions.mjs [--only a,b] [--base raw-http] [--scenarios request,stream5,cold,steady]
//                             [--reps N] [--alt <src dir>] [--jobs N] [--json <file>]
// Executed instructions instead of CPU time: each client runs under valgrind's callgrind (every thread of the
// process counted: the JIT's compiler threads and the GC too, not the kernel) in a fresh process per
// (client, scenario, count), twice with two amounts of work; the difference in instructions ÷ the difference
// in work is the cost per request, per 5-chunk stream or per chunk, with start-up, import and warm-up
// cancelled out. Instruction counts do not depend on what else the machine runs (two runs of the same process
// differ by ~0.3 %), so these ratios hold on a shared machine where CPU-time ratios move by ±0.15 between
// runs. They are not times: memory stalls, the kernel's share and the network are not in them, and under
// valgrind a client runs ~50× slower, so reads are larger (more chunks per read) than at full speed.
// Clients are those of clients.mjs; `ours-cur` is src/ and `ours-alt` the --alt copy (as bench/ab.mjs).
import { spawn, execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
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
const names = option('--only', 'raw-http,ours-node,raw-fetch,ours-fetch').split(',')
const base = option('--base', 'raw-http')
const scenarios = option('--scenarios', 'request,stream5,cold,steady').split(',')
const reps = Number(option('--reps', 1))
const jobs = Number(option('--jobs', 2))
const alt = option('--alt', undefined)
const jsonOut = option('--json', undefined)

/** Two amounts of work per scenario; the unit is what the difference counts. */
const COUNTS = {
  request: { low: 100, high: 500, unit: 'request' },
  stream5: { low: 50, high: 250, unit: '5-chunk stream' },
  cold: { low: 2, high: 1002, unit: 'chunk (chunks 1–1,000 of a fresh process)' },
  steady: { low: 2000, high: 12000, unit: 'chunk (warm)' },
}

try {
  execFileSync('valgrind', ['--version'], { stdio: 'ignore' })
} catch {
  console.error('bench/instructions.mjs needs valgrind (Debian: apt-get install valgrind).')
  process.exit(2)
}
if (names.some((name) => name.startsWith('ours-cur')))
  process.env.BENCH_OURS_CUR = transpile(join(root, 'src'), join(here, '.peers', 'instructions', 'cur'))
if (alt !== undefined) process.env.BENCH_OURS_ALT = transpile(resolve(alt), join(here, '.peers', 'instructions', 'alt'))

/** Instructions executed by one worker process (callgrind's `I refs`). */
function countInstructions(name, origin, scenario, count) {
  const needsTsx = clients[name].ours === true && oursSource(clients[name].from).needsTsx
  const argv = [
    '--tool=callgrind',
    '--callgrind-out-file=/dev/null',
    process.execPath,
    ...(needsTsx ? ['--import', 'tsx'] : []),
    join(here, 'instructions-worker.mjs'),
    name,
    origin,
    scenario,
    String(count),
  ]
  return new Promise((resolvePromise, reject) => {
    const child = spawn('valgrind', argv, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (data) => (stderr += data))
    child.on('close', (code) => {
      const refs = /I\s+refs:\s+([\d,]+)/.exec(stderr)?.[1]
      if (code === 0 && refs !== undefined) resolvePromise(Number(refs.replaceAll(',', '')))
      else
        reject(
          new Error(`${name} ${scenario} ${count}: exit ${code}: ${stderr.trim().split('\n').slice(-6).join(' / ')}`),
        )
    })
  })
}

/** Runs `tasks` (functions returning promises) with at most `limit` at a time. */
async function pool(tasks, limit) {
  const results = new Array(tasks.length)
  let next = 0
  const lane = async () => {
    while (next < tasks.length) {
      const index = next++
      results[index] = await tasks[index]()
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane))
  return results
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
const range = (values, digits) =>
  values.length === 1
    ? values[0].toFixed(digits)
    : `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`

const server = spawn(process.execPath, [join(here, 'mock-server.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] })
const port = await new Promise((resolvePromise) =>
  server.stdout.once('data', (data) => resolvePromise(Number(/PORT (\d+)/.exec(String(data))[1]))),
)
const origin = `http://127.0.0.1:${port}`
const started = Date.now()
/** perUnit[scenario][client] = instructions per unit, one value per repetition. */
const perUnit = {}
try {
  const tasks = []
  for (const scenario of scenarios) {
    const { low, high } = COUNTS[scenario]
    perUnit[scenario] = Object.fromEntries(names.map((name) => [name, []]))
    for (let rep = 0; rep < reps; rep++)
      for (const name of names)
        tasks.push(async () => {
          const [a, b] = [
            await countInstructions(name, origin, scenario, low),
            await countInstructions(name, origin, scenario, high),
          ]
          const value = (b - a) / (high - low)
          perUnit[scenario][name].push(value)
          console.error(
            `${scenario.padEnd(8)} ${name.padEnd(14)} ${Math.round(value).toLocaleString('en')} instructions per ${COUNTS[scenario].unit}`,
          )
        })
  }
  await pool(tasks, jobs)
} finally {
  server.kill('SIGTERM')
}

let md = `| scenario | ${names.map((name) => `${name} (instructions)`).join(' | ')} | ${names
  .filter((name) => name !== base)
  .map((name) => `${name} ÷ ${base}`)
  .join(' | ')} |\n|${'---|'.repeat(1 + 2 * names.length - 1)}\n`
for (const scenario of scenarios) {
  const row = perUnit[scenario]
  const ratios = names
    .filter((name) => name !== base)
    .map(
      (name) =>
        range(
          row[name].map((value, rep) => value / row[base][rep]),
          2,
        ) + '×',
    )
  md += `| per ${COUNTS[scenario].unit} | ${names
    .map(
      (name) =>
        range(
          row[name].map((value) => value / 1000),
          1,
        ) + 'k',
    )
    .join(' | ')} | ${ratios.join(' | ')} |\n`
}
console.log(`\n${md}\n${reps} rep(s), ${((Date.now() - started) / 1000).toFixed(0)} s; ours from ${oursSource().kind}`)
if (jsonOut !== undefined) {
  mkdirSync(dirname(resolve(jsonOut)), { recursive: true })
  writeFileSync(jsonOut, JSON.stringify({ base, names, counts: COUNTS, perUnit }, null, 2) + '\n')
}
