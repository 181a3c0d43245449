/**
 * OpenAI's wire format for an answer (`CreateChatCompletionResponse` and `CreateChatCompletionStreamResponse`
 * in openai/openai-openapi `openapi.yaml`; openai-node `src/core/streaming.ts`): the `chat.completion` body, and the
 * `chat.completion.chunk` stream — role chunk, content pieces, tool-call FRAGMENTS with `index` (id, type,
 * name and "" arguments first, then argument pieces), a final chunk with `finish_reason`, an
 * `obfuscation` field on delta chunks, and with `stream_options.include_usage` a last chunk with
 * `choices: []` and the usage (`usage: null` on the others). Groq-style `x_groq.usage` on request.
 */
import type { ComposedChoice } from '../answer-types.js'
import { tokenPieces } from '../count-tokens.js'
import { padding } from '../deterministic-ids.js'
import type { NormalReply } from '../normal-reply.js'
import { splitText, sseEvent, SSE_DONE } from '../stream-chunks.js'
import type { OpenAIAnswer } from './compose.js'
import type { OpenAIEmulatorQuirks } from './types.js'

type Json = Record<string, unknown>

export interface OpenAIMeta {
  readonly id: string
  readonly created: number
  readonly model: string
  readonly systemFingerprint: string
  readonly serviceTier: string
}

export interface ReplyShape {
  readonly chunkSize: number
  readonly includeUsage: boolean
  readonly obfuscation: boolean
  readonly logprobs: boolean
  readonly topLogprobs: number
  readonly quirks: OpenAIEmulatorQuirks
}

export function usageBody(answer: OpenAIAnswer): Json {
  return {
    prompt_tokens: answer.usage.prompt_tokens,
    completion_tokens: answer.usage.completion_tokens,
    total_tokens: answer.usage.total_tokens,
    prompt_tokens_details: { cached_tokens: answer.usage.prompt_tokens_details.cached_tokens, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: answer.reasoningTokens,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  }
}

/** Deterministic token log probabilities for `text`. */
function logprobsFor(text: string, top: number): Json[] {
  return tokenPieces(text).map((token, index) => {
    const entry = (candidate: string, rank: number) => ({
      token: candidate,
      logprob: -(index % 7) / 100 - rank,
      bytes: [...Buffer.from(candidate, 'utf8')],
    })
    return {
      ...entry(token, 0),
      top_logprobs: Array.from({ length: top }, (_, rank) => entry(rank === 0 ? token : `${token}${rank}`, rank)),
    }
  })
}

function messageBody(choice: ComposedChoice, shape: ReplyShape): Json {
  const message: Json = {
    role: 'assistant',
    content: choice.toolCalls.length > 0 && choice.text === '' ? null : choice.text,
    refusal: null,
    annotations: [],
  }
  if (choice.toolCalls.length > 0) {
    message.tool_calls = choice.toolCalls.map((call) => ({
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: call.arguments },
    }))
  }
  const field = shape.quirks.reasoningField
  if (field !== undefined && choice.reasoning !== undefined) message[field] = choice.reasoning
  return message
}

export function completionBody(meta: OpenAIMeta, answer: OpenAIAnswer, shape: ReplyShape): Json {
  const usage = usageBody(answer)
  const body: Json = {
    id: meta.id,
    object: 'chat.completion',
    created: meta.created,
    model: meta.model,
    choices: answer.choices.map((choice) => ({
      index: choice.index,
      message: messageBody(choice, shape),
      logprobs: shape.logprobs ? { content: logprobsFor(choice.text, shape.topLogprobs), refusal: null } : null,
      finish_reason: choice.finishReason,
    })),
    usage,
    service_tier: meta.serviceTier,
    system_fingerprint: meta.systemFingerprint,
  }
  if (shape.quirks.streamUsage === 'x_groq') body.x_groq = { id: `req_${meta.id.slice(9)}` }
  return body
}

interface ChoiceEvent {
  readonly index: number
  readonly delta: Json
  readonly finishReason: string | null
  readonly text?: string
}

function choiceEvents(choice: ComposedChoice, shape: ReplyShape): ChoiceEvent[] {
  const index = choice.index
  const calls = choice.toolCalls.length > 0
  const events: ChoiceEvent[] = [
    {
      index,
      delta: { role: 'assistant', content: calls && choice.text === '' ? null : '', refusal: null },
      finishReason: null,
    },
  ]
  const field = shape.quirks.reasoningField
  if (field !== undefined && choice.reasoning !== undefined) {
    for (const piece of splitText(choice.reasoning, shape.chunkSize))
      events.push({ index, delta: { [field]: piece }, finishReason: null })
  }
  for (const piece of splitText(choice.text, shape.chunkSize))
    events.push({ index, delta: { content: piece }, finishReason: null, text: piece })
  choice.toolCalls.forEach((call, position) => {
    events.push({
      index,
      delta: {
        tool_calls: [{ index: position, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }],
      },
      finishReason: null,
    })
    for (const piece of splitText(call.arguments, shape.chunkSize)) {
      events.push({
        index,
        delta: { tool_calls: [{ index: position, function: { arguments: piece } }] },
        finishReason: null,
      })
    }
  })
  events.push({ index, delta: {}, finishReason: choice.finishReason })
  return events
}

function interleave(lists: readonly ChoiceEvent[][]): ChoiceEvent[] {
  const merged: ChoiceEvent[] = []
  const longest = Math.max(0, ...lists.map((list) => list.length))
  for (let position = 0; position < longest; position++)
    for (const list of lists) if (list[position] !== undefined) merged.push(list[position] as ChoiceEvent)
  return merged
}

/** The stream's chunk objects (without `[DONE]`). */
export function streamChunkObjects(meta: OpenAIMeta, answer: OpenAIAnswer, shape: ReplyShape): Json[] {
  const events = interleave(answer.choices.map((choice) => choiceEvents(choice, shape)))
  const groq = shape.quirks.streamUsage === 'x_groq'
  const usageChunk = shape.includeUsage && !groq
  const chunks = events.map((event, sequence) => {
    const logprobs =
      shape.logprobs && event.text !== undefined
        ? { content: logprobsFor(event.text, shape.topLogprobs), refusal: null }
        : null
    const chunk: Json = {
      id: meta.id,
      object: 'chat.completion.chunk',
      created: meta.created,
      model: meta.model,
      service_tier: meta.serviceTier,
      system_fingerprint: meta.systemFingerprint,
      choices: [{ index: event.index, delta: event.delta, logprobs, finish_reason: event.finishReason }],
    }
    if (usageChunk) chunk.usage = null
    if (shape.obfuscation) chunk.obfuscation = padding(sequence)
    if (groq && sequence === 0) chunk.x_groq = { id: `req_${meta.id.slice(9)}` }
    if (groq && sequence === events.length - 1) {
      chunk.x_groq = {
        id: `req_${meta.id.slice(9)}`,
        usage: {
          queue_time: 0.01,
          ...usageBody(answer),
          prompt_time: 0.001,
          completion_time: 0.002,
          total_time: 0.003,
        },
      }
    }
    return chunk
  })
  if (usageChunk) {
    chunks.push({
      id: meta.id,
      object: 'chat.completion.chunk',
      created: meta.created,
      model: meta.model,
      service_tier: meta.serviceTier,
      system_fingerprint: meta.systemFingerprint,
      choices: [],
      usage: usageBody(answer),
    })
  }
  return chunks
}

/** OpenAI's mid-stream error frame (NODE `Stream.fromSSEResponse` raises an APIError on it). */
export const STREAM_ERROR_EVENT = sseEvent({
  error: {
    message: 'The server had an error while processing your request. Sorry about that!',
    type: 'server_error',
    param: null,
    code: null,
  },
})

export function openAIReply(
  meta: OpenAIMeta,
  answer: OpenAIAnswer,
  stream: boolean,
  shape: ReplyShape,
  errorAfterChunks?: number,
): NormalReply {
  const totalTokens = answer.usage.total_tokens
  if (!stream) return { json: completionBody(meta, answer, shape), events: undefined, totalTokens }
  const events = streamChunkObjects(meta, answer, shape).map(sseEvent)
  if (errorAfterChunks !== undefined)
    return {
      json: undefined,
      events: [...events.slice(0, Math.max(0, errorAfterChunks)), STREAM_ERROR_EVENT],
      totalTokens,
    }
  return { json: undefined, events: [...events, SSE_DONE], totalTokens }
}
