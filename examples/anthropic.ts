import { TokenJS, type ChatCompletionMessageParam } from 'token.js'

// Reads ANTHROPIC_API_KEY (and ANTHROPIC_BASE_URL, with or without /v1, as @anthropic-ai/sdk takes it).
const tokenjs = new TokenJS()

const messages: ChatCompletionMessageParam[] = [
  { role: 'system', content: 'You are a concise travel assistant.' },
  { role: 'user', content: 'Do I need an umbrella in Paris in November?' },
]

// reasoning_effort becomes Anthropic's adaptive thinking with an effort; max_tokens defaults to the model's maximum.
const first = await tokenjs.chat.completions.create({
  provider: 'anthropic',
  model: 'claude-sonnet-5-5',
  reasoning_effort: 'medium',
  messages,
})
const message = first.choices[0]!.message
console.log(`reasoning: ${message.reasoning_content ?? '(none)'}`)
console.log(`answer: ${message.content}`)

// Send the message back as it is: its signed thinking (reasoning_details) is replayed to Claude.
messages.push(message, { role: 'user', content: 'And in Rome?' })
const next = await tokenjs.chat.completions.create({
  provider: 'anthropic',
  model: 'claude-sonnet-5-5',
  reasoning_effort: 'medium',
  messages,
})
console.log(`next answer: ${next.choices[0]!.message.content}`)
console.log(`tokens: ${next.usage?.prompt_tokens} in, ${next.usage?.completion_tokens} out`)
