import { TokenJS } from 'token.js'

const tokenjs = new TokenJS()

const stream = await tokenjs.chat.completions.create({
  provider: 'mistral',
  model: 'mistral-small-latest',
  stream: true,
  messages: [{ role: 'user', content: 'Write a haiku about the sea.' }],
})

for await (const chunk of stream) {
  process.stdout.write(chunk.choices[0]?.delta.content ?? '')
  // Usage always arrives on the last chunk.
  if (chunk.usage) console.log(`\n[${chunk.usage.total_tokens} tokens]`)
}
