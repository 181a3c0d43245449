/** The answer a route would send without faults: a JSON body, or SSE events when streaming. */
import type { ComposedAnswer } from './answer-types.js'
import { chatCompletionBody, type CompletionMeta } from './reply-chat.js'
import { SSE_DONE, sseEvent, streamChunks, type StreamShape } from './stream-chunks.js'

export interface NormalReply {
  /** The JSON body (used when `events` is undefined). */
  readonly json: unknown
  /** SSE events, `[DONE]` included, when the client asked for a stream. */
  readonly events: readonly string[] | undefined
  /** Total tokens for the rate-limit headers. */
  readonly totalTokens: number
  /** Headers instead of Mistral's rate-limit headers (a provider that sends none gives `{}`). */
  readonly headers?: Readonly<Record<string, string>>
}

export function jsonReply(json: unknown): NormalReply {
  return { json, events: undefined, totalTokens: 0 }
}

export function chatReply(
  meta: CompletionMeta,
  answer: ComposedAnswer,
  stream: boolean,
  shape: StreamShape,
): NormalReply {
  const events = stream ? [...streamChunks(meta, answer, shape).map(sseEvent), SSE_DONE] : undefined
  return { json: chatCompletionBody(meta, answer), events, totalTokens: answer.usage.total_tokens }
}

/** A reply whose stream breaks off with `finish_reason: "error"` after `afterChunks` events. */
export function streamErrorReply(
  meta: CompletionMeta,
  answer: ComposedAnswer,
  stream: boolean,
  shape: StreamShape,
  afterChunks: number,
): NormalReply {
  const failed = { ...answer, choices: answer.choices.map((choice) => ({ ...choice, finishReason: 'error' as const })) }
  if (!stream) return chatReply(meta, failed, false, shape)
  const chunks = streamChunks(meta, answer, shape).slice(0, Math.max(0, afterChunks))
  for (const chunk of chunks) delete chunk['usage']
  const errorChunk: Record<string, unknown> = {
    id: meta.id,
    object: 'chat.completion.chunk',
    created: meta.created,
    model: meta.model,
    choices: [{ index: 0, delta: { content: '' }, finish_reason: 'error', logprobs: null }],
    usage: answer.usage,
  }
  const events = [...chunks, errorChunk].map(sseEvent)
  return {
    json: chatCompletionBody(meta, failed),
    events: [...events, SSE_DONE],
    totalTokens: answer.usage.total_tokens,
  }
}
