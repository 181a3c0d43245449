/**
 * OpenAI embedding params → Mistral's `POST /v1/embeddings` body, from a whitelist. `dimensions` becomes
 * `output_dimension` and is refused for models that cannot shorten their vectors; `encoding_format` is
 * never forwarded: token.js asks for floats and encodes base64 itself (see embeddings-response.ts).
 */
import type { EmbeddingDtype } from '../../capabilities.js'
import { refuseUnsupported, requireNumberInRange } from '../../core/feature-gate.js'
import type { GenerationRequestContext, EmbeddingsRequestContext } from '../../core/provider-adapter.js'
import { InputError } from '../../errors.js'

type Body = Record<string, unknown>
type Handler = (
  value: never,
  body: Body,
  context: EmbeddingsRequestContext,
  params: Readonly<Record<string, unknown>>,
) => void

/** Keys the core handles before the provider sees them. */
const CORE_KEYS = new Set(['provider', 'model', 'input'])

export function toMistralEmbeddingsRequest(
  params: Readonly<Record<string, unknown>>,
  input: readonly string[],
  context: EmbeddingsRequestContext,
): Body {
  const body: Body = { model: context.model, input: [...input] }
  for (const key of Object.keys(params)) {
    if (CORE_KEYS.has(key)) continue
    const value = params[key]
    if (value === undefined || value === null) continue
    const handler = Object.hasOwn(handlers, key) ? handlers[key] : undefined
    if (handler === undefined) {
      refuseUnsupported(gateContext(context), key, 'it is not an embeddings parameter token.js knows.')
      continue
    }
    handler(value as never, body, context, params)
  }
  return body
}

const handlers: Record<string, Handler> = {
  encoding_format: () => {
    // Validated by the core; the wire always carries floats.
  },
  dimensions: (value: number, body, context) => {
    const row = context.row
    if (row !== undefined && row.maxDimensions === undefined) {
      throw new InputError(
        `Model '${context.model}' (${context.provider}) always returns ${row.defaultDimensions}-dimension vectors and takes no 'dimensions'` +
          `${suggest(context, (other) => other.maxDimensions !== undefined, 'set dimensions')}. Remove 'dimensions' to get ${row.defaultDimensions}.`,
        'dimensions',
      )
    }
    requireNumberInRange(gateContext(context), 'dimensions', value, {
      min: 1,
      integer: true,
      ...(row?.maxDimensions === undefined ? {} : { max: row.maxDimensions }),
    })
    body.output_dimension = value
  },
  output_dtype: (value: EmbeddingDtype, body, context, params) => {
    if (value !== 'float') {
      const row = context.row
      if (row !== undefined && !row.outputDtypes.includes(value)) {
        throw new InputError(
          `Model '${context.model}' (${context.provider}) returns only float embeddings (parameter 'output_dtype')` +
            `${suggest(context, (other) => other.outputDtypes.includes(value), `return '${value}'`)}.`,
          'output_dtype',
        )
      }
      if (params.encoding_format === 'base64') {
        throw new InputError(
          `encoding_format 'base64' carries float32 values (as OpenAI's does), so it cannot carry output_dtype '${value}'. ` +
            `Use encoding_format 'float' to get the ${value} values as numbers.`,
          'encoding_format',
        )
      }
    }
    body.output_dtype = value
  },
  metadata: (value: Record<string, unknown>, body) => {
    body.metadata = value
  },
  user: (_value: string, _body, context) => {
    refuseUnsupported(gateContext(context), 'user', 'Mistral has no end-user id on embeddings.')
  },
}

/** `; models that can X: 'a'` — a current model of the table with the property, for error messages. */
function suggest(
  context: EmbeddingsRequestContext,
  test: (row: NonNullable<EmbeddingsRequestContext['row']>) => boolean,
  what: string,
): string {
  const match = Object.entries(context.models).find(
    ([, row]) => row.aliasOf === undefined && row.retirement === undefined && test(row),
  )
  if (match === undefined) return ''
  const alias = Object.entries(context.models).find(([, row]) => row.aliasOf === match[0])?.[0]
  return `; use a model that can ${what}, such as '${alias ?? match[0]}'`
}

/** The shared refusal helpers read only provider, model and the drop policy. */
function gateContext(context: EmbeddingsRequestContext): GenerationRequestContext {
  return {
    provider: context.provider,
    model: context.model,
    row: undefined,
    models: {},
    dropUnsupportedParams: context.dropUnsupportedParams,
    dropped: context.dropped,
  }
}
