/**
 * A loopback HTTP server that answers every request with one recorded response, byte for byte (status,
 * recorded content-type and correlation id, body or event stream), and keeps what it was sent (headers
 * included). `splitAt` writes the body in pieces cut at those byte offsets, each its own network write
 * one event-loop turn apart, so a client reads a recorded stream cut exactly there.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReplayedResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
  /** Byte offsets to cut the body at (ascending); each piece goes out in its own write, one event-loop turn apart. */
  readonly splitAt?: readonly number[]
}

export interface ReplayServer {
  readonly url: string
  /** The next answer (the same one is served until replaced). */
  answer(response: ReplayedResponse): void
  readonly received: { method: string; path: string; headers: Record<string, string>; body: string }[]
  close(): Promise<void>
}

function readAll(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = []
    request.on('data', (part: Buffer) => parts.push(part))
    request.on('end', () => resolve(Buffer.concat(parts).toString('utf8')))
    request.on('error', reject)
  })
}

async function writePieces(response: ServerResponse, bytes: Buffer, splitAt: readonly number[]): Promise<void> {
  let from = 0
  for (const cut of splitAt) {
    if (cut <= from || cut >= bytes.length) continue
    response.write(bytes.subarray(from, cut))
    from = cut
    // One turn of the event loop: the client (in this process) reads the piece in the poll phase before
    // the next write, so its read ends at the cut (test/unit/replay-server.test.ts). A 1 ms timer did the
    // same at ~1 ms per cut (24 s for the every-offset Anthropic test).
    await new Promise((resolve) => setImmediate(resolve))
  }
  response.end(bytes.subarray(from))
}

export async function startReplayServer(): Promise<ReplayServer> {
  let current: ReplayedResponse = { status: 500, headers: {}, body: 'no answer set' }
  const received: ReplayServer['received'] = []
  const server: Server = createServer((request, response) => {
    void readAll(request).then((body) => {
      const headers: Record<string, string> = {}
      for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers[name] = value
      received.push({ method: request.method ?? '', path: request.url ?? '', headers, body })
      const bytes = Buffer.from(current.body, 'utf8')
      response.writeHead(current.status, { ...current.headers, 'content-length': bytes.length })
      void writePieces(response, bytes, current.splitAt ?? [])
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/v1`,
    answer: (response) => {
      current = response
    },
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
