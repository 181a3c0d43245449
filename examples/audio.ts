import { readFile } from 'node:fs/promises'
import { TokenJS } from 'token.js'

const tokenjs = new TokenJS()

const wav = await readFile(new URL('./assets/tone.wav', import.meta.url))

// Audio input needs an audio model (Voxtral).
const completion = await tokenjs.chat.completions.create({
  provider: 'mistral',
  model: 'voxtral-small-latest',
  messages: [
    {
      role: 'user',
      content: [
        { type: 'text', text: 'Describe this sound in one sentence.' },
        { type: 'input_audio', input_audio: { data: wav.toString('base64'), format: 'wav' } },
      ],
    },
  ],
})
console.log(completion.choices[0]!.message.content)
