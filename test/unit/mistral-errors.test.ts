/**
 * parseMistralError by table: every error-body shape Mistral is known to send (the issue threads cited
 * in src/providers/shared/error-body.ts and beside each case, and the proxies in front of the API)
 * becomes one readable line plus code/type/param when the body has them.
 */
import { describe, expect, it } from 'vitest'
import { parseMistralError } from '../../src/providers/mistral/errors.js'
import { stringify } from '../support/text.js'

/** Parses `raw` the way send-request.ts does before calling the provider parser. */
function parse(status: number | undefined, raw: string) {
  let body: unknown = raw
  try {
    body = raw === '' ? undefined : JSON.parse(raw)
  } catch {
    // not JSON: the text is passed as the body
  }
  return parseMistralError(status, body, raw)
}

const extraForbidden = {
  type: 'extra_forbidden',
  loc: ['body', 'stream_options', 'include_usage'],
  msg: 'Extra inputs are not permitted',
  input: true,
}
const cloudflare502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n'

type Row = [
  name: string,
  status: number | undefined,
  raw: string,
  expected: { message: string; code?: string | number; type?: string; param?: string },
]

const rows: Row[] = [
  [
    'documented body (error glossary)',
    404,
    '{"object":"error","message":"Invalid model: mistral-nope","type":"invalid_request_error","param":"model","code":"unknown_model"}',
    { message: 'Invalid model: mistral-nope', type: 'invalid_request_error', param: 'model', code: 'unknown_model' },
  ],
  [
    '400 message order, code as a string, param null',
    400,
    `{"object":"error","message":"Unexpected role 'user' after role 'tool'","type":"invalid_request_message_order","param":null,"code":"3230"}`,
    { message: "Unexpected role 'user' after role 'tool'", type: 'invalid_request_message_order', code: '3230' },
  ],
  [
    '400 with raw_status_code',
    400,
    '{"object":"error","message":"Tool call id was turn1_0 but must be a-z, A-Z, 0-9, with a length of 9.","type":"invalid_function_call","param":null,"code":"3280","raw_status_code":400}',
    {
      message: 'Tool call id was turn1_0 but must be a-z, A-Z, 0-9, with a length of 9.',
      type: 'invalid_function_call',
      code: '3280',
    },
  ],
  [
    '422 (2024): message is an object holding pydantic details, code null',
    422,
    JSON.stringify({
      object: 'error',
      message: { detail: [extraForbidden] },
      type: 'invalid_request_error',
      param: null,
      code: null,
    }),
    {
      message: 'body.stream_options.include_usage: Extra inputs are not permitted (extra_forbidden)',
      type: 'invalid_request_error',
    },
  ],
  [
    '422 (2025-11): object "Error", top-level detail, message an array, numeric code',
    422,
    JSON.stringify({
      object: 'Error',
      detail: [extraForbidden],
      message: [extraForbidden],
      type: 'invalid_request_error',
      code: 3001,
    }),
    {
      message: 'body.stream_options.include_usage: Extra inputs are not permitted (extra_forbidden)',
      type: 'invalid_request_error',
      code: 3001,
    },
  ],
  [
    '422 (2024-01): message is stringified JSON',
    422,
    JSON.stringify({
      object: 'error',
      message: JSON.stringify({ detail: [extraForbidden] }),
      type: 'internal_error_proxy',
      param: null,
      code: '1000',
    }),
    {
      message: 'body.stream_options.include_usage: Extra inputs are not permitted (extra_forbidden)',
      type: 'internal_error_proxy',
      code: '1000',
    },
  ],
  [
    '422: several details joined, numeric loc entries kept',
    422,
    JSON.stringify({
      detail: [
        { type: 'missing', loc: ['body', 'messages', 0, 'content'], msg: 'Field required' },
        { type: 'greater_than_equal', loc: ['body', 'n'], msg: 'Input should be greater than or equal to 1' },
      ],
    }),
    {
      message:
        'body.messages.0.content: Field required (missing); body.n: Input should be greater than or equal to 1 (greater_than_equal)',
    },
  ],
  ['FastAPI detail as a string', 404, '{"detail":"Not Found"}', { message: 'Not Found' }],
  [
    '429 bare message (gateway)',
    429,
    '{"message":"Requests rate limit exceeded"}',
    { message: 'Requests rate limit exceeded' },
  ],
  [
    '429 rate_limited',
    429,
    '{"object":"error","message":"Rate limit exceeded","type":"rate_limited","param":null,"code":"1300"}',
    { message: 'Rate limit exceeded', type: 'rate_limited', code: '1300' },
  ],
  [
    '401 gateway body with request_id',
    401,
    '{"message":"Unauthorized","request_id":"abc123"}',
    { message: 'Unauthorized' },
  ],
  [
    '500 service unavailable',
    500,
    '{"object":"error","message":"Service unavailable.","type":"internal_server_error","param":null,"code":"3000"}',
    { message: 'Service unavailable.', type: 'internal_server_error', code: '3000' },
  ],
  [
    'OpenAI-style nested error object (OpenAI-compatible proxies)',
    400,
    '{"error":{"message":"Bad things","type":"invalid_request_error","param":"messages","code":"bad"}}',
    { message: 'Bad things', type: 'invalid_request_error', param: 'messages', code: 'bad' },
  ],
  ['error as a plain string (proxies)', 403, '{"error":"Forbidden by policy"}', { message: 'Forbidden by policy' }],
  ['HTML page from a proxy', 502, cloudflare502, { message: '502 Bad Gateway 502 Bad Gateway cloudflare' }],
  [
    'plain text',
    503,
    'upstream connect error or disconnect/reset before headers',
    { message: 'upstream connect error or disconnect/reset before headers' },
  ],
  ['empty body', 503, '', { message: 'HTTP 503 with an empty body.' }],
  ['whitespace-only body', 500, '  \n ', { message: 'HTTP 500 with an empty body.' }],
  ['empty body inside a stream (no status)', undefined, '', { message: 'Unknown error.' }],
  ['stringified message that is not JSON after all', 400, '{"message":"{not json"}', { message: '{not json' }],
  ['nested message object', 400, '{"message":{"message":"inner text"}}', { message: 'inner text' }],
  [
    'detail entry without msg is shown as JSON',
    422,
    '{"detail":[{"loc":["body"],"weird":1}]}',
    { message: 'body: {"loc":["body"],"weird":1}' },
  ],
]

describe('parseMistralError', () => {
  it.each(rows)('%s', (_name, status, raw, expected) => {
    const parsed = parse(status, raw)
    expect(parsed.message).toBe(expected.message)
    expect(parsed.code).toBe(expected.code)
    expect(parsed.type).toBe(expected.type)
    expect(parsed.param).toBe(expected.param)
  })

  it('cuts a long non-JSON body to 300 characters', () => {
    const parsed = parse(502, `<html><body>${'x'.repeat(5_000)}</body></html>`)
    expect(parsed.message).toBe(`${'x'.repeat(300)}…`)
  })

  it('never throws, and always returns a non-empty message, whatever the body', () => {
    const bodies: unknown[] = [
      null,
      0,
      42,
      true,
      'text',
      [],
      [null],
      [1, 'a'],
      {},
      { message: null },
      { message: 42 },
      { message: '' },
      { message: [] },
      { message: [null, 3] },
      { detail: [null] },
      { detail: [undefined, { loc: 'not-an-array', msg: 5 }] },
      { detail: {} },
      { message: { detail: [null] } },
      { error: null },
      { error: [] },
      { error: { message: { detail: 'nested' } } },
      { code: { nested: true }, type: 7, param: ['x'] },
    ]
    for (const body of bodies) {
      for (const status of [undefined, 400, 500]) {
        const raw = stringify(body) ?? ''
        const parsed = parseMistralError(status, body, raw)
        expect(typeof parsed.message, raw).toBe('string')
        expect(parsed.message.trim(), raw).not.toBe('')
        expect(['string', 'number', 'undefined']).toContain(typeof parsed.code)
        expect(['string', 'undefined']).toContain(typeof parsed.type)
        expect(['string', 'undefined']).toContain(typeof parsed.param)
      }
    }
  })
})
