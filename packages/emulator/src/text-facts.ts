/**
 * What the emulated model "reads" in the user's text to fill tool arguments and `json_schema` answers:
 * numbers, quoted phrases, capitalised names (with the preposition before them: "in Paris", "from New
 * York"), e-mail addresses, URLs and ISO dates. Pure and deterministic: the same text gives the same facts.
 */

/** A capitalised name (`Paris`, `New York`) or, in lower-case text, the words after a preposition. */
export interface TextPhrase {
  readonly text: string
  /** The lower-case word before it (`in`, `from`, `to`…), or `''`. */
  readonly before: string
  /** `name`: capitalised inside a sentence; `start`: capitalised first word of a sentence; `after`: words after a preposition. */
  readonly kind: 'name' | 'start' | 'after'
}

export interface TextNumber {
  readonly value: number
  /** Lower-case words just before and after the number ("for 4 people" → `for`, `people`). */
  readonly before: string
  readonly after: string
}

export interface TextFacts {
  /** The text trimmed, at most 200 code points. */
  readonly text: string
  readonly numbers: readonly TextNumber[]
  readonly quoted: readonly string[]
  readonly phrases: readonly TextPhrase[]
  readonly emails: readonly string[]
  readonly urls: readonly string[]
  readonly dates: readonly string[]
}

const PREPOSITIONS = new Set([
  'in',
  'at',
  'for',
  'to',
  'from',
  'near',
  'about',
  'of',
  'on',
  'into',
  'via',
  'called',
  'named',
])

/** Words that are never a value on their own (question words, fillers, time words, pronouns). */
const STOP_WORDS = new Set(
  (
    'a an the and or but if then so of in at for to from near about on into via with without by as is are was were be ' +
    "been am do does did can could would should will shall may might must what whats what's which who whom whose when " +
    "where why how please tell me my mine i you your we our us it its it's this that these those there here today " +
    'tomorrow yesterday now right currently current like get give show find let know use call using called named ' +
    'hi hello hey thanks thank any some all ' +
    // Imperatives that open a request ("Compare Paris and Rome"), so they do not join the name after them.
    'compare book search send email set create make list check translate summarize summarise write add remove ' +
    'delete cancel order schedule remind open play buy convert calculate extract explain describe draft fetch ' +
    'lookup look plan reserve rename update post ask reply'
  ).split(' '),
)

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  twenty: 20,
  hundred: 100,
  dozen: 12,
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu

interface Token {
  readonly word: string
  readonly start: number
  readonly end: number
  /** The first word of the text or of a sentence (after `.`, `!`, `?`, a line break). */
  readonly sentenceStart: boolean
}

function tokens(text: string): Token[] {
  const result: Token[] = []
  for (const match of text.matchAll(WORD)) {
    const start = match.index
    const word = match[0].replace(/[.'’-]+$/u, '')
    const before = text.slice(0, start).trimEnd()
    result.push({ word, start, end: start + word.length, sentenceStart: before === '' || /[.!?:\n]$/u.test(before) })
  }
  return result
}

const capitalised = (word: string): boolean => /^\p{Lu}/u.test(word) && word !== 'I'

function phrasesOf(source: string, list: readonly Token[]): TextPhrase[] {
  const phrases: TextPhrase[] = []
  for (let index = 0; index < list.length; index++) {
    const token = list[index] as Token
    const before = index > 0 ? (list[index - 1] as Token).word.toLowerCase() : ''
    if (capitalised(token.word) && !STOP_WORDS.has(token.word.toLowerCase())) {
      let end = index
      // A name runs over capitalised words with only spaces between them ("New York", not "Paris, Rome").
      while (
        end + 1 < list.length &&
        capitalised((list[end + 1] as Token).word) &&
        !STOP_WORDS.has((list[end + 1] as Token).word.toLowerCase()) &&
        /^\s+$/u.test(source.slice((list[end] as Token).end, (list[end + 1] as Token).start))
      )
        end++
      const text = list
        .slice(index, end + 1)
        .map((item) => item.word)
        .join(' ')
      phrases.push({ text, before, kind: token.sentenceStart ? 'start' : 'name' })
      index = end
      continue
    }
    if (PREPOSITIONS.has(token.word.toLowerCase())) {
      const words: string[] = []
      for (let next = index + 1; next < list.length && words.length < 3; next++) {
        const word = (list[next] as Token).word
        if (STOP_WORDS.has(word.toLowerCase()) || /^\d/u.test(word) || capitalised(word)) break
        words.push(word)
      }
      if (words.length > 0) phrases.push({ text: words.join(' '), before: token.word.toLowerCase(), kind: 'after' })
    }
  }
  return phrases
}

function numbersOf(text: string, list: readonly Token[]): TextNumber[] {
  const numbers: TextNumber[] = []
  const around = (start: number, end: number): { before: string; after: string } => {
    const previous = [...list].reverse().find((token) => token.end <= start)
    const next = list.find((token) => token.start >= end && !/^\d/u.test(token.word))
    return { before: previous?.word.toLowerCase() ?? '', after: next?.word.toLowerCase() ?? '' }
  }
  // Digits, with thousands separators ("1,000") and decimals ("2.5"); not the digits inside a date or an id.
  for (const match of text.matchAll(
    /(?<![\p{L}\d.-])-?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d-])|(?<![\p{L}\d.-])-?\d+(?:\.\d+)?(?![\p{L}\d-]|\.\d)/gu,
  )) {
    const value = Number(match[0].replaceAll(',', ''))
    if (Number.isFinite(value)) numbers.push({ value, ...around(match.index, match.index + match[0].length) })
  }
  for (const [position, token] of list.entries()) {
    const value = NUMBER_WORDS[token.word.toLowerCase()]
    if (value === undefined) continue
    numbers.push({
      value,
      before: position > 0 ? (list[position - 1] as Token).word.toLowerCase() : '',
      after: list[position + 1]?.word.toLowerCase() ?? '',
    })
  }
  return numbers
}

/** The facts of `text` (the last user message). */
export function textFacts(text: string): TextFacts {
  const trimmed = Array.from(text.trim()).slice(0, 200).join('')
  const list = tokens(trimmed)
  const quoted = [
    ...trimmed.matchAll(/"([^"\n]{1,200})"|“([^”\n]{1,200})”|(?<=^|\s)'([^'\n]{1,200})'(?=$|[\s.,!?;:])/gu),
  ].map((match) => (match[1] ?? match[2] ?? match[3] ?? '').trim())
  return {
    text: trimmed,
    numbers: numbersOf(trimmed, list),
    quoted: quoted.filter((phrase) => phrase.length > 0),
    phrases: phrasesOf(trimmed, list),
    emails: [...trimmed.matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu)].map((match) => match[0]),
    urls: [...trimmed.matchAll(/https?:\/\/[^\s"'<>]+/gu)].map((match) => match[0].replace(/[.,!?;:)]+$/u, '')),
    dates: [...trimmed.matchAll(/\b\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})?)?\b/gu)].map(
      (match) => match[0],
    ),
  }
}
