/**
 * What `chat.completions.create({ stream: true })` resolves to: the shared ChunkStream machinery over
 * chat chunks, plus `finalCompletion()` that adds them up to a ChatCompletion.
 */
import type { ChatCompletion, ChatCompletionChunk } from '../types.js'
import { ChunkAccumulator } from './accumulate-chunks.js'
import { ChunkStream } from './chunk-stream.js'

/**
 * What `chat.completions.create({ stream: true })` resolves to: iterate it once with `for await` to get
 * OpenAI chunks; `controller.abort()` / `abort()` stop it; `finalCompletion()` collects it.
 */
export class ChatCompletionStream extends ChunkStream<ChatCompletionChunk> {
  /** Reads the whole stream and returns the ChatCompletion it adds up to (tool calls and usage assembled). */
  async finalCompletion(): Promise<ChatCompletion> {
    const accumulator = new ChunkAccumulator()
    for await (const chunk of this) accumulator.add(chunk)
    return accumulator.result()
  }
}
