/**
 * OpenAI's error bodies (`ErrorResponse` in openai/openai-openapi `openapi.yaml`):
 * `{"error":{"message","type","param","code"}}`, all four keys present.
 */

/** OpenAI's error body: every key present, `null` where it does not apply. */
export type OpenAIErrorBody = {
  /** The error. */
  readonly error: {
    /** What went wrong, worded as the API words it. */
    readonly message: string
    /** E.g. `invalid_request_error`. */
    readonly type: string
    /** The parameter at fault, e.g. `messages[0].role`. */
    readonly param: string | null
    /** E.g. `model_not_found`, `invalid_value`. */
    readonly code: string | null
  }
}

/** An error answer the emulator sends: status and body. */
export interface OpenAIErrorReply {
  /** HTTP status, e.g. 400, 401, 404, 429. */
  readonly status: number
  /** OpenAI's error body, or a service's own shape (`OpenAIEmulatorQuirks`). */
  readonly body: OpenAIErrorBody | Record<string, unknown>
}

export function errorBody(
  message: string,
  param: string | null = null,
  code: string | null = null,
  type = 'invalid_request_error',
): OpenAIErrorBody {
  return { error: { message, type, param, code } }
}

export function badRequest(message: string, param: string | null = null, code: string | null = null): OpenAIErrorReply {
  return { status: 400, body: errorBody(message, param, code) }
}

/** OpenAI's known wording for a top-level key it does not know. */
export function unrecognizedArgument(key: string): OpenAIErrorReply {
  return badRequest(`Unrecognized request argument supplied: ${key}`, key)
}

export function modelNotFound(model: string): OpenAIErrorReply {
  return {
    status: 404,
    body: errorBody(`The model \`${model}\` does not exist or you do not have access to it.`, null, 'model_not_found'),
  }
}

/** 401 for a wrong key: only a masked hint of the key is echoed, as OpenAI does. */
export function invalidApiKey(given: string | undefined): OpenAIErrorReply {
  if (given === undefined || given === '') {
    return {
      status: 401,
      body: errorBody(
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.",
      ),
    }
  }
  const masked = given.length > 8 ? `${given.slice(0, 3)}${'*'.repeat(given.length - 7)}${given.slice(-4)}` : '***'
  return {
    status: 401,
    body: errorBody(
      `Incorrect API key provided: ${masked}. You can find your API key at https://platform.openai.com/account/api-keys.`,
      null,
      'invalid_api_key',
    ),
  }
}

/** The body a scripted `http` fault without a body sends, per status. */
export function defaultErrorBody(status: number): OpenAIErrorBody {
  if (status === 429) {
    return errorBody(
      'Rate limit reached for requests. Please try again in 1s.',
      null,
      'rate_limit_exceeded',
      'requests',
    )
  }
  if (status === 503)
    return errorBody(
      'The server is overloaded or not ready yet.',
      null,
      'server_is_overloaded',
      'service_unavailable_error',
    )
  if (status >= 500) {
    return errorBody(
      'The server had an error while processing your request. Sorry about that!',
      null,
      null,
      'server_error',
    )
  }
  if (status === 401) return errorBody('Incorrect API key provided.', null, 'invalid_api_key')
  if (status === 403)
    return errorBody(
      'Country, region, or territory not supported',
      null,
      'unsupported_country_region_territory',
      'request_forbidden',
    )
  if (status === 404) return errorBody('Not found.', null, null)
  return errorBody(`Scripted error ${status}`)
}

/** Without `code` (Groq leaves it out). */
export function withoutCode(body: OpenAIErrorReply['body']): OpenAIErrorReply['body'] {
  const error = (body as { error?: Record<string, unknown> }).error
  if (error === undefined) return body
  const { code: _code, ...rest } = error
  return { error: rest }
}
