/**
 * The features of a text for the emulator's embeddings, with weights: each word (lower case, a plural or
 * `-ing`/`-ed` ending trimmed), the meaning group of a word (embedding-lexicon.ts) weighted most, pairs of
 * neighbouring words (word order), and character trigrams (spelling: "password" is close to "passwords").
 * Function words ("the", "on") weigh little, so two sentences do not look alike for sharing them.
 */
import { meaningGroup } from './embedding-lexicon.js'

const FUNCTION_WORDS = new Set(
  (
    'a an the and or but if then so of in at for to from on onto into by with without as is are was were be been ' +
    "am do does did it its it's this that these those there here i me my you your he she him her his we us our " +
    'they them their what which who how when where why can could would should will shall may might must not no'
  ).split(' '),
)

const WEIGHTS = { group: 1.5, word: 0.6, functionWord: 0.12, pair: 0.3, trigram: 0.18 } as const

/** A plural, `-ing` or `-ed` ending trimmed from longer words: `passwords` → `password`, `resting` → `rest`. */
export function stem(word: string): string {
  if (word.length <= 4) return word
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`
  if (word.endsWith('sses')) return word.slice(0, -2)
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3)
  if (word.endsWith('ed') && word.length > 5) return word.slice(0, -2)
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1)
  return word
}

/** Feature → summed weight. An empty or wordless text has one feature: the text itself. */
export function textFeatures(text: string): Map<string, number> {
  const features = new Map<string, number>()
  const add = (feature: string, weight: number): void =>
    void features.set(feature, (features.get(feature) ?? 0) + weight)
  const words = (
    text
      .toLowerCase()
      .normalize('NFKC')
      .match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []
  ).map((word) => word.replace(/['’]s$/u, ''))
  let previous: string | undefined
  for (const word of words) {
    if (FUNCTION_WORDS.has(word)) {
      add(`w:${word}`, WEIGHTS.functionWord)
      previous = undefined
      continue
    }
    const base = stem(word)
    add(`w:${base}`, WEIGHTS.word)
    const group = meaningGroup(word) ?? meaningGroup(base)
    if (group !== undefined) add(`g:${group}`, WEIGHTS.group)
    if (previous !== undefined) add(`p:${previous} ${base}`, WEIGHTS.pair)
    previous = base
    const padded = `#${base}#`
    for (let start = 0; start + 3 <= padded.length; start++) add(`c:${padded.slice(start, start + 3)}`, WEIGHTS.trigram)
  }
  if (features.size === 0) add(`t:${text}`, 1)
  return features
}
