// The clients under test. Each `load(origin)` imports its library (so a process pays only for its own
// client) and returns { request(): Promise<string>, stream(n, onChunk): Promise<number> }.
// request() resolves with the answer's text; stream() calls onChunk() per chunk the client yields and
// resolves with how many it yielded. The mock picks the stream length from the /n<N> path prefix.
import { existsSync } from 'node:fs'
import http from 'node:http'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
export const root = join(here, '..')
export const MODEL = 'mistral-small-latest'
export const MESSAGES = [{ role: 'user', content: 'Say hello.' }]
const API_KEY = 'bench-key'

/** Where our client comes from: the lead's build if present, else src/ through tsx. */
export function oursSource(wanted = process.env.BENCH_OURS) {
  const dist = join(root, 'dist', 'index.js')
  // A/B runs (bench/ab.mjs): BENCH_OURS=alt|cur loads another copy of our client from the directory in
  // BENCH_OURS_ALT|BENCH_OURS_CUR — plain JS (index.js, transpiled by ab.mjs) or TypeScript (index.ts, via tsx).
  if (wanted === 'alt' || wanted === 'cur') {
    const dir = process.env[wanted === 'alt' ? 'BENCH_OURS_ALT' : 'BENCH_OURS_CUR'] ?? ''
    const js = existsSync(join(dir, 'index.js'))
    return {
      kind: `${dir}${js ? '' : ' via tsx'}`,
      url: pathToFileURL(join(dir, js ? 'index.js' : 'index.ts')).href,
      needsTsx: !js,
    }
  }
  // BENCH_OURS=src forces src/ (e.g. to measure edits before a rebuild); =dist requires the build.
  if (wanted !== 'src' && (existsSync(dist) || wanted === 'dist'))
    return { kind: 'dist', url: pathToFileURL(dist).href, needsTsx: false }
  return { kind: 'src via tsx', url: pathToFileURL(join(root, 'src', 'index.ts')).href, needsTsx: true }
}

/** One lazily created client per stream length (its base URL carries the length). */
function perLength(make) {
  const made = new Map()
  return (n) => {
    let client = made.get(n)
    if (client === undefined) {
      client = make(n)
      made.set(n, client)
    }
    return client
  }
}

// ---- raw baselines ---------------------------------------------------------------------------------

function rawHttp(origin) {
  const url = new URL(origin)
  const agent = new http.Agent({ keepAlive: true })
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` }
  const post = (path, stream, onResponse, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: 'POST',
        agent,
        headers: { ...headers, accept: stream ? 'text/event-stream' : 'application/json' },
      },
      onResponse,
    )
    req.on('error', reject)
    req.end(
      JSON.stringify(
        stream ? { model: MODEL, messages: MESSAGES, stream: true } : { model: MODEL, messages: MESSAGES },
      ),
    )
  }
  return {
    request: () =>
      new Promise((resolve, reject) => {
        post(
          '/v1/chat/completions',
          false,
          (res) => {
            const parts = []
            res.on('data', (part) => parts.push(part))
            res.on('end', () => resolve(JSON.parse(Buffer.concat(parts).toString('utf8')).choices[0].message.content))
            res.on('error', reject)
          },
          reject,
        )
      }),
    // The minimal SSE client the targets compare against: split on blank lines, JSON.parse each data line.
    stream: (n, onChunk) =>
      new Promise((resolve, reject) => {
        post(
          `/n${n}/v1/chat/completions`,
          true,
          (res) => {
            let buffer = ''
            let count = 0
            res.setEncoding('utf8')
            res.on('data', (text) => {
              buffer += text
              let start = 0
              for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n', start)) {
                const event = buffer.slice(start, end)
                start = end + 2
                if (!event.startsWith('data: ')) continue
                const data = event.slice(6)
                if (data === '[DONE]') continue
                onChunk(JSON.parse(data))
                count++
              }
              buffer = buffer.slice(start)
            })
            res.on('end', () => resolve(count))
            res.on('error', reject)
          },
          reject,
        )
      }),
  }
}

function rawFetch(origin) {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` }
  return {
    request: async () => {
      const response = await fetch(`${origin}/v1/chat/completions`, {
        method: 'POST',
        headers: { ...headers, accept: 'application/json' },
        body: JSON.stringify({ model: MODEL, messages: MESSAGES }),
      })
      return (await response.json()).choices[0].message.content
    },
    stream: async (n, onChunk) => {
      const response = await fetch(`${origin}/n${n}/v1/chat/completions`, {
        method: 'POST',
        headers: { ...headers, accept: 'text/event-stream' },
        body: JSON.stringify({ model: MODEL, messages: MESSAGES, stream: true }),
      })
      const decoder = new TextDecoder()
      let buffer = ''
      let count = 0
      for await (const bytes of response.body) {
        buffer += decoder.decode(bytes, { stream: true })
        let start = 0
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n', start)) {
          const event = buffer.slice(start, end)
          start = end + 2
          if (!event.startsWith('data: ')) continue
          const data = event.slice(6)
          if (data === '[DONE]') continue
          onChunk(JSON.parse(data))
          count++
        }
        buffer = buffer.slice(start)
      }
      return count
    },
  }
}

// ---- token.js, ours and 0.7.1 ------------------------------------------------------------------------

async function ours(origin, { useFetch, from }) {
  const { TokenJS } = await import(oursSource(from).url)
  const options = (n) => ({ apiKey: API_KEY, baseURL: n === undefined ? `${origin}/v1` : `${origin}/n${n}/v1` })
  const make = (n) => new TokenJS(useFetch ? { ...options(n), fetch: globalThis.fetch } : options(n))
  const main = make(undefined)
  const streaming = perLength(make)
  return {
    request: async () => {
      const completion = await main.chat.completions.create({ provider: 'mistral', model: MODEL, messages: MESSAGES })
      return completion.choices[0].message.content
    },
    stream: async (n, onChunk) => {
      const stream = await streaming(n).chat.completions.create({
        provider: 'mistral',
        model: MODEL,
        messages: MESSAGES,
        stream: true,
      })
      let count = 0
      for await (const chunk of stream) {
        onChunk(chunk)
        count++
      }
      return count
    },
  }
}

async function tokenjs071(origin) {
  const { TokenJS } = await import('token.js')
  // 0.7.1 hands baseURL to @mistralai/mistralai 0.5 as its endpoint, which appends /v1/chat/completions.
  const make = (n) => new TokenJS({ apiKey: API_KEY, baseURL: n === undefined ? origin : `${origin}/n${n}` })
  const main = make(undefined)
  const streaming = perLength(make)
  return {
    request: async () => {
      const completion = await main.chat.completions.create({ provider: 'mistral', model: MODEL, messages: MESSAGES })
      return completion.choices[0].message.content
    },
    stream: async (n, onChunk) => {
      const stream = await streaming(n).chat.completions.create({
        provider: 'mistral',
        model: MODEL,
        messages: MESSAGES,
        stream: true,
      })
      let count = 0
      for await (const chunk of stream) {
        onChunk(chunk)
        count++
      }
      return count
    },
  }
}

// ---- peers -----------------------------------------------------------------------------------------

async function mistralai(origin) {
  const { Mistral } = await import('@mistralai/mistralai')
  const make = (n) => new Mistral({ apiKey: API_KEY, serverURL: n === undefined ? origin : `${origin}/n${n}` })
  const main = make(undefined)
  const streaming = perLength(make)
  return {
    request: async () => {
      const completion = await main.chat.complete({ model: MODEL, messages: MESSAGES })
      return completion.choices[0].message.content
    },
    stream: async (n, onChunk) => {
      const stream = await streaming(n).chat.stream({ model: MODEL, messages: MESSAGES })
      let count = 0
      for await (const event of stream) {
        onChunk(event.data)
        count++
      }
      return count
    },
  }
}

async function openai(origin) {
  const { default: OpenAI } = await import('openai')
  const make = (n) => new OpenAI({ apiKey: API_KEY, baseURL: n === undefined ? `${origin}/v1` : `${origin}/n${n}/v1` })
  const main = make(undefined)
  const streaming = perLength(make)
  return {
    request: async () => {
      const completion = await main.chat.completions.create({ model: MODEL, messages: MESSAGES })
      return completion.choices[0].message.content
    },
    stream: async (n, onChunk) => {
      const stream = await streaming(n).chat.completions.create({ model: MODEL, messages: MESSAGES, stream: true })
      let count = 0
      for await (const chunk of stream) {
        onChunk(chunk)
        count++
      }
      return count
    },
  }
}

async function aiSdk(origin) {
  globalThis.AI_SDK_LOG_WARNINGS = false
  const [{ generateText, streamText }, { createMistral }] = await Promise.all([import('ai'), import('@ai-sdk/mistral')])
  const make = (n) =>
    createMistral({ apiKey: API_KEY, baseURL: n === undefined ? `${origin}/v1` : `${origin}/n${n}/v1` })
  const main = make(undefined)
  const streaming = perLength(make)
  return {
    request: async () => {
      const result = await generateText({ model: main(MODEL), messages: MESSAGES })
      return result.text
    },
    stream: async (n, onChunk) => {
      let failure
      const result = streamText({
        model: streaming(n)(MODEL),
        messages: MESSAGES,
        onError: ({ error }) => (failure = error),
      })
      let count = 0
      for await (const part of result.fullStream) {
        if (part.type !== 'text-delta') continue
        onChunk(part)
        count++
      }
      if (failure !== undefined) throw failure
      return count
    },
  }
}

/** name → { label, load(origin), importSpecifiers } */
export const clients = {
  'ours-node': { label: 'token.js (ours, node:http)', load: (origin) => ours(origin, { useFetch: false }), ours: true },
  'ours-fetch': {
    label: 'token.js (ours, fetch transport)',
    load: (origin) => ours(origin, { useFetch: true }),
    ours: true,
  },
  // A/B variants (not in the default set): the build against the working tree, e.g. --only ours-dist,ours-src,raw-http
  'ours-dist': {
    label: 'token.js (ours, dist/, node:http)',
    load: (origin) => ours(origin, { useFetch: false, from: 'dist' }),
    ours: true,
    from: 'dist',
    optional: true,
  },
  'ours-src': {
    label: 'token.js (ours, src/ via tsx, node:http)',
    load: (origin) => ours(origin, { useFetch: false, from: 'src' }),
    ours: true,
    from: 'src',
    optional: true,
  },
  'ours-alt': {
    label: 'token.js (ours, $BENCH_OURS_ALT, node:http)',
    load: (origin) => ours(origin, { useFetch: false, from: 'alt' }),
    ours: true,
    from: 'alt',
    optional: true,
  },
  'ours-cur': {
    label: 'token.js (ours, $BENCH_OURS_CUR, node:http)',
    load: (origin) => ours(origin, { useFetch: false, from: 'cur' }),
    ours: true,
    from: 'cur',
    optional: true,
  },
  'ours-alt-fetch': {
    label: 'token.js (ours, $BENCH_OURS_ALT, fetch transport)',
    load: (origin) => ours(origin, { useFetch: true, from: 'alt' }),
    ours: true,
    from: 'alt',
    optional: true,
  },
  'ours-cur-fetch': {
    label: 'token.js (ours, $BENCH_OURS_CUR, fetch transport)',
    load: (origin) => ours(origin, { useFetch: true, from: 'cur' }),
    ours: true,
    from: 'cur',
    optional: true,
  },
  'raw-http': { label: 'raw node:http', load: async (origin) => rawHttp(origin) },
  'raw-fetch': { label: 'raw fetch', load: async (origin) => rawFetch(origin) },
  'tokenjs-0.7.1': { label: 'token.js 0.7.1', load: tokenjs071, packages: ['token.js'] },
  mistralai: { label: '@mistralai/mistralai 2.7.0', load: mistralai, packages: ['@mistralai/mistralai'] },
  openai: { label: 'openai 6.49.0', load: openai, packages: ['openai'] },
  ai: { label: 'ai 5.0.277 + @ai-sdk/mistral 2.0.50', load: aiSdk, packages: ['ai', '@ai-sdk/mistral'] },
}
