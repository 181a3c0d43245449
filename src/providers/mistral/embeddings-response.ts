/** Mistral's embeddings response → OpenAI's CreateEmbeddingResponse (base64 encoded here when asked). */
import type { EmbeddingsResponseContext } from '../../core/provider-adapter.js'
import { float32Base64 } from '../../core/float32-base64.js'
import { ResponseParseError } from '../../errors.js'
import type { CreateEmbeddingResponse, Embedding } from '../../types.js'

interface MistralEmbeddingsResponse {
  model?: string
  data?: Array<{ index?: number; embedding?: unknown }>
  usage?: { prompt_tokens?: number; total_tokens?: number } | null
}

export function fromMistralEmbeddingsResponse(
  json: unknown,
  raw: string,
  context: EmbeddingsResponseContext,
): CreateEmbeddingResponse {
  const response = json as MistralEmbeddingsResponse
  if (typeof json !== 'object' || json === null || !Array.isArray(response.data)) {
    throw new ResponseParseError(`${context.provider} returned an embeddings response without 'data'.`, raw)
  }
  const data: Embedding[] = response.data.map((entry, position) => {
    const vector = entry.embedding
    if (!Array.isArray(vector) || !vector.every((value) => typeof value === 'number')) {
      throw new ResponseParseError(
        `${context.provider} returned an embedding that is not an array of numbers (data[${position}]).`,
        raw,
      )
    }
    const numbers = vector
    return {
      object: 'embedding',
      index: (typeof entry.index === 'number' ? entry.index : position) + context.indexOffset,
      embedding: context.encodingFormat === 'base64' ? float32Base64(numbers) : numbers,
    }
  })
  data.sort((a, b) => a.index - b.index)
  const prompt = response.usage?.prompt_tokens ?? 0
  return {
    object: 'list',
    data,
    model: response.model ?? context.model,
    usage: { prompt_tokens: prompt, total_tokens: response.usage?.total_tokens ?? prompt },
  }
}
