// Consumer check: a `temperature: 3` mistake left uncaught, as a newcomer's first script would. The
// packaging test measures what Node prints on stderr (the budget for a readable failure).
import { TokenJS } from 'token.js'

const tokenjs = new TokenJS({ apiKey: 'not-a-real-key' })
await tokenjs.chat.completions.create({
  provider: 'mistral',
  model: 'mistral-large-latest',
  messages: [{ role: 'user', content: 'Hello!' }],
  temperature: 3,
})
