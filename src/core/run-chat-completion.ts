/**
 * The chat pipeline: the generation pipeline (generation-pipeline.ts) with OpenAI's chat validation,
 * the provider's `chat` section and ChatCompletionStream.
 */
import { InputError } from '../errors.js'
import type { ChatCompletion, ChatCompletionChunk } from '../types.js'
import { ChatCompletionStream } from './chat-completion-stream.js'
import type { ClientInternals } from './client-internals.js'
import type { RequestOptions } from './client-options.js'
import { suggestModelWith } from './feature-gate.js'
import { runGeneration, type GenerationKind } from './generation-pipeline.js'
import { validateChatParams } from './validate-params.js'
import type { RawCall } from './api-promise.js'

const chatKind: GenerationKind<ChatCompletion, ChatCompletionChunk, ChatCompletionStream> = {
  call: 'create',
  expected: 'provider, model and messages',
  sectionName: 'chat',
  hasSection: () => true,
  section: (provider) => provider.chat,
  validate: validateChatParams,
  embeddingModelError: (context, displayName) =>
    new InputError(
      `Model '${context.model}' is a ${displayName} embedding model: call embeddings.create() with it, ` +
        `or chat with a chat model such as '${suggestModelWith(context, 'chat') ?? 'another model'}'.`,
      'model',
    ),
  createStream: (options) => new ChatCompletionStream(options),
}

export function runChatCompletion(
  client: ClientInternals,
  params: unknown,
  requestOptions: RequestOptions | undefined,
  raw?: RawCall,
): Promise<ChatCompletion | ChatCompletionStream> {
  return runGeneration(client, params, requestOptions, chatKind, raw)
}
