// A minimal, fast mock of Mistral's chat-completions endpoint, run in its own process so that its CPU never
// counts against a client. Any path ending in /chat/completions answers; a leading /n<N> path segment sets
// the number of streamed chunks (e.g. baseURL http://127.0.0.1:PORT/n20000/v1), default 20.
// Non-streaming: one fixed Mistral chat JSON. Streaming ("stream":true in the body): N `data: {json}\n\n`
// chunks in Mistral's format (role chunk first, final chunk with finish_reason + usage), then `data: [DONE]`.
// Responses are built once per N and cached, so the server does almost no work per request.
// Prints `PORT <n>` on stdout once listening.
import http from 'node:http'

const CREATED = 1_750_000_000
const MODEL = 'mistral-small-latest'
const ID = 'cmpl-bench0000000000000000000000001'

const completion = Buffer.from(
  JSON.stringify({
    id: ID,
    object: 'chat.completion',
    created: CREATED,
    model: MODEL,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: 'Hello! How can I assist you today?', tool_calls: null, prefix: false },
        finish_reason: 'stop',
      },
    ],
    usage: { prompt_tokens: 8, total_tokens: 18, completion_tokens: 10 },
  }),
)

const WORDS = ['Hello', ' world', ',', ' this', ' is', ' a', ' streamed', ' answer', '.', ' Lorem', ' ipsum', ' dolor']

/** Pieces of at most ~64 chunks each, written one after another (chunked transfer encoding, as Mistral does). */
function buildStream(count) {
  const pieces = []
  let piece = ''
  const chunk = (delta, finish, usage) => {
    const body = {
      id: ID,
      object: 'chat.completion.chunk',
      created: CREATED,
      model: MODEL,
      choices: [{ index: 0, delta, finish_reason: finish }],
    }
    if (usage !== undefined) body.usage = usage
    return `data: ${JSON.stringify(body)}\n\n`
  }
  for (let index = 0; index < count; index++) {
    if (index === 0) piece += chunk({ role: 'assistant', content: '' }, null)
    else if (index === count - 1) {
      piece += chunk({ content: '' }, 'stop', { prompt_tokens: 8, total_tokens: 8 + count, completion_tokens: count })
    } else piece += chunk({ content: WORDS[index % WORDS.length] }, null)
    if ((index + 1) % 64 === 0) {
      pieces.push(Buffer.from(piece))
      piece = ''
    }
  }
  piece += 'data: [DONE]\n\n'
  pieces.push(Buffer.from(piece))
  return pieces
}

const streams = new Map()
function streamFor(count) {
  let pieces = streams.get(count)
  if (pieces === undefined) {
    pieces = buildStream(count)
    streams.set(count, pieces)
  }
  return pieces
}

const PREFIX = /^\/n(\d+)\//

const server = http.createServer((req, res) => {
  let body = ''
  req.setEncoding('utf8')
  req.on('data', (text) => (body += text))
  req.on('end', () => {
    if (req.method !== 'POST' || !req.url.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' })
      res.end('{"object":"error","message":"Not found","type":"invalid_request_error","code":"1000"}')
      return
    }
    if (!body.includes('"stream":true')) {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': completion.length })
      res.end(completion)
      return
    }
    const match = PREFIX.exec(req.url)
    const pieces = streamFor(match === null ? 20 : Math.max(2, Number(match[1])))
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
    let next = 0
    const write = () => {
      while (next < pieces.length) {
        if (!res.write(pieces[next++])) {
          res.once('drain', write)
          return
        }
      }
      res.end()
    }
    write()
  })
})
server.keepAliveTimeout = 60_000
server.headersTimeout = 61_000
server.maxRequestsPerSocket = 0
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', 4096, () => {
  process.stdout.write(`PORT ${server.address().port}\n`)
})
process.on('SIGTERM', () => process.exit(0))
process.on('disconnect', () => process.exit(0))
