import { TokenJS } from 'token.js'

const tokenjs = new TokenJS()

const completion = await tokenjs.chat.completions.create({
  provider: 'mistral',
  model: 'mistral-small-latest',
  response_format: { type: 'json_object' },
  messages: [{ role: 'user', content: 'Answer in JSON with one key "answer": what is the capital of France?' }],
})

const data: unknown = JSON.parse(completion.choices[0]!.message.content ?? '{}')
console.log('parsed:', data)
