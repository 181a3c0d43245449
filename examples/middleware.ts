import { TokenJS, type ChatCompletion, type Middleware } from 'token.js'

// A cache: an identical call is answered from memory, with no request sent.
const cache = new Map<string, ChatCompletion>()
const cacheMiddleware: Middleware = {
  name: 'cache',
  async wrapGenerate(call) {
    if (call.operation !== 'chat') return call.next()
    const key = JSON.stringify(call.params)
    const hit = cache.get(key)
    if (hit !== undefined) return hit
    const result = await call.next()
    cache.set(key, result)
    return result
  },
}

// Default params for every call, applied before validation.
const defaults: Middleware = {
  transformParams: ({ params }) => ({ temperature: 0.2, ...params }),
}

const tokenjs = new TokenJS({ middleware: [cacheMiddleware, defaults] })
const params = {
  provider: 'mistral' as const,
  model: 'mistral-small-latest',
  messages: [{ role: 'user' as const, content: 'Hi!' }],
}

const first = await tokenjs.chat.completions.create(params)
const second = await tokenjs.chat.completions.create(params)
console.log(`first: ${first.choices[0]?.message.content}`)
console.log(`second from the cache: ${second === first}`)

// Per request: transform the streamed chunks.
const shout: Middleware = {
  async wrapStream(call) {
    if (call.operation !== 'chat') return call.next()
    const stream = await call.next()
    return (async function* () {
      for await (const chunk of stream) {
        const choices = chunk.choices.map((choice) => ({
          ...choice,
          delta: { ...choice.delta, content: choice.delta.content?.toUpperCase() ?? null },
        }))
        yield { ...chunk, choices }
      }
    })()
  },
}
const stream = await tokenjs.chat.completions.create({ ...params, stream: true }, { middleware: [shout] })
const final = await stream.finalCompletion()
console.log(`shouted: ${final.choices[0]?.message.content}`)
