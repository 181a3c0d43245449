/**
 * The chat pipeline: the generation pipeline (generation-pipeline.ts) with OpenAI's chat validation,
 * the provider's `chat` section and ChatCompletionStream. The validation (validate-params.ts: the tables
 * of every OpenAI param and message field) is loaded on the first chat call, so the first-load bundle
 * does not carry it, as check-options.ts is.
 */
import { InputError } from '../errors.js'
import type { ChatCompletion, ChatCompletionChunk } from '../types.js'
import { ChatCompletionStream } from './chat-completion-stream.js'
import type { ClientInternals } from './client-internals.js'
import type { RequestOptions } from './client-options.js'
import { suggestModelWith } from './feature-gate.js'
import { runGeneration, type GenerationKind } from './generation-pipeline.js'
import type { RawCall } from './api-promise.js'

let validation: typeof import('./validate-params.js') | undefined

const chatKind: GenerationKind<ChatCompletion, ChatCompletionChunk, ChatCompletionStream> = {
  call: 'create',
  expected: 'provider, model and messages',
  sectionName: 'chat',
  hasSection: () => true,
  section: (provider) => provider.chat,
  // Loaded by runChatCompletion before the pipeline can call it.
  validate: (record, dropUnsupportedParams, provider, dropped) =>
    (validation as typeof import('./validate-params.js')).validateChatParams(
      record,
      dropUnsupportedParams,
      provider,
      dropped,
    ),
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
  if (validation !== undefined) return runGeneration(client, params, requestOptions, chatKind, raw)
  return import('./validate-params.js').then((loaded) => {
    validation = loaded
    return runGeneration(client, params, requestOptions, chatKind, raw)
  })
}
