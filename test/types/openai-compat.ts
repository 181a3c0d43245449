/**
 * Compile-time proof (checked by `npm run typecheck`) that our OpenAI-format types interoperate with the
 * official `openai` package (a dev dependency only): our results are assignable to its types, and its
 * message and tool values are accepted by our `create`.
 */
import type {
  ChatCompletion as OpenAIChatCompletion,
  ChatCompletionChunk as OpenAIChatCompletionChunk,
  ChatCompletionMessageParam as OpenAIMessageParam,
  ChatCompletionTool as OpenAITool,
} from 'openai/resources/chat/completions'
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParams,
  ChatCompletionMessageParam,
  ChatCompletionTool,
  CompletionResponse,
  StreamCompletionResponse,
  TokenJS,
} from 'token.js'

declare const completion: ChatCompletion
declare const chunk: ChatCompletionChunk
declare const tokenjs: TokenJS
declare const openAIMessages: OpenAIMessageParam[]
declare const openAITools: OpenAITool[]
/** Marks values as used: their declared types are the assertions here. */
declare function keep(...values: unknown[]): void

// Our results are OpenAI's results.
export const asOpenAICompletion: OpenAIChatCompletion = completion
export const asOpenAIChunk: OpenAIChatCompletionChunk = chunk
export const asCompletionResponse: OpenAIChatCompletion = {} as CompletionResponse

// OpenAI's message and tool values are accepted by create().
export async function acceptsOpenAIValues(): Promise<void> {
  const result: ChatCompletion = await tokenjs.chat.completions.create({
    provider: 'mistral',
    model: 'mistral-large-latest',
    messages: openAIMessages,
    tools: openAITools,
  })
  const stream: StreamCompletionResponse = await tokenjs.chat.completions.create({
    provider: 'mistral',
    model: 'any-model-id-is-accepted',
    messages: openAIMessages,
    stream: true,
  })
  for await (const piece of stream) {
    const asOpenAI: OpenAIChatCompletionChunk = piece
    keep(asOpenAI)
  }
  keep(result)
}

// Our own param types are exported under Token.js's names.
export const messages: ChatCompletionMessageParam[] = [{ role: 'user', content: 'Hello!' }]
export const tools: ChatCompletionTool[] = [{ type: 'function', function: { name: 'f' } }]

// `provider: 'mistral'` suggests Mistral ids; the union is checked here.
type MistralParams = Extract<ChatCompletionCreateParams, { provider: 'mistral' }>
type Suggested = Exclude<MistralParams['model'], string & {}>
export const suggested: 'mistral-large-latest' extends MistralParams['model'] ? true : false = true
export type { Suggested }

// @ts-expect-error -- `provider` must be a known provider id.
export const badProvider: ChatCompletionCreateParams = { provider: 'nope', model: 'x', messages }

// Raw access has openai-node's shape: `withResponse()` gives `{ data, response, request_id }`.
export async function rawAccessAsOpenAI(): Promise<void> {
  const params = { provider: 'mistral', model: 'mistral-small-latest', messages } as const
  const { data, response, request_id } = await tokenjs.chat.completions.create(params).withResponse()
  const asOpenAI: OpenAIChatCompletion = data
  const status: number = response.status
  const id: string | null = request_id
  const requestId: string | null | undefined = (await tokenjs.chat.completions.create(params))._request_id
  const raw: Response = await tokenjs.chat.completions.create(params).asResponse()
  keep(asOpenAI, status, id, requestId, raw)
}
