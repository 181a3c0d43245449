/**
 * Values for a schema property taken from the user's text (`textFacts`): the property's name says what
 * kind of value it wants (a place, a name, a search text…), the text says which. Used by
 * `jsonSchemaInstance(schema, text)` for tool arguments and `json_schema` answers, so "What's the weather
 * in Paris?" gives `{"city":"Paris"}`. Deterministic; each phrase and number is used once while others remain.
 */
import type { TextFacts, TextNumber, TextPhrase } from './text-facts.js'

/** The facts of one text plus what earlier properties already took. */
export interface TextContext {
  readonly facts: TextFacts
  readonly usedPhrases: Set<string>
  readonly usedNumbers: Set<TextNumber>
}

type Kind = 'query' | 'place' | 'name' | 'other'

const KINDS: Readonly<Record<Exclude<Kind, 'other'>, ReadonlySet<string>>> = {
  query: new Set(
    'query q search text prompt question message input content body description topic keywords keyword term terms instructions request subject note comment task'.split(
      ' ',
    ),
  ),
  place: new Set(
    'city location place country region destination origin address town state area where venue departure arrival from to province locality'.split(
      ' ',
    ),
  ),
  name: new Set(
    'name person user username title company product author artist recipient contact team customer owner who brand item'.split(
      ' ',
    ),
  ),
}

/** The words of a property name: `departureCity` → `departure`, `city`; `zip_code` → `zip`, `code`. */
export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0)
}

function kindOf(key: string): Kind {
  const words = keyWords(key)
  // The last word names the thing (`city_name` is a name, `search_location` a place); any word decides otherwise.
  for (const candidate of [words[words.length - 1], ...words]) {
    if (candidate === undefined) continue
    if (KINDS.place.has(candidate)) return 'place'
    if (KINDS.query.has(candidate)) return 'query'
    if (KINDS.name.has(candidate)) return 'name'
  }
  return 'other'
}

/** Prepositions that introduce the place a key wants, best first. */
function placePrepositions(key: string): readonly string[] {
  const words = new Set(keyWords(key))
  if (['origin', 'from', 'departure', 'source', 'start'].some((word) => words.has(word))) return ['from']
  if (['destination', 'to', 'arrival', 'target', 'end'].some((word) => words.has(word))) return ['to', 'for']
  return ['in', 'at', 'near', 'for', 'to', 'from', 'of']
}

function take(context: TextContext, phrase: TextPhrase | string | undefined): string | undefined {
  if (phrase === undefined) return undefined
  const text = typeof phrase === 'string' ? phrase : phrase.text
  context.usedPhrases.add(text)
  return text
}

function unused(context: TextContext, test: (phrase: TextPhrase) => boolean): TextPhrase | undefined {
  return context.facts.phrases.find((phrase) => !context.usedPhrases.has(phrase.text) && test(phrase))
}

function place(key: string, context: TextContext): string | undefined {
  for (const preposition of placePrepositions(key)) {
    const found = unused(context, (phrase) => phrase.kind === 'name' && phrase.before === preposition)
    if (found !== undefined) return take(context, found)
  }
  const named =
    unused(context, (phrase) => phrase.kind === 'name') ?? unused(context, (phrase) => phrase.kind === 'start')
  if (named !== undefined) return take(context, named)
  for (const preposition of placePrepositions(key)) {
    const found = unused(context, (phrase) => phrase.kind === 'after' && phrase.before === preposition)
    if (found !== undefined) return take(context, found)
  }
  return undefined
}

/**
 * The string the text gives for `key`, or `undefined` when it gives none (the caller then keeps its own
 * default). Formats first (`email`, `uri`, `date`, `date-time`), then by the kind of key.
 */
export function stringFromText(key: string, format: unknown, context: TextContext): string | undefined {
  const { facts } = context
  if (facts.text === '') return undefined
  if (format === 'email') return facts.emails[0]
  if (format === 'uri' || format === 'url') return facts.urls[0]
  if (format === 'date') return facts.dates.map((date) => date.slice(0, 10))[0]
  if (format === 'date-time') return facts.dates.find((date) => date.includes('T'))
  const words = keyWords(key)
  if (words.includes('email')) return facts.emails[0]
  if (words.includes('url') || words.includes('link')) return facts.urls[0]
  const quoted = facts.quoted.find((phrase) => !context.usedPhrases.has(phrase))
  const kind = kindOf(key)
  switch (kind) {
    case 'query':
      return quoted === undefined ? facts.text : take(context, quoted)
    case 'place':
      return place(key, context) ?? take(context, quoted)
    case 'name':
      return take(
        context,
        quoted ??
          unused(context, (phrase) => phrase.kind === 'name') ??
          unused(context, (phrase) => phrase.kind === 'start'),
      )
    case 'other':
      return take(context, quoted ?? unused(context, (phrase) => phrase.kind === 'name')) ?? facts.text
    default: {
      const unknown: never = kind
      throw new Error(`unknown kind ${String(unknown)}`)
    }
  }
}

/** A fixed, plausible value for a kind of key the text says nothing about (`city` → `Paris`), else `undefined`. */
export function plausibleDefault(key: string): string | undefined {
  const words = keyWords(key)
  if (words.includes('email')) return 'user@example.com'
  if (words.includes('url') || words.includes('link')) return 'https://example.com'
  const kind = kindOf(key)
  if (kind === 'place') return 'Paris'
  if (kind === 'name') return 'Alex'
  return undefined
}

/** Whether a number sits next to a word of the key ("for 4 people" and `people`/`guests`…). */
function nextToKey(number: TextNumber, key: string): boolean {
  const words = keyWords(key)
  const stem = (word: string): string => word.slice(0, 4)
  return words.some(
    (word) =>
      word.length >= 3 && [number.before, number.after].some((near) => near.length >= 3 && stem(near) === stem(word)),
  )
}

/** A number from the text for `key` within `[minimum, maximum]` (integral when `integer`), or `undefined`. */
export function numberFromText(
  key: string,
  bounds: {
    readonly integer: boolean
    readonly minimum?: number | undefined
    readonly maximum?: number | undefined
    readonly exclusiveMinimum?: number | undefined
    readonly exclusiveMaximum?: number | undefined
  },
  context: TextContext,
): number | undefined {
  const fits = (number: TextNumber): boolean =>
    !context.usedNumbers.has(number) &&
    (!bounds.integer || Number.isInteger(number.value)) &&
    (bounds.minimum === undefined || number.value >= bounds.minimum) &&
    (bounds.maximum === undefined || number.value <= bounds.maximum) &&
    (bounds.exclusiveMinimum === undefined || number.value > bounds.exclusiveMinimum) &&
    (bounds.exclusiveMaximum === undefined || number.value < bounds.exclusiveMaximum)
  const candidates = context.facts.numbers.filter(fits)
  const chosen = candidates.find((number) => nextToKey(number, key)) ?? candidates[0]
  if (chosen === undefined) return undefined
  context.usedNumbers.add(chosen)
  return chosen.value
}

/** The enum value the text mentions (whole word, case-insensitive; `_`/`-` read as spaces), else `undefined`. */
export function enumFromText(values: readonly unknown[], context: TextContext): unknown {
  const text = ` ${context.facts.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `
  return values.find((value) => {
    if (typeof value === 'number') return context.facts.numbers.some((number) => number.value === value)
    if (typeof value !== 'string' || value === '') return false
    const words = value
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
    return words !== '' && text.includes(` ${words} `)
  })
}

/** How many unused capitalised names are left (a list of strings takes them all). */
export function namesLeft(context: TextContext): number {
  return context.facts.phrases.filter((phrase) => phrase.kind === 'name' && !context.usedPhrases.has(phrase.text))
    .length
}
