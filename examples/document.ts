import { readFile } from 'node:fs/promises'
import { TokenJS } from 'token.js'

const tokenjs = new TokenJS()

// A PDF goes in a `file` part (sent to Mistral as a document_url chunk).
const pdf = await readFile(new URL('./assets/invoice.pdf', import.meta.url))

const completion = await tokenjs.chat.completions.create({
  provider: 'mistral',
  model: 'mistral-small-latest',
  messages: [
    {
      role: 'user',
      content: [
        { type: 'text', text: 'What is the total of this invoice?' },
        {
          type: 'file',
          file: { filename: 'invoice.pdf', file_data: `data:application/pdf;base64,${pdf.toString('base64')}` },
        },
      ],
    },
  ],
})
console.log(completion.choices[0]!.message.content)
