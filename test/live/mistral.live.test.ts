/**
 * Live checks against api.mistral.ai: run with `MISTRAL_API_KEY=… npm run test:live`. Skipped without a key
 * and always skipped in CI (no machine there reaches the API). Each request is tiny (max_tokens small).
 * Every body sent passes the same request-conformance check as the emulator tests.
 */
import { describe, expect, it } from 'vitest'
import { InputError, TokenJS, type ChatCompletionCreateParams } from 'token.js'
import { assertMistralChatRequest } from '../support/mistral-conformance.js'

const key = process.env.MISTRAL_API_KEY
const live = key !== undefined && key !== '' && process.env.CI === undefined

/** Records each body on its way out (a fetch wrapper: the live API cannot be asked what it received). */
function recordingClient(bodies: unknown[]): TokenJS {
  return new TokenJS({
    fetch: (input, init) => {
      if (typeof init.body === 'string') bodies.push(JSON.parse(init.body))
      return fetch(input, init)
    },
  })
}

describe.skipIf(!live)('live Mistral API', () => {
  const bodies: unknown[] = []
  const tokenjs = recordingClient(bodies)
  const create = (params: Omit<Extract<ChatCompletionCreateParams, { provider: 'mistral' }>, 'provider'>) =>
    tokenjs.chat.completions.create({ provider: 'mistral', max_tokens: 16, ...params, stream: false })

  it('the seed snippet with mistral-large-latest prints a completion', async () => {
    const completion = await create({ model: 'mistral-large-latest', messages: [{ role: 'user', content: 'Hello!' }] })
    expect(completion.choices[0]?.message.content).toEqual(expect.any(String))
    expect(completion.usage?.total_tokens).toBeGreaterThan(0)
  })

  it('the seed snippet as written fails before sending, naming the replacement', async () => {
    await expect(
      create({ model: 'mistral-large-2402', messages: [{ role: 'user', content: 'Hello!' }] }),
    ).rejects.toThrow(InputError)
  })

  it('streams with usage on the last chunk', async () => {
    const stream = await tokenjs.chat.completions.create({
      provider: 'mistral',
      model: 'mistral-small-latest',
      max_tokens: 16,
      stream: true,
      messages: [{ role: 'user', content: 'Count to 3.' }],
    })
    const completion = await stream.finalCompletion()
    expect(completion.usage?.completion_tokens).toBeGreaterThan(0)
  })

  it('replays an OpenAI-style tool history (foreign ids mapped) and gets an answer', async () => {
    const completion = await create({
      model: 'mistral-small-latest',
      tools: [
        {
          type: 'function',
          function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
        },
      ],
      messages: [
        { role: 'user', content: 'Weather in Paris?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call_Qx2Lr8dJk3mZpW1aYt7uVb',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'call_Qx2Lr8dJk3mZpW1aYt7uVb', content: 'sunny, 21°C' },
      ],
    })
    expect(completion.choices[0]?.message.content).toEqual(expect.any(String))
  })

  it('every body sent passed the conformance check', () => {
    expect(bodies.length).toBeGreaterThan(0)
    for (const body of bodies) assertMistralChatRequest(body)
  })
})
