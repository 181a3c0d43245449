/**
 * Compile-time tests (`npm run typecheck`): `model` suggests each provider's current ids (retired and
 * retiring ones are accepted but not suggested), any string is still accepted, and params a provider
 * refuses whatever their value are absent from its `create` params, so the compiler says it first.
 */
import type { ChatCompletionCreateParams, ModelIdFor, TokenJS } from 'token.js'

declare const tokenjs: TokenJS
const messages = [{ role: 'user' as const, content: 'Hi' }]

type Suggests<P extends Parameters<SuggestionOf>[0], Id extends string> = Id extends ModelIdFor<P> ? true : false
type SuggestionOf = (provider: 'openai' | 'mistral' | 'anthropic' | 'gemini' | 'groq') => void

// Current ids are suggested, for every provider with a table (OpenAI's used to collapse to `string`).
export const openAICurrent: Suggests<'openai', 'gpt-5.5'> = true
export const mistralCurrent: Suggests<'mistral', 'mistral-large-latest'> = true
export const anthropicCurrent: Suggests<'anthropic', 'claude-opus-5-5'> = true
export const geminiCurrent: Suggests<'gemini', 'gemini-4-argon'> = true
// Ids with a retirement are not suggested...
export const openAIRetiring: Suggests<'openai', 'gpt-4o'> = false
export const mistralRetired: Suggests<'mistral', 'open-mistral-7b'> = false
export const anthropicRetired: Suggests<'anthropic', 'claude-sonnet-4-5'> = false
export const geminiRetired: Suggests<'gemini', 'gemini-3.7-flash'> = false
// ...and the suggestions are ids, not `string` (which would suggest nothing).
export const notString: string extends ModelIdFor<'openai'> ? false : true = true
// A provider without a table suggests nothing and accepts any id.
export const groqNone: [ModelIdFor<'groq'>] extends [never] ? true : false = true

export async function acceptsAnyId(): Promise<void> {
  // Retired, retiring and unknown ids are all accepted (the API decides).
  await tokenjs.chat.completions.create({ provider: 'mistral', model: 'open-mistral-7b', messages })
  await tokenjs.chat.completions.create({ provider: 'openai', model: 'gpt-4o', messages })
  await tokenjs.chat.completions.create({ provider: 'openai', model: 'ft:gpt-5.5:acme::abc123', messages })
  await tokenjs.chat.completions.create({ provider: 'groq', model: 'llama-3.3-70b-versatile', messages })
}

export async function refusedParamsAreCompileErrors(): Promise<void> {
  const mistral = { provider: 'mistral', model: 'mistral-small-latest', messages } as const
  await tokenjs.chat.completions.create({
    ...mistral,
    // @ts-expect-error -- Mistral has no end-user id field (refused at run time too).
    user: 'u1',
  })
  await tokenjs.chat.completions.create({
    ...mistral,
    // @ts-expect-error -- Mistral has no verbosity control.
    verbosity: 'low',
  })
  await tokenjs.chat.completions.create({
    provider: 'gemini',
    model: 'gemini-4-argon',
    messages,
    // @ts-expect-error -- Gemini has no end-user id field.
    user: 'u1',
  })
  await tokenjs.chat.completions.create({
    provider: 'anthropic',
    model: 'claude-opus-5-5',
    messages,
    // @ts-expect-error -- Anthropic has no sampling seed.
    seed: 1,
  })
  // OpenAI takes them.
  await tokenjs.chat.completions.create({ provider: 'openai', model: 'gpt-5.5', messages, user: 'u1', seed: 1 })
}

// The params type of one provider says the same.
type MistralParams = Extract<ChatCompletionCreateParams, { provider: 'mistral' }>
export const noUser: 'user' extends keyof MistralParams ? false : true = true
type OpenAIParams = Extract<ChatCompletionCreateParams, { provider: 'openai' }>
export const hasUser: 'user' extends keyof OpenAIParams ? true : false = true
