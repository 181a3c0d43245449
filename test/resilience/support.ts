import { stringify } from '../support/text.js'
/** Small helpers shared by the resilience tests (no mocks: they only drive the public client). */
import { inspect } from 'node:util'
import type { ChatCompletion, ChatCompletionChunk, ChatCompletionStream, ClientOptions, Logger } from 'token.js'

/** The two built-in transports: the default node:http one, and fetch (as a user passing their own). */
export const transports: Array<[name: string, options: ClientOptions]> = [
  ['node:http transport', {}],
  ['fetch transport', { fetch: globalThis.fetch }],
]

/** Resolves with what `promise` rejected with; fails if it resolved. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${stringify(value)?.slice(0, 200)}`)
    },
    (error: unknown) => error,
  )
}

export async function collect(iterable: AsyncIterable<ChatCompletionChunk>): Promise<ChatCompletionChunk[]> {
  const chunks: ChatCompletionChunk[] = []
  for await (const chunk of iterable) chunks.push(chunk)
  return chunks
}

/** The text of a completion or of a stream (deltas joined). */
export async function contentOf(result: ChatCompletion | ChatCompletionStream): Promise<string | null | undefined> {
  if (Symbol.asyncIterator in result) {
    const chunks = await collect(result)
    return chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')
  }
  return result.choices[0]?.message.content
}

/** Polls `condition` every 10 ms for up to `ms`; returns its last value. */
export async function waitFor(condition: () => boolean, ms = 3_000): Promise<boolean> {
  for (let waited = 0; waited < ms; waited += 10) {
    if (condition()) return true
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  return condition()
}

export const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Aborts `controller` once `condition` holds (polled every 10 ms), e.g. once the server has received the
 * request: a fixed timer would fire before the request is out on a loaded machine.
 */
export function abortWhen(controller: AbortController, condition: () => boolean, reason?: unknown): void {
  void waitFor(condition).then(() => controller.abort(reason))
}

/** A logger that keeps every line (message and values) as text. */
export function capturingLogger(): { lines: Array<{ level: string; text: string }>; logger: Logger } {
  const lines: Array<{ level: string; text: string }> = []
  const keep =
    (level: string) =>
    (message: string, ...rest: unknown[]): void =>
      void lines.push({ level, text: [message, ...rest.map((value) => inspect(value, { depth: 12 }))].join(' ') })
  return { lines, logger: { error: keep('error'), warn: keep('warn'), info: keep('info'), debug: keep('debug') } }
}
