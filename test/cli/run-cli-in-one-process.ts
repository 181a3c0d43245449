/**
 * Runs `tokenjs` invocations one after another in this one process (started by run-file.ts as
 * `node --import tsx`), so the CLI tests pay for one tsx start instead of one per case. Each request
 * arrives over the IPC channel as `{ id, argv, env }`; the CLI's `main(argv)` runs with that environment
 * and its stdout and stderr captured apart, and the answer is `{ id, code, stdout, stderr }`. Stdin is
 * closed, so a case that would read a piped prompt reads nothing; cases that need stdin or their own
 * working directory run in a process of their own (cli.test.ts decides).
 */
import { inspect } from 'node:util'
import { main } from '../../src/cli/main.js'

interface Request {
  readonly id: number
  readonly argv: string[]
  readonly env: NodeJS.ProcessEnv
}

let current = { stdout: '', stderr: '' }

/** Replaces `stream.write` so what it receives lands in the current capture (the callback still runs). */
function capture(stream: NodeJS.WriteStream, key: 'stdout' | 'stderr'): void {
  stream.write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
    current[key] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
    const callback = rest.find((argument) => typeof argument === 'function') as (() => void) | undefined
    callback?.()
    return true
  }
}

capture(process.stdout, 'stdout')
capture(process.stderr, 'stderr')

// One invocation at a time: the environment and the captures are process-wide.
let queue: Promise<void> = Promise.resolve()
process.on('message', (request: Request) => {
  queue = queue.then(async () => {
    current = { stdout: '', stderr: '' }
    process.env = { ...request.env }
    let code: number
    try {
      code = await main(request.argv)
    } catch (error) {
      code = 1
      current.stderr += `${inspect(error)}\n`
    }
    process.send?.({ id: request.id, code, ...current })
  })
})
process.on('disconnect', () => process.exit(0))
process.send?.({ ready: true })
