/**
 * Splits embedding inputs into consecutive batches whose estimated token count stays under the
 * provider's per-request limit, so results can be re-joined in input order.
 *
 * The estimate is ⌈UTF-8 bytes / 3⌉ + 1 per input: above real tokenizer counts for English (≈ 4–5 bytes
 * per token) and CJK (3 bytes per character, about one token each), so a batch rarely exceeds the limit.
 */

export interface EmbeddingBatch {
  /** Position of the batch's first input in the caller's input. */
  readonly offset: number
  readonly items: readonly string[]
}

export function estimateTokens(text: string): number {
  let bytes = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4
      index++
    } else bytes += 3
  }
  return Math.ceil(bytes / 3) + 1
}

/**
 * Batches in order; an input larger than `maxTokens` on its own gets a batch of its own (the API judges it).
 * `maxInputs` caps the inputs per batch (providers that limit the list length, e.g. Gemini's 100).
 */
export function splitEmbeddingBatches(
  input: readonly string[],
  maxTokens: number,
  maxInputs = Number.POSITIVE_INFINITY,
): EmbeddingBatch[] {
  const batches: EmbeddingBatch[] = []
  let items: string[] = []
  let offset = 0
  let tokens = 0
  input.forEach((text, index) => {
    const cost = estimateTokens(text)
    if (items.length > 0 && (tokens + cost > maxTokens || items.length >= maxInputs)) {
      batches.push({ offset, items })
      items = []
      offset = index
      tokens = 0
    }
    items.push(text)
    tokens += cost
  })
  if (items.length > 0) batches.push({ offset, items })
  return batches
}
