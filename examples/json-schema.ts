import { TokenJS } from 'token.js'

const tokenjs = new TokenJS()

const completion = await tokenjs.chat.completions.create({
  provider: 'mistral',
  model: 'mistral-small-latest',
  response_format: {
    type: 'json_schema',
    json_schema: {
      name: 'city',
      strict: true,
      schema: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          country: { type: 'string' },
          population: { type: 'integer' },
        },
        required: ['name', 'country', 'population'],
        additionalProperties: false,
      },
    },
  },
  messages: [{ role: 'user', content: 'Describe the largest city in Japan.' }],
})

const city = JSON.parse(completion.choices[0]!.message.content ?? '{}') as {
  name: string
  country: string
  population: number
}
console.log(`city: ${city.name} (${city.country}), population ${city.population}`)
