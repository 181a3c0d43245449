// node bench/profile.mjs <request|stream|short|cold> [client=ours-node] [count] [--ours src|dist|cur|alt]
// request: non-streaming requests; stream: 20,000-chunk streams; short: 5-chunk streams (time-to-first-chunk path);
// cold: the first 1,000 chunks of a fresh process (request set-up included).
// CPU-profiles one client against the mock (node:inspector, measured loop only; see profile-target.mjs) and prints the top functions and files by
// self time, so hot-path costs can be read without a GUI. The .cpuprofile stays in bench/.peers/profiles/.
import { spawn } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { clients, oursSource, root } from './clients.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const oursIndex = args.indexOf('--ours')
if (oursIndex !== -1) {
  process.env.BENCH_OURS = args[oursIndex + 1]
  args.splice(oursIndex, 2)
}
const [mode = 'request', name = 'ours-node', countText] = args
const count = Number(countText ?? (mode === 'stream' ? 5 : 5000))
const dir = join(here, '.peers', 'profiles', `${name}-${mode}`)
rmSync(dir, { recursive: true, force: true })
mkdirSync(dir, { recursive: true })

const server = spawn(process.execPath, [join(here, 'mock-server.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] })
const port = await new Promise((resolve) =>
  server.stdout.once('data', (data) => resolve(Number(/PORT (\d+)/.exec(String(data))[1]))),
)
const needsTsx = clients[name].ours === true && oursSource(clients[name].from).needsTsx
const child = spawn(
  process.execPath,
  [
    ...(needsTsx ? ['--import', 'tsx'] : []),
    join(here, 'profile-target.mjs'),
    name,
    `http://127.0.0.1:${port}`,
    mode,
    String(count),
    join(dir, 'measured.cpuprofile'),
  ],
  { cwd: root, stdio: 'inherit' },
)
await new Promise((resolve) => child.on('close', resolve))
server.kill('SIGTERM')

const file = readdirSync(dir).find((entry) => entry.endsWith('.cpuprofile'))
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'))
const self = new Map()
const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const dt = new Map()
for (let index = 0; index < profile.samples.length; index++) {
  const id = profile.samples[index]
  dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0))
}
let total = 0
const files = new Map()
for (const [id, micros] of dt) {
  const frame = byId.get(id).callFrame
  const where = frame.url.startsWith('file:') ? relative(root, fileURLToPath(frame.url)) : frame.url
  const key = `${frame.functionName || '(anonymous)'}  ${where}:${frame.lineNumber + 1}`
  self.set(key, (self.get(key) ?? 0) + micros)
  const fileKey = frame.url === '' ? frame.functionName : where
  files.set(fileKey, (files.get(fileKey) ?? 0) + micros)
  total += micros
}
const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n)
console.log(
  `\n${name} ${mode} × ${count} (ours from ${oursSource(clients[name].from).kind}); total sampled ${(total / 1000).toFixed(0)} ms; ${join(relative(root, dir), file)}`,
)
console.log('\nself time by function:')
for (const [key, micros] of top(self, 40)) console.log(`${((100 * micros) / total).toFixed(1).padStart(5)}%  ${key}`)
console.log('\nself time by file:')
for (const [key, micros] of top(files, 25)) console.log(`${((100 * micros) / total).toFixed(1).padStart(5)}%  ${key}`)
