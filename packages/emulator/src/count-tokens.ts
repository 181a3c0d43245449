/**
 * The emulator's deterministic tokenizer. Rule: a token is a maximal run of letters and digits,
 * or any single other non-space character; whitespace is not a token but stays attached to the
 * token after it. `"Hello, world!"` is 4 tokens: `Hello` `,` ` world` `!`.
 */

const TOKEN = /\s*(?:[\p{L}\p{N}]+|[^\s\p{L}\p{N}])/gu

/** The text's tokens, each with its leading whitespace, so `join('')` rebuilds the text (minus trailing whitespace). */
export function tokenPieces(text: string): string[] {
  return text.match(TOKEN) ?? []
}

/** Number of tokens in `text` by the rule above. */
export function countTokens(text: string): number {
  let count = 0
  TOKEN.lastIndex = 0
  while (TOKEN.exec(text) !== null) count++
  return count
}
