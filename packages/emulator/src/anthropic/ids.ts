/** Anthropic-shaped ids, derived from hashes so the same request yields the same ids. */
import { sha256 } from '../deterministic-ids.js'

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

function base62(length: number, ...parts: readonly string[]): string {
  const bytes = Buffer.concat([sha256(...parts), sha256('more', ...parts)])
  let text = ''
  for (let index = 0; index < length; index++) text += BASE62.charAt((bytes[index] ?? 0) % BASE62.length)
  return text
}

/** `msg_011C` + 20 characters, as recorded message ids look (vercel/ai fixtures, 2026). */
export function messageId(...parts: readonly string[]): string {
  return `msg_011C${base62(20, 'message', ...parts)}`
}

/** `toolu_01` + 22 characters, as tool-use ids look. */
export function toolUseId(...parts: readonly string[]): string {
  return `toolu_01${base62(22, 'tool', ...parts)}`
}

/** `req_011C` + 20 characters, as request ids look. */
export function requestId(...parts: readonly string[]): string {
  return `req_011C${base62(20, 'request', ...parts)}`
}

/** A thinking signature: base64 of a hash of the thinking text (opaque to clients, like the real one). */
export function thinkingSignature(thinking: string): string {
  return Buffer.concat([Buffer.from('EMU1'), sha256('signature', thinking)]).toString('base64')
}
