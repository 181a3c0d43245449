/**
 * The emulator's deterministic "embedding model": texts become weighted features (words, a few
 * meaning groups, word pairs, character trigrams; embedding-features.ts), each feature a fixed pseudo-random
 * direction (seeded by the model id and the feature), summed and scaled to unit length. Texts that share
 * words or meanings point the same way, so cosine similarity follows the text: "The cat sat on the mat."
 * and "A feline rested on the rug." score far higher than either with an unrelated sentence. Same model and
 * text, same vector; another model, other directions.
 */
import type { EmbeddingDtype } from './model-types.js'
import { sha256 } from './deterministic-ids.js'
import { textFeatures } from './embedding-features.js'

/** xorshift128: a fast deterministic stream of 32-bit values from a 16-byte seed. */
function directionInto(sum: Float64Array, seed: Uint8Array, weight: number): void {
  const view = new DataView(seed.buffer, seed.byteOffset, 16)
  let x = view.getUint32(0) | 1
  let y = view.getUint32(4)
  let z = view.getUint32(8)
  let w = view.getUint32(12)
  for (let index = 0; index < sum.length; index++) {
    const t = x ^ (x << 11)
    x = y
    y = z
    z = w
    w = (w ^ (w >>> 19) ^ (t ^ (t >>> 8))) >>> 0
    // Uniform in [-1, 1): independent features are nearly orthogonal (cosine ~ 1/sqrt(dimensions)).
    sum[index] = (sum[index] as number) + weight * (w / 2147483648 - 1)
  }
}

/** Unit-length float vector of `dimensions` values, rounded to 7 decimals (what JSON carries comfortably). */
export function floatVector(model: string, text: string, dimensions: number): number[] {
  const sum = new Float64Array(dimensions)
  for (const [feature, weight] of textFeatures(text)) directionInto(sum, sha256('embedding', model, feature), weight)
  let norm = 0
  for (const value of sum) norm += value * value
  norm = Math.sqrt(norm) || 1
  return Array.from(sum, (value) => Math.round((value / norm) * 1e7) / 1e7)
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
