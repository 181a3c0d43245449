/**
 * Redaction of secrets (API keys, auth header values) from text we did not write: a server that echoes
 * the request back may send the key as it was, JSON-escaped (`/` as `\/`), URL-encoded or base64-encoded
 * (Basic auth, a JWT-like echo), at any byte alignment inside a longer base64 string. Every form is
 * replaced by `***`. Built once per connection; used only on error paths and received header values.
 */

/** The replacement for every form of a secret. */
export const REDACTED = '***'

/** Shortest secret (or derived form) worth replacing: shorter ones would blank unrelated text. */
const MIN_LENGTH = 4

const keepText = (text: string): string => text

/** A function replacing every known form of each secret in a text. */
export function createRedactor(secrets: ReadonlyArray<string | undefined>): (text: string) => string {
  const forms = new Set<string>()
  for (const secret of secrets) {
    if (secret === undefined || secret.length < MIN_LENGTH) continue
    for (const form of formsOf(secret)) if (form.length >= MIN_LENGTH) forms.add(form)
  }
  if (forms.size === 0) return keepText
  // Longest first, so a form that contains another is replaced whole.
  const pattern = new RegExp(
    [...forms]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|'),
    'g',
  )
  return (text) => (typeof text === 'string' && text.length >= MIN_LENGTH ? text.replace(pattern, REDACTED) : text)
}

function formsOf(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1)
  const url = encodeURIComponent(secret)
  const bytes = new TextEncoder().encode(secret)
  return [
    secret,
    json,
    json.replace(/\//g, '\\/'),
    // Every character as \uXXXX, as some serializers escape non-alphanumerics.
    json.replace(/[^A-Za-z0-9]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`),
    url,
    url.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    url.replace(/%20/g, '+'),
    ...base64Forms(bytes),
  ]
}

/**
 * The base64 (and base64url) text that encodes `bytes` wherever they sit in a longer encoded string:
 * for each of the three byte alignments, the characters fully determined by the secret's bytes.
 */
function base64Forms(bytes: Uint8Array): string[] {
  const forms: string[] = []
  for (let offset = 0; offset < 3; offset++) {
    const padded = new Uint8Array(offset + bytes.length)
    padded.set(bytes, offset)
    const encoded = toBase64(padded)
    // Characters 4⌈offset/3⌉… cover only secret bytes; stop before the last group if it is partial.
    const start = offset === 0 ? 0 : 4
    const end = Math.floor((offset + bytes.length) / 3) * 4
    const whole = encoded.slice(start, end)
    if (whole.length >= 8) forms.push(whole, whole.replace(/\+/g, '-').replace(/\//g, '_'))
    if (offset === 0) forms.push(encoded)
  }
  return forms
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Standard base64 with padding; no Buffer or btoa, so it runs in every runtime. */
function toBase64(bytes: Uint8Array): string {
  let text = ''
  for (let index = 0; index < bytes.length; index += 3) {
    const a = bytes[index] as number
    const b = bytes[index + 1]
    const c = bytes[index + 2]
    const triple = (a << 16) | ((b ?? 0) << 8) | (c ?? 0)
    text += BASE64.charAt((triple >> 18) & 63)
    text += BASE64.charAt((triple >> 12) & 63)
    text += b === undefined ? '=' : BASE64.charAt((triple >> 6) & 63)
    text += c === undefined ? '=' : BASE64.charAt(triple & 63)
  }
  return text
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Replaces secrets (through `redact`) in every field of `error`, in place: message, stack,
 * `raw`, `body`, `headers`, `partial`, any other own field, and the whole `cause` chain (foreign errors
 * too: a fetch failure's cause can quote a header). Returns `error`. Runs once per error that reaches
 * the caller, so a field the class adds later is covered without listing it here.
 */
export function redactError<T>(error: T, redact: (text: string) => string): T {
  redactValue(error, redact, new Set(), 0)
  return error
}

const MAX_REDACT_DEPTH = 12

function redactValue(value: unknown, redact: (text: string) => string, seen: Set<object>, depth: number): unknown {
  if (typeof value === 'string') return redact(value)
  if (typeof value !== 'object' || value === null || seen.has(value) || depth > MAX_REDACT_DEPTH) return value
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value
  seen.add(value)
  const record = value as Record<string | symbol, unknown>
  const names: Array<string> = Object.getOwnPropertyNames(value)
  // message and stack are own properties of an Error; cause too when given. Walk all of them.
  for (const name of names) {
    const descriptor = Object.getOwnPropertyDescriptor(value, name)
    if (descriptor === undefined) continue
    if (!('value' in descriptor)) {
      // An accessor (V8's `stack` on some versions): rewrite through its setter when it has one.
      if (descriptor.set !== undefined && descriptor.get !== undefined) {
        const text = record[name]
        if (typeof text === 'string' && redact(text) !== text) record[name] = redact(text)
      }
      continue
    }
    const before = descriptor.value as unknown
    const after = redactValue(before, redact, seen, depth + 1)
    if (after === before) continue
    if (descriptor.writable === true) record[name] = after
    else if (descriptor.configurable === true) Object.defineProperty(value, name, { ...descriptor, value: after })
  }
  return value
}
