/**
 * Helpers only the lazily loaded pipelines (embeddings, completions, model list) use; what they share with
 * the chat pipeline is in call-provider.ts, re-exported here for them.
 */
import { InputError } from '../errors.js'

export {
  callProvider,
  readJsonBody,
  describeModelNotFound,
  resolveProvider,
  timeoutOf,
  maxResponseSizeOf,
  type ProviderCall,
} from './call-provider.js'

/** `params.model` as a non-empty string. */
export function requireModelId(record: Record<string, unknown>, example: string): string {
  const model = record.model
  if (typeof model !== 'string' || model.trim() === '') {
    throw new InputError(`'model' must be a non-empty string, e.g. '${example}'.`, 'model')
  }
  return model
}
