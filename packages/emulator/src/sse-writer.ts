/** Writes a streamed body piece by piece, pacing with a delay and stopping if the client left. */
import type { ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { isGone } from './http-send.js'

/** Starts a 200 `text/event-stream` response and flushes its headers. */
export function startEventStream(response: ServerResponse, headers: Record<string, string>, status = 200): void {
  if (isGone(response) || response.headersSent) return
  response.writeHead(status, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...headers })
  response.flushHeaders()
}

/** Cuts `bytes` at the given offsets (sorted, deduplicated, clamped) or every `chunkBytes` bytes. */
export function cutBytes(
  bytes: Uint8Array,
  splitAt: readonly number[] | undefined,
  chunkBytes: number | undefined,
): Uint8Array[] {
  const cuts =
    splitAt !== undefined
      ? [...new Set(splitAt.filter((at) => at > 0 && at < bytes.length))].sort((a, b) => a - b)
      : Array.from(
          { length: Math.ceil(bytes.length / Math.max(1, chunkBytes ?? bytes.length)) - 1 },
          (_, index) => (index + 1) * Math.max(1, chunkBytes ?? bytes.length),
        )
  const pieces: Uint8Array[] = []
  let start = 0
  for (const cut of [...cuts, bytes.length]) {
    pieces.push(bytes.subarray(start, cut))
    start = cut
  }
  return pieces.filter((piece) => piece.length > 0)
}

/** Writes each piece, waiting `delayMs` between them; resolves `false` if the client went away. */
export async function writePieces(
  response: ServerResponse,
  pieces: readonly (string | Uint8Array)[],
  delayMs: number,
): Promise<boolean> {
  for (let index = 0; index < pieces.length; index++) {
    if (isGone(response)) return false
    if (index > 0 && delayMs > 0) await sleep(delayMs)
    if (isGone(response)) return false
    const piece = pieces[index]
    if (piece !== undefined) response.write(piece)
  }
  return !isGone(response)
}
