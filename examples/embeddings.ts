import { TokenJS } from 'token.js'

const tokenjs = new TokenJS()

const response = await tokenjs.embeddings.create({
  provider: 'mistral',
  model: 'mistral-embed',
  input: ['The cat sat on the mat.', 'A feline rested on the rug.'],
})

const [first, second] = response.data.map((item) => item.embedding as number[])
const cosine = (a: number[], b: number[]) => {
  let dot = 0
  let normA = 0
  let normB = 0
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!
    normA += a[i]! ** 2
    normB += b[i]! ** 2
  }
  return dot / Math.sqrt(normA * normB)
}
console.log(`${response.data.length} vectors of ${first!.length} dimensions, ${response.usage.total_tokens} tokens`)
console.log(`cosine similarity: ${cosine(first!, second!).toFixed(3)}`)
