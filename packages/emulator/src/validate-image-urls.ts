/**
 * Mistral's check of image URLs, made after the field-level 422 layer by a request-level validator
 * (`loc: ["body"]`): an `image_url` that is neither an http(s) URL nor a base64 image data URL is
 * refused with 422 `value_error`. Wording quoted from api.mistral.ai in
 * https://github.com/neuron-core/neuron-ai/issues/596 (2026-07, a bare base64 string sent as the URL).
 * The quote stops after the message, so `input` (the request body, which is what pydantic reports for a
 * model-level validator) and `ctx: {error: {}}` (how FastAPI serialises a ValueError) are assumed.
 * `http://` is accepted although the wording names 'https': no public source shows it refused.
 */
import type { ValidationIssue } from './pydantic-issues.js'
import { issue } from './pydantic-issues.js'
import { contentChunks, type WireChatRequest } from './wire-request.js'

export const IMAGE_URL_MESSAGE =
  "Value error, Image content must be a URL (starting with 'https') or base64 encoded image (starting with 'data:image/<format>;base64,<image-base64>')."

/** An `image_url` value Mistral takes: http(s) URL or `data:image/…` (case-insensitive scheme). */
export function isAcceptedImageUrl(url: string): boolean {
  return /^(?:https?:\/\/|data:image\/)/i.test(url.trim())
}

function urlOf(chunk: unknown): string | undefined {
  const image = (chunk as { image_url?: unknown }).image_url
  if (typeof image === 'string') return image
  const url = (image as { url?: unknown } | null | undefined)?.url
  return typeof url === 'string' ? url : undefined
}

/** The 422 issue for the first unusable image URL, or `undefined`. */
export function checkImageUrls(request: WireChatRequest, body: unknown): ValidationIssue | undefined {
  for (const message of request.messages) {
    for (const chunk of contentChunks(message.content)) {
      if (chunk.type !== 'image_url') continue
      const url = urlOf(chunk)
      if (url !== undefined && !isAcceptedImageUrl(url))
        return issue('value_error', ['body'], IMAGE_URL_MESSAGE, body, { error: {} })
    }
  }
  return undefined
}
