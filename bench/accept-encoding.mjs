// Should the node transport send Accept-Encoding? Bytes saved by gzip and br against the CPU the client
// spends decoding, per request (JSON answers of typical sizes) and per streamed chunk (SSE, where a
// server must flush after every event). Run: node bench/accept-encoding.mjs (no server, no network:
// compression ratios and decode costs are properties of the payloads).
import zlib from 'node:zlib'

const chunk = (i) =>
  `data: ${JSON.stringify({ id: 'cmpl-8f2c', object: 'chat.completion.chunk', created: 1733100000, model: 'mistral-small-latest', choices: [{ index: 0, delta: { content: ` word${i}` }, finish_reason: null }] })}\n\n`
const words = (n) => Array.from({ length: n }, (_, i) => `word${i % 97}`).join(' ')
const completion = (n) =>
  JSON.stringify({
    id: 'cmpl-8f2c',
    object: 'chat.completion',
    created: 1733100000,
    model: 'mistral-small-latest',
    choices: [{ index: 0, message: { role: 'assistant', content: words(n) }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 12, completion_tokens: n, total_tokens: n + 12 },
  })
const embedding = JSON.stringify({
  id: 'e',
  object: 'list',
  model: 'mistral-embed',
  data: [{ object: 'embedding', index: 0, embedding: Array.from({ length: 1024 }, (_, i) => Math.sin(i) * 0.05) }],
  usage: { prompt_tokens: 8, total_tokens: 8 },
})
const models = JSON.stringify({
  object: 'list',
  data: Array.from({ length: 60 }, (_, i) => ({
    id: `model-${i}-latest`,
    object: 'model',
    created: 1733100000,
    owned_by: 'mistralai',
    capabilities: { completion_chat: true, function_calling: i % 2 === 0, vision: i % 3 === 0 },
    max_context_length: 131072,
    aliases: [`model-${i}`],
  })),
})

function time(run, rounds) {
  for (let i = 0; i < Math.min(200, rounds); i++) run()
  const started = process.hrtime.bigint()
  for (let i = 0; i < rounds; i++) run()
  return Number(process.hrtime.bigint() - started) / rounds / 1000 // µs
}

const rows = []
for (const [name, text] of [
  ['chat answer, 50 tokens', completion(50)],
  ['chat answer, 1,000 tokens', completion(1000)],
  ['embedding, 1,024 floats', embedding],
  ['model list, 60 models', models],
]) {
  const raw = Buffer.from(text)
  const gz = zlib.gzipSync(raw)
  const br = zlib.brotliCompressSync(raw)
  rows.push({
    payload: name,
    bytes: raw.length,
    gzip: gz.length,
    br: br.length,
    'gunzip µs': time(() => zlib.gunzipSync(gz), 2000).toFixed(1),
    'br µs': time(() => zlib.brotliDecompressSync(br), 2000).toFixed(1),
    // A stream decoder per response is what the transport would create (not the sync one-shot above).
    'new Gunzip µs': time(() => zlib.createGunzip().close(), 2000).toFixed(1),
  })
}
console.table(rows)

// Streaming: a server must flush after every event, so each chunk is compressed on its own.
const events = Array.from({ length: 200 }, (_, i) => Buffer.from(chunk(i)))
const deflater = zlib.createGzip()
const flushed = []
const pieces = []
deflater.on('data', (piece) => flushed.push(piece))
for (const event of events) {
  deflater.write(event)
  await new Promise((resolve) => deflater.flush(zlib.constants.Z_SYNC_FLUSH, resolve))
  pieces.push(Buffer.concat(flushed.splice(0)))
}
deflater.end()
const plainBytes = events.reduce((sum, event) => sum + event.length, 0)
const gzBytes = pieces.reduce((sum, piece) => sum + piece.length, 0)
// Decoding as the transport would: one Gunzip per stream, each flushed piece awaited in turn.
async function decodeStream() {
  const gunzip = zlib.createGunzip()
  const started = process.hrtime.bigint()
  for (const piece of pieces) {
    const out = new Promise((resolve) => gunzip.once('data', resolve))
    gunzip.write(piece)
    await out
  }
  const elapsed = Number(process.hrtime.bigint() - started) / pieces.length / 1000
  gunzip.close()
  return elapsed
}
async function plainStream() {
  const started = process.hrtime.bigint()
  for (const event of events) await new Promise((resolve) => setImmediate(resolve, event))
  return Number(process.hrtime.bigint() - started) / events.length / 1000
}
let decode = Infinity
let plain = Infinity
for (let round = 0; round < 20; round++) {
  decode = Math.min(decode, await decodeStream())
  plain = Math.min(plain, await plainStream())
}
console.table([
  {
    stream: '200 SSE chunks',
    'bytes per chunk': (plainBytes / events.length).toFixed(0),
    'gzip bytes per chunk (sync flush)': (gzBytes / events.length).toFixed(0),
    'µs per chunk, gunzip': decode.toFixed(1),
    'µs per chunk, plain (same event-loop hop)': plain.toFixed(1),
  },
])
