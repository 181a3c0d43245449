import { TokenJS } from 'token.js'

// Tried in order when a call fails after its retries with a 429, a 5xx, a connection error or an unknown
// or retired model. Each entry may override params for its provider.
const tokenjs = new TokenJS({
  fallbacks: [
    { provider: 'mistral', model: 'mistral-large-latest' },
    { provider: 'anthropic', model: 'claude-sonnet-5-5', max_tokens: 512 },
  ],
})
const messages = [{ role: 'user' as const, content: 'Hello!' }]

// mistral-large-2402 is retired: Mistral refuses it (NotFoundError), and the first fallback answers.
const completion = await tokenjs.chat.completions.create({ provider: 'mistral', model: 'mistral-large-2402', messages })
const by = completion._answered_by
console.log(
  `answered by ${by?.provider} ${by?.model} (attempt ${by?.attempt}): ${completion.choices[0]?.message.content}`,
)

// Per request: a stream falls back until its first chunk; after that, an error reaches the loop as usual.
const stream = await tokenjs.chat.completions.create(
  { provider: 'mistral', model: 'no-such-model', messages, stream: true },
  { fallbacks: [{ provider: 'anthropic', model: 'claude-sonnet-5-5' }] },
)
let text = ''
for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? ''
console.log(`streamed by ${stream._answered_by?.provider}: ${text}`)
