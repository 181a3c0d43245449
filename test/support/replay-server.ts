/**
 * A loopback HTTP server that answers every request with one recorded response, byte for byte (status,
 * recorded content-type and correlation id, body or event stream), and keeps what it was sent.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReplayedResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

export interface ReplayServer {
  readonly url: string
  /** The next answer (the same one is served until replaced). */
  answer(response: ReplayedResponse): void
  readonly received: { method: string; path: string; body: string }[]
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

export async function startReplayServer(): Promise<ReplayServer> {
  let current: ReplayedResponse = { status: 500, headers: {}, body: 'no answer set' }
  const received: ReplayServer['received'] = []
  const server: Server = createServer((request, response) => {
    void readAll(request).then((body) => {
      received.push({ method: request.method ?? '', path: request.url ?? '', body })
      response.writeHead(current.status, { ...current.headers, 'content-length': Buffer.byteLength(current.body) })
      response.end(current.body)
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
