/**
 * The emulator's deterministic "embedding model": a unit-length vector derived from a hash of the model
 * id and the text, in the requested dimension and dtype. Same input, same vector.
 */
import type { EmbeddingDtype } from './model-types.js'
import { sha256 } from './deterministic-ids.js'

/** Unit-length float vector of `dimensions` values, rounded to 7 decimals (what JSON carries comfortably). */
export function floatVector(model: string, text: string, dimensions: number): number[] {
  const values: number[] = []
  for (let block = 0; values.length < dimensions; block++) {
    const bytes = sha256('embedding', model, text, String(block))
    for (let index = 0; index + 1 < bytes.length && values.length < dimensions; index += 2) {
      values.push(((bytes[index] as number) * 256 + (bytes[index + 1] as number)) / 32767.5 - 1)
    }
  }
  const norm = Math.sqrt(values.reduce((sum, value) => sum + value * value, 0)) || 1
  return values.map((value) => Math.round((value / norm) * 1e7) / 1e7)
}

/**
 * `output_dtype` applied to a float vector (`EmbeddingDtype` in mistralai/platform-docs-public
 * `openapi-public-doc.yaml`; `binary`/`ubinary` pack 8 signs per number).
 */
export function applyDtype(vector: readonly number[], dtype: EmbeddingDtype): number[] {
  switch (dtype) {
    case 'float':
      return [...vector]
    case 'int8':
      return vector.map((value) => Math.max(-128, Math.min(127, Math.round(value * 127))))
    case 'uint8':
      return vector.map((value) => Math.max(0, Math.min(255, Math.round((value + 1) * 127.5))))
    case 'binary':
    case 'ubinary': {
      const packed: number[] = []
      for (let start = 0; start < vector.length; start += 8) {
        let byte = 0
        for (let bit = 0; bit < 8; bit++) byte = (byte << 1) | ((vector[start + bit] ?? -1) > 0 ? 1 : 0)
        packed.push(dtype === 'binary' ? byte - 128 : byte)
      }
      return packed
    }
    default: {
      const unknown: never = dtype
      throw new Error(`unknown dtype ${String(unknown)}`)
    }
  }
}

/** `encoding_format: "base64"` on the wire: float32 little-endian bytes for floats, one byte per value otherwise (assumed). */
export function base64Vector(values: readonly number[], dtype: EmbeddingDtype): string {
  if (dtype !== 'float') return Buffer.from(values.map((value) => value & 0xff)).toString('base64')
  const buffer = Buffer.alloc(values.length * 4)
  values.forEach((value, index) => buffer.writeFloatLE(value, index * 4))
  return buffer.toString('base64')
}
