import { TokenJS, type ChatCompletionMessageParam } from 'token.js'

const tokenjs = new TokenJS()

const messages: ChatCompletionMessageParam[] = [{ role: 'user', content: 'Is 1001 a prime number?' }]

// Mistral's reasoning models take reasoning_effort 'none' or 'high'.
const completion = await tokenjs.chat.completions.create({
  provider: 'mistral',
  model: 'mistral-small-latest',
  reasoning_effort: 'high',
  messages,
})
const message = completion.choices[0]!.message
console.log(`reasoning: ${message.reasoning_content}`)
console.log(`answer: ${message.content}`)

// Send the message back as is: its reasoning is replayed to the model on the next turn.
messages.push(message, { role: 'user', content: 'And 1003?' })
const next = await tokenjs.chat.completions.create({
  provider: 'mistral',
  model: 'mistral-small-latest',
  reasoning_effort: 'high',
  messages,
})
console.log(`next answer: ${next.choices[0]!.message.content}`)
