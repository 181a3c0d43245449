/**
 * Pure helpers providers use to refuse what a model or provider cannot do, with messages that name
 * the parameter, the model and what to do instead.
 */
import { featureLabels, isRetired, type FeatureName, type ModelTable } from '../capabilities.js'
import { InputError } from '../errors.js'
import type { GenerationRequestContext } from './provider-adapter.js'

/**
 * Whether the model is known and lacks `feature` (unknown models pass): what `requireFeature` refuses. A
 * caller whose param path is costly to build (one per content part) asks this first.
 */
export function lacksFeature(context: GenerationRequestContext, feature: FeatureName): boolean {
  return context.row !== undefined && !context.row[feature]
}

/** Throws an InputError when the model is known and lacks `feature`. Unknown models pass. */
export function requireFeature(context: GenerationRequestContext, feature: FeatureName, param: string): void {
  if (!lacksFeature(context, feature)) return
  const alternative = suggestModelWith(context, feature)
  const instead = alternative === undefined ? '' : `; use a model that does, such as '${alternative}'`
  throw new InputError(
    `Model '${context.model}' (${context.provider}) does not support ${featureLabels[feature]} ` +
      `(parameter '${param}')${instead}.`,
    param,
  )
}

/** A current model of the same provider with the feature, for error messages. */
export function suggestModelWith(context: GenerationRequestContext, feature: FeatureName): string | undefined {
  return exampleModelId(context.models, feature)
}

/** A current model of `models` with the feature (a `-latest` alias first), for examples in messages. */
export function exampleModelId(models: ModelTable, feature: FeatureName): string | undefined {
  let fallback: string | undefined
  for (const [id, row] of Object.entries(models)) {
    if (!row[feature] || isRetired(row) || row.retirement !== undefined) continue
    if (id.endsWith('-latest')) return id
    fallback ??= id
  }
  return fallback
}

/**
 * The policy for parameters a provider has no place for: an InputError naming the parameter, unless
 * the caller opted in to dropping unsupported parameters (then it is recorded in `context.dropped`, which reaches the caller as warnings).
 */
export function refuseUnsupported(context: GenerationRequestContext, param: string, hint: string): void {
  if (context.dropUnsupportedParams) {
    context.dropped.push({ param, reason: hint })
    return
  }
  throw new InputError(
    `Parameter '${param}' is not supported by ${context.provider} (model '${context.model}'): ${hint} ` +
      `Remove it, or set dropUnsupportedParams: true to drop unsupported parameters.`,
    param,
  )
}

/** Throws unless `value` is a finite number within [min, max] (bounds optional, exclusivity per flag). */
export function requireNumberInRange(
  context: GenerationRequestContext,
  param: string,
  value: number,
  range: { min?: number; max?: number; minExclusive?: boolean; integer?: boolean },
): void {
  const belowMin = range.min !== undefined && (range.minExclusive === true ? value <= range.min : value < range.min)
  const aboveMax = range.max !== undefined && value > range.max
  const notInteger = range.integer === true && !Number.isInteger(value)
  if (!belowMin && !aboveMax && !notInteger) return
  const low = range.min === undefined ? '' : `${range.minExclusive === true ? '>' : '≥'} ${range.min}`
  const high = range.max === undefined ? '' : `≤ ${range.max}`
  const bounds = [low, high].filter(Boolean).join(' and ')
  const kind = range.integer === true ? 'an integer' : 'a number'
  throw new InputError(
    `Parameter '${param}' is ${value}, but ${context.provider} (model '${context.model}') accepts ` +
      `${kind}${bounds === '' ? '' : ` ${bounds}`}. Pass a value in that range.`,
    param,
  )
}
