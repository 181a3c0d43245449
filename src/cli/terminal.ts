/** Terminal helpers: colours only on a TTY (and never with NO_COLOR), one-line errors. */
// A namespace import: `styleText` exists from Node 20.12, and a named import would fail to link before that.
import * as util from 'node:util'

type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan' | 'gray'

/** Whether to colour output written to `stream`. */
export function colorEnabled(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0')
    return typeof util.styleText === 'function'
  return isTerminal(stream) && typeof util.styleText === 'function'
}

/** Whether `stream` is a terminal. Node types `isTTY` as boolean, but a pipe or a file has none at all. */
export function isTerminal(stream: { readonly isTTY?: boolean }): boolean {
  return stream.isTTY === true
}

/** Styles `text` for `stream` (stdout by default); plain text when colours are off. */
export function paint(style: Style, text: string, stream: NodeJS.WriteStream = process.stdout): string {
  return colorEnabled(stream) && typeof util.styleText === 'function' ? util.styleText(style, text) : text
}

/** An error the CLI reports as one line, with its exit code (1 runtime, 2 usage). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message)
  }
}

/** Prints `tokenjs: error: …` on stderr. */
export function printError(message: string): void {
  process.stderr.write(`${paint('red', 'tokenjs: error:', process.stderr)} ${message}\n`)
}

/** Left-pads nothing, right-pads cells so columns line up. */
export function renderColumns(rows: readonly (readonly string[])[], gap = 2): string[] {
  const widths: number[] = []
  for (const row of rows)
    row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, visibleLength(cell))))
  return rows.map((row) =>
    row
      .map((cell, index) =>
        index === row.length - 1 ? cell : cell + ' '.repeat((widths[index] ?? 0) - visibleLength(cell) + gap),
      )
      .join(''),
  )
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g

function visibleLength(text: string): number {
  return Array.from(text.replace(ANSI, '')).length
}
