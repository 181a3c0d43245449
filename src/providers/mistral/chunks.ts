/**
 * Mistral stream chunks → OpenAI chunks, one mapper per stream (it remembers which choices have had
 * their role and which tool-call indexes are taken). This runs once per streamed chunk: keep it lean.
 */
import type { GenerationResponseContext, ChunkMapper } from '../../core/provider-adapter.js'
import { openAIStreamEvents } from '../shared/openai-stream-events.js'
import { FinishReasonError } from '../../errors.js'
import type { ChatCompletionChunk, ChatCompletionChunkDelta, ChatCompletionChunkToolCall } from '../../types.js'
import { splitMistralContent } from './response-content.js'
import { mapMistralFinishReason } from './finish-reason.js'
import { stringifyArguments } from './response-tool-calls.js'
import { convertMistralUsage } from './usage.js'
import { readMistralEnvelope } from './envelope.js'
import type { MistralResponse, MistralResponseChoice, MistralToolCall } from './wire-types.js'

/** A streamed call: an OpenAI-style continuation piece may carry only part of `function`. */
type MistralToolCallDelta = Omit<MistralToolCall, 'function'> & { function?: Partial<MistralToolCall['function']> }

interface ChoiceState {
  /** Next OpenAI tool-call index for this choice. */
  nextToolIndex: number
  /** Provider index → our index, for providers that stream arguments in pieces. */
  byProviderIndex: Map<number, number>
  lastToolIndex: number
}

export function createMistralChunkMapper(context: GenerationResponseContext): ChunkMapper {
  const choices = new Map<number, ChoiceState>()
  /** Whether choice 0 has had its first delta (its role): a boolean, so the fast path needs no map lookup. */
  let firstSent = false
  return openAIStreamEvents((json, raw) => {
    // Fast path, most chunks of most streams: one choice (index 0, its role already sent), a text delta,
    // no tool calls, no finish, no usage. The same chunk the general path builds, in one literal, with no
    // call on the way: in a fresh process (interpreted code) every call per chunk counts.
    const list = firstSent && typeof json === 'object' && json !== null ? (json as MistralResponse).choices : undefined
    const choice = Array.isArray(list) && list.length === 1 ? (list[0] as MistralResponseChoice | null) : undefined
    if (typeof choice === 'object' && choice !== null) {
      const chunk = json as MistralResponse
      const delta = choice.delta
      const content = delta?.content
      // `== null`: absent or null, as the general path reads them (`?? position`, `?? {}`, no usage).
      if (
        typeof content === 'string' &&
        !choice.index &&
        choice.finish_reason == null &&
        delta?.tool_calls == null &&
        chunk.usage == null
      ) {
        // Flat literals, each object its own: a literal nesting another object literal is built by a runtime
        // call (a deep copy of its boilerplate) until the code is optimised, ~2,000 instructions per chunk.
        const delta = { content }
        const choices = [{ index: 0, delta, finish_reason: null, logprobs: null }]
        return {
          id: chunk.id ?? '',
          object: 'chat.completion.chunk',
          created: chunk.created ?? 0,
          model: chunk.model ?? context.model,
          choices,
        }
      }
    }
    const chunk = readMistralEnvelope(json, raw, `${context.provider} sent a stream chunk`)
    const mapped: ChatCompletionChunk = {
      id: chunk.id ?? '',
      object: 'chat.completion.chunk',
      created: chunk.created ?? 0,
      model: chunk.model ?? context.model,
      choices: new Array<ChatCompletionChunk['choices'][number]>(chunk.choices.length),
    }
    for (let position = 0; position < chunk.choices.length; position++) {
      const choice = chunk.choices[position] as MistralResponseChoice
      const index = choice.index ?? position
      let state = choices.get(index)
      const first = state === undefined
      if (state === undefined) {
        state = { nextToolIndex: 0, byProviderIndex: new Map(), lastToolIndex: -1 }
        choices.set(index, state)
        if (index === 0) firstSent = true
      }
      const finish = choice.finish_reason
      const reason = finish === null || finish === undefined ? null : mapMistralFinishReason(finish)
      if (reason === 'error') {
        throw new FinishReasonError(`${context.provider} stopped generating with finish_reason "error".`, mapped, raw)
      }
      mapped.choices[position] = {
        index,
        delta: convertDelta(choice, state, first),
        finish_reason: reason,
        logprobs: null,
      }
    }
    const usage = convertMistralUsage(chunk.usage)
    if (usage !== undefined) mapped.usage = usage
    return mapped
  })
}

function convertDelta(choice: MistralResponseChoice, state: ChoiceState, first: boolean): ChatCompletionChunkDelta {
  const source = choice.delta ?? {}
  const delta: ChatCompletionChunkDelta = first ? { role: 'assistant' } : {}
  const content = source.content
  if (typeof content === 'string') delta.content = content
  else if (Array.isArray(content)) {
    const { text, reasoning } = splitMistralContent(content)
    if (text !== '') delta.content = text
    if (reasoning !== '') delta.reasoning_content = reasoning
  }
  const calls = source.tool_calls
  if (Array.isArray(calls) && calls.length > 0)
    delta.tool_calls = calls.map((call) => convertToolCallDelta(call, state))
  return delta
}

/**
 * Mistral sends each call whole, without `index`; some models it serves (zai-glm-5-2) stream OpenAI-style
 * pieces: a first delta with the id and name, then argument text without an id. A delta with an id starts
 * a new call (even at an index already taken); one without continues the call at its index.
 */
function convertToolCallDelta(call: MistralToolCallDelta, state: ChoiceState): ChatCompletionChunkToolCall {
  const providerIndex = call.index
  const name = call.function?.name
  const args = stringifyArguments(call.function?.arguments)
  if (typeof call.id === 'string' && call.id !== '' && call.id !== 'null') {
    const index = state.nextToolIndex++
    if (providerIndex !== undefined) state.byProviderIndex.set(providerIndex, index)
    state.lastToolIndex = index
    return { index, id: call.id, type: 'function', function: { name: name ?? '', arguments: args } }
  }
  const index =
    providerIndex !== undefined
      ? (state.byProviderIndex.get(providerIndex) ?? state.lastToolIndex)
      : state.lastToolIndex
  const piece: ChatCompletionChunkToolCall = { index: index < 0 ? 0 : index, function: { arguments: args } }
  if (typeof name === 'string' && name !== '' && piece.function !== undefined) piece.function.name = name
  return piece
}
