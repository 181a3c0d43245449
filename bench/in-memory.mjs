// node bench/in-memory.mjs <dir> <request|short|cold|rawcold> [count]
// Our pipeline with no network: TokenJS over a `transport` that serves the mock server's bytes from memory
// (one 64-chunk piece per setImmediate, pause/resume honoured), so the CPU of our own code per request,
// per 5-chunk stream or per cold chunk is read without node:http and without a second process.
// <dir> holds index.js: a copy of src/ transpiled file by file, as bench/ab.mjs makes in .peers/ab/cur.
// rawcold: the raw client's split + JSON.parse over the same pieces (the baseline of cold).
// Prints one line: the figure in µs.
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const [dir, mode = 'request', countText] = process.argv.slice(2)
const count = Number(countText ?? (mode === 'cold' || mode === 'rawcold' ? 1000 : 20_000))
const { TokenJS } = await import(pathToFileURL(join(resolve(dir), 'index.js')).href)
const MODEL = 'mistral-small-latest'
const MESSAGES = [{ role: 'user', content: 'Say hello.' }]
const completion = JSON.stringify({
  id: 'cmpl-1',
  object: 'chat.completion',
  created: 1_750_000_000,
  model: MODEL,
  choices: [
    { index: 0, message: { role: 'assistant', content: 'Hello! How can I assist you today?' }, finish_reason: 'stop' },
  ],
  usage: { prompt_tokens: 8, total_tokens: 18, completion_tokens: 10 },
})
const WORDS = ['Hello', ' world', ',', ' this', ' is', ' a', ' streamed', ' answer', '.', ' Lorem', ' ipsum', ' dolor']

/** The mock server's stream of `n` chunks (bench/mock-server.mjs), in pieces of 64 chunks. */
function pieces(n) {
  const out = []
  let piece = ''
  const chunk = (delta, finish, usage) =>
    `data: ${JSON.stringify({ id: 'cmpl-1', object: 'chat.completion.chunk', created: 1_750_000_000, model: MODEL, choices: [{ index: 0, delta, finish_reason: finish }], ...(usage === undefined ? {} : { usage }) })}\n\n`
  for (let index = 0; index < n; index++) {
    if (index === 0) piece += chunk({ role: 'assistant', content: '' }, null)
    else if (index === n - 1)
      piece += chunk({ content: '' }, 'stop', { prompt_tokens: 8, total_tokens: 8 + n, completion_tokens: n })
    else piece += chunk({ content: WORDS[index % WORDS.length] }, null)
    if ((index + 1) % 64 === 0) {
      out.push(Buffer.from(piece))
      piece = ''
    }
  }
  out.push(Buffer.from(piece + 'data: [DONE]\n\n'))
  return out
}

const bodies = new Map()
const transport = async (request) => {
  const n = Number(/\/n(\d+)\//.exec(request.url)?.[1] ?? 20)
  const body = bodies.get(n) ?? bodies.set(n, pieces(n)).get(n)
  let paused = false
  let next = () => {}
  return {
    status: 200,
    header: (name) => (name === 'content-type' ? 'application/json' : undefined),
    headers: () => ({ 'content-type': 'application/json' }),
    text: async () => completion,
    stream(sink) {
      let index = 0
      next = () => {
        if (paused) return
        if (index === body.length) sink.onEnd()
        else {
          sink.onData(body[index++])
          setImmediate(next)
        }
      }
      setImmediate(next)
    },
    pause: () => (paused = true),
    resume: () => {
      paused = false
      setImmediate(next)
    },
    cancel: () => (paused = true),
  }
}
const clients = new Map()
const client = (n) =>
  clients.get(n) ?? clients.set(n, new TokenJS({ apiKey: 'key', baseURL: `http://x/n${n}/v1`, transport })).get(n)
const request = () => client(0).chat.completions.create({ provider: 'mistral', model: MODEL, messages: MESSAGES })
const stream = async (n, onChunk) => {
  const created = await client(n).chat.completions.create({
    provider: 'mistral',
    model: MODEL,
    messages: MESSAGES,
    stream: true,
  })
  for await (const chunk of created) onChunk(chunk)
}
const cpu = () => {
  const usage = process.cpuUsage()
  return usage.user + usage.system
}

if (mode === 'cold' || mode === 'rawcold') {
  // CPU over chunks 1..count of the first stream of this process.
  let seen = 0
  let first = 0
  let last = 0
  const onChunk = () => {
    seen++
    if (seen === 1) first = cpu()
    else if (seen === count + 1) last = cpu()
  }
  if (mode === 'cold') await stream(count + 1, onChunk)
  else {
    const body = pieces(count + 1)
    let buffer = ''
    for (const piece of body) {
      await new Promise((done) => setImmediate(done))
      buffer += piece.toString('utf8')
      let start = 0
      for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n', start)) {
        const event = buffer.slice(start, end)
        start = end + 2
        if (!event.startsWith('data: ')) continue
        const data = event.slice(6)
        if (data !== '[DONE]') onChunk(JSON.parse(data))
      }
      buffer = buffer.slice(start)
    }
  }
  console.log(`${mode} ${((last - first) / count).toFixed(3)} µs per chunk`)
} else {
  for (let index = 0; index < 2000; index++) await request()
  for (let index = 0; index < 2000; index++) await stream(5, () => {})
  const start = cpu()
  if (mode === 'request') for (let index = 0; index < count; index++) await request()
  else for (let index = 0; index < count; index++) await stream(5, () => {})
  console.log(
    `${mode} ${((cpu() - start) / count).toFixed(3)} µs per ${mode === 'request' ? 'request' : '5-chunk stream'}`,
  )
}
process.exit(0)
