import { readFile } from 'node:fs/promises'
import { TokenJS } from 'token.js'

const tokenjs = new TokenJS()

// A local file as a data URL; an https:// URL works too.
const png = await readFile(new URL('./assets/red-square.png', import.meta.url))
const url = `data:image/png;base64,${png.toString('base64')}`

const completion = await tokenjs.chat.completions.create({
  provider: 'mistral',
  model: 'mistral-small-latest',
  messages: [
    {
      role: 'user',
      content: [
        { type: 'text', text: 'What shape and colour do you see?' },
        { type: 'image_url', image_url: { url } },
      ],
    },
  ],
})
console.log(completion.choices[0]!.message.content)
