/**
 * OpenAI messages → an OpenAI-compatible server: the same shape, minus what the service cannot take.
 * `reasoning_content` and `reasoning_details` (token.js's extras holding another provider's reasoning)
 * are not sent: OpenAI's chat API has no field for them, and the answer they explain is kept. The same
 * for `annotations`. A Mistral `prefix` flag is refused (no prefill) unless false.
 */
import { refuseUnsupported, requireFeature } from '../../core/feature-gate.js'
import type { GenerationRequestContext } from '../../core/provider-adapter.js'
import { InputError } from '../../errors.js'
import type { ChatCompletionContentPart, ChatCompletionMessageParam } from '../../types.js'
import type { OpenAICompatibleQuirks } from './quirks.js'

export function convertToOpenAIMessages(
  messages: readonly ChatCompletionMessageParam[],
  context: GenerationRequestContext,
  quirks: OpenAICompatibleQuirks,
): Record<string, unknown>[] {
  return messages.map((message, index) => {
    const path = `messages[${index}]`
    const converted: Record<string, unknown> = { ...message }
    delete converted.reasoning_content
    delete converted.reasoning_details
    // `annotations` (url citations) is response-only: OpenAI's assistant message param has no such field and
    // a replayed completion message carries `annotations: []`; the text it annotates is kept.
    delete converted.annotations
    if (message.role === 'developer' && quirks.developerAsSystem === true) converted.role = 'system'
    if (
      'name' in message &&
      (message.name as unknown) !== undefined &&
      message.role !== 'function' &&
      quirks.rejectsMessageName === true
    ) {
      refuseUnsupported(context, `${path}.name`, `${context.provider} rejects a name on messages.`)
      delete converted.name
    }
    if (message.role === 'assistant' && 'prefix' in message && message.prefix !== undefined) {
      if (message.prefix === true) {
        throw new InputError(
          `${path}.prefix: ${context.provider} cannot continue an assistant message (no prefill).`,
          `${path}.prefix`,
        )
      }
      delete converted.prefix
    }
    if (message.role === 'user' && Array.isArray(message.content))
      gateParts(message.content, context, `${path}.content`)
    return converted
  })
}

function gateParts(parts: readonly ChatCompletionContentPart[], context: GenerationRequestContext, path: string): void {
  parts.forEach((part, index) => {
    const partPath = `${path}[${index}]`
    switch (part.type) {
      case 'text':
        return
      case 'image_url':
        return requireFeature(context, 'images', partPath)
      case 'input_audio':
        return requireFeature(context, 'audio', partPath)
      case 'file':
        return requireFeature(context, 'documents', partPath)
      default: {
        const unknown: never = part
        throw new InputError(
          `Unknown content part type '${(unknown as { type: string }).type}' at ${partPath}.`,
          partPath,
        )
      }
    }
  })
}
