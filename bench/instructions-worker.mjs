// One process under valgrind per (client, scenario, count): node instructions-worker.mjs <client> <origin> <scenario> <n>
// bench/instructions.mjs runs it twice with two counts and divides the difference in executed instructions by
// the difference in work, so start-up, import and warm-up cancel out. Scenarios:
//   cold     the first stream of the process, n chunks (nothing before it: what a fresh process pays)
//   request  after WARM_REQUESTS requests, n more
//   stream5  after the same warm-up, n 5-chunk streams (the CPU behind time to first chunk)
//   steady   after the same warm-up and two 2,000-chunk streams, one stream of n chunks
import { clients } from './clients.mjs'

const WARM_REQUESTS = 500
const [name, origin, scenario, countText] = process.argv.slice(2)
const count = Number(countText)
const api = await clients[name].load(origin)

async function warm() {
  for (let index = 0; index < WARM_REQUESTS; index++) await api.request()
}

async function stream(chunks) {
  const yielded = await api.stream(chunks, () => {})
  if (yielded < chunks - 2) throw new Error(`${name}: a ${chunks}-chunk stream yielded ${yielded}`)
}

switch (scenario) {
  case 'cold':
    await stream(count)
    break
  case 'request':
    await warm()
    for (let index = 0; index < count; index++) {
      const text = await api.request()
      if (typeof text !== 'string' || !text.startsWith('Hello')) throw new Error(`${name}: answer ${text}`)
    }
    break
  case 'stream5':
    await warm()
    for (let index = 0; index < count; index++) await stream(5)
    break
  case 'steady':
    await warm()
    await stream(2000)
    await stream(2000)
    await stream(count)
    break
  default:
    throw new Error(`unknown scenario ${scenario}`)
}
process.exit(0)
