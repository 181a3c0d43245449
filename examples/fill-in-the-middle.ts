import { TokenJS } from 'token.js'

const tokenjs = new TokenJS()

// Fill-in-the-middle: the model writes what goes between `prompt` and `suffix`.
const completion = await tokenjs.completions.create({
  provider: 'mistral',
  model: 'codestral-latest',
  prompt: 'function isEven(n: number): boolean {\n',
  suffix: '\n}\n\nconsole.log(isEven(4))',
  max_tokens: 64,
})
console.log(completion.choices[0]!.text)
