/**
 * Decodes a response body's Content-Encoding on the node transport. RFC 9110 section 8.4 lets a server apply
 * gzip, deflate or br even unasked; fetch decodes them itself, so both transports hand the same bytes
 * on. The size cap is applied by the reader to the decoded bytes (a gzip bomb stops at the cap), and
 * zlib emits at most 16 KB per chunk, so memory stays bounded while decoding.
 */
import type { IncomingMessage } from 'node:http'
import type { Readable } from 'node:stream'
import zlib from 'node:zlib'
import { APIConnectionError } from '../errors.js'

/** The body as decoded bytes: `incoming` itself when there is nothing to decode. */
export function decodeContent(incoming: IncomingMessage, contentEncoding: string | undefined): Readable {
  if (contentEncoding === undefined) return incoming
  // Codings are listed in the order they were applied (RFC 9110 section 8.4): undo them from the last.
  const codings = contentEncoding
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity')
  let source: Readable = incoming
  for (const coding of codings.reverse()) source = source.pipe(decoderFor(coding))
  return source
}

// Lenient flushing as browsers and undici do: a body cut right after the last complete block still
// yields what it holds instead of an "unexpected end of file".
const ZLIB_OPTIONS = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH }

function decoderFor(coding: string): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip(ZLIB_OPTIONS)
    case 'deflate':
      // "deflate" means the zlib format (RFC 9110 section 8.4.1.2), but some servers send raw deflate:
      // createUnzip-style sniffing is not available for it, so inflate detects the header itself.
      return zlib.createInflate(ZLIB_OPTIONS)
    case 'br':
      return zlib.createBrotliDecompress({
        flush: zlib.constants.BROTLI_OPERATION_FLUSH,
        finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
      })
    default:
      throw new APIConnectionError(`Unsupported Content-Encoding '${coding}' (gzip, deflate and br are).`)
  }
}
