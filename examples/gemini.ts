// Gemini with the OpenAI format: a tool loop on Gemini 3 (thought signatures are kept for you in
// `reasoning_details` and sent back), then a streamed answer with thoughts. Needs GEMINI_API_KEY
// (or GOOGLE_API_KEY); GEMINI_BASE_URL points it at another endpoint, e.g. the bundled Gemini emulator.
import { TokenJS, type ChatCompletionMessageParam, type ChatCompletionTool } from 'token.js'

const tokenjs = new TokenJS()
const model = 'gemini-3.8-flash'

const tools: ChatCompletionTool[] = [
  {
    type: 'function',
    function: {
      name: 'get_weather',
      description: 'Current weather in a city',
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
  },
]

const messages: ChatCompletionMessageParam[] = [
  { role: 'user', content: 'What is the weather in Paris? Use get_weather.' },
]
const first = await tokenjs.chat.completions.create({ provider: 'gemini', model, messages, tools })
const assistant = first.choices[0]!.message
for (const call of assistant.tool_calls ?? []) {
  console.log(`tool call: ${call.function.name}(${call.function.arguments})`)
  messages.push(assistant, {
    role: 'tool',
    tool_call_id: call.id,
    content: JSON.stringify({ temperature_c: 18, sky: 'cloudy' }),
  })
}
const second = await tokenjs.chat.completions.create({ provider: 'gemini', model, messages, tools })
console.log(`answer: ${second.choices[0]!.message.content}`)

const stream = await tokenjs.chat.completions.create({
  provider: 'gemini',
  model,
  messages: [{ role: 'user', content: 'Is 1001 a prime number?' }],
  reasoning_effort: 'low',
  stream: true,
})
const final = await stream.finalCompletion()
console.log(`thoughts: ${final.choices[0]!.message.reasoning_content ?? '(none)'}`)
console.log(`streamed: ${final.choices[0]!.message.content} [${final.usage?.total_tokens} tokens]`)
