/**
 * The async iterable `completions.create({ stream: true })` resolves to: OpenAI text-completion chunks
 * (`Completion` objects carrying the new text). It runs on ChatCompletionStream's machinery, so
 * backpressure, idle timeouts, early-exit cleanup (break, return, throw, abort) and the "a stream that
 * ends early is an error" rule are the same as for chat streams.
 */
import type { Completion } from '../types.js'
import type { TokenJSWarning } from './warnings.js'
import { ChatCompletionStream, firstChunk, type StreamOptions } from './chat-completion-stream.js'

/**
 * What `completions.create({ stream: true })` resolves to: iterate it once with `for await` to get
 * `Completion` chunks (each carrying the new text); `controller.abort()` / `abort()` stop it;
 * `finalCompletion()` collects it.
 */
export class CompletionStream implements AsyncIterable<Completion> {
  private readonly stream: ChatCompletionStream<Completion>

  constructor(options: StreamOptions<Completion>) {
    this.stream = new ChatCompletionStream<Completion>(options)
  }

  /** What token.js dropped from the request before sending it (see ChatCompletionStream.warnings). */
  get warnings(): readonly TokenJSWarning[] {
    return this.stream.warnings
  }

  /** Aborting this controller stops the stream and releases the connection (as in openai-node). */
  get controller(): AbortController {
    return this.stream.controller
  }

  /** Stops the stream; a pending or later `next()` ends the loop. */
  abort(): void {
    this.stream.abort()
  }

  /** @internal Fallbacks: see ChatCompletionStream. */
  [firstChunk](): Promise<void> {
    return this.stream[firstChunk]()
  }

  /**
   * Iterates the chunks as they arrive (once: a second iteration throws). Leaving the loop early (break,
   * return, throw) closes the connection.
   */
  [Symbol.asyncIterator](): AsyncIterator<Completion> {
    return this.stream[Symbol.asyncIterator]()
  }

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
