import { TokenJS, type ChatCompletionMessageParam, type ChatCompletionTool } from 'token.js'

const tokenjs = new TokenJS()

const tools: ChatCompletionTool[] = [
  {
    type: 'function',
    function: {
      name: 'get_weather',
      description: 'Current weather in a city',
      parameters: {
        type: 'object',
        properties: { city: { type: 'string' } },
        required: ['city'],
      },
    },
  },
]

// Your real implementation goes here.
function getWeather(args: { city: string }) {
  return { city: args.city, temperature_c: 18, sky: 'cloudy' }
}

const messages: ChatCompletionMessageParam[] = [
  { role: 'user', content: 'What is the weather in Paris? Use get_weather.' },
]

// 1. The model asks for a tool call.
const first = await tokenjs.chat.completions.create({
  provider: 'mistral',
  model: 'mistral-small-latest',
  messages,
  tools,
})
const request = first.choices[0]!.message
messages.push(request)

// 2. Run each call and send its result back, answering the call's id.
for (const call of request.tool_calls ?? []) {
  console.log(`tool call: ${call.function.name}(${call.function.arguments})`)
  const result = getWeather(JSON.parse(call.function.arguments) as { city: string })
  messages.push({ role: 'tool', tool_call_id: call.id, content: JSON.stringify(result) })
}

// 3. The model answers with the results in hand.
const second = await tokenjs.chat.completions.create({
  provider: 'mistral',
  model: 'mistral-small-latest',
  messages,
  tools,
})
console.log(`answer: ${second.choices[0]!.message.content}`)
