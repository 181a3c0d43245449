/**
 * Runs example files one after another in this one process (started by run-file.ts as
 * `node --import tsx`, as a user runs an example), so the suite pays for one tsx start instead of one
 * per example. Each file's stdout and stderr are captured apart; a file whose top-level code throws
 * gets code 1 and the error on its stderr, as Node would print it. Writes one JSON line of
 * `Record<file, { code, stdout, stderr }>` to the real stdout at the end.
 */
import { inspect } from 'node:util'
import { pathToFileURL } from 'node:url'
import { resolve } from 'node:path'

interface Captured {
  code: number
  stdout: string
  stderr: string
}

type Write = typeof process.stdout.write

/** Replaces `stream.write` so what it receives lands in `sink` (and the callback still runs). */
function capture(stream: NodeJS.WriteStream, sink: (text: string) => void): Write {
  const original: Write = stream.write.bind(stream)
  stream.write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
    sink(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))
    const callback = rest.find((argument) => typeof argument === 'function') as (() => void) | undefined
    callback?.()
    return true
  }
  return original
}

let current: Captured = { code: 0, stdout: '', stderr: '' }
const stdout = capture(process.stdout, (text) => (current.stdout += text))
capture(process.stderr, (text) => (current.stderr += text))

// A promise an example left floating fails that example, not the runner.
process.on('unhandledRejection', (error) => {
  current.code = 1
  current.stderr += `${inspect(error)}\n`
})

const results: Record<string, Captured> = {}
for (const file of process.argv.slice(2)) {
  current = { code: 0, stdout: '', stderr: '' }
  results[file] = current
  try {
    await import(pathToFileURL(resolve(file)).href)
  } catch (error) {
    current.code = 1
    current.stderr += `${inspect(error)}\n`
  }
}
// Exit once written: an example may leave keep-alive sockets open, which would only delay the end.
stdout(`${JSON.stringify(results)}\n`, () => process.exit(0))
