/**
 * Gemini `GenerateContentResponse` → OpenAI ChatCompletion: text parts (not thoughts) joined into
 * `content`, thought summaries into `reasoning_content`, function calls into `tool_calls` (ids stable,
 * see tool-call-ids.ts), thought signatures into `reasoning_details`, `logprobsResult` into `logprobs`.
 * A prompt blocked before any answer throws PromptBlockedError naming Gemini's reason; a tool-call
 * failure (`MALFORMED_FUNCTION_CALL`…) throws FinishReasonError.
 */
import type { GenerationResponseContext } from '../../core/provider-adapter.js'
import { FinishReasonError, PromptBlockedError, ResponseParseError } from '../../errors.js'
import type {
  ChatCompletion,
  ChatCompletionChoiceLogprobs,
  ChatCompletionMessage,
  ReasoningDetail,
} from '../../types.js'
import { mapGeminiFinishReason } from './finish-reason.js'
import { signatureDetail } from './thought-signatures.js'
import { makeToolCallId } from './tool-call-ids.js'
import { convertGeminiUsage } from './usage.js'
import type { GeminiCandidate, GeminiPart, GeminiResponse } from './wire-types.js'

type Choice = ChatCompletion['choices'][number]

export function readGeminiResponse(json: unknown, raw: string, what: string): GeminiResponse {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new ResponseParseError(`${what} that is not a JSON object.`, raw)
  const response = json as GeminiResponse
  if (response.candidates !== undefined && !Array.isArray(response.candidates))
    throw new ResponseParseError(`${what} whose 'candidates' is not a list.`, raw)
  return response
}

export function blockedError(
  response: GeminiResponse,
  context: GenerationResponseContext,
  raw: string,
): PromptBlockedError | undefined {
  const reason = response.promptFeedback?.blockReason
  if (reason === undefined || (response.candidates?.length ?? 0) > 0) return undefined
  const detail = response.promptFeedback?.blockReasonMessage
  return new PromptBlockedError(
    `${context.provider} blocked the prompt (blockReason ${reason})${detail === undefined ? '' : `: ${detail}`}; no answer was generated. Rephrase the prompt, or adjust the Gemini option 'safety_settings' for safety blocks.`,
    reason,
    raw,
  )
}

/** What one candidate's parts add up to; also used per stream event. */
export interface PartsSummary {
  text: string
  reasoning: string
  calls: { id: string; name: string; arguments: string }[]
  details: ReasoningDetail[]
}

export function summarizeParts(
  parts: readonly GeminiPart[],
  responseId: string | undefined,
  candidate: number,
  firstCall: number,
): PartsSummary {
  const summary: PartsSummary = { text: '', reasoning: '', calls: [], details: [] }
  for (const part of parts) {
    if (part.functionCall !== undefined) {
      const id = part.functionCall.id ?? makeToolCallId(responseId, candidate, firstCall + summary.calls.length)
      summary.calls.push({ id, name: part.functionCall.name, arguments: JSON.stringify(part.functionCall.args ?? {}) })
      if (part.thoughtSignature !== undefined) summary.details.push(signatureDetail(part.thoughtSignature, id))
      continue
    }
    if (typeof part.text === 'string') {
      if (part.thought === true) summary.reasoning += part.text
      else summary.text += part.text
    }
    if (part.thoughtSignature !== undefined && part.thought !== true)
      summary.details.push(signatureDetail(part.thoughtSignature))
  }
  return summary
}

export function convertLogprobs(candidate: GeminiCandidate): ChatCompletionChoiceLogprobs | null {
  const chosen = candidate.logprobsResult?.chosenCandidates
  if (chosen === undefined) return null
  const top = candidate.logprobsResult?.topCandidates ?? []
  return {
    content: chosen.map((entry, index) => ({
      token: entry.token ?? '',
      bytes: null,
      logprob: entry.logProbability ?? 0,
      top_logprobs: (top[index]?.candidates ?? []).map((alternative) => ({
        token: alternative.token ?? '',
        bytes: null,
        logprob: alternative.logProbability ?? 0,
      })),
    })),
    refusal: null,
  }
}

function convertCandidate(
  candidate: GeminiCandidate,
  position: number,
  response: GeminiResponse,
  context: GenerationResponseContext,
  raw: string,
): Choice {
  const index = candidate.index ?? position
  const summary = summarizeParts(candidate.content?.parts ?? [], response.responseId, index, 0)
  const message: ChatCompletionMessage = {
    role: 'assistant',
    content: summary.calls.length > 0 && summary.text === '' ? null : summary.text,
    refusal: null,
  }
  if (summary.calls.length > 0)
    message.tool_calls = summary.calls.map((call) => ({
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: call.arguments },
    }))
  if (summary.reasoning !== '') message.reasoning_content = summary.reasoning
  if (summary.details.length > 0) message.reasoning_details = summary.details
  const reason = mapGeminiFinishReason(candidate.finishReason ?? 'STOP', summary.calls.length > 0)
  const choice: Choice = {
    index,
    message,
    finish_reason: reason === 'error' ? 'stop' : reason,
    logprobs: convertLogprobs(candidate),
  }
  if (reason === 'error')
    throw new FinishReasonError(
      `${context.provider} stopped with finishReason ${candidate.finishReason}${candidate.finishMessage === undefined ? '' : `: ${candidate.finishMessage}`}.`,
      choice,
      raw,
    )
  return choice
}

export function fromGeminiResponse(json: unknown, raw: string, context: GenerationResponseContext): ChatCompletion {
  const response = readGeminiResponse(json, raw, `${context.provider} sent a response`)
  const blocked = blockedError(response, context, raw)
  if (blocked !== undefined) throw blocked
  const completion: ChatCompletion = {
    id: response.responseId ?? '',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: response.modelVersion ?? context.model,
    choices: (response.candidates ?? []).map((candidate, position) =>
      convertCandidate(candidate, position, response, context, raw),
    ),
  }
  const usage = convertGeminiUsage(response.usageMetadata)
  if (usage !== undefined) completion.usage = usage
  return completion
}
