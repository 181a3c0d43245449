/** Reads a request body up to a byte limit. */
import type { IncomingMessage } from 'node:http'

export type BodyResult =
  { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly reason: 'too-large' | 'aborted' }

/** Resolves with the body, or `too-large` as soon as it exceeds `limit` bytes (the rest is drained, not kept). */
export function readBody(request: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const parts: Buffer[] = []
    let size = 0
    let tooLarge = false
    request.on('data', (part: Buffer) => {
      size += part.length
      if (size > limit) {
        if (!tooLarge) resolve({ ok: false, reason: 'too-large' })
        tooLarge = true
        parts.length = 0
      } else parts.push(part)
    })
    request.on('end', () => {
      if (!tooLarge) resolve({ ok: true, bytes: Buffer.concat(parts) })
    })
    request.on('error', () => resolve({ ok: false, reason: 'aborted' }))
    request.on('aborted', () => resolve({ ok: false, reason: 'aborted' }))
  })
}
