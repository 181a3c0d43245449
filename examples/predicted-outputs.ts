import { TokenJS } from 'token.js'

const tokenjs = new TokenJS()

const code = `function total(items) {
  let sum = 0
  for (const item of items) sum += item.price
  return sum
}`

// Most of the answer is known in advance: pass it as a prediction to speed up the edit.
const completion = await tokenjs.chat.completions.create({
  provider: 'mistral',
  model: 'codestral-latest',
  prediction: { type: 'content', content: code },
  messages: [
    { role: 'user', content: `Rename the variable sum to runningTotal. Reply with the code only.\n\n${code}` },
  ],
})
console.log(completion.choices[0]!.message.content)
