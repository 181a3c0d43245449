// Child of profile.mjs: node profile-target.mjs <client> <origin> <request|stream|short> <count> <out.cpuprofile>
// Warms up (PROFILE_PRE_REQUESTS requests, default 500, and a stream), then profiles only the measured loop
// through node:inspector, so start-up and warm-up never show in the profile.
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { clients } from './clients.mjs'

const [name, origin, mode, countText, out] = process.argv.slice(2)
const count = Number(countText)
const api = await clients[name].load(origin)
// cold: nothing before the profiled stream (a fresh process), which is cut at 1,000 chunks.
const preRequests = mode === 'cold' ? 0 : Number(process.env.PROFILE_PRE_REQUESTS ?? 500)
for (let index = 0; index < preRequests; index++) await api.request()
if (mode !== 'cold') for (let index = 0; index < 3; index++) await api.stream(2000, () => {})
const session = new Session()
session.connect()
await session.post('Profiler.enable')
await session.post('Profiler.setSamplingInterval', { interval: 50 })
await session.post('Profiler.start')
const cpu0 = process.cpuUsage()
if (mode === 'request') for (let index = 0; index < count; index++) await api.request()
else if (mode === 'short') for (let index = 0; index < count; index++) await api.stream(5, () => {})
else if (mode === 'cold') await api.stream(1000, () => {})
else for (let index = 0; index < count; index++) await api.stream(20_000, () => {})
const used = process.cpuUsage(cpu0)
const { profile } = await session.post('Profiler.stop')
writeFileSync(out, JSON.stringify(profile))
const per = mode === 'stream' ? count * 20_000 : mode === 'cold' ? 1000 : count
console.log(
  `CPU without profiler overhead unknown; with profiler: ${((used.user + used.system) / per).toFixed(2)} µs per ${mode === 'stream' || mode === 'cold' ? 'chunk' : mode === 'short' ? '5-chunk stream' : 'request'} (user ${(used.user / per).toFixed(2)}, system ${(used.system / per).toFixed(2)})`,
)
process.exit(0)
