// Consumer check, CommonJS: the same uncaught `temperature: 3` mistake through `require`.
const { TokenJS } = require('token.js')

const tokenjs = new TokenJS({ apiKey: 'not-a-real-key' })
tokenjs.chat.completions.create({
  provider: 'mistral',
  model: 'mistral-large-latest',
  messages: [{ role: 'user', content: 'Hello!' }],
  temperature: 3,
})
