/**
 * The emulators' default answers look like a model's: tool arguments and `json_schema` answers are read from
 * the user's text and the schema (`get_weather({"city":"Paris"})`, not `{"city":"city"}`), and embeddings'
 * cosine similarity follows the text (paraphrases close, unrelated texts far).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  checkJsonSchemaInstance,
  jsonSchemaInstance,
  startAnthropicEmulator,
  startGeminiEmulator,
  startOpenAIEmulator,
  type AnthropicEmulator,
  type GeminiEmulator,
  type MistralEmulator,
  type OpenAIEmulator,
} from '@tokenjs/emulator'
import { postChat, startTestEmulator, user, weatherTool } from './helpers.js'

const weather = weatherTool.function.parameters

describe('tool arguments from the text and the schema', () => {
  it.each([
    ["What's the weather in Paris?", { city: 'Paris', unit: 'celsius', days: 1 }],
    ['Weather in Lyon for 3 days, in fahrenheit please', { city: 'Lyon', unit: 'fahrenheit', days: 3 }],
    // 30 is outside days' 1..7, so it is not taken; the lower-case place after "in" is.
    ['forecast in new york for the next 30 days', { city: 'new york', unit: 'celsius', days: 1 }],
    // Nothing in the text: a plausible place, the first enum value, the minimum.
    ['hi', { city: 'Paris', unit: 'celsius', days: 1 }],
  ])('%s → %j', (text, expected) => {
    const value = jsonSchemaInstance(weather, text)
    expect(value).toEqual(expected)
    expect(checkJsonSchemaInstance(weather, value)).toEqual([])
  })

  it('places by preposition, numbers next to their word, ISO dates, quoted text, lists of names, e-mails', () => {
    const flight = {
      type: 'object',
      properties: {
        origin: { type: 'string' },
        destination: { type: 'string' },
        passengers: { type: 'integer', minimum: 1 },
        bags: { type: 'integer', minimum: 0 },
        date: { type: 'string', format: 'date' },
      },
      required: ['origin', 'destination', 'passengers', 'bags', 'date'],
    }
    expect(
      jsonSchemaInstance(flight, 'Book a flight to San Francisco from New York on 2026-03-14, 1 bag and 2 passengers'),
    ).toEqual({
      origin: 'New York',
      destination: 'San Francisco',
      passengers: 2,
      bags: 1,
      date: '2026-03-14',
    })
    const search = { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] }
    expect(jsonSchemaInstance(search, 'Search the docs for "rate limits"')).toEqual({ query: 'rate limits' })
    expect(jsonSchemaInstance(search, 'how do retries work')).toEqual({ query: 'how do retries work' })
    const cities = { type: 'object', properties: { cities: { type: 'array', items: { type: 'string' } } } }
    expect(jsonSchemaInstance(cities, 'Compare Paris, Rome and Berlin')).toEqual({
      cities: ['Paris', 'Rome', 'Berlin'],
    })
    const mail = { type: 'object', properties: { to: { type: 'string', format: 'email' } }, required: ['to'] }
    expect(jsonSchemaInstance(mail, 'Mail alice@example.com the report')).toEqual({ to: 'alice@example.com' })
    const person = { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer' } } }
    expect(jsonSchemaInstance(person, 'Extract: John Smith is 42 years old')).toEqual({ name: 'John Smith', age: 42 })
  })

  it('is deterministic, and without text keeps the schema instance it always gave', () => {
    expect(jsonSchemaInstance(weather, 'Weather in Oslo?')).toEqual(jsonSchemaInstance(weather, 'Weather in Oslo?'))
    expect(jsonSchemaInstance({ type: 'object', properties: { note: { type: 'string' } } })).toEqual({ note: 'note' })
  })
})

describe('over HTTP, on every emulator', () => {
  let mistral: MistralEmulator
  let openai: OpenAIEmulator
  let anthropic: AnthropicEmulator
  let gemini: GeminiEmulator
  beforeAll(async () => {
    ;[mistral, openai, anthropic, gemini] = await Promise.all([
      startTestEmulator(),
      startOpenAIEmulator(),
      startAnthropicEmulator(),
      startGeminiEmulator(),
    ])
  })
  afterAll(() => Promise.all([mistral.close(), openai.close(), anthropic.close(), gemini.close()]))

  const question = 'What is the weather in Paris? Use get_weather.'
  const expected = { city: 'Paris', unit: 'celsius', days: 1 }

  it('Mistral and OpenAI: get_weather({"city":"Paris",…})', async () => {
    const answer = await postChat(mistral, {
      model: 'mistral-large-latest',
      messages: [user(question)],
      tools: [weatherTool],
    })
    expect(JSON.parse(answer.json.choices[0].message.tool_calls[0].function.arguments)).toEqual(expected)
    const response = await fetch(`${openai.url}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${openai.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o', messages: [user(question)], tools: [weatherTool] }),
    })
    const body = (await response.json()) as {
      choices: { message: { tool_calls: { function: { arguments: string } }[] } }[]
    }
    expect(JSON.parse(body.choices[0]!.message.tool_calls[0]!.function.arguments)).toEqual(expected)
  })

  it('Mistral json_schema answers read the text too', async () => {
    const answer = await postChat(mistral, {
      model: 'mistral-large-latest',
      messages: [user('Extract the person: Ada Lovelace, 36 years old.')],
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'person',
          schema: {
            type: 'object',
            properties: { name: { type: 'string' }, age: { type: 'integer' } },
            required: ['name', 'age'],
          },
        },
      },
    })
    expect(JSON.parse(answer.json.choices[0].message.content)).toEqual({ name: 'Ada Lovelace', age: 36 })
  })

  it('Anthropic tool_use input and Gemini functionCall args', async () => {
    const response = await fetch(`${anthropic.url}/messages`, {
      method: 'POST',
      headers: { 'x-api-key': anthropic.apiKey, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'claude-sonnet-5-5',
        max_tokens: 100,
        messages: [user(question)],
        tools: [{ name: 'get_weather', input_schema: weather }],
        tool_choice: { type: 'any' },
      }),
    })
    const message = (await response.json()) as { content: { type: string; input?: unknown }[] }
    expect(response.status).toBe(200)
    expect(message.content.find((block) => block.type === 'tool_use')?.input).toEqual(expected)
    const generated = await fetch(`${gemini.url}/models/gemini-2.5-flash:generateContent`, {
      method: 'POST',
      headers: { 'x-goog-api-key': gemini.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({
        contents: [{ role: 'user', parts: [{ text: question }] }],
        tools: [{ functionDeclarations: [{ name: 'get_weather', parametersJsonSchema: weather }] }],
      }),
    })
    const candidate = (
      (await generated.json()) as { candidates: { content: { parts: { functionCall?: { args: unknown } }[] } }[] }
    ).candidates[0]
    expect(generated.status).toBe(200)
    expect(candidate?.content.parts.find((part) => part.functionCall !== undefined)?.functionCall?.args).toEqual(
      expected,
    )
  })
})

describe('embeddings: cosine similarity follows the text', () => {
  let mistral: MistralEmulator
  let gemini: GeminiEmulator
  beforeAll(async () => {
    ;[mistral, gemini] = await Promise.all([startTestEmulator(), startGeminiEmulator()])
  })
  afterAll(() => Promise.all([mistral.close(), gemini.close()]))

  const cosine = (a: readonly number[], b: readonly number[]): number => {
    let dot = 0
    let normA = 0
    let normB = 0
    a.forEach((value, index) => {
      const other = b[index] ?? 0
      dot += value * other
      normA += value * value
      normB += other * other
    })
    return dot / Math.sqrt(normA * normB)
  }
  const paraphrases: [string, string][] = [
    ['The cat sat on the mat.', 'A feline rested on the rug.'],
    ['How do I reset my password?', 'I forgot my password, how can I change it?'],
    ["What's the weather like in Paris today?", 'Is it raining in Paris right now?'],
    ['The quick brown fox jumps over the lazy dog.', 'A fast brown fox leaps over a lazy dog.'],
  ]
  const unrelated: [string, string][] = [
    ['The cat sat on the mat.', 'The stock market fell sharply today.'],
    ['A feline rested on the rug.', 'The stock market fell sharply today.'],
    ['How do I reset my password?', "What's the weather like in Paris today?"],
    ['The quick brown fox jumps over the lazy dog.', 'Quarterly revenue grew by ten percent.'],
  ]

  async function mistralVectors(input: readonly string[], extra: Record<string, unknown> = {}): Promise<number[][]> {
    const response = await fetch(`${mistral.url}/embeddings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${mistral.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'mistral-embed', input, ...extra }),
    })
    const body = (await response.json()) as { data: { embedding: number[] }[] }
    return body.data.map((item) => item.embedding)
  }

  it('every paraphrase scores above 0.4 and above every unrelated pair by at least 0.3 (Mistral, 1024 dimensions)', async () => {
    const score = async ([a, b]: [string, string]): Promise<number> => {
      const [first, second] = await mistralVectors([a, b])
      return cosine(first ?? [], second ?? [])
    }
    const close = await Promise.all(paraphrases.map(score))
    const far = await Promise.all(unrelated.map(score))
    expect(Math.min(...close)).toBeGreaterThan(0.4)
    expect(Math.max(...far)).toBeLessThan(0.15)
    expect(Math.min(...close) - Math.max(...far)).toBeGreaterThan(0.3)
    // The embeddings example's pair, -0.017 before the vectors followed the text.
    expect(close[0]).toBeGreaterThan(0.7)
  })

  it('same text, same unit vector; output_dimension still applies', async () => {
    const [one, two] = await mistralVectors(['Hello world', 'Hello world'])
    expect(one).toEqual(two)
    expect(one).toHaveLength(1024)
    expect(Math.hypot(...(one ?? []))).toBeCloseTo(1, 5)
    const small = await mistralVectors(['Hello world'], { model: 'codestral-embed', output_dimension: 256 })
    expect(small[0]).toHaveLength(256)
  })

  it('Gemini embeddings follow the text as well', async () => {
    const embed = async (text: string): Promise<number[]> => {
      const response = await fetch(`${gemini.url}/models/gemini-embedding-001:embedContent`, {
        method: 'POST',
        headers: { 'x-goog-api-key': gemini.apiKey, 'content-type': 'application/json' },
        body: JSON.stringify({ content: { parts: [{ text }] } }),
      })
      return ((await response.json()) as { embedding: { values: number[] } }).embedding.values
    }
    const [cat, feline, stocks] = await Promise.all(
      ['The cat sat on the mat.', 'A feline rested on the rug.', 'The stock market fell sharply today.'].map(embed),
    )
    expect(cosine(cat ?? [], feline ?? [])).toBeGreaterThan(cosine(cat ?? [], stocks ?? []) + 0.3)
  })
})
