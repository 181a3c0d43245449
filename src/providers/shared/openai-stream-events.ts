/**
 * The stream rules of OpenAI-format APIs (OpenAI, Mistral, the OpenAI-compatible family), as
 * openai-node reads them (openai/openai-node: `src/core/streaming.ts`): `data: [DONE]` ends the stream;
 * an event named `error`, or a payload with an `error` member (or `object: 'error'`), reports an error;
 * every other event is one JSON chunk.
 */
import type { StreamMapper } from '../../core/provider-adapter.js'

/** A stream mapper from a per-chunk mapper (`undefined` skips the event). */
export function openAIStreamEvents<Chunk>(
  mapChunk: (json: unknown, raw: string) => Chunk | undefined,
): StreamMapper<Chunk> {
  return (event, emit) => {
    const data = event.data
    if (data === '[DONE]') return 'done'
    let json: unknown
    // JSON.parse inline, one call less per chunk; what is not JSON goes to event.json(), whose error names it.
    try {
      json = JSON.parse(data)
    } catch {
      json = event.json()
    }
    if (event.event === 'error') return 'error'
    // An error object, checked inline: this runs once per chunk, and in a fresh process every call counts.
    if (typeof json === 'object' && json !== null) {
      const record = json as Record<string, unknown>
      if ((record.error ?? null) !== null || record.object === 'error') return 'error'
    }
    const chunk = mapChunk(json, data)
    if (chunk !== undefined) emit(chunk)
    return 'more'
  }
}
