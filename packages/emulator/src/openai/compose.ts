/**
 * The deterministic "model" for OpenAI-format requests: the Mistral emulator's `composeAnswer` (echo,
 * json_object, json_schema instance, forced tool calls, n choices, stop, max tokens → length) fed with
 * the OpenAI body, then given OpenAI's ids (`call_…`) and OpenAI's usage breakdown (reasoning tokens).
 */
import type { ModelRow } from '../model-types.js'
import type { ComposedAnswer, ComposedChoice } from '../answer-types.js'
import { applyReplyOverride } from '../apply-reply-override.js'
import { composeAnswer } from '../compose-answer.js'
import { countTokens } from '../count-tokens.js'
import { sha256 } from '../deterministic-ids.js'
import type { ScriptedReply } from '../emulator-types.js'
import type { WireChatRequest, WireToolChoice } from '../wire-request.js'

type Json = Record<string, unknown>

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** `prefix` + `length` characters of [A-Za-z0-9] derived from `parts`. */
export function alphanumericId(prefix: string, length: number, ...parts: readonly string[]): string {
  const bytes = sha256(prefix, ...parts)
  let id = prefix
  for (let index = 0; index < length; index++)
    id += ALPHANUMERIC.charAt((bytes[index % bytes.length] ?? 0) % ALPHANUMERIC.length)
  return id
}

/** `call_` + 24 characters, the shape of OpenAI's tool-call ids. */
export function openAIToolCallId(...parts: readonly string[]): string {
  return alphanumericId('call_', 24, ...parts)
}

/** A row with every feature, for ids served through `extraModels`. */
export const PERMISSIVE_ROW: ModelRow = {
  label: 'Emulator model',
  chat: true,
  streaming: true,
  jsonMode: true,
  jsonSchema: true,
  images: true,
  documents: true,
  audio: true,
  tools: true,
  n: true,
  reasoning: true,
  prediction: true,
  prefix: false,
  fim: false,
  contextLength: 131_072,
}

export interface OpenAIAnswer extends ComposedAnswer {
  readonly reasoningTokens: number
}

function toolChoice(body: Json, tools: Json[]): { choice: WireToolChoice | undefined; tools: Json[] } {
  const choice = body.tool_choice
  if (choice === undefined || choice === null) return { choice: undefined, tools }
  if (typeof choice === 'string') return { choice: choice as WireToolChoice, tools }
  const record = choice as Json
  if (record.type === 'function')
    return { choice: { function: { name: String((record.function as Json).name) } }, tools }
  if (record.type === 'allowed_tools') {
    const allowed = record.allowed_tools as { mode: 'auto' | 'required'; tools: { function?: { name?: string } }[] }
    const names = new Set(allowed.tools.map((tool) => tool.function?.name))
    return { choice: allowed.mode, tools: tools.filter((tool) => names.has((tool.function as Json).name as string)) }
  }
  return { choice: 'auto', tools }
}

function defaultEffort(row: ModelRow): string | undefined {
  if (!row.reasoning) return undefined
  const efforts = row.reasoningEfforts as readonly string[] | undefined
  if (efforts === undefined) return undefined
  return efforts.includes('none') ? 'none' : 'medium'
}

/** The Mistral-emulator request the OpenAI body amounts to. */
function asWireRequest(body: Json, row: ModelRow): WireChatRequest {
  const functionTools = Array.isArray(body.tools)
    ? (body.tools as Json[]).filter((tool) => tool.type === 'function')
    : []
  const { choice, tools } = toolChoice(body, functionTools)
  const maxTokens = (body.max_completion_tokens ?? body.max_tokens) as number | null | undefined
  const effort = (body.reasoning_effort as string | null | undefined) ?? defaultEffort(row)
  const request: Record<string, unknown> = {
    model: body.model,
    messages: body.messages,
    stream: body.stream === true,
    stop: body.stop,
    response_format: body.response_format,
    tools,
    n: body.n,
    parallel_tool_calls: body.parallel_tool_calls,
    prompt_cache_key: body.prompt_cache_key,
  }
  if (maxTokens !== undefined && maxTokens !== null) request.max_tokens = maxTokens
  if (choice !== undefined) request.tool_choice = choice
  if (effort !== undefined) request.reasoning_effort = effort
  const present = Object.entries(request).filter(([, value]) => value !== undefined && value !== null)
  return Object.fromEntries(present) as unknown as WireChatRequest
}

function withOpenAIIds(choice: ComposedChoice, requestKey: string, keep: ReadonlySet<number>): ComposedChoice {
  const toolCalls = choice.toolCalls.map((call, position) =>
    keep.has(position) ? call : { ...call, id: openAIToolCallId(requestKey, String(choice.index), String(position)) },
  )
  return { ...choice, toolCalls }
}

export function composeOpenAIAnswer(
  body: Json,
  row: ModelRow,
  requestKey: string,
  cachedTokens: number,
  script: ScriptedReply | undefined,
): OpenAIAnswer {
  let answer = composeAnswer(asWireRequest(body, row), row, requestKey, cachedTokens)
  let keep = new Set<number>()
  if (script?.kind === 'reply') {
    answer = applyReplyOverride(answer, script, requestKey)
    if (script.toolCalls !== undefined)
      keep = new Set(script.toolCalls.flatMap((call, position) => (call.id === undefined ? [] : [position])))
  }
  const choices = answer.choices.map((choice) => withOpenAIIds(choice, requestKey, keep))
  const reasoningTokens = choices.reduce((sum, choice) => sum + countTokens(choice.reasoning ?? ''), 0)
  return { choices, usage: answer.usage, reasoningTokens }
}
