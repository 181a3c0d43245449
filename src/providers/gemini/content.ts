/**
 * OpenAI content parts → Gemini parts: text; images, PDFs and audio inline as base64 (`inlineData`); an
 * https image or file URL as `fileData` (Gemini fetches public URLs itself since 2026-01-08:
 * https://ai.google.dev/gemini-api/docs/changelog). The MIME type of a URL comes from its extension.
 */
import { InputError } from '../../errors.js'
import type { GenerationRequestContext } from '../../core/provider-adapter.js'
import { requireFeature } from '../../core/feature-gate.js'
import type { GeminiPart } from './wire-types.js'

type Part = Record<string, unknown> & { type?: unknown }

const EXTENSION_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heif',
  gif: 'image/gif',
  pdf: 'application/pdf',
  txt: 'text/plain',
  wav: 'audio/wav',
  mp3: 'audio/mp3',
}
/** `input_audio.format` → MIME type (Gemini's audio types: https://ai.google.dev/gemini-api/docs/audio). */
const AUDIO_TYPES: Readonly<Record<string, string>> = {
  wav: 'audio/wav',
  mp3: 'audio/mp3',
  flac: 'audio/flac',
  aac: 'audio/aac',
  ogg: 'audio/ogg',
  aiff: 'audio/aiff',
}

const DATA_URL = /^data:([^;,]+)(?:;[^,]*)?;base64,(.*)$/s

function fromUrl(url: string, param: string): GeminiPart {
  const data = DATA_URL.exec(url)
  if (data !== null) return { inlineData: { mimeType: data[1] as string, data: data[2] as string } }
  if (url.startsWith('data:'))
    throw new InputError(`${param}: a data: URL must be base64-encoded ('data:<mime type>;base64,<data>').`, param)
  if (!/^https?:\/\//i.test(url) && !url.startsWith('gs://'))
    throw new InputError(
      `${param}: Gemini takes https:// URLs, gs:// URIs or base64 data: URLs; got '${url.slice(0, 40)}'.`,
      param,
    )
  const extension = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase()
  const mimeType = extension === undefined ? undefined : EXTENSION_TYPES[extension]
  return { fileData: { ...(mimeType === undefined ? {} : { mimeType }), fileUri: url } }
}

/** A field as text: '' when absent; an object as its JSON (not '[object Object]'). */
function textValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value)
    case 'object':
      return value === null ? '' : JSON.stringify(value)
    default:
      return '' // undefined, a function or a symbol
  }
}

/** One user content part → a Gemini part. */
export function convertUserPart(part: Part, param: string, context: GenerationRequestContext): GeminiPart {
  switch (part.type) {
    case 'text':
      return { text: textValue(part.text) }
    case 'image_url': {
      requireFeature(context, 'images', param)
      const image = part.image_url as { url?: unknown } | undefined
      return fromUrl(textValue(image?.url), `${param}.image_url.url`)
    }
    case 'input_audio': {
      requireFeature(context, 'audio', param)
      const audio = part.input_audio as { data?: unknown; format?: unknown } | undefined
      const mimeType = AUDIO_TYPES[textValue(audio?.format)]
      if (mimeType === undefined)
        throw new InputError(
          `${param}.input_audio.format: Gemini takes ${Object.keys(AUDIO_TYPES).join(', ')}; got '${String(audio?.format)}'.`,
          `${param}.input_audio.format`,
        )
      return { inlineData: { mimeType, data: textValue(audio?.data) } }
    }
    case 'file': {
      requireFeature(context, 'documents', param)
      const file = part.file as { file_data?: unknown; file_id?: unknown } | undefined
      if (typeof file?.file_data === 'string') return fromUrl(file.file_data, `${param}.file.file_data`)
      throw new InputError(
        `${param}.file: Gemini cannot read OpenAI file ids; pass the file as file_data ('data:application/pdf;base64,…') or an https URL in an image_url part.`,
        `${param}.file.file_id`,
      )
    }
    default:
      throw new InputError(
        `${param}: Gemini takes text, image_url, input_audio and file parts; got '${String(part.type)}'.`,
        `${param}.type`,
      )
  }
}

/** Text of a system/developer/assistant/tool content (string or text parts). */
export function textOf(content: unknown, param: string): string {
  if (typeof content === 'string') return content
  if (content === null || content === undefined) return ''
  if (!Array.isArray(content)) throw new InputError(`${param}: content is a string or a list of text parts.`, param)
  return content
    .map((part: Part, index) => {
      if (part.type === 'text') return textValue(part.text)
      if (part.type === 'refusal') return textValue(part.refusal)
      throw new InputError(
        `${param}[${index}]: only text parts are allowed here; got '${String(part.type)}'.`,
        `${param}[${index}].type`,
      )
    })
    .join('')
}
