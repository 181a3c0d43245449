// Consumer check, CommonJS: the installed package through `require`, against the emulator from `@tokenjs/emulator`.
const { APIConnectionError, InputError, TokenJS, VERSION } = require('token.js')
const { startMistralEmulator } = require('@tokenjs/emulator')

async function main() {
  const emulator = await startMistralEmulator()
  const request = {
    provider: 'mistral',
    model: 'mistral-small-latest',
    messages: [{ role: 'user', content: 'Say hello' }],
  }
  const result = { format: 'cjs', version: VERSION }
  try {
    const client = new TokenJS({ apiKey: emulator.apiKey, baseURL: emulator.url, maxRetries: 0 })
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
    result.userAgent = emulator.lastRequest()?.headers['user-agent']
    try {
      await client.chat.completions.create({ ...request, provider: 'no-such-provider' })
    } catch (error) {
      result.inputError = error instanceof InputError
    }
  } finally {
    await emulator.close()
  }
  try {
    await new TokenJS({ apiKey: 'k', baseURL: emulator.url, maxRetries: 0 }).chat.completions.create(request)
  } catch (error) {
    result.connectionError = error instanceof APIConnectionError
  }
  console.log(JSON.stringify(result))
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
