/** Ids and padding derived from hashes, so the same request always yields the same values. */
import { createHash } from 'node:crypto'

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
/** Every recorded `p` value is a prefix of this (vercel/ai mistral-usage-raw-live.chunks.txt, 2026-08-27). */
const PADDING = 'abcdefghijklmnopqrstuvwxyz0123456789'

export function sha256(...parts: readonly string[]): Buffer {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part).update('\u0000')
  return hash.digest()
}

/** 32 lowercase hex characters, the shape of Mistral's completion ids. */
export function hexId(...parts: readonly string[]): string {
  return sha256(...parts)
    .toString('hex')
    .slice(0, 32)
}

/** 9 characters of `[a-zA-Z0-9]`, the only tool-call id shape Mistral accepts. */
export function toolCallId(...parts: readonly string[]): string {
  const bytes = sha256('tool-call', ...parts)
  let id = ''
  for (let index = 0; index < 9; index++) id += ALPHANUMERIC.charAt((bytes[index] ?? 0) % ALPHANUMERIC.length)
  return id
}

/** `chatcmpl-tool-` plus 16 hex, the id shape of the third-party zai-glm models. */
export function openAiStyleToolCallId(...parts: readonly string[]): string {
  return `chatcmpl-tool-${sha256('tool-call', ...parts)
    .toString('hex')
    .slice(0, 16)}`
}

/** Mistral's `p` padding: a prefix of `PADDING` whose length varies per chunk (1–36 characters). */
export function padding(sequence: number): string {
  return PADDING.slice(0, 1 + ((sequence * 7 + 3) % PADDING.length))
}
