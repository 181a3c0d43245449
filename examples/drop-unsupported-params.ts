import { InputError, TokenJS, type ChatCompletionCreateParamsNonStreaming } from 'token.js'

const tokenjs = new TokenJS()

// An OpenAI parameter Mistral has no place for.
const params: ChatCompletionCreateParamsNonStreaming = {
  provider: 'mistral',
  model: 'mistral-small-latest',
  logit_bias: { '1734': -100 },
  messages: [{ role: 'user', content: 'Hi!' }],
}

// By default nothing is dropped silently: the request fails before it is sent.
try {
  await tokenjs.chat.completions.create(params)
} catch (error) {
  if (!(error instanceof InputError)) throw error
  console.log(`refused: ${error.message}`)
}

// Opt in, per client (new TokenJS({ dropUnsupportedParams: true })) or per request.
const completion = await tokenjs.chat.completions.create(params, { dropUnsupportedParams: true })
console.log(`with dropUnsupportedParams: ${completion.choices[0]!.message.content}`)
// What was dropped is never silent: it is listed on the result (and on a stream, as stream.warnings),
// and a client can log each one with onWarning.
for (const warning of completion.warnings ?? []) console.log(`dropped ${warning.param}: ${warning.details}`)
const logging = new TokenJS({ dropUnsupportedParams: true, onWarning: (w) => console.log(`onWarning: ${w.param}`) })
await logging.chat.completions.create(params)
