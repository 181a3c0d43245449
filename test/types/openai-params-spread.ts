/**
 * Compile-time proof (`npm run typecheck`) that an existing `openai` params object can be spread into
 * create() as it is, for every provider (tool_choice with allowed_tools, audio voices by id, web search
 * options and moderation typed as interfaces, a null safety_identifier), streaming or not.
 */
import type {
  ChatCompletionCreateParams as OpenAIParams,
  ChatCompletionCreateParamsNonStreaming as OpenAIParamsNonStreaming,
  ChatCompletionCreateParamsStreaming as OpenAIParamsStreaming,
} from 'openai/resources/chat/completions'
import type { ChatCompletion, ChatCompletionStream, TokenJS } from 'token.js'

declare const tokenjs: TokenJS
declare const nonStreaming: OpenAIParamsNonStreaming
declare const streaming: OpenAIParamsStreaming
declare const either: OpenAIParams
/** Marks values as used: their declared types are the assertions here. */
declare function keep(...values: unknown[]): void

export async function spreadsOpenAIParams(): Promise<void> {
  const completion: ChatCompletion = await tokenjs.chat.completions.create({ ...nonStreaming, provider: 'openai' })
  const stream: ChatCompletionStream = await tokenjs.chat.completions.create({ ...streaming, provider: 'openai' })
  const any: ChatCompletion | ChatCompletionStream = await tokenjs.chat.completions.create({
    ...either,
    provider: 'openai',
  })
  // Other providers take the same object; what they cannot map is refused at run time, by name.
  await tokenjs.chat.completions.create({ ...nonStreaming, provider: 'mistral' })
  await tokenjs.chat.completions.create({ ...nonStreaming, provider: 'anthropic' })
  await tokenjs.chat.completions.create({ ...nonStreaming, provider: 'gemini' })
  await tokenjs.chat.completions.create({ ...nonStreaming, provider: 'groq' })
  keep(completion, stream, any)
}

// The allowed_tools form openai-node types as records is accepted as written.
export const allowedTools: NonNullable<OpenAIParamsNonStreaming['tool_choice']> = {
  type: 'allowed_tools',
  allowed_tools: { mode: 'auto', tools: [{ type: 'function', function: { name: 'get_weather' } }] },
}
export async function passesAllowedTools(): Promise<void> {
  await tokenjs.chat.completions.create({
    provider: 'openai',
    model: 'gpt-5.5',
    messages: [{ role: 'user', content: 'Weather?' }],
    tool_choice: allowedTools,
  })
}
