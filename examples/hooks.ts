import { TokenJS } from 'token.js'

// Hooks observe every call of the client (or one request: create(params, { hooks })). They cannot change a
// request, and one that throws is logged at 'warn' without changing the outcome.
const tokenjs = new TokenJS({
  hooks: {
    onRequest: ({ attempt, method, url, headers }) =>
      console.log(`attempt ${attempt}: ${method} ${new URL(url).pathname} (authorization: ${headers.authorization})`),
    onRetry: ({ attempt, delayMs, cause }) =>
      console.log(`retry: attempt ${attempt} in ${delayMs} ms after ${cause.name}`),
    onResponse: ({ status, requestId, durationMs }) =>
      console.log(`status ${status} in ${Math.round(durationMs)} ms, request id ${requestId}`),
    onFirstChunk: ({ msToFirstChunk }) => console.log(`first chunk after ${Math.round(msToFirstChunk)} ms`),
    onFinish: ({ chunks, usage }) =>
      console.log(
        `stream ended: ${chunks} chunks, ${(usage as { completion_tokens?: number }).completion_tokens} tokens out`,
      ),
  },
})

const stream = await tokenjs.chat.completions.create({
  provider: 'mistral',
  model: 'mistral-small-latest',
  messages: [{ role: 'user', content: 'Hi!' }],
  stream: true,
})
for await (const _chunk of stream) {
  // The chunks, as usual.
}

// Logs: logLevel 'info' writes one line per response, retry and stream end; 'debug' adds each request
// (method, URL, headers with secrets as ***, body). TOKENJS_LOG=debug does the same without code.
const logged = new TokenJS({ logLevel: 'info', logger: console })
await logged.chat.completions.create({
  provider: 'mistral',
  model: 'mistral-small-latest',
  messages: [{ role: 'user', content: 'Hi!' }],
})
