import { APIConnectionTimeoutError, APIUserAbortError, TokenJS } from 'token.js'

const tokenjs = new TokenJS({
  timeout: 30_000, // ms per attempt: the whole response, or a stream's headers
  idleTimeout: 10_000, // ms of silence allowed between two stream chunks
  maxRetries: 1, // retries on connection errors, 408, 409, 429 and 5xx
})

// Stop a stream from outside (a Stop button, a closed HTTP connection…) with an AbortSignal.
const controller = new AbortController()
const stream = await tokenjs.chat.completions.create(
  {
    provider: 'mistral',
    model: 'mistral-small-latest',
    stream: true,
    messages: [{ role: 'user', content: 'Count slowly from one to one hundred, in words.' }],
  },
  { signal: controller.signal },
)
let chunks = 0
try {
  for await (const _chunk of stream) {
    if (++chunks === 2) controller.abort()
  }
} catch (error) {
  if (!(error instanceof APIUserAbortError)) throw error
  console.log(`aborted after ${chunks} chunks`)
}

// A deadline for one request, overriding the client's settings.
try {
  const completion = await tokenjs.chat.completions.create(
    { provider: 'mistral', model: 'mistral-small-latest', messages: [{ role: 'user', content: 'Hi!' }] },
    { timeout: 5_000, maxRetries: 0 },
  )
  console.log(`answered in time: ${completion.choices[0]!.message.content}`)
} catch (error) {
  if (!(error instanceof APIConnectionTimeoutError)) throw error
  console.log('timed out')
}

// Breaking out of the loop also cancels the request and releases the connection.
const again = await tokenjs.chat.completions.create({
  provider: 'mistral',
  model: 'mistral-small-latest',
  stream: true,
  messages: [{ role: 'user', content: 'Tell me a long story.' }],
})
for await (const chunk of again) {
  if (chunk.choices[0]?.delta.content) break
}
console.log('stopped reading')
