// node [--import tsx] bench/short-cpu.mjs <client> [streams=2000]: CPU and wall per 5-chunk stream and per
// non-streaming request of one client against a fresh mock, to separate per-stream setup cost from
// per-request cost (time to first chunk). Prints one line.
import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { clients } from './clients.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const [name, countText = '2000'] = process.argv.slice(2)
const count = Number(countText)
const server = spawn(process.execPath, [join(here, 'mock-server.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] })
const port = await new Promise((resolve) =>
  server.stdout.once('data', (data) => resolve(Number(/PORT (\d+)/.exec(String(data))[1]))),
)
const api = await clients[name].load(`http://127.0.0.1:${port}`)
const cpu = () => {
  const usage = process.cpuUsage()
  return usage.user + usage.system
}
for (let index = 0; index < 500; index++) await api.request()
for (let index = 0; index < 500; index++) await api.stream(5, () => {})
const measure = async (run) => {
  const cpu0 = cpu()
  const wall0 = performance.now()
  for (let index = 0; index < count; index++) await run()
  return [(cpu() - cpu0) / count, ((performance.now() - wall0) * 1000) / count]
}
const [streamCpu, streamWall] = await measure(() => api.stream(5, () => {}))
const [requestCpu, requestWall] = await measure(() => api.request())
server.kill('SIGTERM')
console.log(
  `${name.padEnd(14)} 5-chunk stream: cpu ${streamCpu.toFixed(0)} µs, wall ${streamWall.toFixed(0)} µs; request: cpu ${requestCpu.toFixed(0)} µs, wall ${requestWall.toFixed(0)} µs`,
)
