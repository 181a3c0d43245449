/**
 * The text-completion pipeline (`completions.create`; Mistral: fill-in-the-middle): the generation
 * pipeline (generation-pipeline.ts) with OpenAI's completion validation, the provider's `completions`
 * section (loaded on demand) and CompletionStream. Loaded on first `completions.create()` (client.ts
 * imports it dynamically).
 */
import { InputError } from '../errors.js'
import type { Completion } from '../types.js'
import type { ClientInternals } from './client-internals.js'
import type { RequestOptions } from './client-options.js'
import { CompletionStream } from './completion-stream.js'
import { exampleModelId, suggestModelWith } from './feature-gate.js'
import { runGeneration, type GenerationKind } from './generation-pipeline.js'
import type { ProviderAdapter, ProviderCompletions } from './provider-adapter.js'
import { requireModelId } from './lazy-pipeline-helpers.js'
import type { RawCall } from './api-promise.js'
import { arrayOf, boolean, either, number, optional, record, string, type Check } from './shape-checks.js'

const paramChecks: Readonly<Record<string, Check>> = {
  suffix: optional(string),
  max_tokens: optional(number),
  min_tokens: optional(number),
  temperature: optional(number),
  top_p: optional(number),
  seed: optional(number),
  n: optional(number),
  stop: optional(either('a string or an array of strings', string, arrayOf(string))),
  stream: optional(boolean),
  metadata: optional(record),
  prompt_cache_key: optional(string),
}

const completionKind: GenerationKind<Completion, Completion, CompletionStream> = {
  call: 'completions.create',
  expected: 'provider, model and prompt',
  sectionName: 'text-completion',
  hasSection: (provider) => provider.completions !== undefined,
  section: (provider) => (provider.completions as () => Promise<ProviderCompletions>)(),
  validate: (fields, _dropUnsupportedParams, provider) => validateCompletionParams(fields, provider),
  embeddingModelError: (context, displayName) => {
    const instead = suggestModelWith(context, 'fim')
    return new InputError(
      `Model '${context.model}' is a ${displayName} embedding model and cannot complete text` +
        `${instead === undefined ? '' : `; use a model with fill-in-the-middle, such as '${instead}'`}.`,
      'model',
    )
  },
  createStream: (options) => new CompletionStream(options),
}

export function runCompletion(
  client: ClientInternals,
  params: unknown,
  requestOptions: RequestOptions | undefined,
  raw?: RawCall,
): Promise<Completion | CompletionStream> {
  return runGeneration(client, params, requestOptions, completionKind, raw)
}

/** The OpenAI shape of completion params; throws InputError with the parameter path. */
function validateCompletionParams(fields: Record<string, unknown>, provider: ProviderAdapter): void {
  requireModelId(fields, exampleModelId(provider.models, 'fim') ?? 'a model with fill-in-the-middle')
  const prompt = fields.prompt
  if (Array.isArray(prompt)) {
    throw new InputError(
      `'prompt' must be one string: a FIM request completes one prompt. Call create() once per prompt.`,
      'prompt',
    )
  }
  if (typeof prompt !== 'string') {
    throw new InputError(
      `'prompt' must be a string (the code before the gap), got ${prompt === undefined ? 'nothing' : prompt === null ? 'null' : typeof prompt}.`,
      'prompt',
    )
  }
  for (const [key, check] of Object.entries(paramChecks)) check(fields[key], key)
}
