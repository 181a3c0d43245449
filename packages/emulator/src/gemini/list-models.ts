/** `GET /v1beta/models` (paginated with `pageSize` / `pageToken` → `nextPageToken`) and `GET /v1beta/models/{id}`. */
import { runScript, type Exchange } from '../faults.js'
import type { RecordedRequest } from '../emulator-types.js'
import { invalidArgument, modelNotFound, type GeminiErrorReply } from './errors.js'
import { faultOf } from './fault-of.js'
import { findModel, modelCard } from './models.js'
import { JSON_HEADERS } from './reply.js'
import type { GeminiState } from './state.js'
import type { GeminiScript } from './types.js'

interface Served {
  readonly state: GeminiState
  readonly exchange: Exchange
  readonly entry: RecordedRequest
}
type SendError = (exchange: Exchange, reply: GeminiErrorReply) => number

const MAX_PAGE = 1000

function served(state: GeminiState) {
  const now = state.settings.now()
  return state.settings.models.filter((model) => findModel(state.settings.models, model.id, now) !== undefined)
}

/** Page tokens are opaque to clients; the emulator's is the base64 of the next offset. */
const encodeToken = (offset: number): string => Buffer.from(`offset:${offset}`).toString('base64url')
function decodeToken(token: string): number | undefined {
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'))
  return match === null ? undefined : Number(match[1])
}

export async function answerListModels(
  { state, exchange }: Served,
  query: URLSearchParams,
  script: GeminiScript | undefined,
  sendError: SendError,
): Promise<number> {
  const size = Number(query.get('pageSize') ?? state.settings.pageSize)
  const pageSize = Number.isInteger(size) && size > 0 ? Math.min(size, MAX_PAGE) : state.settings.pageSize
  const token = query.get('pageToken')
  const offset = token === null || token === '' ? 0 : decodeToken(token)
  if (offset === undefined) return sendError(exchange, invalidArgument('Invalid page token.'))
  const models = served(state)
  const page = models.slice(offset, offset + pageSize).map(modelCard)
  const next = offset + pageSize < models.length ? { nextPageToken: encodeToken(offset + pageSize) } : {}
  await runScript(exchange, faultOf(script), {
    json: { models: page, ...next },
    events: undefined,
    totalTokens: 0,
    headers: JSON_HEADERS,
  })
  return exchange.response.headersSent ? exchange.response.statusCode : 0
}

export async function answerGetModel(
  { state, exchange }: Served,
  id: string,
  script: GeminiScript | undefined,
  sendError: SendError,
): Promise<number> {
  const model = findModel(state.settings.models, id, state.settings.now())
  if (model === undefined && script === undefined) return sendError(exchange, modelNotFound(id, 'get'))
  const json = model === undefined ? {} : modelCard(model)
  await runScript(exchange, faultOf(script), { json, events: undefined, totalTokens: 0, headers: JSON_HEADERS })
  return exchange.response.headersSent ? exchange.response.statusCode : 0
}
