/**
 * OpenAI text-completion params → Mistral's `POST /v1/fim/completions` body (`FIMCompletionRequest` in
 * mistralai/platform-docs-public `openapi-public-doc.yaml`), from a
 * whitelist. Every request needs a model with fill-in-the-middle (`fim` in the model table).
 */
import { refuseUnsupported, requireFeature, requireNumberInRange } from '../../core/feature-gate.js'
import type { GenerationRequestContext } from '../../core/provider-adapter.js'
import { InputError } from '../../errors.js'

type Body = Record<string, unknown>
type Handler = (value: never, body: Body, context: GenerationRequestContext) => void

/** Keys the core handles before the provider sees them. */
const CORE_KEYS = new Set(['provider', 'model', 'stream'])

/** OpenAI parameters Mistral FIM has no place for, with the value that means "off" (accepted and not sent). */
const NEUTRAL: Readonly<Record<string, unknown>> = {
  echo: false,
  best_of: 1,
  frequency_penalty: 0,
  presence_penalty: 0,
}

const UNSUPPORTED: Readonly<Record<string, string>> = {
  echo: 'Mistral FIM does not echo the prompt.',
  best_of: 'Mistral FIM generates one candidate.',
  frequency_penalty: 'Mistral FIM has no frequency penalty.',
  presence_penalty: 'Mistral FIM has no presence penalty.',
  logit_bias: 'Mistral has no logit bias.',
  logprobs: 'Mistral FIM returns no log probabilities.',
  user: 'Mistral has no end-user id.',
  stream_options: 'usage always arrives on the last chunk; Mistral refuses stream_options.',
}

export function toMistralFimRequest(
  params: Readonly<Record<string, unknown>>,
  context: GenerationRequestContext,
): Body {
  const suffix = params.suffix
  requireFeature(context, 'fim', typeof suffix === 'string' && suffix !== '' ? 'suffix' : 'model')
  const body: Body = { model: context.model, prompt: params.prompt }
  for (const key of Object.keys(params)) {
    if (CORE_KEYS.has(key) || key === 'prompt') continue
    const value = params[key]
    if (value === undefined || value === null) continue
    if (Object.hasOwn(UNSUPPORTED, key)) {
      if (Object.hasOwn(NEUTRAL, key) && NEUTRAL[key] === value) continue
      refuseUnsupported(context, key, UNSUPPORTED[key] as string)
      continue
    }
    const handler = Object.hasOwn(handlers, key) ? handlers[key] : undefined
    if (handler === undefined) {
      refuseUnsupported(context, key, 'it is not a completions parameter token.js knows.')
      continue
    }
    handler(value as never, body, context)
  }
  if (params.stream === true) body.stream = true
  return body
}

const handlers: Record<string, Handler> = {
  suffix: (value: string, body) => {
    body.suffix = value
  },
  temperature: (value: number, body, context) => {
    requireNumberInRange(context, 'temperature', value, { min: 0, max: 1.5 })
    body.temperature = value
  },
  top_p: (value: number, body, context) => {
    requireNumberInRange(context, 'top_p', value, { min: 0, minExclusive: true, max: 1 })
    body.top_p = value
  },
  max_tokens: (value: number, body, context) => {
    requireNumberInRange(context, 'max_tokens', value, { min: 0, integer: true })
    body.max_tokens = value
  },
  min_tokens: (value: number, body, context) => {
    requireNumberInRange(context, 'min_tokens', value, { min: 0, integer: true })
    body.min_tokens = value
  },
  stop: (value: string | string[], body) => {
    body.stop = value
  },
  seed: (value: number, body, context) => {
    requireNumberInRange(context, 'seed', value, { min: 0, integer: true })
    body.random_seed = value
  },
  n: (value: number, _body, context) => {
    if (value === 1) return
    throw new InputError(
      `Mistral FIM returns one completion per request (model '${context.model}'); 'n' must be 1. Call create() once per completion you need.`,
      'n',
    )
  },
  metadata: (value: Record<string, unknown>, body) => {
    body.metadata = value
  },
  prompt_cache_key: (value: string, body) => {
    body.prompt_cache_key = value
  },
}
