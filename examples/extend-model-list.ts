import { APIError, InputError, TokenJS } from 'token.js'

const tokenjs = new TokenJS()

// Any model id is accepted and sent as is: the provider decides. Ids token.js does not know are
// not checked, so new models work the day they ship.
try {
  const completion = await tokenjs.chat.completions.create({
    provider: 'mistral',
    model: 'my-fine-tune-2611',
    messages: [{ role: 'user', content: 'Hi!' }],
  })
  console.log(completion.choices[0]!.message.content)
} catch (error) {
  if (!(error instanceof APIError)) throw error
  console.log(`sent, and Mistral answered: ${error.message}`)
}

// Declare a model's features (for this client only) and requests are checked before sending:
// copy a known model's row, or give flags (flags you leave out count as supported).
tokenjs.extendModelList('mistral', 'my-text-model', { images: false, documents: false, audio: false })
try {
  await tokenjs.chat.completions.create({
    provider: 'mistral',
    model: 'my-text-model',
    messages: [
      {
        role: 'user',
        content: [{ type: 'image_url', image_url: { url: 'https://example.com/cat.png' } }],
      },
    ],
  })
} catch (error) {
  if (!(error instanceof InputError)) throw error
  console.log(`checked before sending: ${error.message}`)
}
