/**
 * A vector as OpenAI's `encoding_format: 'base64'` carries it: the base64 text of its float32
 * little-endian bytes. Runtime-independent (no Buffer, no btoa), so it works in browsers and edge runtimes.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

export function float32Base64(values: readonly number[]): string {
  const bytes = new Uint8Array(values.length * 4)
  const view = new DataView(bytes.buffer)
  for (let index = 0; index < values.length; index++) view.setFloat32(index * 4, values[index] as number, true)
  return base64(bytes)
}

function base64(bytes: Uint8Array): string {
  let out = ''
  let index = 0
  for (; index + 2 < bytes.length; index += 3) {
    const triple = ((bytes[index] as number) << 16) | ((bytes[index + 1] as number) << 8) | (bytes[index + 2] as number)
    out += ALPHABET[triple >> 18] as string
    out += ALPHABET[(triple >> 12) & 63] as string
    out += ALPHABET[(triple >> 6) & 63] as string
    out += ALPHABET[triple & 63] as string
  }
  const rest = bytes.length - index
  if (rest === 1) {
    const value = (bytes[index] as number) << 16
    out += `${ALPHABET[value >> 18] as string}${ALPHABET[(value >> 12) & 63] as string}==`
  } else if (rest === 2) {
    const value = ((bytes[index] as number) << 16) | ((bytes[index + 1] as number) << 8)
    out += `${ALPHABET[value >> 18] as string}${ALPHABET[(value >> 12) & 63] as string}${ALPHABET[(value >> 6) & 63] as string}=`
  }
  return out
}
