/**
 * Errors users can act on: every status becomes its class with status, headers, code, type, param,
 * provider, requestId and the parsed body — through the public client, against the emulator over HTTP.
 */
import { describe, expect, it } from 'vitest'
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseParseError,
  TokenJSError,
  UnprocessableEntityError,
  isTokenJSError,
} from 'token.js'
import { useEmulator, UNKNOWN_MODEL } from '../e2e/harness.js'
import { rejectionOf, transports } from './support.js'

const harness = useEmulator()
const hello = [{ role: 'user' as const, content: 'Hello!' }]
const ask = (model = 'mistral-large-latest') => ({ provider: 'mistral' as const, model, messages: hello })

type ErrorClass = new (...args: never[]) => APIError

const statuses: Array<[status: number, errorClass: ErrorClass]> = [
  [400, BadRequestError],
  [401, AuthenticationError],
  [403, PermissionDeniedError],
  [404, NotFoundError],
  [409, ConflictError],
  [422, UnprocessableEntityError],
  [429, RateLimitError],
  [500, InternalServerError],
  [502, InternalServerError],
  [503, InternalServerError],
  [504, InternalServerError],
  [418, APIError],
]

describe.each(transports)('status → class, with every field (%s)', (_transport, transportOptions) => {
  it.each(statuses)('%i → %o', async (status, errorClass) => {
    const body = {
      object: 'error',
      message: `Scripted failure ${status}`,
      type: 'scripted_type',
      param: 'messages',
      code: `C${status}`,
    }
    harness.emulator.enqueue({
      kind: 'http',
      status,
      body,
      headers: { 'mistral-correlation-id': `corr-${status}`, 'x-ratelimit-remaining-req-minute': '7' },
    })
    const error = await rejectionOf(
      harness.client({ ...transportOptions, maxRetries: 0 }).chat.completions.create(ask()),
    )
    expect(error).toBeInstanceOf(errorClass)
    expect((error as object).constructor).toBe(errorClass)
    expect(error).toBeInstanceOf(APIError)
    expect(error).toBeInstanceOf(TokenJSError)
    expect(isTokenJSError(error)).toBe(true)
    const apiError = error as APIError
    // Only Mistral's invalid_model answer names the model (a Mistral 404 is an unknown path).
    const message = `${status} Scripted failure ${status}`
    expect(apiError.name).toBe(errorClass.name)
    expect(apiError.status).toBe(status)
    expect(apiError.message).toBe(message)
    expect(apiError.code).toBe(`C${status}`)
    expect(apiError.type).toBe('scripted_type')
    expect(apiError.param).toBe('messages')
    expect(apiError.provider).toBe('mistral')
    expect(apiError.requestId).toBe(`corr-${status}`)
    expect(apiError.body).toEqual(body)
    expect(apiError.headers?.['mistral-correlation-id']).toBe(`corr-${status}`)
    expect(apiError.headers?.['x-ratelimit-remaining-req-minute']).toBe('7')
    expect(apiError.headers?.['content-type']).toBe('application/json')
    expect(JSON.parse(JSON.stringify(apiError))).toEqual({
      name: errorClass.name,
      message,
      status,
      provider: 'mistral',
      code: `C${status}`,
      type: 'scripted_type',
      param: 'messages',
      requestId: `corr-${status}`,
    })
    expect(harness.emulator.requests).toHaveLength(1)
  })

  it('a real 401 from a wrong key: AuthenticationError with the gateway message and the request id', async () => {
    const error = await rejectionOf(
      harness.client({ ...transportOptions, apiKey: 'wrong-key-1234' }).chat.completions.create(ask()),
    )
    expect(error).toBeInstanceOf(AuthenticationError)
    const apiError = error as AuthenticationError
    expect(apiError.message).toBe('401 Unauthorized')
    expect(apiError.requestId).toMatch(/\S/)
    expect(apiError.requestId).toBe(harness.emulator.lastRequest() && apiError.headers?.['mistral-correlation-id'])
    expect(apiError.body).toMatchObject({ message: 'Unauthorized' })
  })

  it("Mistral's 400 invalid_model for an unknown model is a NotFoundError naming the model", async () => {
    const error = await rejectionOf(
      harness.client(transportOptions).chat.completions.create(ask('mistral-imaginary-9000')),
    )
    expect(error).toBeInstanceOf(NotFoundError)
    expect((error as NotFoundError).message).toContain("(model 'mistral-imaginary-9000', provider mistral)")
    expect((error as NotFoundError).message).not.toContain('retired')
    expect((error as NotFoundError).status).toBe(400)
  })

  it('the invalid_model answer for a retired id names its replacement (streaming too)', async () => {
    const error = await rejectionOf(
      harness.client(transportOptions).chat.completions.create({ ...ask('open-mixtral-8x22b'), stream: true }),
    )
    expect(error).toBeInstanceOf(NotFoundError)
    expect((error as NotFoundError).message).toMatch(
      /model 'open-mixtral-8x22b'.*retired on \d{4}-\d{2}-\d{2}; use 'mistral-small-latest' instead/,
    )
  })

  it('only a model-not-found answer gets the model added to its message', async () => {
    harness.emulator.enqueue({ kind: 'http', status: 400, body: { message: 'nope' } })
    const error = await rejectionOf(harness.client(transportOptions).chat.completions.create(ask(UNKNOWN_MODEL)))
    expect((error as APIError).message).toBe('400 nope')
  })
})

describe('every Mistral body shape gives a readable message through the client', () => {
  const shapes: Array<
    [name: string, status: number, body: string | Record<string, unknown>, message: string, code?: string | number]
  > = [
    [
      'message as a string',
      400,
      { object: 'error', message: 'Unexpected role', type: 'invalid_request_message_order', param: null, code: '3230' },
      'Unexpected role',
      '3230',
    ],
    [
      'message as an object with details, code null',
      422,
      {
        object: 'error',
        message: {
          detail: [{ type: 'extra_forbidden', loc: ['body', 'user'], msg: 'Extra inputs are not permitted' }],
        },
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
      'body.user: Extra inputs are not permitted (extra_forbidden)',
    ],
    [
      'message as an array, numeric code',
      422,
      {
        object: 'Error',
        message: [{ type: 'missing', loc: ['body', 'model'], msg: 'Field required' }],
        type: 'invalid_request_error',
        code: 3001,
      },
      'body.model: Field required (missing)',
      3001,
    ],
    [
      'message as stringified JSON',
      422,
      {
        object: 'error',
        message: '{"detail":[{"type":"missing","loc":["body","messages"],"msg":"Field required"}]}',
        type: 'internal_error_proxy',
        param: null,
        code: '1000',
      },
      'body.messages: Field required (missing)',
      '1000',
    ],
    ['bare message on 429', 429, { message: 'Requests rate limit exceeded' }, 'Requests rate limit exceeded'],
    ['plain text body', 503, 'no healthy upstream', 'no healthy upstream'],
    ['empty body', 500, '', 'HTTP 500 with an empty body.'],
  ]

  it.each(shapes)('%s', async (_name, status, body, message, code) => {
    harness.emulator.enqueue({ kind: 'http', status, body })
    const error = await rejectionOf(harness.client().chat.completions.create(ask()))
    expect(error).toBeInstanceOf(APIError)
    expect((error as APIError).message).toBe(`${status} ${message}`)
    expect((error as APIError).code).toBe(code)
    expect((error as APIError).body).toEqual(typeof body === 'string' ? (body === '' ? undefined : body) : body)
  })

  it('an HTML page from a proxy: InternalServerError with the page text and the raw HTML as body', async () => {
    harness.emulator.enqueue({ kind: 'html-error', status: 502 })
    const error = await rejectionOf(harness.client().chat.completions.create(ask()))
    expect(error).toBeInstanceOf(InternalServerError)
    expect((error as APIError).message).toBe('502 502 Bad Gateway 502 Bad Gateway cloudflare')
    expect((error as APIError).body).toContain('<html>')
    expect((error as APIError).headers?.['content-type']).toBe('text/html')
  })

  it('a 200 whose body is not JSON: ResponseParseError keeping the raw text', async () => {
    harness.emulator.enqueue({ kind: 'malformed-json' })
    const error = await rejectionOf(harness.client().chat.completions.create(ask()))
    expect(error).toBeInstanceOf(ResponseParseError)
    expect((error as ResponseParseError).raw).toMatch(/^\{"id":/)
    expect(() => JSON.parse((error as ResponseParseError).raw)).toThrow()
  })
})
