/**
 * The replay server's `splitAt` (test/support/replay-server.ts): each piece reaches the client as a read of
 * its own, so the tests that cut a recorded stream at every offset really cut it there. The pieces are
 * spaced by one turn of the event loop (setImmediate), not by a timer: the client's read of a piece runs in
 * the poll phase before the next piece is written.
 */
import { request } from 'node:http'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startReplayServer, type ReplayServer } from '../support/replay-server.js'

let server: ReplayServer
beforeAll(async () => {
  server = await startReplayServer()
})
afterAll(() => server.close())

function readsOf(url: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    request(url, (response) => {
      const reads: string[] = []
      response.setEncoding('latin1')
      response.on('data', (piece: string) => reads.push(piece))
      response.on('end', () => resolve(reads))
      response.on('error', reject)
    })
      .on('error', reject)
      .end()
  })
}

test('every piece cut by splitAt arrives as its own read', async () => {
  const body = Array.from({ length: 2_000 }, (_, index) => String.fromCharCode(97 + (index % 26))).join('')
  const splitAt = Array.from({ length: 99 }, (_, index) => 20 * (index + 1))
  server.answer({ status: 200, headers: { 'content-type': 'text/plain' }, body, splitAt })
  const reads = await readsOf(`${server.url}/pieces`)
  expect(reads.join('')).toBe(body)
  // The first piece leaves with the headers, and the client may read it together with the second one
  // (its response object starts flowing a tick after the headers are parsed); every later piece is a read.
  const [first, ...rest] = reads.map((read) => read.length)
  expect([20, 40]).toContain(first)
  expect(rest).toEqual(Array.from({ length: first === 20 ? 99 : 98 }, () => 20))
})
