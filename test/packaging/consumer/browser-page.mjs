// Bundled for the browser (esbuild, platform browser): runs in headless Chromium against the emulator.
import { InputError, TokenJS } from 'token.js'

async function main() {
  const query = new URLSearchParams(location.search)
  const apiKey = query.get('apiKey')
  const baseURL = query.get('baseURL')
  const result = {}
  try {
    new TokenJS({ apiKey, baseURL })
    result.guard = { threw: false }
  } catch (error) {
    result.guard = { threw: true, inputError: error instanceof InputError, message: String(error.message) }
  }
  const client = new TokenJS({ apiKey, baseURL, dangerouslyAllowBrowser: true, maxRetries: 0 })
  const request = {
    provider: 'mistral',
    model: 'mistral-small-latest',
    messages: [{ role: 'user', content: 'Say hello' }],
  }
  const completion = await client.chat.completions.create(request)
  result.completion = {
    object: completion.object,
    content: completion.choices[0]?.message.content,
    finish: completion.choices[0]?.finish_reason,
  }
  const stream = await client.chat.completions.create({ ...request, stream: true })
  let content = ''
  let chunks = 0
  let finish = null
  for await (const chunk of stream) {
    chunks += 1
    content += chunk.choices[0]?.delta?.content ?? ''
    finish = chunk.choices[0]?.finish_reason ?? finish
  }
  result.stream = { chunks, content, finish }
  return result
}

main().then(
  (result) => {
    window.__tokenjsResult = result
  },
  (error) => {
    window.__tokenjsResult = { error: String(error && error.stack ? error.stack : error) }
  },
)
