import { APIConnectionError, APIError, InputError, RateLimitError, TokenJS } from 'token.js'

const tokenjs = new TokenJS()

// Requests token.js can tell are wrong fail before anything is sent.
try {
  await tokenjs.chat.completions.create({
    provider: 'mistral',
    model: 'mistral-small-latest',
    temperature: 3,
    messages: [{ role: 'user', content: 'Hi!' }],
  })
} catch (error) {
  if (!(error instanceof InputError)) throw error
  console.log(`InputError on '${error.param}': ${error.message}`)
}

// Errors from the provider are APIError subclasses with the status, the body and the request id.
try {
  await tokenjs.chat.completions.create({
    provider: 'mistral',
    model: 'no-such-model',
    messages: [{ role: 'user', content: 'Hi!' }],
  })
} catch (error) {
  if (error instanceof RateLimitError)
    console.log('slow down') // 429, after the retries
  else if (error instanceof APIError) console.log(`${error.name} (status ${error.status}): ${error.message}`)
  else if (error instanceof APIConnectionError) console.log(`network: ${error.message}`)
  else throw error
}
