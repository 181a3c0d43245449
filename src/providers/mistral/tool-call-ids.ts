/**
 * Mistral accepts only tool-call ids of exactly nine ASCII letters or digits (not in the spec; the API
 * answers 400 "Tool call id was … but must be a-z, A-Z, 0-9, with a length of 9."). Histories from
 * OpenAI (`call_…`) or Anthropic (`toolu_…`) would fail, so foreign ids are mapped to deterministic
 * valid ids, the same for an assistant's tool call and its tool result.
 */

const VALID_ID = /^[a-zA-Z0-9]{9}$/
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** Whether Mistral accepts `id` as a tool-call id. */
export function isMistralToolCallId(id: string): boolean {
  return VALID_ID.test(id)
}

/** Two independent 32-bit FNV-1a hashes → nine base-62 characters. */
function hashToId(text: string): string {
  let first = 0x811c9dc5
  let second = 0x01000193 ^ 0x9e3779b9
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    first = Math.imul(first ^ code, 0x01000193) >>> 0
    second = Math.imul(second ^ code, 0x5bd1e995) >>> 0
  }
  let id = ''
  for (let index = 0; index < 9; index++) {
    const source = index < 5 ? first : second
    id += ALPHABET.charAt((source >>> ((index % 5) * 6)) % 62)
    if (index === 4) first = Math.imul(first ^ second, 0x27d4eb2d) >>> 0
  }
  return id
}

/**
 * A mapper for one request: valid ids are kept; others get a deterministic valid id. Distinct original
 * ids never share a mapped id within the request.
 */
export function createToolCallIdMapper(): (id: string) => string {
  const byOriginal = new Map<string, string>()
  const taken = new Map<string, string>()
  return (original) => {
    const known = byOriginal.get(original)
    if (known !== undefined) return known
    let candidate = isMistralToolCallId(original) ? original : hashToId(original)
    for (let salt = 1; taken.has(candidate) && taken.get(candidate) !== original; salt++) {
      candidate = hashToId(`${original}#${salt}`)
    }
    byOriginal.set(original, candidate)
    taken.set(candidate, original)
    return candidate
  }
}
