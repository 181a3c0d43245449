/**
 * Sends a route's normal reply through a scripted fault (or none). The answer-changing kinds
 * (`reply`, `stream-error`) were already applied by the route; this file owns the transport ones.
 */
import type { ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { plainErrorBody } from './error-bodies.js'
import type { ScriptedReply } from './emulator-types.js'
import { isGone, rateLimitHeaders, sendBytes, sendJson } from './http-send.js'
import type { NormalReply } from './normal-reply.js'
import { cutBytes, startEventStream, writePieces } from './sse-writer.js'

/** What a fault needs from the exchange it runs in. */
export interface Exchange {
  readonly response: ServerResponse
  /** Common headers (CORS, request id) for every response. */
  readonly headers: Record<string, string>
  /** Delay between streamed chunks, ms. */
  readonly chunkDelayMs: number
}

const DEFAULT_HTML =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n'

function defaultErrorBody(status: number): Record<string, unknown> {
  if (status === 429)
    return { object: 'error', message: 'Rate limit exceeded', type: 'rate_limited', param: null, code: '1300' }
  if (status >= 500)
    return {
      object: 'error',
      message: 'Service unavailable.',
      type: 'internal_server_error',
      param: null,
      code: '3000',
    }
  return plainErrorBody(`Scripted error ${status}`)
}

function fullBytes(reply: NormalReply): Buffer {
  return Buffer.from(reply.events === undefined ? JSON.stringify(reply.json) : reply.events.join(''), 'utf8')
}

function replyHeaders(exchange: Exchange, reply: NormalReply): Record<string, string> {
  return { ...exchange.headers, ...(reply.headers ?? rateLimitHeaders(reply.totalTokens)) }
}

function startBody(exchange: Exchange, reply: NormalReply): void {
  const headers = replyHeaders(exchange, reply)
  if (reply.events !== undefined) return startEventStream(exchange.response, headers)
  exchange.response.writeHead(200, { 'content-type': 'application/json', ...headers })
}

/** Sends `reply` normally: JSON in one piece, or SSE events paced by `chunkDelayMs`. */
export async function deliver(exchange: Exchange, reply: NormalReply): Promise<void> {
  const headers = replyHeaders(exchange, reply)
  if (reply.events === undefined) return sendJson(exchange.response, 200, reply.json, headers)
  startEventStream(exchange.response, headers)
  if (await writePieces(exchange.response, reply.events, exchange.chunkDelayMs)) exchange.response.end()
}

async function sendInPieces(
  exchange: Exchange,
  reply: NormalReply,
  pieces: readonly Uint8Array[],
  delayMs: number,
): Promise<void> {
  if (isGone(exchange.response)) return
  startBody(exchange, reply)
  if (await writePieces(exchange.response, pieces, delayMs)) exchange.response.end()
}

async function dropAfter(exchange: Exchange, reply: NormalReply, chunks: number): Promise<void> {
  if (isGone(exchange.response)) return
  startBody(exchange, reply)
  const bytes = fullBytes(reply)
  const pieces =
    reply.events === undefined ? [bytes.subarray(0, Math.floor(bytes.length / 2))] : reply.events.slice(0, chunks)
  await writePieces(exchange.response, pieces, exchange.chunkDelayMs)
  // Let the written bytes leave before cutting the connection.
  await sleep(10)
  exchange.response.destroy()
}

async function malformed(exchange: Exchange, reply: NormalReply): Promise<void> {
  if (reply.events === undefined) {
    const text = JSON.stringify(reply.json)
    return sendBytes(
      exchange.response,
      200,
      'application/json',
      text.slice(0, Math.floor(text.length / 2)),
      exchange.headers,
    )
  }
  const first = reply.events[0] ?? ''
  const broken =
    'data: {"id":"broken","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"x"\n\n'
  await sendInPieces(
    exchange,
    reply,
    [Buffer.from(first), Buffer.from(broken), Buffer.from('data: [DONE]\n\n')],
    exchange.chunkDelayMs,
  )
}

/** Runs `script` (or none) for a route whose normal answer is `reply`. Resolves when done. */
export async function runScript(
  exchange: Exchange,
  script: ScriptedReply | undefined,
  reply: NormalReply,
): Promise<void> {
  if (script === undefined) return deliver(exchange, reply)
  switch (script.kind) {
    case 'reply':
    case 'stream-error':
      return deliver(exchange, reply)
    case 'delay':
      await sleep(Math.max(0, script.ms))
      return deliver(exchange, reply)
    case 'http': {
      const body = script.body ?? defaultErrorBody(script.status)
      const contentType = typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json'
      const text = typeof body === 'string' ? body : JSON.stringify(body)
      return sendBytes(exchange.response, script.status, contentType, text, { ...exchange.headers, ...script.headers })
    }
    case 'html-error':
      return sendBytes(
        exchange.response,
        script.status ?? 502,
        'text/html',
        script.html ?? DEFAULT_HTML,
        exchange.headers,
      )
    case 'sse-raw': {
      const bytes = typeof script.data === 'string' ? Buffer.from(script.data, 'utf8') : script.data
      startEventStream(exchange.response, exchange.headers)
      const pieces = cutBytes(bytes, script.splitAt, script.chunkBytes)
      if (await writePieces(exchange.response, pieces, script.delayMs ?? exchange.chunkDelayMs)) exchange.response.end()
      return
    }
    case 'split': {
      const chunkBytes = script.splitAt === undefined ? (script.chunkBytes ?? 1) : undefined
      return sendInPieces(
        exchange,
        reply,
        cutBytes(fullBytes(reply), script.splitAt, chunkBytes),
        script.delayMs ?? exchange.chunkDelayMs,
      )
    }
    case 'drop-after-chunks':
      return dropAfter(exchange, reply, script.chunks)
    case 'malformed-json':
      return malformed(exchange, reply)
    case 'reset':
      exchange.response.socket?.destroy()
      return
    case 'hang':
      return
    default: {
      const unknown: never = script
      throw new Error(`unknown scripted reply ${JSON.stringify(unknown)}`)
    }
  }
}
