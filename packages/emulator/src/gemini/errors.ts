/**
 * Gemini error bodies: `google.rpc.Status` as JSON, `{"error":{"code","message","status","details"}}`.
 * Wordings come from recorded answers of generativelanguage.googleapis.com (see the emulator README for
 * each one's source); the ones marked assumed there were not seen in a recording.
 */

/** The canonical `google.rpc.Code` names the API uses, by HTTP status. */
export const STATUS_NAMES: Readonly<Record<number, string>> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  402: 'RESOURCE_EXHAUSTED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  408: 'DEADLINE_EXCEEDED',
  409: 'ABORTED',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  500: 'INTERNAL',
  501: 'NOT_IMPLEMENTED',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
}

/** An error answer the emulator sends: status and Google's error body. */
export interface GeminiErrorReply {
  /** HTTP status, e.g. 400, 404, 429. */
  readonly status: number
  /** The body, `{ error: { code, message, status, details } }`. */
  readonly body: {
    /** The error. */
    readonly error: GeminiErrorObject
  }
}

/** Google's error object (https://cloud.google.com/apis/design/errors). */
export interface GeminiErrorObject {
  /** The HTTP status again, as a number. */
  readonly code: number
  /** What went wrong, worded as the API words it. */
  readonly message: string
  /** The canonical code for the status, e.g. `INVALID_ARGUMENT`, `NOT_FOUND`, `RESOURCE_EXHAUSTED`. */
  readonly status: string
  /** Typed details, e.g. a `google.rpc.BadRequest` with field violations. */
  readonly details?: readonly Record<string, unknown>[]
}

export function geminiError(
  status: number,
  message: string,
  details?: readonly Record<string, unknown>[],
  statusName?: string,
): GeminiErrorReply {
  const error: GeminiErrorObject = {
    code: status,
    message,
    status: statusName ?? STATUS_NAMES[status] ?? (status >= 500 ? 'INTERNAL' : 'UNKNOWN'),
    ...(details === undefined ? {} : { details }),
  }
  return { status, body: { error } }
}

/** 400 with one line per problem and a `BadRequest` detail listing them (the shape of proto JSON parse errors). */
export function badRequest(violations: readonly { field?: string; description: string }[]): GeminiErrorReply {
  const message = violations.map((violation) => violation.description).join('\n')
  return geminiError(400, message, [
    {
      '@type': 'type.googleapis.com/google.rpc.BadRequest',
      fieldViolations: violations.map((violation) =>
        violation.field === undefined
          ? { description: violation.description }
          : { field: violation.field, description: violation.description },
      ),
    },
  ])
}

/** 400 INVALID_ARGUMENT with a plain message and no details (the semantic checks' shape). */
export function invalidArgument(message: string): GeminiErrorReply {
  return geminiError(400, message)
}

/** A bad key: 400 `API_KEY_INVALID` (continuedev/continue#8516 shows the body). */
export function apiKeyInvalid(): GeminiErrorReply {
  const message = 'API key not valid. Please pass a valid API key.'
  return geminiError(400, message, [
    {
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
      reason: 'API_KEY_INVALID',
      domain: 'googleapis.com',
      metadata: { service: 'generativelanguage.googleapis.com' },
    },
    { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message },
  ])
}

/** No key at all: 403 PERMISSION_DENIED for an unregistered caller. */
export function missingApiKey(): GeminiErrorReply {
  return geminiError(
    403,
    "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
    [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'SERVICE_DISABLED',
        domain: 'googleapis.com',
        metadata: { service: 'generativelanguage.googleapis.com' },
      },
    ],
  )
}

/** Recorded wording (pydantic/pydantic-ai cassettes `test_model_name_suggestion[google]`, `TestGoogle.test_embed_error`). */
export function modelNotFound(model: string, method: string): GeminiErrorReply {
  const list = method === 'generateContent' ? 'ModelService.ListModels' : 'ListModels'
  return geminiError(
    404,
    `models/${model} is not found for API version v1beta, or is not supported for ${method}. Call ${list} to see the list of available models and their supported methods.`,
  )
}

/** 429 with `QuotaFailure` and `RetryInfo` (vercel/ai `packages/google/src/__fixtures__/google-429-retry-info.json`). */
export function quotaExceeded(retryDelay = '30s'): GeminiErrorReply {
  return geminiError(429, 'You exceeded your current quota, please check your plan and billing details.', [
    {
      '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
      violations: [
        {
          quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests',
          quotaId: 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier',
        },
      ],
    },
    { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay },
  ])
}

/** The body the API sends for a status when a script gives none. */
export function defaultErrorBody(status: number): GeminiErrorReply['body'] {
  if (status === 429) return quotaExceeded().body
  if (status === 503) return geminiError(503, 'The model is overloaded. Please try again later.').body
  if (status === 500)
    return geminiError(
      500,
      'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
    ).body
  if (status === 504) return geminiError(504, 'The request timed out. Please try again.').body
  if (status === 403) return geminiError(403, 'The caller does not have permission').body
  if (status === 404) return geminiError(404, 'Requested entity was not found.').body
  return geminiError(status, `Scripted error ${status}`).body
}
