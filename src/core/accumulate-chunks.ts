/**
 * Folds OpenAI chunks into the ChatCompletion they add up to: content, refusal and reasoning
 * concatenated, reasoning details listed, tool-call pieces joined by index, finish reasons and usage kept. Used by `finalCompletion()`.
 */
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionFinishReason,
  ChatCompletionChoiceLogprobs,
  ChatCompletionMessageFunctionToolCall,
  ChatCompletionTokenLogprob,
  ReasoningDetail,
} from '../types.js'

interface ChoiceAccumulator {
  content: string
  hasContent: boolean
  reasoning: string
  reasoningDetails: ReasoningDetail[]
  refusal: string | null
  /** Sparse: a call is stored at the index its deltas carry. */
  toolCalls: (ChatCompletionMessageFunctionToolCall | undefined)[]
  finishReason: ChatCompletionFinishReason | null
  logprobs: ChatCompletionChoiceLogprobs | null
}

/** Folds a stream's chunks into the completion they add up to (what `finalCompletion()` uses). */
export class ChunkAccumulator {
  private id = ''
  private created = 0
  private model = ''
  private usage: ChatCompletion['usage']
  private serviceTier: ChatCompletion['service_tier']
  private systemFingerprint: string | undefined
  private readonly choices = new Map<number, ChoiceAccumulator>()

  /** Adds one chunk. */
  add(chunk: ChatCompletionChunk): void {
    this.id ||= chunk.id
    this.created ||= chunk.created
    this.model ||= chunk.model
    if (chunk.usage !== undefined && chunk.usage !== null) this.usage = chunk.usage
    if (chunk.service_tier !== undefined) this.serviceTier = chunk.service_tier
    if (chunk.system_fingerprint !== undefined) this.systemFingerprint ??= chunk.system_fingerprint
    for (const choice of chunk.choices) {
      let target = this.choices.get(choice.index)
      if (target === undefined) {
        target = {
          content: '',
          hasContent: false,
          reasoning: '',
          reasoningDetails: [],
          refusal: null,
          toolCalls: [],
          finishReason: null,
          logprobs: null,
        }
        this.choices.set(choice.index, target)
      }
      const delta = choice.delta
      if (typeof delta.content === 'string') {
        target.content += delta.content
        target.hasContent = true
      }
      if (delta.reasoning_content !== undefined) target.reasoning += delta.reasoning_content
      if (delta.reasoning_details !== undefined) target.reasoningDetails.push(...delta.reasoning_details)
      if (typeof delta.refusal === 'string') target.refusal = (target.refusal ?? '') + delta.refusal
      for (const piece of delta.tool_calls ?? []) {
        const call = (target.toolCalls[piece.index] ??= {
          id: '',
          type: 'function',
          function: { name: '', arguments: '' },
        })
        if (piece.id !== undefined) call.id = piece.id
        if (piece.function?.name !== undefined) call.function.name += piece.function.name
        if (piece.function?.arguments !== undefined) call.function.arguments += piece.function.arguments
      }
      if (choice.finish_reason !== null) target.finishReason = choice.finish_reason
      if (choice.logprobs !== undefined && choice.logprobs !== null)
        target.logprobs = joinLogprobs(target.logprobs, choice.logprobs)
    }
  }

  /** The completion so far. */
  result(): ChatCompletion {
    const completion: ChatCompletion = {
      id: this.id,
      object: 'chat.completion',
      created: this.created,
      model: this.model,
      choices: [...this.choices.entries()]
        .sort(([first], [second]) => first - second)
        .map(([index, choice]) => {
          const toolCalls = choice.toolCalls.filter((call) => call !== undefined)
          const message: ChatCompletion['choices'][number]['message'] = {
            role: 'assistant',
            content: toolCalls.length > 0 && choice.content === '' ? null : choice.content,
            refusal: choice.refusal,
          }
          if (toolCalls.length > 0) message.tool_calls = toolCalls
          if (choice.reasoning !== '') message.reasoning_content = choice.reasoning
          if (choice.reasoningDetails.length > 0) message.reasoning_details = choice.reasoningDetails
          return { index, message, finish_reason: choice.finishReason ?? 'stop', logprobs: choice.logprobs }
        }),
    }
    if (this.usage !== undefined) completion.usage = this.usage
    if (this.serviceTier !== undefined) completion.service_tier = this.serviceTier
    if (this.systemFingerprint !== undefined) completion.system_fingerprint = this.systemFingerprint
    return completion
  }
}

function joinLogprobs(
  sofar: ChatCompletionChoiceLogprobs | null,
  piece: ChatCompletionChoiceLogprobs,
): ChatCompletionChoiceLogprobs {
  const join = (first: ChatCompletionTokenLogprob[] | null | undefined, second: ChatCompletionTokenLogprob[] | null) =>
    first === null || first === undefined ? second : second === null ? first : [...first, ...second]
  return { content: join(sofar?.content, piece.content), refusal: join(sofar?.refusal, piece.refusal) }
}
