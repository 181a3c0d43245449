// Consumer check, TypeScript and ESM: the published declarations type-check from an ES module.
import { TokenJS, type ChatCompletion } from 'token.js'

const client = new TokenJS({ apiKey: 'not-a-real-key' })
export const pending: Promise<ChatCompletion> = client.chat.completions.create({
  provider: 'mistral',
  model: 'mistral-small-latest',
  messages: [{ role: 'user', content: 'Hello' }],
})
