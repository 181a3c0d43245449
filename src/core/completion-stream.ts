/**
 * The async iterable `completions.create({ stream: true })` resolves to: OpenAI text-completion chunks
 * (`Completion` objects carrying the new text). It runs on ChunkStream's machinery (chunk-stream.ts), so
 * backpressure, idle timeouts, early-exit cleanup (break, return, throw, abort) and the "a stream that
 * ends early is an error" rule are the same as for chat streams.
 */
import type { Completion } from '../types.js'
import { ChunkStream } from './chunk-stream.js'

/**
 * What `completions.create({ stream: true })` resolves to: iterate it once with `for await` to get
 * `Completion` chunks (each carrying the new text); `controller.abort()` / `abort()` stop it;
 * `finalCompletion()` collects it.
 */
export class CompletionStream extends ChunkStream<Completion> {
  /** Reads the whole stream and returns the Completion it adds up to (text joined per choice, usage kept). */
  async finalCompletion(): Promise<Completion> {
    let result: Completion | undefined
    const choices = new Map<number, Completion['choices'][number]>()
    for await (const chunk of this) {
      result ??= { id: chunk.id, object: 'text_completion', created: chunk.created, model: chunk.model, choices: [] }
      for (const choice of chunk.choices) {
        const joined = choices.get(choice.index)
        if (joined === undefined) choices.set(choice.index, { ...choice })
        else {
          joined.text += choice.text
          if (choice.finish_reason !== null) joined.finish_reason = choice.finish_reason
        }
      }
      if (chunk.usage !== undefined) result.usage = chunk.usage
    }
    if (result === undefined) throw new Error('The stream ended without any chunk.')
    result.choices = [...choices.values()].sort((a, b) => a.index - b.index)
    return result
  }
}
