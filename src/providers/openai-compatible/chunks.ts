/**
 * OpenAI-compatible stream chunks → OpenAI chunks. OpenAI's own need little; servers vary: `choices`
 * missing or null on usage-only chunks, tool-call deltas without `index` or reusing index 0 for
 * parallel calls (Ollama), `reasoning` vs `reasoning_content`, usage under `x_groq`.
 * A delta with a new tool-call id starts a new call; one without continues the call at its index.
 */
import type { GenerationResponseContext, ChunkMapper } from '../../core/provider-adapter.js'
import { openAIStreamEvents } from '../shared/openai-stream-events.js'
import { ResponseParseError } from '../../errors.js'
import type {
  ChatCompletionChoiceLogprobs,
  ChatCompletionChunk,
  ChatCompletionChunkDelta,
  ChatCompletionChunkToolCall,
  ChatCompletionServiceTier,
} from '../../types.js'
import { readReasoning } from './reasoning.js'
import { readUsage } from './usage.js'

type Json = Record<string, unknown>

interface ChoiceState {
  nextToolIndex: number
  /** Provider index → our index. */
  byProviderIndex: Map<number, number>
  /** Our index → the call's id, to tell a repeated id (a continuation) from a new call. */
  idByIndex: Map<number, string>
  lastToolIndex: number
}

export function createOpenAICompatibleChunkMapper(context: GenerationResponseContext): ChunkMapper {
  const states = new Map<number, ChoiceState>()
  return openAIStreamEvents((json, raw) => {
    if (typeof json !== 'object' || json === null) {
      throw new ResponseParseError(`${context.provider} sent a stream chunk that is not an object.`, raw)
    }
    const source = json as Json
    const choices = Array.isArray(source.choices) ? (source.choices as Json[]) : []
    const chunk: ChatCompletionChunk = {
      id: typeof source.id === 'string' ? source.id : '',
      object: 'chat.completion.chunk',
      created: typeof source.created === 'number' ? source.created : 0,
      model: typeof source.model === 'string' ? source.model : context.model,
      choices: choices.map((choice, position) => {
        const index = typeof choice.index === 'number' ? choice.index : position
        let state = states.get(index)
        const first = state === undefined
        if (state === undefined) {
          state = { nextToolIndex: 0, byProviderIndex: new Map(), idByIndex: new Map(), lastToolIndex: -1 }
          states.set(index, state)
        }
        return {
          index,
          delta: convertDelta((choice.delta ?? {}) as Json, state, first),
          finish_reason: (choice.finish_reason ?? null) as ChatCompletionChunk['choices'][number]['finish_reason'],
          logprobs: (choice.logprobs ?? null) as ChatCompletionChoiceLogprobs | null,
        }
      }),
    }
    const usage = readUsage(source)
    if (usage !== undefined) chunk.usage = usage
    if (typeof source.system_fingerprint === 'string') chunk.system_fingerprint = source.system_fingerprint
    if (typeof source.service_tier === 'string') chunk.service_tier = source.service_tier as ChatCompletionServiceTier
    return chunk
  })
}

function convertDelta(source: Json, state: ChoiceState, first: boolean): ChatCompletionChunkDelta {
  const delta: ChatCompletionChunkDelta = first ? { role: 'assistant' } : {}
  if (typeof source.content === 'string') delta.content = source.content
  if (typeof source.refusal === 'string') delta.refusal = source.refusal
  const reasoning = readReasoning(source)
  if (reasoning !== undefined) delta.reasoning_content = reasoning
  if (Array.isArray(source.tool_calls) && source.tool_calls.length > 0) {
    delta.tool_calls = (source.tool_calls as Json[]).map((call) => convertToolCall(call, state))
  }
  return delta
}

function convertToolCall(call: Json, state: ChoiceState): ChatCompletionChunkToolCall {
  const providerIndex = typeof call.index === 'number' ? call.index : undefined
  const fn = (call.function ?? {}) as { name?: unknown; arguments?: unknown }
  const name = typeof fn.name === 'string' ? fn.name : undefined
  const args =
    typeof fn.arguments === 'string'
      ? fn.arguments
      : fn.arguments === undefined
        ? undefined
        : JSON.stringify(fn.arguments)
  const id = typeof call.id === 'string' && call.id !== '' ? call.id : undefined
  const known = providerIndex === undefined ? undefined : state.byProviderIndex.get(providerIndex)
  const continues = id === undefined || (known !== undefined && state.idByIndex.get(known) === id)
  if (!continues) {
    const index = state.nextToolIndex++
    if (providerIndex !== undefined) state.byProviderIndex.set(providerIndex, index)
    state.idByIndex.set(index, id)
    state.lastToolIndex = index
    return { index, id, type: 'function', function: { name: name ?? '', arguments: args ?? '' } }
  }
  const index = known ?? Math.max(state.lastToolIndex, 0)
  const piece: { index: number; function: { name?: string; arguments?: string } } = { index, function: {} }
  if (args !== undefined) piece.function.arguments = args
  if (name !== undefined && name !== '') piece.function.name = name
  return piece
}
