/**
 * Tool-call ids. Newer Gemini models return `functionCall.id`; older ones return none, so token.js makes
 * one that is the same for the JSON answer and every chunk of the stream: `call_<responseId>_<candidate>_<n>`
 * (`n` counts calls in the candidate). Ids are sent back in `functionCall.id` / `functionResponse.id`
 * whatever their origin (pydantic-ai's recorded requests send their own `pyd_ai_…` ids and get a 200), and
 * each tool result is matched to its call by id, giving the function name Gemini wants.
 */

export function makeToolCallId(responseId: string | undefined, candidate: number, position: number): string {
  const safe = (responseId ?? 'gemini').replace(/[^A-Za-z0-9_-]/g, '')
  return `call_${safe}_${candidate}_${position}`
}
