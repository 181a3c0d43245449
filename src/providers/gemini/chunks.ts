/**
 * Gemini SSE events → OpenAI chunks, one mapper per stream. Each event is a whole
 * `GenerateContentResponse` with the parts new in it; calls arrive whole, so each becomes one tool-call
 * delta with its own `index` (counted per candidate across the stream). Usage is cumulative on every
 * event; it goes on the chunks that carry a finish reason, so the last chunk has the final figures. The
 * stream ends when the body ends (no `[DONE]`); an event `{"error": …}` is an error (Google's SDK
 * checks every event for it: googleapis/js-genai `src/_api_client.ts`).
 */
import type { GenerationResponseContext, ChunkMapper } from '../../core/provider-adapter.js'
import { FinishReasonError } from '../../errors.js'
import type { ChatCompletionChunk, ChatCompletionChunkDelta } from '../../types.js'
import { mapGeminiFinishReason } from './finish-reason.js'
import { blockedError, convertLogprobs, readGeminiResponse, summarizeParts } from './response.js'
import { convertGeminiUsage } from './usage.js'

interface CandidateState {
  calls: number
}

export function createGeminiChunkMapper(context: GenerationResponseContext): ChunkMapper {
  const candidates = new Map<number, CandidateState>()
  let id: string | undefined
  const created = Math.floor(Date.now() / 1000)
  return (event, emit) => {
    const json = event.json()
    if (typeof json === 'object' && json !== null && 'error' in json) return 'error'
    const response = readGeminiResponse(json, event.data, `${context.provider} sent a stream event`)
    const blocked = blockedError(response, context, event.data)
    if (blocked !== undefined) throw blocked
    id ??= response.responseId
    const chunk: ChatCompletionChunk = {
      id: id ?? '',
      object: 'chat.completion.chunk',
      created,
      model: response.modelVersion ?? context.model,
      choices: [],
    }
    let finished = false as boolean // set inside the forEach below
    ;(response.candidates ?? []).forEach((candidate, position) => {
      const index = candidate.index ?? position
      let state = candidates.get(index)
      const first = state === undefined
      if (state === undefined) {
        state = { calls: 0 }
        candidates.set(index, state)
      }
      const summary = summarizeParts(candidate.content?.parts ?? [], id, index, state.calls)
      const delta: ChatCompletionChunkDelta = first ? { role: 'assistant' } : {}
      if (summary.text !== '') delta.content = summary.text
      if (summary.reasoning !== '') delta.reasoning_content = summary.reasoning
      if (summary.calls.length > 0)
        delta.tool_calls = summary.calls.map((call, offset) => ({
          index: state.calls + offset,
          id: call.id,
          type: 'function',
          function: { name: call.name, arguments: call.arguments },
        }))
      if (summary.details.length > 0) delta.reasoning_details = summary.details
      state.calls += summary.calls.length
      const reason =
        candidate.finishReason === undefined ? null : mapGeminiFinishReason(candidate.finishReason, state.calls > 0)
      if (reason === 'error')
        throw new FinishReasonError(
          `${context.provider} stopped with finishReason ${candidate.finishReason}.`,
          chunk,
          event.data,
        )
      if (reason !== null) finished = true
      chunk.choices.push({
        index,
        delta,
        finish_reason: reason,
        logprobs: reason === null ? null : convertLogprobs(candidate),
      })
    })
    if (finished) {
      const usage = convertGeminiUsage(response.usageMetadata)
      if (usage !== undefined) chunk.usage = usage
    }
    if (chunk.choices.length > 0 || chunk.usage !== undefined) emit(chunk)
    return 'more'
  }
}
