/**
 * Gemini's thought signatures carried through OpenAI messages. A signature comes on a `functionCall` part
 * (or on a text part) and must be sent back on that part in the next request of the tool loop, or Gemini 3
 * answers 400 (https://ai.google.dev/gemini-api/docs/thought-signatures). token.js returns each one as a
 * `reasoning_details` entry `{type: 'reasoning.encrypted', format: 'google-gemini-v1', data, id}`, `id`
 * naming the tool call it came with (none for text), as OpenRouter does, and puts it back on replay.
 */
import type { ReasoningDetail } from '../../types.js'

export const GEMINI_REASONING_FORMAT = 'google-gemini-v1'

/**
 * Google's documented stand-in for a call whose signature is unknown (history from another provider):
 * https://ai.google.dev/gemini-api/docs/thought-signatures (vercel/ai `SKIP_THOUGHT_SIGNATURE_VALIDATOR`).
 */
export const SKIP_SIGNATURE = 'skip_thought_signature_validator'

export function signatureDetail(signature: string, toolCallId?: string): ReasoningDetail {
  return {
    type: 'reasoning.encrypted',
    data: signature,
    format: GEMINI_REASONING_FORMAT,
    ...(toolCallId === undefined ? {} : { id: toolCallId }),
  }
}

/** Signatures of an assistant message: by tool-call id, and the text one. Other providers' details are ignored. */
export function readSignatures(details: readonly ReasoningDetail[] | null | undefined): {
  byCall: Map<string, string>
  text?: string
} {
  const byCall = new Map<string, string>()
  let text: string | undefined
  for (const detail of details ?? []) {
    if (detail.type !== 'reasoning.encrypted' || detail.format !== GEMINI_REASONING_FORMAT) continue
    if (detail.id === undefined) text = detail.data
    else byCall.set(detail.id, detail.data)
  }
  return text === undefined ? { byCall } : { byCall, text }
}
