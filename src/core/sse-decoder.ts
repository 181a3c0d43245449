/**
 * An incremental Server-Sent Events decoder following the WHATWG HTML "event stream
 * interpretation" rules, built for the streaming hot path: lines are found with `indexOf`
 * on decoded text, never byte by byte, and nothing is allocated beyond the field values
 * and the field values: each event goes to a handler as `(data, event)`, with no object per event.
 *
 * @see https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 */

/**
 * Receives each dispatched event from {@link SSEDecoder.pushTo} / {@link SSEDecoder.endTo}:
 * `data` is the block's `data` lines joined with `'\n'` (a block whose only data line is `data:`
 * dispatches with `''`; a block without any data line is not dispatched), and `event` the value of
 * its last `event` field, or `''` when it had none (the spec's default type `'message'` is left to the
 * consumer). `id` and `retry` fields are read and ignored: no provider's stream resumes.
 */
export type SSEDataHandler = (data: string, event: string) => void

const LINE_FEED = 0x0a
const SPACE = 0x20
const BYTE_ORDER_MARK = 0xfeff
const STREAM_OPTIONS = { stream: true } as const

/**
 * Decodes chunks that end on a character boundary while a decoder's own streaming TextDecoder holds no
 * bytes: a non-streaming `decode` is several times cheaper than `decode(…, { stream: true })` (Node 20).
 * A non-streaming decode keeps no state, so one instance serves every decoder (no per-stream setup).
 */
let wholeDecoder: InstanceType<typeof TextDecoder> | undefined

/**
 * Turns a byte or text stream into Server-Sent Events, chunk by chunk.
 *
 * Feed every chunk to {@link SSEDecoder.pushTo} in arrival order, then call
 * {@link SSEDecoder.endTo} once the stream has finished cleanly. Chunks may split the stream
 * anywhere: inside a line, between the CR and LF of a CRLF, or inside a multi-byte UTF-8
 * character. Bytes are decoded as UTF-8 (invalid sequences become U+FFFD), and one leading
 * U+FEFF byte order mark is skipped. An instance decodes one stream at a time; after
 * `endTo()` it is reset and may decode another.
 *
 * @example
 * const decoder = new SSEDecoder()
 * const onEvent = (data: string) => { if (data !== '[DONE]') handle(JSON.parse(data)) }
 * for await (const chunk of response.body) decoder.pushTo(chunk, onEvent)
 * decoder.endTo(onEvent)
 */
export class SSEDecoder {
  // TypeScript-private fields, not `#fields`: reading a #field is a keyed load, which costs more per event in
  // code not yet optimised (a fresh process); the class is internal, so compile-time privacy is enough.
  // Spelled this way because without the DOM lib, Node's typings declare TextDecoder only as a value.
  private textDecoder: InstanceType<typeof TextDecoder> | undefined
  /** textDecoder may hold the start of a character: keep using it until a chunk ends cleanly. */
  private textDecoderBusy = false
  /** Start of a line whose line ending has not arrived yet. Never contains CR or LF. */
  private pending = ''
  private atStreamStart = true
  /** The previous chunk ended with CR, so an LF opening the next one belongs to that line ending. */
  private skipLeadingLineFeed = false
  /** `undefined` stands for the spec's empty data buffer; each `data` line makes it a string. */
  private data: string | undefined
  private eventType = ''
  /** Where dispatch() delivers during a call: a field rather than a parameter, so the scan loop passes nothing per line. */
  private handler: SSEDataHandler | undefined
  private lineCount = 0

  /**
   * Complete lines seen so far (fields, comments and blank lines alike): a stream's idle timeout
   * measures the silence between complete lines, so a server dripping bytes of one line is not alive.
   */
  get lines(): number {
    return this.lineCount
  }

  /** Characters held for the event being built: the open line plus the data lines so far. */
  get bufferedLength(): number {
    return this.pending.length + (this.data?.length ?? 0)
  }

  /**
   * Feeds the next chunk of the stream, bytes (decoded as UTF-8) or already-decoded text, and calls
   * `handler(data, event)` for each event it completes, in stream order: the streaming hot path
   * allocates no object or array per event. An exception thrown by the handler propagates out of this
   * call; the decoder is then in an unspecified state and must not be fed further (the caller is
   * expected to stop the stream).
   */
  pushTo(chunk: Uint8Array | string, handler: SSEDataHandler): void {
    this.handler = handler
    try {
      this.scan(this.decode(chunk))
    } finally {
      this.handler = undefined
    }
  }

  /**
   * Ends the stream, calls `handler(data, event)` for a final event left open, and resets the decoder.
   *
   * The spec discards an event whose block was not closed by a blank line. We dispatch it
   * instead, because some providers omit the final newline(s) after their last event and it
   * would otherwise be lost. So call this only when the stream finished cleanly, not after a
   * network error, where the last event may really be truncated.
   *
   * That final event is dispatched only if the stream ended inside a block with data.
   */
  endTo(handler: SSEDataHandler): void {
    this.handler = handler
    try {
      this.finish()
    } finally {
      this.handler = undefined
    }
  }

  private finish(): void {
    // Flushing turns bytes of an unfinished UTF-8 character into U+FFFD.
    this.scan(this.textDecoder?.decode() ?? '')
    const line = this.pending
    if (line !== '') this.processLine(line, 0, line.indexOf(':'), line.length)
    this.dispatch()
    this.reset()
  }

  private decode(chunk: Uint8Array | string): string {
    if (typeof chunk === 'string') {
      if (this.textDecoder === undefined) return chunk
      // Bytes held back from an earlier chunk cannot be completed by text: flush them first.
      this.textDecoderBusy = false
      return this.textDecoder.decode() + chunk
    }
    // ignoreBOM keeps the BOM in the output, so that text and byte input share one BOM rule.
    const endsCleanly = endsOnCharacterBoundary(chunk)
    if (endsCleanly && !this.textDecoderBusy) {
      wholeDecoder ??= new TextDecoder('utf-8', { ignoreBOM: true })
      return wholeDecoder.decode(chunk)
    }
    this.textDecoder ??= new TextDecoder('utf-8', { ignoreBOM: true })
    // A chunk shorter than 4 bytes may be the middle of a character begun earlier: stay on the streaming decoder.
    this.textDecoderBusy = !endsCleanly || chunk.length < 4
    return this.textDecoder.decode(chunk, STREAM_OPTIONS)
  }

  /** Splits `text` into lines and processes every complete one; keeps the rest as pending. */
  private scan(text: string): void {
    const length = text.length
    if (length === 0) return
    let lineStart = this.skipPrefix(text)
    // Cached next positions: each is searched again only once the scan has passed it, so a
    // character that is absent (CR in an LF stream) is searched for once per chunk, not per line.
    let nextLineFeed = text.indexOf('\n', lineStart)
    let nextCarriageReturn = text.indexOf('\r', lineStart)
    let nextColon = text.indexOf(':', lineStart)
    for (;;) {
      if (nextLineFeed !== -1 && nextLineFeed < lineStart) nextLineFeed = text.indexOf('\n', lineStart)
      if (nextCarriageReturn !== -1 && nextCarriageReturn < lineStart) {
        nextCarriageReturn = text.indexOf('\r', lineStart)
      }
      let lineEnd: number
      let nextLineStart: number
      if (nextCarriageReturn === -1 || (nextLineFeed !== -1 && nextLineFeed < nextCarriageReturn)) {
        if (nextLineFeed === -1) break
        lineEnd = nextLineFeed
        nextLineStart = lineEnd + 1
      } else {
        lineEnd = nextCarriageReturn
        nextLineStart = lineEnd + 1
        if (nextLineStart === length) this.skipLeadingLineFeed = true
        else if (text.charCodeAt(nextLineStart) === LINE_FEED) nextLineStart++
      }
      if (this.pending === '') {
        // The two lines provider streams are made of, handled here without a call: the blank line that
        // ends an event, and `data: …` (the field value after one space, as processLine reads it).
        // Both inline (no dispatch / appendData call): in a fresh process every call per event counts.
        if (lineStart === lineEnd) {
          this.lineCount++
          const data = this.data
          if (data !== undefined) {
            const event = this.eventType
            this.data = undefined
            this.eventType = ''
            const handler = this.handler as SSEDataHandler
            handler(data, event)
          } else this.eventType = ''
        } else if (lineEnd - lineStart > 5 && text.startsWith('data: ', lineStart)) {
          const value = text.slice(lineStart + 6, lineEnd)
          if (this.data === undefined && lineEnd === nextLineFeed && text.charCodeAt(lineEnd + 1) === LINE_FEED) {
            // `data: …\n\n`, an event of one data line (what providers send): dispatched with its blank
            // line in this one pass of the loop, as the blank-line branch above would on the next.
            this.lineCount += 2
            const event = this.eventType
            this.eventType = ''
            lineStart = lineEnd + 2
            const handler = this.handler as SSEDataHandler
            handler(value, event)
            continue
          }
          this.lineCount++
          this.data = this.data === undefined ? value : this.data + '\n' + value
        } else {
          if (nextColon !== -1 && nextColon < lineStart) nextColon = text.indexOf(':', lineStart)
          const colon = nextColon !== -1 && nextColon < lineEnd ? nextColon : -1
          this.processLine(text, lineStart, colon, lineEnd)
        }
      } else {
        const line = this.pending + text.slice(lineStart, lineEnd)
        this.pending = ''
        this.processLine(line, 0, line.indexOf(':'), line.length)
      }
      lineStart = nextLineStart
    }
    // Appending builds a rope, so a long line arriving in many chunks is not copied per chunk.
    if (lineStart < length) this.pending += text.slice(lineStart)
  }

  /** Returns where the lines of `text` start, past a stream-leading BOM or a CRLF's LF. */
  private skipPrefix(text: string): number {
    if (this.atStreamStart) {
      this.atStreamStart = false
      return text.charCodeAt(0) === BYTE_ORDER_MARK ? 1 : 0
    }
    if (this.skipLeadingLineFeed) {
      this.skipLeadingLineFeed = false
      return text.charCodeAt(0) === LINE_FEED ? 1 : 0
    }
    return 0
  }

  /**
   * Processes the line `source[start, end)`, whose first colon is at `colon` (-1 if none).
   * A blank line dispatches, a line starting with a colon is a comment, and any other is a
   * field: the name up to the first colon, the value after it minus one leading space.
   */
  private processLine(source: string, start: number, colon: number, end: number): void {
    this.lineCount++
    if (start === end) return this.dispatch()
    if (colon === start) return
    const nameEnd = colon === -1 ? end : colon
    let valueStart = colon === -1 ? end : colon + 1
    if (valueStart < end && source.charCodeAt(valueStart) === SPACE) valueStart++
    // Comparing by length first avoids slicing the name out of the line.
    switch (nameEnd - start) {
      case 4:
        if (source.startsWith('data', start)) this.appendData(source.slice(valueStart, end))
        return
      case 5:
        if (source.startsWith('event', start)) this.eventType = source.slice(valueStart, end)
        return
    }
  }

  private appendData(value: string): void {
    this.data = this.data === undefined ? value : this.data + '\n' + value
  }

  /** The spec's dispatch step: an event only if the data buffer is non-empty; reset either way. */
  private dispatch(): void {
    const data = this.data
    const event = this.eventType
    this.data = undefined
    this.eventType = ''
    if (data === undefined) return
    const handler = this.handler as SSEDataHandler
    handler(data, event)
  }

  private reset(): void {
    this.textDecoderBusy = false
    this.pending = ''
    this.atStreamStart = true
    this.skipLeadingLineFeed = false
    this.data = undefined
    this.eventType = ''
    this.lineCount = 0
  }
}

/**
 * Whether `bytes` (UTF-8) ends with a whole character: false when its last bytes are a lead byte
 * and fewer continuation bytes than it announces. Invalid sequences count as whole (they decode
 * to U+FFFD either way).
 */
function endsOnCharacterBoundary(bytes: Uint8Array): boolean {
  const length = bytes.length
  const last = length - 1
  if (last < 0 || (bytes[last] as number) < 0x80) return true
  // Walk back over at most three continuation bytes (10xxxxxx) to the lead byte.
  let lead = last
  while (lead > last - 3 && lead > 0 && ((bytes[lead] as number) & 0xc0) === 0x80) lead--
  const byte = bytes[lead] as number
  const needed = byte >= 0xf0 ? (byte >= 0xf8 ? 1 : 4) : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1
  return lead + needed <= length
}
