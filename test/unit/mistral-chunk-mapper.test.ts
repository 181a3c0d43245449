/**
 * The Mistral chunk mapper's fast path (one choice, a text delta, no tool calls, no finish, no usage)
 * builds exactly the chunk the general path builds, key order included, and every chunk that is not
 * that case takes the general path.
 */
import { describe, expect, it } from 'vitest'
import type { ChatCompletionChunk } from '../../src/index.js'
import type { StreamEvent } from '../../src/core/provider-adapter.js'
import { createMistralChunkMapper } from '../../src/providers/mistral/chunks.js'

function mapAll(payloads: readonly object[]): ChatCompletionChunk[] {
  const mapper = createMistralChunkMapper({ provider: 'mistral', model: 'mistral-small-latest' })
  const out: ChatCompletionChunk[] = []
  for (const payload of payloads) {
    const data = JSON.stringify(payload)
    const event: StreamEvent = { event: '', data, json: () => JSON.parse(data) }
    expect(mapper(event, (chunk) => out.push(chunk))).toBe('more')
  }
  return out
}

const base = { id: 'c1', object: 'chat.completion.chunk', created: 7, model: 'mistral-small-latest' }
const text = (content: string, extra: object = {}) => ({
  ...base,
  choices: [{ index: 0, delta: { content }, finish_reason: null, ...extra }],
})

describe('the Mistral chunk mapper', () => {
  it('maps a text delta after the first chunk to the same chunk, key order included', () => {
    const [first, second] = mapAll([
      { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] },
      text('Hello'),
    ])
    expect(JSON.stringify(first)).toBe(
      JSON.stringify({
        ...base,
        choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null, logprobs: null }],
      }),
    )
    expect(JSON.stringify(second)).toBe(
      JSON.stringify({
        ...base,
        choices: [{ index: 0, delta: { content: 'Hello' }, finish_reason: null, logprobs: null }],
      }),
    )
  })

  it('gives the role on the first chunk even when it is a plain text delta', () => {
    const [first] = mapAll([text('Hi')])
    expect(first?.choices[0]?.delta).toEqual({ role: 'assistant', content: 'Hi' })
  })

  it('keeps usage, finish reasons, tool calls, array content and other choices (the general path)', () => {
    const chunks = mapAll([
      text(''),
      { ...text('a'), usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } },
      {
        ...base,
        choices: [
          {
            index: 0,
            delta: { content: '', tool_calls: [{ id: 'abcdefghi', function: { name: 'f', arguments: { x: 1 } } }] },
            finish_reason: null,
          },
        ],
      },
      { ...base, choices: [{ index: 0, delta: { content: [{ type: 'text', text: 'b' }] }, finish_reason: null }] },
      { ...base, choices: [{ index: 1, delta: { content: 'c' }, finish_reason: null }] },
      { ...base, choices: [{ index: 0, delta: { content: 'd' }, finish_reason: 'stop' }] },
    ])
    expect(chunks[1]?.usage).toEqual({ prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 })
    expect(chunks[2]?.choices[0]?.delta.tool_calls).toEqual([
      { index: 0, id: 'abcdefghi', type: 'function', function: { name: 'f', arguments: '{"x":1}' } },
    ])
    expect(chunks[3]?.choices[0]?.delta).toEqual({ content: 'b' })
    expect(chunks[4]?.choices[0]).toMatchObject({ index: 1, delta: { role: 'assistant', content: 'c' } })
    expect(chunks[5]?.choices[0]).toMatchObject({ delta: { content: 'd' }, finish_reason: 'stop' })
  })
})
