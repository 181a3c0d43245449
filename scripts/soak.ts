/**
 * Soak test: many sequential requests (alternately JSON and streamed) through the public client against
 * the emulator; the heap, measured after forced garbage collection, must stay flat.
 *
 *   node --expose-gc --import tsx scripts/soak.ts            # 10,000 requests
 *   SOAK_REQUESTS=50000 node --expose-gc --import tsx scripts/soak.ts
 *
 * Prints heapUsed before (after a warm-up) and after, and exits with 1 when it grew by more than
 * SOAK_MAX_GROWTH_MB (default 4 MB). A leak of one small object per request (≈ 100 bytes) over 10,000
 * requests would already show as ~1 MB; a leaked response, stream or socket per request as far more.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { pathToFileURL } from 'node:url'
import { TokenJS } from '../src/index.js'
import { startMistralEmulator } from '../packages/emulator/src/index.js'

export interface SoakOptions {
  /** Measured requests (after the warm-up). */
  readonly requests: number
  /** Requests before the first measurement (JIT, caches, keep-alive sockets settle). */
  readonly warmup?: number
}

export interface SoakResult {
  readonly requests: number
  readonly heapBeforeBytes: number
  readonly heapAfterBytes: number
  readonly growthBytes: number
  readonly elapsedMs: number
  /** How garbage collection was forced: `--expose-gc`, or the flag set at run time. */
  readonly gc: 'expose-gc' | 'runtime-flag'
}

/** Returns a function that forces a full GC: `globalThis.gc` when exposed, otherwise the V8 flag set now. */
export function findGC(): { gc: () => void; how: SoakResult['gc'] } {
  const exposed = (globalThis as { gc?: () => void }).gc
  if (typeof exposed === 'function') return { gc: exposed, how: 'expose-gc' }
  setFlagsFromString('--expose-gc')
  return { gc: runInNewContext('gc') as () => void, how: 'runtime-flag' }
}

async function settledHeap(gc: () => void): Promise<number> {
  for (let round = 0; round < 4; round++) {
    gc()
    await new Promise((resolve) => setImmediate(resolve))
  }
  return process.memoryUsage().heapUsed
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const { gc, how } = findGC()
  // The request log would grow by design: turn it off.
  const emulator = await startMistralEmulator({ logRequests: false })
  try {
    const client = new TokenJS({ apiKey: emulator.apiKey, baseURL: emulator.url, maxRetries: 0 })
    const call = async (index: number): Promise<void> => {
      const params = {
        provider: 'mistral' as const,
        model: 'mistral-large-latest',
        messages: [{ role: 'user' as const, content: `soak ${index}` }],
      }
      const expected = `You said: soak ${index}`
      let content = ''
      if (index % 2 === 0) {
        content = (await client.chat.completions.create(params)).choices[0]?.message.content ?? ''
      } else {
        for await (const chunk of await client.chat.completions.create({ ...params, stream: true }))
          content += chunk.choices[0]?.delta.content ?? ''
      }
      if (content !== expected) throw new Error(`request ${index}: got ${JSON.stringify(content)}`)
    }
    const warmup = options.warmup ?? Math.min(1_000, options.requests)
    for (let index = 0; index < warmup; index++) await call(index)
    const heapBeforeBytes = await settledHeap(gc)
    const started = performance.now()
    for (let index = 0; index < options.requests; index++) await call(warmup + index)
    const elapsedMs = performance.now() - started
    const heapAfterBytes = await settledHeap(gc)
    return {
      requests: options.requests,
      heapBeforeBytes,
      heapAfterBytes,
      growthBytes: heapAfterBytes - heapBeforeBytes,
      elapsedMs,
      gc: how,
    }
  } finally {
    await emulator.close()
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href
if (isMain) {
  const requests = Number(process.env.SOAK_REQUESTS ?? 10_000)
  const maxGrowthMB = Number(process.env.SOAK_MAX_GROWTH_MB ?? 4)
  const result = await runSoak({ requests })
  const mb = (bytes: number): string => (bytes / 1_048_576).toFixed(2)
  console.log(
    `soak: ${result.requests} sequential requests (half streamed) in ${(result.elapsedMs / 1000).toFixed(1)} s (gc: ${result.gc})`,
  )
  console.log(
    `heapUsed before: ${mb(result.heapBeforeBytes)} MB, after: ${mb(result.heapAfterBytes)} MB, growth: ${mb(result.growthBytes)} MB (bound ${maxGrowthMB} MB)`,
  )
  if (result.growthBytes > maxGrowthMB * 1_048_576) {
    console.error('soak: FAILED, the heap grew beyond the bound')
    process.exitCode = 1
  }
}
