/**
 * `:embedContent` and `:batchEmbedContents`: deterministic unit vectors (the kit's `floatVector`) of
 * the model's length or `outputDimensionality`. Answers are `{embedding:{values}}` and
 * `{embeddings:[{values}]}` (recorded: pydantic/pydantic-ai `TestGoogle.test_query_with_dimensions`).
 */
import { floatVector } from '../embedding-vectors.js'
import { badRequest, invalidArgument, type GeminiErrorReply } from './errors.js'
import type { GeminiEmulatorModel } from './models.js'
import { parseWire } from './parse-wire.js'
import { BATCH_EMBED_CONTENTS_REQUEST, EMBED_CONTENT_REQUEST } from './wire-spec.js'

type Json = Record<string, unknown>
interface EmbedRequest {
  model?: string
  content?: { parts?: { text?: string }[] }
  outputDimensionality?: number
}

export type EmbedVerdict = { ok: true; json: Json; texts: number } | ({ ok: false } & GeminiErrorReply)

const MAX_BATCH = 100

function vector(model: GeminiEmulatorModel, request: EmbedRequest, at: string): number[] | string {
  const parts = request.content?.parts ?? []
  if (request.content === undefined) return `* ${at}.content: content is not specified\n`
  if (parts.length === 0) return `* ${at}.content.parts: contents.parts must not be empty.\n`
  const max = model.embeddingDimensions ?? 768
  const size = request.outputDimensionality ?? max
  if (size < 1 || size > max)
    return `* ${at}.output_dimensionality: output_dimensionality must be between 1 and ${max}.\n`
  const text = parts.map((part) => part.text ?? '').join('')
  return floatVector(model.id, text, size)
}

/** `:embedContent` (single) or `:batchEmbedContents` (list) for `model`. */
export function answerEmbed(body: unknown, model: GeminiEmulatorModel, batch: boolean): EmbedVerdict {
  const parsed = parseWire(body, batch ? BATCH_EMBED_CONTENTS_REQUEST : EMBED_CONTENT_REQUEST)
  if (parsed.violations.length > 0) return { ok: false, ...badRequest(parsed.violations) }
  if (!batch) {
    const values = vector(model, parsed.value, 'EmbedContentRequest')
    return typeof values === 'string'
      ? { ok: false, ...invalidArgument(values) }
      : { ok: true, json: { embedding: { values } }, texts: 1 }
  }
  const requests = (parsed.value.requests ?? []) as EmbedRequest[]
  if (requests.length === 0)
    return { ok: false, ...invalidArgument('* BatchEmbedContentsRequest.requests: requests is not specified\n') }
  // Recorded: vercel/ai fixtures google-embedding-batch-limit-error.json.
  if (requests.length > MAX_BATCH)
    return {
      ok: false,
      ...invalidArgument(`* BatchEmbedContentsRequest.requests: at most ${MAX_BATCH} requests can be in one batch\n`),
    }
  const embeddings: Json[] = []
  for (const [index, request] of requests.entries()) {
    const at = `BatchEmbedContentsRequest.requests[${index}]`
    if (request.model !== undefined && request.model !== `models/${model.id}`)
      return {
        ok: false,
        ...invalidArgument(`* ${at}.model: model must be the same as the batch model models/${model.id}\n`),
      }
    const values = vector(model, request, at)
    if (typeof values === 'string') return { ok: false, ...invalidArgument(values) }
    embeddings.push({ values })
  }
  return { ok: true, json: { embeddings }, texts: requests.length }
}
