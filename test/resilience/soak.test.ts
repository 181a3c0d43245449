/**
 * In-suite soak (the full 10,000-request run is `node --expose-gc --import tsx scripts/soak.ts`):
 * 2,000 sequential requests, half streamed, every answer checked; the heap after forced GC stays flat.
 * Skipped with TOKENJS_SKIP_SOAK=1. Without --expose-gc the V8 flag is set at run time (findGC), so GC
 * is still really forced; the bound is generous for the small run.
 */
import { describe, expect, it } from 'vitest'
import { runSoak } from '../../scripts/soak.js'

const MAX_GROWTH_BYTES = 3 * 1_048_576

describe.skipIf(process.env.TOKENJS_SKIP_SOAK === '1')('soak', () => {
  it('2,000 sequential requests keep the heap flat', { timeout: 60_000 }, async () => {
    const result = await runSoak({ requests: 2_000, warmup: 500 })
    console.log(
      `soak: ${result.requests} requests in ${Math.round(result.elapsedMs)} ms, gc ${result.gc}, heapUsed ` +
        `${(result.heapBeforeBytes / 1_048_576).toFixed(2)} MB → ${(result.heapAfterBytes / 1_048_576).toFixed(2)} MB`,
    )
    expect(result.requests).toBe(2_000)
    expect(result.growthBytes).toBeLessThan(MAX_GROWTH_BYTES)
  })
})
