/**
 * The `chat.completion.chunk` objects of a streamed answer, in Mistral's order (`CompletionChunk` in
 * mistralai/platform-docs-public `openapi-public-doc.yaml`; the order as real streams show it):
 * role chunk, reasoning deltas (list while thinking, a transition list, then strings), content
 * pieces, tool calls whole in one delta without `index`/`type` (with `content: null`), and a final chunk
 * with `finish_reason` + `usage`. Choices of `n > 1` are interleaved round-robin. The `p` padding is on
 * every chunk but the first. `incrementalToolCalls` switches to what zai-glm models send: no role
 * chunk, no padding, the call in OpenAI-style pieces with `type` and `index`, and an `index` beside
 * `content: ""` in every delta (vercel/ai mistral-incremental-tool-call.chunks.txt, zai-glm-5-2, 2026-08-20).
 */
import type { ComposedAnswer, ComposedChoice, FinishReason } from './answer-types.js'
import { padding } from './deterministic-ids.js'
import { wireUsage, type CompletionMeta } from './reply-chat.js'

export interface StreamShape {
  /** Content characters per content delta (UTF-16 units; surrogate pairs are never split). */
  readonly chunkSize: number
  /** Add the top-level `p` padding field to every chunk. */
  readonly padding: boolean
  /** Stream tool calls as OpenAI-style argument pieces (third-party models). */
  readonly incrementalToolCalls: boolean
  /**
   * Mark thinking chunks `closed` (false while thinking, true on the last); default true. The streams
   * recorded on 2025-11-28 and 2026-01-22 carry no `closed` (pydantic-ai, vercel/ai fixtures).
   */
  readonly thinkingClosed?: boolean
}

interface ChoiceEvent {
  readonly index: number
  readonly delta: Record<string, unknown>
  readonly finishReason: FinishReason | null
}

/** Splits text into pieces of `size` UTF-16 units, never between the halves of a surrogate pair. */
export function splitText(text: string, size: number): string[] {
  const pieces: string[] = []
  const step = Math.max(1, Math.floor(size))
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + step)
    const lastCode = text.charCodeAt(end - 1)
    if (end < text.length && lastCode >= 0xd800 && lastCode <= 0xdbff) end++
    pieces.push(text.slice(start, end))
    start = end
  }
  return pieces
}

function thinking(text: string, closed?: boolean): Record<string, unknown> {
  const chunk: Record<string, unknown> = { type: 'thinking', thinking: [{ type: 'text', text }] }
  if (closed !== undefined) chunk['closed'] = closed
  return chunk
}

function reasoningDeltas(
  choice: ComposedChoice,
  shape: StreamShape,
): { deltas: Record<string, unknown>[]; textPieces: string[] } {
  const textPieces = splitText(choice.text, shape.chunkSize)
  if (choice.reasoning === undefined) return { deltas: [], textPieces }
  const thoughts = splitText(choice.reasoning, shape.chunkSize)
  const closing = thoughts.pop() ?? ''
  const marked = shape.thinkingClosed !== false
  const deltas = thoughts.map((piece) => ({ content: [thinking(piece, marked ? false : undefined)] }))
  const firstText = textPieces.shift() ?? ''
  deltas.push({ content: [thinking(closing, marked ? true : undefined), { type: 'text', text: firstText }] })
  return { deltas, textPieces }
}

function incrementalCallDeltas(choice: ComposedChoice, shape: StreamShape): Record<string, unknown>[] {
  const delta = (call: Record<string, unknown>) => ({ tool_calls: [call], index: choice.index, content: '' })
  return choice.toolCalls.flatMap((call, index) => [
    delta({ id: call.id, type: 'function', function: { name: call.name, arguments: '' }, index }),
    ...splitText(call.arguments, shape.chunkSize).map((piece) =>
      delta({ type: 'function', function: { name: '', arguments: piece }, index }),
    ),
  ])
}

function choiceEvents(choice: ComposedChoice, shape: StreamShape): ChoiceEvent[] {
  const { deltas, textPieces } = reasoningDeltas(choice, shape)
  const middle = [...deltas, ...textPieces.map((piece) => ({ content: piece }))]
  const opening = shape.incrementalToolCalls ? [] : [{ role: 'assistant', content: '' }]
  const events: ChoiceEvent[] = [...opening, ...middle].map((delta) => ({
    index: choice.index,
    delta,
    finishReason: null,
  }))
  const last = { index: choice.index, finishReason: choice.finishReason }
  if (choice.toolCalls.length === 0) return [...events, { ...last, delta: { content: '' } }]
  if (shape.incrementalToolCalls) {
    const pieces = incrementalCallDeltas(choice, shape).map((delta) => ({
      index: choice.index,
      delta,
      finishReason: null,
    }))
    return [...events, ...pieces, { ...last, delta: { index: choice.index, content: '' } }]
  }
  const calls = choice.toolCalls.map((call) => ({
    id: call.id,
    function: { name: call.name, arguments: call.arguments },
  }))
  return [...events, { ...last, delta: { content: null, tool_calls: calls } }]
}

function interleave(lists: readonly ChoiceEvent[][]): ChoiceEvent[] {
  const merged: ChoiceEvent[] = []
  const longest = Math.max(0, ...lists.map((list) => list.length))
  for (let position = 0; position < longest; position++) {
    for (const list of lists) {
      const event = list[position]
      if (event !== undefined) merged.push(event)
    }
  }
  return merged
}

/** Every chunk of the stream (without the `[DONE]` sentinel). */
export function streamChunks(
  meta: CompletionMeta,
  answer: ComposedAnswer,
  shape: StreamShape,
): Record<string, unknown>[] {
  const events = interleave(answer.choices.map((choice) => choiceEvents(choice, shape)))
  return events.map((event, sequence) => {
    const chunk: Record<string, unknown> = {
      id: meta.id,
      object: 'chat.completion.chunk',
      created: meta.created,
      model: meta.model,
      choices: [{ index: event.index, delta: event.delta, finish_reason: event.finishReason, logprobs: null }],
    }
    if (sequence === events.length - 1) chunk['usage'] = wireUsage(meta, answer)
    if (shape.padding && !shape.incrementalToolCalls && sequence > 0) chunk['p'] = padding(sequence)
    return chunk
  })
}

/** One SSE event: `data: <json>\n\n`. */
export function sseEvent(data: unknown): string {
  return `data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`
}

export const SSE_DONE = 'data: [DONE]\n\n'
