/** The Gemini emulator over real HTTP: routes, auth, errors, SSE framing, deterministic replies, scripts and faults. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startGeminiEmulator, type GeminiEmulator } from '../../packages/emulator/src/index.js'

type Json = Record<string, any>
let emulator: GeminiEmulator

beforeAll(async () => {
  emulator = await startGeminiEmulator({ chunkSize: 2 })
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => emulator.reset())

const user = (text: string) => ({ role: 'user', parts: [{ text }] })
const weather = {
  name: 'get_weather',
  parametersJsonSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
}

async function post(
  path: string,
  body: unknown,
  headers: Record<string, string> = { 'x-goog-api-key': emulator.apiKey },
) {
  const response = await fetch(`${emulator.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() }
}
const json = async (path: string, body: unknown) => {
  const reply = await post(path, body)
  return { status: reply.status, body: JSON.parse(reply.text) as Json }
}
/** Splits an SSE body on the API's CRLF framing and parses each `data:` line. */
function events(text: string): Json[] {
  expect(text.endsWith('\r\n\r\n')).toBe(true)
  return text
    .split('\r\n\r\n')
    .filter((frame) => frame !== '')
    .map((frame) => {
      expect(frame.startsWith('data: ')).toBe(true)
      return JSON.parse(frame.slice(6)) as Json
    })
}

describe('routing and auth', () => {
  it('serves /v1beta/models/{model}:generateContent with the key in x-goog-api-key or ?key=', async () => {
    expect((await post('/models/gemini-3.8-flash:generateContent', { contents: [user('hi')] })).status).toBe(200)
    const byQuery = await post(
      `/models/gemini-3.8-flash:generateContent?key=${emulator.apiKey}`,
      { contents: [user('hi')] },
      {},
    )
    expect(byQuery.status).toBe(200)
    expect(emulator.lastRequest()?.path).toBe('/v1beta/models/gemini-3.8-flash:generateContent?key=***')
    expect(JSON.stringify(emulator.requests)).not.toContain(emulator.apiKey)
  })

  it('answers a missing key with 403 PERMISSION_DENIED and a wrong one with 400 API_KEY_INVALID', async () => {
    const missing = await post('/models/gemini-3.8-flash:generateContent', { contents: [user('hi')] }, {})
    expect(missing.status).toBe(403)
    expect(JSON.parse(missing.text).error).toMatchObject({ code: 403, status: 'PERMISSION_DENIED' })
    const wrong = await post(
      '/models/gemini-3.8-flash:generateContent',
      { contents: [user('hi')] },
      { 'x-goog-api-key': 'nope' },
    )
    expect(wrong.status).toBe(400)
    expect(JSON.parse(wrong.text).error.details[0]).toMatchObject({ reason: 'API_KEY_INVALID' })
  })

  it('answers unknown models with the recorded 404 and unknown URLs with an HTML 404', async () => {
    const unknown = await json('/models/gemini-3.6-flahs:generateContent', { contents: [user('hi')] })
    expect(unknown.status).toBe(404)
    expect(unknown.body.error.message).toBe(
      'models/gemini-3.6-flahs is not found for API version v1beta, or is not supported for generateContent. Call ModelService.ListModels to see the list of available models and their supported methods.',
    )
    const page = await post('/models/gemini-3.8-flash:explode', {})
    expect(page.status).toBe(404)
    expect(page.type).toContain('text/html')
    const embedOnChat = await json('/models/gemini-3.8-flash:batchEmbedContents', { requests: [] })
    expect(embedOnChat.body.error.message).toContain('is not supported for embedContent')
  })

  it('answers 404 for a model past its shutdown date, 200 before it', async () => {
    const before = await startGeminiEmulator({ now: () => Date.parse('2026-05-01') })
    const after = await startGeminiEmulator({ now: () => Date.parse('2026-06-02') })
    try {
      const ask = (target: GeminiEmulator) =>
        fetch(`${target.url}/models/gemini-2.0-flash:generateContent`, {
          method: 'POST',
          headers: { 'x-goog-api-key': target.apiKey },
          body: JSON.stringify({ contents: [user('hi')] }),
        })
      expect((await ask(before)).status).toBe(200)
      expect((await ask(after)).status).toBe(404)
    } finally {
      await Promise.all([before.close(), after.close()])
    }
  })

  it('pages GET /v1beta/models with nextPageToken and serves GET /v1beta/models/{id}', async () => {
    const names: string[] = []
    let token: string | undefined
    let pages = 0
    do {
      const response = await fetch(
        `${emulator.url}/models?pageSize=5${token === undefined ? '' : `&pageToken=${token}`}`,
        { headers: { 'x-goog-api-key': emulator.apiKey } },
      )
      const page = (await response.json()) as { models: Json[]; nextPageToken?: string }
      expect(page.models.length).toBeLessThanOrEqual(5)
      names.push(...page.models.map((model) => model.name as string))
      token = page.nextPageToken
      pages++
    } while (token !== undefined)
    expect(pages).toBeGreaterThan(1)
    expect(new Set(names).size).toBe(names.length)
    expect(names).toContain('models/gemini-embedding-001')
    expect(names).not.toContain('models/gemini-1.5-flash')
    const card = (await (
      await fetch(`${emulator.url}/models/gemini-3.8-flash`, { headers: { 'x-goog-api-key': emulator.apiKey } })
    ).json()) as Json
    expect(card).toMatchObject({
      name: 'models/gemini-3.8-flash',
      supportedGenerationMethods: expect.arrayContaining(['generateContent']),
    })
  })
})

describe('validation', () => {
  it('lists every unknown name with its snake_case path, as the API does', async () => {
    const reply = await json('/models/gemini-3.8-flash:generateContent', {
      contents: [user('x')],
      tools: [
        {
          functionDeclarations: [
            { name: 'f', parameters: { type: 'object', properties: { a: { type: 'string', const: 'x' } } } },
          ],
        },
      ],
      stream: true,
    })
    expect(reply.status).toBe(400)
    expect(reply.body.error.message).toBe(
      'Invalid JSON payload received. Unknown name "const" at \'tools[0].function_declarations[0].parameters.properties[0].value\': Cannot find field.\nInvalid JSON payload received. Unknown name "stream": Cannot find field.',
    )
    expect(reply.body.error.details[0]['@type']).toBe('type.googleapis.com/google.rpc.BadRequest')
    expect(reply.body.error.details[0].fieldViolations[0].field).toBe(
      'tools[0].function_declarations[0].parameters.properties[0].value',
    )
  })

  it('accepts the snake_case spellings proto JSON accepts', async () => {
    const reply = await json('/models/gemini-2.5-flash:generateContent', {
      contents: [user('x')],
      generation_config: { max_output_tokens: 20 },
      tools: [{ function_declarations: [{ name: 'f', parameters_json_schema: { type: 'object' } }] }],
    })
    expect(reply.status).toBe(200)
  })

  it('refuses more than 100 embedding requests with the recorded message', async () => {
    const request = { model: 'models/gemini-embedding-001', content: { parts: [{ text: 'x' }] } }
    const reply = await json('/models/gemini-embedding-001:batchEmbedContents', {
      requests: Array.from({ length: 101 }, () => request),
    })
    expect(reply.status).toBe(400)
    expect(reply.body.error.message).toBe(
      '* BatchEmbedContentsRequest.requests: at most 100 requests can be in one batch\n',
    )
  })
})

describe('deterministic replies', () => {
  it('echoes the user, bills thoughts, signs Gemini 3 answers and is stable', async () => {
    const first = await json('/models/gemini-3.8-flash:generateContent', { contents: [user('Hello there')] })
    const second = await json('/models/gemini-3.8-flash:generateContent', { contents: [user('Hello there')] })
    const candidate = first.body.candidates[0]
    expect(candidate).toMatchObject({
      content: { role: 'model', parts: [{ text: 'You said: Hello there' }] },
      finishReason: 'STOP',
      index: 0,
    })
    expect(typeof candidate.content.parts[0].thoughtSignature).toBe('string')
    const usage = first.body.usageMetadata
    expect(usage.totalTokenCount).toBe(usage.promptTokenCount + usage.candidatesTokenCount + usage.thoughtsTokenCount)
    expect(second.body.candidates).toEqual(first.body.candidates)
    expect(first.body.modelVersion).toBe('gemini-3.8-flash')
  })

  it('returns thought parts only with includeThoughts, and several candidates where allowed', async () => {
    const thinking = await json('/models/gemini-3.8-flash:generateContent', {
      contents: [user('x')],
      generationConfig: { thinkingConfig: { includeThoughts: true, thinkingLevel: 'HIGH' } },
    })
    expect(thinking.body.candidates[0].content.parts[0]).toMatchObject({ thought: true })
    const two = await json('/models/gemini-2.5-flash:generateContent', {
      contents: [user('x')],
      generationConfig: { candidateCount: 2 },
    })
    expect(two.body.candidates.map((candidate: Json) => candidate.index)).toEqual([0, 1])
    expect(two.body.candidates[1].content.parts[0].text).toBe('You said: x (candidate 2)')
  })

  it('calls a named function with a signed first call and ids on Gemini 3', async () => {
    const reply = await json('/models/gemini-3.8-flash:generateContent', {
      contents: [user('use get_weather')],
      tools: [{ functionDeclarations: [weather] }],
    })
    const part = reply.body.candidates[0].content.parts[0]
    expect(part.functionCall).toMatchObject({ name: 'get_weather', args: { city: expect.any(String) } })
    expect(part.functionCall.id).toMatch(/^[a-z0-9]{8}$/)
    expect(typeof part.thoughtSignature).toBe('string')
    const old = await json('/models/gemini-2.5-flash:generateContent', {
      contents: [user('use get_weather')],
      tools: [{ functionDeclarations: [weather] }],
    })
    expect(old.body.candidates[0].content.parts[0].functionCall.id).toBeUndefined()
  })

  it('stops at MAX_TOKENS and at stop sequences; counts tokens', async () => {
    const cut = await json('/models/gemini-2.5-flash:generateContent', {
      contents: [user('one two three four five')],
      generationConfig: { maxOutputTokens: 3, thinkingConfig: { thinkingBudget: 0 } },
    })
    expect(cut.body.candidates[0]).toMatchObject({
      finishReason: 'MAX_TOKENS',
      content: { parts: [{ text: 'You said:' }] },
    })
    const stopped = await json('/models/gemini-2.5-flash:generateContent', {
      contents: [user('alpha beta')],
      generationConfig: { stopSequences: ['beta'] },
    })
    expect(stopped.body.candidates[0].content.parts[0].text).toBe('You said: alpha ')
    const count = await json('/models/gemini-2.5-flash:countTokens', { contents: [user('Hello, world!')] })
    expect(count.body).toMatchObject({ totalTokens: 4, promptTokensDetails: [{ modality: 'TEXT', tokenCount: 4 }] })
  })

  it('embeds one or many texts deterministically', async () => {
    const one = await json('/models/gemini-embedding-001:embedContent', {
      content: { parts: [{ text: 'hello' }] },
      outputDimensionality: 8,
    })
    expect(one.body.embedding.values).toHaveLength(8)
    const many = await json('/models/gemini-embedding-001:batchEmbedContents', {
      requests: ['hello', 'world'].map((text) => ({
        model: 'models/gemini-embedding-001',
        content: { parts: [{ text }] },
      })),
    })
    expect(many.body.embeddings).toHaveLength(2)
    expect(many.body.embeddings[0].values).toHaveLength(3072)
  })
})

describe('streaming', () => {
  it('sends whole GenerateContentResponses with cumulative usage and the finish on the last event', async () => {
    const body = { contents: [user('a b c d e f g h')] }
    const stream = await post('/models/gemini-3.8-flash:streamGenerateContent?alt=sse', body)
    expect(stream.type).toContain('text/event-stream')
    const list = events(stream.text)
    expect(list.length).toBeGreaterThan(2)
    const whole = (await json('/models/gemini-3.8-flash:generateContent', body)).body
    const text = list
      .flatMap((event) => event.candidates[0].content.parts)
      .map((part: Json) => part.text)
      .join('')
    expect(text).toBe(whole.candidates[0].content.parts[0].text)
    for (const event of list)
      expect(event).toMatchObject({
        modelVersion: 'gemini-3.8-flash',
        responseId: whole.responseId,
        usageMetadata: { promptTokenCount: expect.any(Number) },
      })
    const counts = list.map((event) => event.usageMetadata.candidatesTokenCount ?? 0)
    expect([...counts].sort((a, b) => a - b)).toEqual(counts)
    expect(list.slice(0, -1).every((event) => event.candidates[0].finishReason === undefined)).toBe(true)
    expect(list[list.length - 1]?.candidates[0].finishReason).toBe('STOP')
    expect(list[list.length - 1]?.usageMetadata).toEqual(whole.usageMetadata)
  })

  it('streams a JSON array without alt=sse', async () => {
    const reply = await post('/models/gemini-3.8-flash:streamGenerateContent', { contents: [user('x')] })
    expect(reply.type).toContain('application/json')
    expect(Array.isArray(JSON.parse(reply.text))).toBe(true)
  })
})

describe('scripts and faults', () => {
  it('scripts Gemini finish reasons, blocked prompts and usage', async () => {
    emulator.enqueue({ kind: 'gemini-reply', finishReason: 'SAFETY' })
    const safety = await json('/models/gemini-3.8-flash:generateContent', { contents: [user('x')] })
    expect(safety.body.candidates[0].finishReason).toBe('SAFETY')
    expect(safety.body.candidates[0].content).toBeUndefined()
    emulator.enqueue({ kind: 'gemini-reply', blockReason: 'PROHIBITED_CONTENT' })
    const blocked = await post('/models/gemini-3.8-flash:streamGenerateContent?alt=sse', { contents: [user('x')] })
    const [only] = events(blocked.text)
    expect(only?.candidates).toBeUndefined()
    expect(only?.promptFeedback).toEqual({ blockReason: 'PROHIBITED_CONTENT' })
    emulator.enqueue({ kind: 'reply', content: 'scripted', usage: { prompt_tokens: 3 } })
    const scripted = await json('/models/gemini-2.5-flash:generateContent', { contents: [user('x')] })
    expect(scripted.body.candidates[0].content.parts[0].text).toBe('scripted')
  })

  it('sends Google error bodies for scripted statuses and an error event mid-stream', async () => {
    emulator.enqueue({ kind: 'http', status: 429 }, { kind: 'http', status: 503 })
    const limited = await json('/models/gemini-3.8-flash:generateContent', { contents: [user('x')] })
    expect(limited.status).toBe(429)
    expect(limited.body.error).toMatchObject({
      status: 'RESOURCE_EXHAUSTED',
      details: expect.arrayContaining([expect.objectContaining({ retryDelay: expect.any(String) })]),
    })
    const overloaded = await json('/models/gemini-3.8-flash:generateContent', { contents: [user('x')] })
    expect(overloaded.body.error).toMatchObject({ code: 503, status: 'UNAVAILABLE' })
    emulator.enqueue({ kind: 'stream-error', afterChunks: 1 })
    const broken = events(
      (await post('/models/gemini-3.8-flash:streamGenerateContent?alt=sse', { contents: [user('a b c d e f')] })).text,
    )
    expect(broken).toHaveLength(2)
    expect(broken[1]?.error).toMatchObject({ code: 500, status: 'INTERNAL' })
  })

  it('runs the kit faults (reset) on its routes', async () => {
    emulator.enqueue({ kind: 'reset', route: 'generate' })
    await expect(post('/models/gemini-3.8-flash:generateContent', { contents: [user('x')] })).rejects.toThrow()
  })
})
