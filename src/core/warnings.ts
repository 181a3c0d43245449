/**
 * What token.js changed in a request before sending it, so nothing it drops is silent: the list rides on
 * the result (`warnings`), on a stream (`stream.warnings`) and goes to the client's `onWarning` hook.
 * Named as vercel/ai names the same thing (`warnings`, `type: 'unsupported'`); the dropped parameter is
 * `param`, as on an InputError.
 */
import type { ClientOptions } from './client-options.js'

/** A parameter or message field the provider has no place for, dropped because `dropUnsupportedParams` is set. */
export interface TokenJSWarning {
  /** `'unsupported'`: the provider (or this model) has no place for `param`, so it was not sent. */
  readonly type: 'unsupported'
  /** The parameter as the request names it, e.g. `'logit_bias'` or `'messages[2].name'`. */
  readonly param: string
  /** Why it could not be sent, in one sentence. */
  readonly details: string
  /** The provider id the request went to. */
  readonly provider: string
  /** The model id of the request. */
  readonly model: string
}

/** A parameter a mapper or the validation dropped: what `context.dropped` collects. */
export interface DroppedParam {
  /** Path of the dropped parameter, e.g. `logprobs` or `messages[1].name`. */
  readonly param: string
  /** Why the provider has no place for it, in one sentence. */
  readonly reason: string
}

/**
 * The warnings of one request, one per parameter (a mapper that runs per batch records a parameter once
 * per batch); each goes to `onWarning` once, before the request is sent.
 */
export function reportDropped(
  options: Pick<ClientOptions, 'onWarning'>,
  dropped: readonly DroppedParam[],
  provider: string,
  model: string,
): TokenJSWarning[] | undefined {
  if (dropped.length === 0) return undefined
  const byParam = new Map(dropped.map((entry) => [entry.param, entry.reason]))
  const warnings = [...byParam].map(([param, reason]): TokenJSWarning => ({
    type: 'unsupported',
    param,
    details: reason,
    provider,
    model,
  }))
  for (const warning of warnings) options.onWarning?.(warning)
  return warnings
}
