import { TokenJS } from 'token.js'

const tokenjs = new TokenJS()

// The provider's own list (Mistral: GET /v1/models), with capabilities in token.js's vocabulary.
const page = await tokenjs.models.list({ provider: 'mistral' })
const vision = page.data.filter((model) => model.capabilities.images === true).map((model) => model.id)
console.log(`${page.data.length} models served; with image input: ${vision.slice(0, 5).join(', ')}…`)
