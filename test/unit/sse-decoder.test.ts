import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SSEDecoder } from '../../src/core/sse-decoder.js'

const encoder = new TextEncoder()

/** What the decoder hands its handler, as one value for comparisons. */
interface DecodedEvent {
  event: string
  data: string
}

/** Feeds one chunk through `pushTo`; returns the events it completed, in order. */
function push(decoder: SSEDecoder, chunk: Uint8Array | string): DecodedEvent[] {
  const events: DecodedEvent[] = []
  decoder.pushTo(chunk, (data, event) => events.push({ event, data }))
  return events
}

/** Ends the stream through `endTo`; returns the final event, if any. */
function end(decoder: SSEDecoder): DecodedEvent[] {
  const events: DecodedEvent[] = []
  decoder.endTo((data, event) => events.push({ event, data }))
  return events
}

/** Feeds every chunk, then ends the stream; returns all events in order. */
function decodeAll(chunks: readonly (Uint8Array | string)[]): DecodedEvent[] {
  const decoder = new SSEDecoder()
  const events = chunks.flatMap((chunk) => push(decoder, chunk))
  return [...events, ...end(decoder)]
}

/** Splits `input` at the given offsets (any order, duplicates allowed). */
function splitAt<T extends Uint8Array | string>(input: T, offsets: readonly number[]): T[] {
  const points = [...new Set(offsets)].sort((left, right) => left - right)
  const pieces: T[] = []
  let start = 0
  for (const point of [...points, input.length]) {
    pieces.push(input.slice(start, point) as T)
    start = point
  }
  return pieces
}

const message = (data: string, extra: Partial<DecodedEvent> = {}): DecodedEvent => ({
  event: '',
  data,
  ...extra,
})

describe('SSEDecoder line endings', () => {
  it.each([
    ['LF', 'data: a\n\ndata: b\n\n'],
    ['CR', 'data: a\r\rdata: b\r\r'],
    ['CRLF', 'data: a\r\n\r\ndata: b\r\n\r\n'],
    ['mixed', 'data: a\r\n\rdata: b\n\r\n'],
  ])('splits lines on %s', (_name, stream) => {
    expect(decodeAll([stream])).toEqual([message('a'), message('b')])
  })

  it('treats CR at the end of one push and LF at the start of the next as one line ending', () => {
    const decoder = new SSEDecoder()
    expect(push(decoder, 'data: a\r')).toEqual([])
    expect(push(decoder, '\n\r')).toEqual([message('a')])
    expect(push(decoder, '\ndata: b\r\n')).toEqual([])
    expect(push(decoder, '\r\n')).toEqual([message('b')])
    expect(end(decoder)).toEqual([])
  })

  it('dispatches on a trailing CR without waiting for the next push', () => {
    const decoder = new SSEDecoder()
    expect(push(decoder, 'data: a\r\r')).toEqual([message('a')])
  })

  it('still skips the LF of a split CRLF after empty pushes', () => {
    const decoder = new SSEDecoder()
    push(decoder, 'data: a\r')
    expect(push(decoder, '')).toEqual([])
    expect(push(decoder, new Uint8Array())).toEqual([])
    expect(push(decoder, '\n')).toEqual([])
    expect(push(decoder, '\n')).toEqual([message('a')])
  })

  it('does not merge a CR and an LF that are separated by other text', () => {
    expect(decodeAll(['data: a\r', 'data: b\n\n'])).toEqual([message('a\nb')])
  })
})

describe('SSEDecoder fields', () => {
  it('joins multi-line data with LF', () => {
    expect(decodeAll(['data: one\ndata: two\ndata:\ndata: four\n\n'])).toEqual([message('one\ntwo\n\nfour')])
  })

  it('ignores comments, including a comment-only block', () => {
    expect(decodeAll([': ping\n\n:\ndata: a\n: inside\ndata: b\n\n'])).toEqual([message('a\nb')])
  })

  it('sets the event type, which resets after each dispatch', () => {
    expect(decodeAll(['event: delta\ndata: 1\n\ndata: 2\n\n'])).toEqual([
      message('1', { event: 'delta' }),
      message('2'),
    ])
  })

  it('drops a block without data and its event type (spec: empty data buffer)', () => {
    expect(decodeAll(['event: ping\n\ndata: x\n\n'])).toEqual([message('x')])
  })

  it('dispatches `data:` with an empty value as data ""', () => {
    expect(decodeAll(['data:\n\n', 'data\n\n'])).toEqual([message(''), message('')])
  })

  it('reads id and retry fields and ignores them (no stream here resumes), valid or not', () => {
    const stream =
      'id: 1\ndata: a\n\nretry: 3000\ndata: b\n\nid: 2\0x\nretry: 12a\ndata: c\n\nid\nretry:\n\ndata: d\n\n'
    expect(decodeAll([stream])).toEqual([message('a'), message('b'), message('c'), message('d')])
  })

  it('ignores unknown fields and treats field names case-sensitively', () => {
    const stream = 'foo: bar\nDATA: no\nData: no\ndatas: no\nEvent: no\ndata: yes\n\n'
    expect(decodeAll([stream])).toEqual([message('yes')])
  })

  it('treats a line without a colon as a field with an empty value', () => {
    expect(decodeAll(['event\ndata\n\n', 'event: x\nevent\ndata: y\n\n'])).toEqual([message(''), message('y')])
  })

  it.each([
    ['no space', 'data:value', 'value'],
    ['one space', 'data: value', 'value'],
    ['two spaces', 'data:  value', ' value'],
    ['a tab', 'data:\tvalue', '\tvalue'],
    ['colons in the value', 'data: {"a":"b:c"}', '{"a":"b:c"}'],
    ['only a space', 'data: ', ''],
  ])('strips one optional space after the colon (%s)', (_name, line, data) => {
    expect(decodeAll([`${line}\n\n`])).toEqual([message(data)])
  })
})

describe('SSEDecoder stream boundaries', () => {
  it('end() dispatches an event that lacks the trailing blank line', () => {
    const decoder = new SSEDecoder()
    expect(push(decoder, 'data: a\n\ndata: b')).toEqual([message('a')])
    expect(end(decoder)).toEqual([message('b')])
  })

  it('end() dispatches a complete last line without the blank line', () => {
    expect(decodeAll(['event: x\ndata: b\n'])).toEqual([message('b', { event: 'x' })])
  })

  it('end() returns nothing after a clean end, and resets the decoder for another stream', () => {
    const decoder = new SSEDecoder()
    push(decoder, 'id: 1\ndata: a\n\nevent: half')
    expect(end(decoder)).toEqual([])
    expect(push(decoder, '\uFEFFdata: b\n\n')).toEqual([message('b')])
  })

  it('skips one leading BOM, in text and in bytes, but not a second one', () => {
    expect(decodeAll(['\uFEFFdata: a\n\n'])).toEqual([message('a')])
    expect(decodeAll([encoder.encode('\uFEFFdata: a\n\n')])).toEqual([message('a')])
    expect(decodeAll(['\uFEFF\uFEFFdata: a\n\ndata: b\n\n'])).toEqual([message('b')])
    expect(decodeAll(['data: a\n\n\uFEFFdata: b\n\n'])).toEqual([message('a')])
  })

  it('skips a BOM whose bytes arrive in separate pushes', () => {
    const bytes = encoder.encode('\uFEFFdata: a\n\n')
    expect(decodeAll([bytes.slice(0, 1), bytes.slice(1, 2), bytes.slice(2)])).toEqual([message('a')])
  })

  it('accepts string and byte chunks in the same stream', () => {
    expect(decodeAll(['data: a', encoder.encode('b\n'), 'data: c\n', encoder.encode('\n')])).toEqual([message('ab\nc')])
  })

  it('replaces an unfinished UTF-8 character at the end of the stream with U+FFFD', () => {
    expect(decodeAll([encoder.encode('data: x').slice(), new Uint8Array([0xe2, 0x82])])).toEqual([message('x\uFFFD')])
  })

  it.each(['é', '€', '😀', '日本語', 'naïve — 😀 € 中文'])('decodes %s split across byte pushes', (text) => {
    const bytes = encoder.encode(`data: ${text}\n\n`)
    for (let offset = 0; offset <= bytes.length; offset++) {
      expect(decodeAll(splitAt(bytes, [offset]))).toEqual([message(text)])
    }
    expect(decodeAll([...bytes].map((byte) => new Uint8Array([byte])))).toEqual([message(text)])
  })

  it('passes [DONE] on as data, untrimmed (the stream mappers decide what it means)', () => {
    expect(decodeAll(['data: {"a":1}\n\ndata: [DONE]\n\ndata:  [DONE]\n\n'])).toEqual([
      message('{"a":1}'),
      message('[DONE]'),
      message(' [DONE]'),
    ])
  })
})

interface GeneratedEvent {
  readonly type: string | undefined
  readonly id: string | undefined
  readonly retry: number | undefined
  readonly dataLines: readonly string[]
  readonly comment: string | undefined
}

/** Field values: any Unicode (astral included) without CR, LF or NULL. */
const fieldValue = fc.string({ unit: 'binary', maxLength: 12 }).map((value) => value.replace(/[\r\n\0]/g, ''))

const generatedEvent: fc.Arbitrary<GeneratedEvent> = fc.record({
  type: fc.option(fieldValue, { nil: undefined }),
  id: fc.option(fieldValue, { nil: undefined }),
  retry: fc.option(fc.nat(100_000), { nil: undefined }),
  dataLines: fc.array(fieldValue, { minLength: 1, maxLength: 3 }),
  comment: fc.option(fieldValue, { nil: undefined }),
})

const lineEnding = fc.constantFrom('\n', '\r', '\r\n')

/** Serialises the events, choosing a line ending per line and the optional space per field. */
function serialise(events: readonly GeneratedEvent[], endings: readonly string[], spaces: readonly boolean[]): string {
  let index = 0
  let previousEnding = ''
  const line = (text: string): string => {
    let ending = endings[index++ % endings.length] ?? '\n'
    // CR then an empty line ended by LF would read as one CRLF: a different stream.
    if (text === '' && previousEnding === '\r' && ending === '\n') ending = '\r'
    previousEnding = ending
    return text + ending
  }
  const field = (name: string, value: string): string => {
    const space = value.startsWith(' ') || spaces[index % spaces.length] === true ? ' ' : ''
    return line(`${name}:${space}${value}`)
  }
  let stream = ''
  for (const event of events) {
    if (event.comment !== undefined) stream += line(`:${event.comment}`)
    if (event.type !== undefined) stream += field('event', event.type)
    if (event.id !== undefined) stream += field('id', event.id)
    if (event.retry !== undefined) stream += field('retry', String(event.retry))
    for (const data of event.dataLines) stream += field('data', data)
    stream += line('')
  }
  return stream
}

/** The events the decoder should produce for the generated ones. */
function expectedEvents(events: readonly GeneratedEvent[]): DecodedEvent[] {
  // id and retry lines are in the generated streams and must change nothing.
  return events.map((event) => message(event.dataLines.join('\n'), { event: event.type ?? '' }))
}

const generatedStream = fc
  .tuple(
    fc.array(generatedEvent, { maxLength: 5 }),
    fc.array(lineEnding, { minLength: 1, maxLength: 8 }),
    fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
    fc.boolean(),
  )
  .map(([events, endings, spaces, bom]) => ({
    events,
    text: (bom ? '\uFEFF' : '') + serialise(events, endings, spaces),
  }))

describe('SSEDecoder properties', () => {
  it('decodes generated streams as modelled, whole, as bytes or as text', () => {
    fc.assert(
      fc.property(generatedStream, ({ events, text }) => {
        const expected = expectedEvents(events)
        expect(decodeAll([text])).toEqual(expected)
        expect(decodeAll([encoder.encode(text)])).toEqual(expected)
      }),
    )
  })

  it('yields the same events for a byte stream split at every single point', () => {
    fc.assert(
      fc.property(generatedStream, ({ text }) => {
        const bytes = encoder.encode(text)
        const whole = decodeAll([bytes])
        for (let offset = 0; offset <= bytes.length; offset++) {
          expect(decodeAll(splitAt(bytes, [offset]))).toEqual(whole)
        }
      }),
      { numRuns: 60 },
    )
  })

  it('yields the same events for byte and text streams split at random points', () => {
    const withSplits = generatedStream.chain((stream) => {
      const byteLength = encoder.encode(stream.text).length
      return fc.record({
        text: fc.constant(stream.text),
        byteOffsets: fc.array(fc.nat(byteLength), { maxLength: 12 }),
        textOffsets: fc.array(fc.nat(stream.text.length), { maxLength: 12 }),
      })
    })
    fc.assert(
      fc.property(withSplits, ({ text, byteOffsets, textOffsets }) => {
        const bytes = encoder.encode(text)
        const whole = decodeAll([bytes])
        expect(decodeAll(splitAt(bytes, byteOffsets))).toEqual(whole)
        expect(decodeAll(splitAt(text, textOffsets))).toEqual(whole)
      }),
      { numRuns: 300 },
    )
  })
})

/** Shaped like a recorded Mistral stream: `p` padding, tool calls, non-ASCII text, usage, [DONE]. */
const mistralChunks: readonly object[] = [
  { role: 'assistant', content: '' },
  { content: 'Bonjour ! Il fait 21 °C à Zürich — ' },
  { content: 'très agréable 😀. 東京は晴れ、€5.' },
  {
    tool_calls: [
      {
        id: 'D681PevKs',
        type: 'function',
        index: 0,
        function: { name: 'get_weather', arguments: '{"city": "Zürich"}' },
      },
    ],
  },
].map((delta, index) => ({
  id: 'cmpl-e5cc70bb28c444948073e77776eb30ef',
  object: 'chat.completion.chunk',
  created: 1_702_256_327,
  model: 'mistral-large-latest',
  choices: [{ index: 0, delta, finish_reason: index === 3 ? 'tool_calls' : null }],
  ...(index === 3 ? { usage: { prompt_tokens: 12, completion_tokens: 30, total_tokens: 42 } } : {}),
  p: 'abcdefghijklmnopqrstuvwxyz0123456789'.slice(0, 5 + index * 7),
}))

const mistralStream = encoder.encode(
  mistralChunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join('') + 'data: [DONE]\n\n',
)

describe('SSEDecoder on a Mistral-like stream', () => {
  const expected = [...mistralChunks.map((chunk) => message(JSON.stringify(chunk))), message('[DONE]')]

  it('decodes the stream whole', () => {
    const events = decodeAll([mistralStream])
    expect(events).toEqual(expected)
    expect(events.filter((event) => event.data !== '[DONE]').map((event) => JSON.parse(event.data))).toEqual(
      mistralChunks,
    )
  })

  it('decodes the stream split at every byte offset', () => {
    for (let offset = 0; offset <= mistralStream.length; offset++) {
      expect(decodeAll(splitAt(mistralStream, [offset]))).toEqual(expected)
    }
  })

  it('decodes the stream pushed one byte at a time, each event as soon as it completes', () => {
    const decoder = new SSEDecoder()
    const events: DecodedEvent[] = []
    for (const byte of mistralStream) events.push(...push(decoder, new Uint8Array([byte])))
    expect(events).toEqual(expected)
    expect(end(decoder)).toEqual([])
  })
})
