/**
 * Compile-time tests (`npm run typecheck`): mistyped client options are compile errors (the run-time
 * check with its "did you mean" is for JavaScript callers: test/e2e/option-validation.test.ts), and
 * `providers` takes settings under the ids of the registered providers only.
 */
import { TokenJS } from 'token.js'

export const known = new TokenJS({
  timeout: 30_000,
  maxRetries: 1,
  providers: { mistral: { apiKey: 'k' }, openai: { baseURL: 'http://localhost:8080/v1' }, 'openai-compatible': {} },
})

// @ts-expect-error 'timeOut' is not an option ('timeout' is).
export const timeOut = new TokenJS({ timeOut: 30_000 })
// @ts-expect-error 'maxRetry' is not an option ('maxRetries' is).
export const maxRetry = new TokenJS({ maxRetry: 1 })
// @ts-expect-error 'mistrall' is not a provider id ('mistral' is).
export const mistrall = new TokenJS({ providers: { mistrall: { apiKey: 'k' } } })
// @ts-expect-error 'apikey' is not a provider setting ('apiKey' is).
export const apikey = new TokenJS({ providers: { mistral: { apikey: 'k' } } })
