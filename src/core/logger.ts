/**
 * Log levels and the logger shape, as openai-node has them (github.com/openai/openai-node
 * src/internal/utils/log.ts, commit 7b7d6ca, 2026-08-21): `logLevel` 'off' | 'error' | 'warn' | 'info' |
 * 'debug', a `logger` with those four methods (console by default), and an environment variable
 * (`TOKENJS_LOG`, as `OPENAI_LOG`). What token.js logs: at `info` one line per response, retry, failure and
 * stream end; at `debug` the request (method, URL, headers with secrets as `***`, body) and the response
 * headers; at `warn` a hook that threw. The API key is never in a line.
 * The types are public; the functions run only once something is observed (loaded with the observer).
 */

/** How much the client logs: `'off'` nothing, then each level adds to the one before. Default `'warn'`. */
export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug'

/** A log function: a message and values to print beside it (as `console.log(message, ...rest)`). */
export type LogFn = (message: string, ...rest: unknown[]) => void

/** Where log lines go: openai-node's Logger shape, which `console`, pino and winston loggers fit. */
export interface Logger {
  /** Used at level `error` and above; token.js writes nothing here today (a failed call is an `info` line). */
  error: LogFn
  /** Used at level `warn` (the default) and above: a hook that threw. */
  warn: LogFn
  /** Used at level `info` and above: one line per response, retry, failure and stream end. */
  info: LogFn
  /** Used at level `debug`: each request (secrets as `***`), its response headers, the first chunk's delay. */
  debug: LogFn
}

/** The levels in order; a message is logged when its level's rank is at most the configured one's. */
export const LOG_LEVEL_RANK: Readonly<Record<LogLevel, number>> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 }

const noop: LogFn = () => undefined

/**
 * `logger` with the methods above `level` replaced by a no-op. A method that throws loses its line and
 * nothing else: logging must never change a request's outcome.
 */
export function levelledLogger(logger: Logger, level: LogLevel): Logger {
  const rank = LOG_LEVEL_RANK[level]
  const method = (name: Exclude<LogLevel, 'off'>): LogFn => {
    if (LOG_LEVEL_RANK[name] > rank) return noop
    return (message, ...rest) => {
      try {
        logger[name](message, ...rest)
      } catch {
        // The logger is the one place a failure cannot be reported; the request goes on.
      }
    }
  }
  return { error: method('error'), warn: method('warn'), info: method('info'), debug: method('debug') }
}
