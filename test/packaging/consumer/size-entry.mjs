// The smallest real use: TokenJS + one Mistral chat completion (what the size budget measures).
import { TokenJS } from 'token.js'

const client = new TokenJS({ apiKey: 'key', dangerouslyAllowBrowser: true })
const completion = await client.chat.completions.create({
  provider: 'mistral',
  model: 'mistral-small-latest',
  messages: [{ role: 'user', content: 'Hello' }],
})
console.log(completion.choices[0]?.message.content)
