/**
 * OpenAI content parts → Anthropic content blocks (`@anthropic-ai/sdk` 1.15.0: TextBlockParam,
 * ImageBlockParam with Base64ImageSource / URLImageSource, DocumentBlockParam with Base64PDFSource /
 * URLPDFSource). Images by URL stay URLs (Anthropic fetches them); data URLs become base64 sources.
 * Empty text blocks are a 400 ("text content blocks must be non-empty"), so they are left out.
 */
import { refuseUnsupported, requireFeature } from '../../core/feature-gate.js'
import type { GenerationRequestContext } from '../../core/provider-adapter.js'
import { InputError } from '../../errors.js'
import type { ChatCompletionContentPart } from '../../types.js'
import { checkCacheControl } from './options.js'
import type { AnthropicBlock, AnthropicSource } from './wire-types.js'

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp'])
const DATA_URL = /^data:([^;,]+);base64,(.*)$/s

/** Parts of a user (or tool) message → blocks; `path` names the message's `content`. */
export function convertParts(
  parts: readonly ChatCompletionContentPart[],
  context: GenerationRequestContext,
  path: string,
): AnthropicBlock[] {
  const blocks: AnthropicBlock[] = []
  parts.forEach((part, index) => {
    const partPath = `${path}[${index}]`
    const block = convertPart(part, context, partPath)
    if (block === undefined) return
    const cache = (part as { cache_control?: unknown }).cache_control
    if (cache !== undefined && cache !== null) {
      checkCacheControl(cache, `${partPath}.cache_control`)
      block.cache_control = cache as NonNullable<AnthropicBlock['cache_control']>
    }
    blocks.push(block)
  })
  return blocks
}

function convertPart(
  part: ChatCompletionContentPart,
  context: GenerationRequestContext,
  path: string,
): AnthropicBlock | undefined {
  switch (part.type) {
    case 'text':
      return part.text === '' ? undefined : { type: 'text', text: part.text }
    case 'image_url':
      requireFeature(context, 'images', path)
      if (part.image_url.detail !== undefined && part.image_url.detail !== 'auto') {
        refuseUnsupported(context, `${path}.image_url.detail`, 'Anthropic has no image detail setting.')
      }
      return { type: 'image', source: imageSource(part.image_url.url, path) }
    case 'file':
      requireFeature(context, 'documents', path)
      return { type: 'document', source: documentSource(part.file, path) }
    case 'input_audio':
      requireFeature(context, 'audio', path)
      throw new InputError(`${path}: Anthropic models take no audio input.`, path)
    default: {
      const unknown: never = part
      throw new InputError(`Unknown content part type '${(unknown as { type: string }).type}' at ${path}.`, path)
    }
  }
}

function imageSource(url: string, path: string): AnthropicSource {
  const data = DATA_URL.exec(url)
  if (data === null) {
    if (!/^https?:\/\//i.test(url)) {
      throw new InputError(
        `${path}.image_url.url must be an http(s) URL or a base64 data URL.`,
        `${path}.image_url.url`,
      )
    }
    return { type: 'url', url }
  }
  const mediaType = (data[1] as string).toLowerCase()
  if (!IMAGE_TYPES.has(mediaType)) {
    throw new InputError(
      `${path}: Anthropic takes JPEG, PNG, GIF and WebP images, not '${mediaType}'.`,
      `${path}.image_url.url`,
    )
  }
  return { type: 'base64', media_type: mediaType, data: data[2] as string }
}

function documentSource(
  file: { file_data?: string; file_id?: string; filename?: string },
  path: string,
): AnthropicSource {
  if (file.file_id !== undefined) {
    throw new InputError(
      `${path}.file.file_id: a file id belongs to the provider that issued it; send the PDF as file_data (a base64 data URL).`,
      `${path}.file.file_id`,
    )
  }
  const fileData = file.file_data
  if (fileData === undefined || fileData === '') {
    throw new InputError(`${path}.file needs file_data (a base64 PDF data URL).`, `${path}.file.file_data`)
  }
  const data = DATA_URL.exec(fileData)
  if (data !== null && (data[1] as string).toLowerCase() !== 'application/pdf') {
    throw new InputError(`${path}: Anthropic documents are PDFs, not '${data[1]}'.`, `${path}.file.file_data`)
  }
  return { type: 'base64', media_type: 'application/pdf', data: data === null ? fileData : (data[2] as string) }
}
