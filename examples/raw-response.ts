import { TokenJS } from 'token.js'

const tokenjs = new TokenJS()
const params = {
  provider: 'mistral' as const,
  model: 'mistral-small-latest',
  messages: [{ role: 'user' as const, content: 'Hi!' }],
}

// `await` gives the result as always; the provider's request id rides along (not enumerable).
const completion = await tokenjs.chat.completions.create(params)
console.log(`request id: ${completion._request_id}`)

// withResponse(): the result, a standard Response (status, headers) and the request id, as in openai-node.
const { data, response, request_id } = await tokenjs.chat.completions.create(params).withResponse()
console.log(`status ${response.status}, ${response.headers.get('content-type')}, id ${request_id}`)
console.log(`answer: ${data.choices[0]?.message.content}`)

// For a stream, data is the stream (unread) and the headers are there before the first chunk.
const streamed = await tokenjs.chat.completions.create({ ...params, stream: true }).withResponse()
let text = ''
for await (const chunk of streamed.data) text += chunk.choices[0]?.delta.content ?? ''
console.log(`streamed with id ${streamed.request_id}: ${text}`)
