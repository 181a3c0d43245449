/**
 * Writes a composed answer as Gemini's `GenerateContentResponse`: one JSON body, or SSE events
 * `data: <GenerateContentResponse>\r\n\r\n` with no event names and no `[DONE]` (the framing in
 * pydantic/pydantic-ai's recorded `test_google_model_stream` cassette). Every event is a whole
 * response carrying the parts new in it and the usage so far; the last one carries `finishReason`.
 */
import { tokenPieces } from '../count-tokens.js'
import type { NormalReply } from '../normal-reply.js'
import { candidateTokens, type ComposedAnswer, type ComposedCandidate } from './compose.js'
import { geminiError } from './errors.js'

type Json = Record<string, unknown>

export interface ReplyMeta {
  readonly model: string
  readonly responseId: string
  readonly chunkSize: number
  readonly includeThoughts: boolean
  readonly logprobs: number | undefined
}

function usageMetadata(prompt: number, candidates: number, thoughts: number, cached: number): Json {
  return {
    promptTokenCount: prompt,
    ...(candidates > 0 ? { candidatesTokenCount: candidates } : {}),
    totalTokenCount: prompt + candidates + thoughts,
    ...(cached > 0 ? { cachedContentTokenCount: cached } : {}),
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: prompt }],
    ...(thoughts > 0 ? { thoughtsTokenCount: thoughts } : {}),
    serviceTier: 'standard',
  }
}

function callPart(call: ComposedCandidate['calls'][number], signature: string | undefined): Json {
  return {
    functionCall: { ...(call.id === undefined ? {} : { id: call.id }), name: call.name, args: call.args },
    ...(signature === undefined ? {} : { thoughtSignature: signature }),
  }
}

function logprobsResult(text: string, top: number): Json {
  const tokens = tokenPieces(text)
  const chosen = tokens.map((token, index) => ({ token, logProbability: -0.01 * ((index % 7) + 1) }))
  return {
    avgLogprobs: chosen.length === 0 ? 0 : chosen.reduce((sum, entry) => sum + entry.logProbability, 0) / chosen.length,
    logprobsResult: {
      topCandidates: chosen.map((entry) => ({
        candidates: [
          entry,
          ...Array.from({ length: Math.max(0, top - 1) }, (_, rank) => ({
            token: `${entry.token.trim()}_${rank + 2}`,
            logProbability: entry.logProbability - rank - 1,
          })),
        ],
      })),
      chosenCandidates: chosen,
    },
  }
}

/** The parts of a whole candidate. */
function parts(candidate: ComposedCandidate, meta: ReplyMeta): Json[] {
  const out: Json[] = []
  if (candidate.thought !== undefined && meta.includeThoughts) out.push({ text: candidate.thought, thought: true })
  if (candidate.calls.length > 0)
    candidate.calls.forEach((call, index) => out.push(callPart(call, index === 0 ? candidate.signature : undefined)))
  else if (candidate.text !== undefined)
    out.push({
      text: candidate.text,
      ...(candidate.signature === undefined ? {} : { thoughtSignature: candidate.signature }),
    })
  return out
}

function candidateBody(candidate: ComposedCandidate, partsList: Json[], finish: boolean, meta: ReplyMeta): Json {
  const blocked =
    finish && candidate.finishReason !== 'STOP' && candidate.finishReason !== 'MAX_TOKENS' && partsList.length === 0
  return {
    ...(blocked ? {} : { content: { parts: partsList, role: 'model' } }),
    ...(finish ? { finishReason: candidate.finishReason } : {}),
    index: candidate.index,
    ...(finish && meta.logprobs !== undefined ? logprobsResult(candidate.text ?? '', meta.logprobs) : {}),
  }
}

export function geminiResponseBody(answer: ComposedAnswer, meta: ReplyMeta): Json {
  const { usage } = answer
  const common = {
    usageMetadata: usageMetadata(usage.prompt, usage.candidates, usage.thoughts, usage.cached),
    modelVersion: meta.model,
    responseId: meta.responseId,
  }
  if (answer.blockReason !== undefined) return { promptFeedback: { blockReason: answer.blockReason }, ...common }
  const safetyEmpty = (candidate: ComposedCandidate) =>
    candidate.finishReason === 'SAFETY' || candidate.finishReason === 'PROHIBITED_CONTENT' ? [] : parts(candidate, meta)
  return {
    candidates: answer.candidates.map((candidate) => candidateBody(candidate, safetyEmpty(candidate), true, meta)),
    ...common,
  }
}

/** The SSE events: thought, text pieces of `chunkSize` tokens, calls in one event; usage cumulative. */
export function geminiStreamEvents(answer: ComposedAnswer, meta: ReplyMeta): Json[] {
  const { usage } = answer
  const common = (candidates: number, thoughts: number) => ({
    usageMetadata: usageMetadata(usage.prompt, candidates, thoughts, usage.cached),
    modelVersion: meta.model,
    responseId: meta.responseId,
  })
  if (answer.blockReason !== undefined)
    return [{ promptFeedback: { blockReason: answer.blockReason }, ...common(0, 0) }]
  const events: Json[] = []
  let done = 0
  const thoughts = usage.thoughts
  for (const candidate of answer.candidates) {
    const steps: Json[][] = []
    if (candidate.thought !== undefined && meta.includeThoughts)
      steps.push([{ text: candidate.thought, thought: true }])
    if (candidate.calls.length > 0) steps.push(parts(candidate, { ...meta, includeThoughts: false }))
    else if (candidate.finishReason !== 'SAFETY' && candidate.finishReason !== 'PROHIBITED_CONTENT') {
      const text = candidate.text ?? ''
      const pieces = tokenPieces(text)
      // tokenPieces drops trailing whitespace; the stream must still carry every character.
      const rest = text.slice(pieces.join('').length)
      if (rest !== '') pieces.push(rest)
      for (let start = 0; start < pieces.length; start += meta.chunkSize)
        steps.push([{ text: pieces.slice(start, start + meta.chunkSize).join('') }])
    }
    const total = candidateTokens(candidate)
    // The last event closes the candidate; a Gemini 3 signature rides on an empty text part there.
    const closing: Json[] = candidate.calls.length > 0 || steps.length === 0 ? [{ text: '' }] : (steps.pop() ?? [])
    if (candidate.signature !== undefined && candidate.calls.length === 0) {
      const last = closing[closing.length - 1]
      if (last !== undefined) last.thoughtSignature = candidate.signature
    }
    let emitted = 0
    steps.forEach((step) => {
      emitted += step.reduce(
        (sum, part) =>
          sum + (part.thought === true ? 0 : tokenPieces(typeof part.text === 'string' ? part.text : '').length),
        0,
      )
      events.push({
        candidates: [candidateBody(candidate, step, false, meta)],
        ...common(done + Math.min(emitted, total), thoughts),
      })
    })
    done += total
    const last = candidate === answer.candidates[answer.candidates.length - 1]
    events.push({
      candidates: [candidateBody(candidate, closing, true, meta)],
      ...common(last ? usage.candidates : done, thoughts),
    })
  }
  return events
}

/** The content type of the API's JSON answers (recorded: vercel/ai `google-threshold-live.json`). */
export const JSON_HEADERS: Readonly<Record<string, string>> = { 'content-type': 'application/json; charset=UTF-8' }

export const sseFrame = (event: unknown): string => `data: ${JSON.stringify(event)}\r\n\r\n`

/** The reply as the fault layer sends it. Gemini sends no rate-limit headers. */
export function geminiReply(
  answer: ComposedAnswer,
  meta: ReplyMeta,
  stream: boolean,
  errorAfter?: number,
): NormalReply {
  const json = geminiResponseBody(answer, meta)
  const totalTokens = answer.usage.prompt + answer.usage.candidates + answer.usage.thoughts
  if (!stream) return { json, events: undefined, totalTokens, headers: JSON_HEADERS }
  const events = geminiStreamEvents(answer, meta).map(sseFrame)
  if (errorAfter === undefined) return { json, events, totalTokens, headers: {} }
  const failure = geminiError(
    500,
    'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
  ).body
  return { json, events: [...events.slice(0, Math.max(0, errorAfter)), sseFrame(failure)], totalTokens, headers: {} }
}
