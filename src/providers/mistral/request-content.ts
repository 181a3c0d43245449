/** OpenAI content parts → Mistral content chunks. */
import { lacksFeature, requireFeature } from '../../core/feature-gate.js'
import type { GenerationRequestContext } from '../../core/provider-adapter.js'
import { InputError } from '../../errors.js'
import type {
  ChatCompletionContentPart,
  ChatCompletionContentPartFile,
  ChatCompletionContentPartRefusal,
  ChatCompletionContentPartText,
} from '../../types.js'
import type { MistralContentChunk, MistralTextChunk } from './wire-types.js'

/**
 * User content: a string stays a string; parts become typed chunks. Paths (`messages[3].content[1]`) are
 * built only for an error: a long history has thousands of parts, and building each one's path cost
 * more than converting it.
 */
export function convertUserContent(
  content: string | ChatCompletionContentPart[],
  context: GenerationRequestContext,
  messageIndex: number,
): string | MistralContentChunk[] {
  if (typeof content === 'string') return content
  return content.map((part, partIndex) => convertUserPart(part, context, messageIndex, partIndex))
}

function partPath(messageIndex: number, partIndex: number): string {
  return `messages[${messageIndex}].content[${partIndex}]`
}

function convertUserPart(
  part: ChatCompletionContentPart,
  context: GenerationRequestContext,
  messageIndex: number,
  partIndex: number,
): MistralContentChunk {
  switch (part.type) {
    case 'text':
      return { type: 'text', text: part.text }
    case 'image_url': {
      if (lacksFeature(context, 'images')) requireFeature(context, 'images', partPath(messageIndex, partIndex))
      const { url, detail } = part.image_url
      return { type: 'image_url', image_url: detail === undefined ? { url } : { url, detail } }
    }
    case 'input_audio':
      if (lacksFeature(context, 'audio')) requireFeature(context, 'audio', partPath(messageIndex, partIndex))
      // Mistral takes the base64 string alone and detects the format from the bytes.
      return { type: 'input_audio', input_audio: part.input_audio.data }
    case 'file':
      return convertFilePart(part, context, partPath(messageIndex, partIndex))
    default: {
      const unknown: never = part
      const path = partPath(messageIndex, partIndex)
      throw new InputError(`Unknown content part type '${(unknown as { type: string }).type}' at ${path}.`, path)
    }
  }
}

/** Mistral's `FileChunk.file_id` is `format: uuid` in the spec. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const PDF_BASE64_MAGIC = 'JVBERi' // base64 of "%PDF"

function convertFilePart(
  part: ChatCompletionContentPartFile,
  context: GenerationRequestContext,
  path: string,
): MistralContentChunk {
  const { file_id: fileId, file_data: fileData, filename } = part.file
  if (fileId !== undefined && fileData === undefined) {
    if (!UUID.test(fileId)) {
      throw new InputError(
        `${path}.file.file_id '${fileId}' is not a Mistral file id: Mistral's are UUIDs returned by its ` +
          `/v1/files upload (an OpenAI 'file-…' id does not exist there). Upload the file to Mistral or pass file_data.`,
        `${path}.file.file_id`,
      )
    }
    return { type: 'file', file_id: fileId }
  }
  if (fileData === undefined) {
    throw new InputError(`A file part needs 'file.file_data' or 'file.file_id' (${path}).`, `${path}.file`)
  }
  requireFeature(context, 'documents', path)
  const documentURL = toPdfDataURL(fileData, filename)
  if (documentURL === undefined) {
    throw new InputError(
      `Only PDF documents can be sent to ${context.provider} as file data (${path}); ` +
        `pass a 'data:application/pdf;base64,…' URL or base64 PDF bytes, or upload the file and pass 'file_id'.`,
      `${path}.file.file_data`,
    )
  }
  return filename === undefined
    ? { type: 'document_url', document_url: documentURL }
    : { type: 'document_url', document_url: documentURL, document_name: filename }
}

function toPdfDataURL(fileData: string, filename: string | undefined): string | undefined {
  if (fileData.startsWith('data:')) return fileData.startsWith('data:application/pdf') ? fileData : undefined
  if (fileData.startsWith('https://') || fileData.startsWith('http://')) return fileData
  const looksPdf = fileData.startsWith(PDF_BASE64_MAGIC) || filename?.toLowerCase().endsWith('.pdf') === true
  return looksPdf ? `data:application/pdf;base64,${fileData}` : undefined
}

/** System and tool content: a string, or text chunks. */
export function convertTextContent(content: string | ChatCompletionContentPartText[]): string | MistralTextChunk[] {
  if (typeof content === 'string') return content
  return content.map((part) => ({ type: 'text', text: part.text }))
}

/** Assistant content: text and refusal parts become text chunks; joined to one string when only text. */
export function convertAssistantText(
  content: string | (ChatCompletionContentPartText | ChatCompletionContentPartRefusal)[] | null | undefined,
  refusal: string | null | undefined,
): string {
  let text = ''
  if (typeof content === 'string') text = content
  else if (Array.isArray(content)) {
    for (const part of content) text += part.type === 'refusal' ? part.refusal : part.text
  }
  // A refusal is what the assistant said; Mistral has no refusal field, so it travels as content.
  if (text === '' && typeof refusal === 'string') text = refusal
  return text
}
