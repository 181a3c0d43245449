/** Every OpenAI message shape through the public client: what reached the emulator, and what came back. */
import { describe, expect, it } from 'vitest'
import type { ChatCompletionMessageParam } from 'token.js'
import { expectInputError } from './expect-input-error.js'
import { UNKNOWN_MODEL, useEmulator } from './harness.js'

const harness = useEmulator()
const model = 'mistral-large-latest'
const PDF_BASE64 = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF').toString('base64')
const PNG_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

async function send(messages: ChatCompletionMessageParam[], extra: Record<string, unknown> = {}) {
  return harness.client().chat.completions.create({ provider: 'mistral', model, messages, ...extra })
}

describe('system, developer and user messages', () => {
  it('sends system and developer as system, strings as strings', async () => {
    const completion = await send([
      { role: 'system', content: 'Be brief.' },
      { role: 'developer', content: [{ type: 'text', text: 'Answer in English.' }] },
      { role: 'user', content: 'Hello!' },
    ])
    expect(harness.lastBody().messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'system', content: [{ type: 'text', text: 'Answer in English.' }] },
      { role: 'user', content: 'Hello!' },
    ])
    expect(completion.choices[0]?.message).toEqual({ role: 'assistant', content: 'You said: Hello!', refusal: null })
    expect(completion.object).toBe('chat.completion')
    expect(completion.usage?.prompt_tokens_details).toEqual({ cached_tokens: 0 })
  })

  it('maps text, image URL, data URL with detail, PDF, file id and audio parts', async () => {
    await send([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Look:' },
          { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
          { type: 'image_url', image_url: { url: PNG_DATA_URL, detail: 'low' } },
          { type: 'file', file: { file_data: `data:application/pdf;base64,${PDF_BASE64}`, filename: 'report.pdf' } },
          { type: 'file', file: { file_data: PDF_BASE64 } },
          { type: 'file', file: { file_id: '3b1a5d8e-2c4f-4f7a-9c1e-8d2b6a0f4e71' } },
        ],
      },
    ])
    expect(harness.lastBody().messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Look:' },
          { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
          { type: 'image_url', image_url: { url: PNG_DATA_URL, detail: 'low' } },
          {
            type: 'document_url',
            document_url: `data:application/pdf;base64,${PDF_BASE64}`,
            document_name: 'report.pdf',
          },
          { type: 'document_url', document_url: `data:application/pdf;base64,${PDF_BASE64}` },
          { type: 'file', file_id: '3b1a5d8e-2c4f-4f7a-9c1e-8d2b6a0f4e71' },
        ],
      },
    ])
  })

  it("sends input_audio as Mistral's base64 string to an audio model", async () => {
    const audio = Buffer.from('RIFF....WAVEfmt ').toString('base64')
    await harness.client().chat.completions.create({
      provider: 'mistral',
      model: 'voxtral-small-latest',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Transcribe' },
            { type: 'input_audio', input_audio: { data: audio, format: 'wav' } },
          ],
        },
      ],
    })
    expect(harness.lastBody().messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Transcribe' },
          { type: 'input_audio', input_audio: audio },
        ],
      },
    ])
  })

  it('refuses non-PDF file data, and a file part without data or id', async () => {
    await expectInputError(
      harness,
      send([{ role: 'user', content: [{ type: 'file', file: { file_data: 'data:text/plain;base64,aGk=' } }] }]),
      'messages[0].content[0].file.file_data',
      'Only PDF',
    )
    await expectInputError(
      harness,
      send([{ role: 'user', content: [{ type: 'file', file: {} }] }]),
      'messages[0].content[0].file',
    )
  })

  it('refuses images, documents and audio for a model without them, naming the model and an alternative', async () => {
    const codestral = (content: ChatCompletionMessageParam['content']) =>
      harness.client().chat.completions.create({
        provider: 'mistral',
        model: 'codestral-latest',
        messages: [{ role: 'user', content } as ChatCompletionMessageParam],
      })
    await expectInputError(
      harness,
      codestral([{ type: 'image_url', image_url: { url: PNG_DATA_URL } }]),
      'messages[0].content[0]',
      "'codestral-latest'",
      'images',
      'such as',
    )
    // Codestral 25.08 takes PDFs (document QnA is OCR-based); Z.ai GLM 5.3 takes neither images nor PDFs.
    await expectInputError(
      harness,
      harness.client().chat.completions.create({
        provider: 'mistral',
        model: 'zai-glm-latest',
        messages: [{ role: 'user', content: [{ type: 'file', file: { file_data: PDF_BASE64 } }] }],
      }),
      'messages[0].content[0]',
      "'zai-glm-latest'",
      'documents',
    )
    await expectInputError(
      harness,
      send([{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'AAAA', format: 'wav' } }] }]),
      'messages[0].content[0]',
      'audio',
      'voxtral',
    )
  })

  it('gates nothing for a model id token.js does not know', async () => {
    const completion = await harness.client().chat.completions.create({
      provider: 'mistral',
      model: UNKNOWN_MODEL,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'hi' },
            { type: 'input_audio', input_audio: { data: 'AAAA', format: 'mp3' } },
          ],
        },
      ],
    })
    expect(harness.lastBody().model).toBe(UNKNOWN_MODEL)
    expect(completion.choices).toHaveLength(1)
  })
})

describe('assistant and tool messages', () => {
  const toolHistory = (callId: string): ChatCompletionMessageParam[] => [
    { role: 'user', content: 'Weather in Paris and Rome?' },
    {
      role: 'assistant',
      content: null,
      tool_calls: [
        { id: callId, type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
        { id: `${callId}b`, type: 'function', function: { name: 'get_time', arguments: '{"city":"Rome"}' } },
      ],
    },
    { role: 'tool', tool_call_id: `${callId}b`, content: '14:00' },
    { role: 'tool', tool_call_id: callId, content: [{ type: 'text', text: 'sunny' }] },
  ]

  it.each([
    ['OpenAI', 'call_Qx2Lr8dJk3mZpW1aYt7uVb'],
    ['Anthropic', 'toolu_01A09q90qw90lq917835lq9'],
    ['Mistral', 'D681PevKs'],
  ])('replays a %s tool history with valid, consistent 9-character ids and tool names', async (_source, callId) => {
    const completion = await send(toolHistory(callId))
    const messages = harness.lastBody().messages as Array<Record<string, unknown>>
    const calls = messages[1]?.tool_calls as Array<{ id: string; function: { name: string } }>
    expect(calls.map((call) => call.id)).toEqual([
      expect.stringMatching(/^[a-zA-Z0-9]{9}$/),
      expect.stringMatching(/^[a-zA-Z0-9]{9}$/),
    ])
    if (callId === 'D681PevKs') expect(calls[0]?.id).toBe('D681PevKs')
    expect(messages[2]).toEqual({ role: 'tool', content: '14:00', tool_call_id: calls[1]?.id, name: 'get_time' })
    expect(messages[3]).toEqual({
      role: 'tool',
      content: [{ type: 'text', text: 'sunny' }],
      tool_call_id: calls[0]?.id,
      name: 'get_weather',
    })
    expect(messages[1]).toMatchObject({ role: 'assistant', content: null })
    expect(completion.choices[0]?.message.content).toEqual(expect.any(String))
  })

  it('maps the same foreign id to the same valid id on every request', async () => {
    await send(toolHistory('call_abc'))
    await send(toolHistory('call_abc'))
    const [first, second] = harness.chatBodies()
    expect(first?.messages).toEqual(second?.messages)
  })

  // An empty assistant message is refused by name (test/e2e/option-validation.test.ts), no longer dropped.
  it('sends a refusal as content and reasoning as a thinking chunk', async () => {
    await send([
      { role: 'user', content: 'Do the bad thing' },
      { role: 'assistant', content: null, refusal: 'I cannot help with that.' },
      { role: 'user', content: 'Then think about 2+2' },
      { role: 'assistant', content: '4', reasoning_content: '2 plus 2 is 4.' },
      { role: 'user', content: 'Thanks' },
    ])
    expect(harness.lastBody().messages).toEqual([
      { role: 'user', content: 'Do the bad thing' },
      { role: 'assistant', content: 'I cannot help with that.' },
      { role: 'user', content: 'Then think about 2+2' },
      {
        role: 'assistant',
        content: [
          { type: 'thinking', thinking: [{ type: 'text', text: '2 plus 2 is 4.' }] },
          { type: 'text', text: '4' },
        ],
      },
      { role: 'user', content: 'Thanks' },
    ])
  })

  it('replays a completion message as returned (refusal: null, reasoning_content) without changes by the caller', async () => {
    const first = await harness.client().chat.completions.create({
      provider: 'mistral',
      model: 'mistral-small-latest',
      reasoning_effort: 'high',
      messages: [{ role: 'user', content: 'What is 2+2?' }],
    })
    const message = first.choices[0]?.message
    expect(message?.reasoning_content).toEqual(expect.any(String))
    await harness.client().chat.completions.create({
      provider: 'mistral',
      model: 'mistral-small-latest',
      messages: [
        { role: 'user', content: 'What is 2+2?' },
        message as ChatCompletionMessageParam,
        { role: 'user', content: 'Sure?' },
      ],
    })
    const replayed = (harness.lastBody().messages as unknown[])[1] as { content: Array<{ type: string }> }
    expect(replayed.content.map((chunk) => chunk.type)).toEqual(['thinking', 'text'])
  })

  it('sends a trailing assistant message as a prefix to continue', async () => {
    const completion = await send([
      { role: 'user', content: 'Write a haiku' },
      { role: 'assistant', content: 'Autumn moonlight' },
    ])
    expect((harness.lastBody().messages as unknown[])[1]).toEqual({
      role: 'assistant',
      content: 'Autumn moonlight',
      prefix: true,
    })
    expect(completion.choices[0]?.message.content).toEqual(expect.any(String))
  })

  it('refuses order problems it cannot repair without changing the meaning', async () => {
    await expectInputError(
      harness,
      send([...toolHistory('call_1'), { role: 'user', content: 'and?' }]),
      'messages[4]',
      "role 'user' after role 'tool'",
    )
    await expectInputError(
      harness,
      send([
        { role: 'user', content: 'hi' },
        { role: 'tool', tool_call_id: 'call_9', content: 'x' },
      ]),
      'messages[1].tool_call_id',
      'call_9',
    )
    await expectInputError(harness, send(toolHistory('call_2').slice(0, 3)), 'messages[1].tool_calls', 'call_2')
    await expectInputError(
      harness,
      send([
        { role: 'function', name: 'f', content: 'x' },
        { role: 'user', content: 'hi' },
      ]),
      'messages[0].role',
      'deprecated',
    )
    await expectInputError(
      harness,
      send([
        { role: 'user', content: 'hi' },
        { role: 'system', content: 'late' },
      ]),
      'messages[1]',
      'system',
    )
    await expectInputError(
      harness,
      send([
        { role: 'user', content: 'hi' },
        {
          role: 'assistant',
          content: 'x',
          tool_calls: [{ id: 'a', type: 'function', function: { name: 'f', arguments: '{}' } }],
        },
      ]),
      'messages[1].tool_calls',
    )
  })

  it('refuses `name` on user, assistant and system messages unless dropping is opted in', async () => {
    const messages: ChatCompletionMessageParam[] = [
      { role: 'system', content: 'x', name: 'boss' },
      { role: 'user', content: 'hi', name: 'ann' },
    ]
    await expectInputError(harness, send(messages), 'messages[0].name', 'dropUnsupportedParams')
    await harness
      .client({ dropUnsupportedParams: true })
      .chat.completions.create({ provider: 'mistral', model, messages })
    expect(harness.lastBody().messages).toEqual([
      { role: 'system', content: 'x' },
      { role: 'user', content: 'hi' },
    ])
    await harness
      .client()
      .chat.completions.create({ provider: 'mistral', model, messages }, { dropUnsupportedParams: true })
    expect(harness.chatBodies()).toHaveLength(2)
  })

  it('refuses unknown message fields (never a silent drop)', async () => {
    const message = {
      role: 'user',
      content: 'hi',
      cache_control: { type: 'ephemeral' },
    } as unknown as ChatCompletionMessageParam
    await expectInputError(harness, send([message]), 'messages[0].cache_control')
  })
})
