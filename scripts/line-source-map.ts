/**
 * Shrinks a source map to line precision: per generated line, one segment each time the original
 * (file, line) changes; no names, no original columns. What is left is what a stack trace reads (Node's
 * `--enable-source-maps` maps a frame to the nearest preceding segment), at ~1/5 of the full map: a full
 * map of the library was ~190 KB, a line map ~40 KB. The library keeps its function and class names
 * (only locals are shortened), so frames need no `names` (the format is the Source Map Revision 3
 * Proposal, https://tc39.es/source-map/).
 */

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Decodes one segment's Base64 VLQ fields. */
function decodeSegment(text: string): number[] {
  const fields: number[] = []
  let value = 0
  let shift = 0
  for (const character of text) {
    const digit = BASE64.indexOf(character)
    if (digit < 0) throw new Error(`source map: '${character}' is not a Base64 VLQ digit`)
    value += (digit & 31) * 2 ** shift
    if (digit & 32) {
      shift += 5
      continue
    }
    fields.push(value % 2 === 1 ? -Math.floor(value / 2) : Math.floor(value / 2))
    value = 0
    shift = 0
  }
  return fields
}

function encodeValue(value: number): string {
  let rest = value < 0 ? -value * 2 + 1 : value * 2
  let text = ''
  do {
    let digit = rest & 31
    rest = Math.floor(rest / 32)
    if (rest > 0) digit |= 32
    text += BASE64.charAt(digit)
  } while (rest > 0)
  return text
}

interface SourceMap {
  readonly version: number
  readonly sources: readonly string[]
  readonly mappings: string
  readonly file?: string
}

/** The map of `json` reduced to line precision (see the header). */
export function toLineSourceMap(json: string): string {
  const map = JSON.parse(json) as SourceMap
  let source = 0
  let line = 0
  let outSource = 0
  let outLine = 0
  const lines = map.mappings.split(';').map((generated) => {
    let column = 0
    let outColumn = 0
    let previous: string | undefined
    const kept: string[] = []
    for (const segment of generated === '' ? [] : generated.split(',')) {
      const fields = decodeSegment(segment)
      column += fields[0] ?? 0
      if (fields.length < 4) continue
      source += fields[1] ?? 0
      line += fields[2] ?? 0
      const key = `${source}:${line}`
      if (key === previous) continue
      previous = key
      kept.push(encodeValue(column - outColumn) + encodeValue(source - outSource) + encodeValue(line - outLine) + 'A')
      outColumn = column
      outSource = source
      outLine = line
    }
    return kept.join(',')
  })
  const root = commonDirectory(map.sources)
  const sources = map.sources.map((source) => source.slice(root.length))
  const shared = root === '' ? {} : { sourceRoot: root }
  return JSON.stringify({ version: 3, file: map.file, ...shared, sources, names: [], mappings: lines.join(';') })
}

/**
 * The directory prefix all `sources` share (`../../src/`), written once as `sourceRoot`, which consumers
 * prepend to each entry (Node's source-map support and browsers alike): ~10 bytes per source saved.
 */
function commonDirectory(sources: readonly string[]): string {
  let prefix = sources[0] ?? ''
  for (const source of sources) {
    while (!source.startsWith(prefix)) prefix = prefix.slice(0, -1)
  }
  return prefix.slice(0, prefix.lastIndexOf('/') + 1)
}
