/**
 * The deterministic "model" of the Anthropic emulator: derives a Message from the request alone.
 * - text: `You said: <last user text>` (200 code points at most); after tool results:
 *   `The tool <name> returned: <result>`; with `output_config.format`: an instance of the schema;
 * - tools: forced by `tool_choice` (`any`, `tool`), or under `auto` when the last user text names a
 *   tool; inputs are instances of each tool's `input_schema`; `disable_parallel_tool_use` keeps one;
 * - thinking (when on): a thinking block first, signed, its text empty with `display: "omitted"`;
 * - `stop_sequences` cut at the first match (`stop_sequence`), `max_tokens` cuts the output.
 */
import type { ScriptedReply } from '../emulator-types.js'
import { countTokens, tokenPieces } from '../count-tokens.js'
import { jsonSchemaInstance } from '../json-schema-instance.js'
import { thinkingSignature, toolUseId } from './ids.js'
import { cacheBreakpoints, thinkingOn } from './validate-options.js'
import type { AnthropicModelCard } from './types.js'
import { blocksOf, textOf, type WireBlock, type WireRequest, type WireTool } from './wire.js'

export type StopReason = 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use' | 'pause_turn' | 'refusal'

export type AnswerBlock =
  | { readonly type: 'thinking'; readonly thinking: string; readonly signature: string }
  | { readonly type: 'text'; readonly text: string }
  | {
      readonly type: 'tool_use'
      readonly id: string
      readonly caller: { readonly type: 'direct' }
      readonly name: string
      readonly input: unknown
    }

export interface AnswerUsage {
  readonly input_tokens: number
  readonly cache_creation_input_tokens: number
  readonly cache_read_input_tokens: number
  readonly output_tokens: number
}

export interface AnthropicAnswer {
  readonly blocks: readonly AnswerBlock[]
  readonly stopReason: StopReason
  readonly stopSequence: string | null
  readonly usage: AnswerUsage
}

const QUOTE_LIMIT = 200
const cap = (text: string): string => {
  const points = Array.from(text)
  return points.length <= QUOTE_LIMIT ? text : `${points.slice(0, QUOTE_LIMIT).join('')}…`
}

function lastUser(request: WireRequest): readonly WireBlock[] {
  for (let index = request.messages.length - 1; index >= 0; index--) {
    const message = request.messages[index]
    if (message?.role === 'user') return blocksOf(message.content)
  }
  return []
}

function toolNameFor(request: WireRequest, id: string | undefined): string {
  for (const message of request.messages)
    for (const block of blocksOf(message.content))
      if (block.type === 'tool_use' && block.id === id) return block.name ?? 'tool'
  return 'tool'
}

function answerText(request: WireRequest, userBlocks: readonly WireBlock[]): string {
  const format = request.output_config?.format
  if (format !== undefined && format !== null)
    return JSON.stringify(jsonSchemaInstance(format.schema, textOf(userBlocks)))
  const results = userBlocks.filter((block) => block.type === 'tool_result')
  const result = results[results.length - 1]
  if (result !== undefined)
    return `The tool ${toolNameFor(request, result.tool_use_id)} returned: ${cap(textOf(result.content))}`
  return `You said: ${cap(textOf(userBlocks))}`
}

function chooseTools(request: WireRequest, userText: string, answeringTools: boolean): WireTool[] {
  const tools = (request.tools ?? []).filter(
    (tool) => tool.type === undefined || tool.type === null || tool.type === 'custom',
  )
  const choice = request.tool_choice ?? { type: 'auto' as const }
  if (tools.length === 0) return []
  const named = tools.filter((tool) => userText.includes(tool.name))
  let picked: WireTool[]
  switch (choice.type) {
    case 'none':
      return []
    case 'tool':
      picked = tools.filter((tool) => tool.name === choice.name)
      break
    case 'any':
      picked = named.length > 0 ? named : tools.slice(0, 1)
      break
    case 'auto':
      picked = answeringTools ? [] : named
      break
    default: {
      const unknown: never = choice.type
      throw new Error(`unknown tool_choice ${String(unknown)}`)
    }
  }
  return choice.disable_parallel_tool_use === true ? picked.slice(0, 1) : picked
}

function cutAtStop(text: string, sequences: readonly string[]): { text: string; matched: string | null } {
  let cut = -1
  let matched: string | null = null
  for (const sequence of sequences) {
    const at = sequence.length > 0 ? text.indexOf(sequence) : -1
    if (at >= 0 && (cut < 0 || at < cut)) {
      cut = at
      matched = sequence
    }
  }
  return cut < 0 ? { text, matched: null } : { text: text.slice(0, cut), matched }
}

function blockTokens(block: WireBlock): number {
  const own =
    countTokens(block.text ?? block.thinking ?? '') +
    (block.input === undefined ? 0 : countTokens(JSON.stringify(block.input)))
  return own + (block.content === undefined ? 0 : countTokens(textOf(block.content)))
}

/** Input tokens: 3 per message + its blocks' text, plus the system text and the `tools` JSON. */
export function inputTokens(request: WireRequest, messages = request.messages): number {
  const system =
    typeof request.system === 'string'
      ? countTokens(request.system)
      : (request.system ?? []).reduce((sum, block) => sum + blockTokens(block), 0)
  const tools = request.tools === undefined ? 0 : countTokens(JSON.stringify(request.tools))
  return messages.reduce(
    (sum, message) => sum + 3 + blocksOf(message.content).reduce((inner, block) => inner + blockTokens(block), 0),
    system + tools,
  )
}

/** The cached prefix: everything up to the last message holding a breakpoint (or all of it with top-level `cache_control`). */
export function cachePrefix(request: WireRequest): { key: string; tokens: number } | undefined {
  if (cacheBreakpoints(request) === 0) return undefined
  let last = request.cache_control !== undefined && request.cache_control !== null ? request.messages.length - 1 : -1
  request.messages.forEach((message, index) => {
    if (blocksOf(message.content).some((block) => block.cache_control !== undefined && block.cache_control !== null))
      last = Math.max(last, index)
  })
  const messages = request.messages.slice(0, last + 1)
  const key = JSON.stringify([request.model, request.tools ?? null, request.system ?? null, messages])
  return { key, tokens: inputTokens(request, messages) }
}

function scripted(script: ScriptedReply | undefined): Extract<ScriptedReply, { kind: 'reply' }> | undefined {
  return script?.kind === 'reply' ? script : undefined
}

const STOP_FOR_FINISH: Readonly<Record<string, StopReason>> = {
  stop: 'end_turn',
  length: 'max_tokens',
  model_length: 'max_tokens',
  tool_calls: 'tool_use',
  error: 'end_turn',
}

/** The answer to a validated request; `cache` says how many prefix tokens were written or read. */
export function composeAnthropicAnswer(
  request: WireRequest,
  card: AnthropicModelCard,
  requestKey: string,
  cache: { readonly written: number; readonly read: number },
  script: ScriptedReply | undefined,
): AnthropicAnswer {
  const override = scripted(script)
  const userBlocks = lastUser(request)
  const userText = textOf(userBlocks)
  const answering = userBlocks.some((block) => block.type === 'tool_result')
  const thinks = thinkingOn(request, card) || override?.reasoning !== undefined
  const display = (request.thinking as { display?: string } | undefined)?.display
  const thinkingText = override?.reasoning ?? `The user wrote "${cap(userText)}". Echoing it answers the request.`
  const blocks: AnswerBlock[] = []
  if (thinks)
    blocks.push({
      type: 'thinking',
      thinking: display === 'omitted' ? '' : thinkingText,
      signature: thinkingSignature(thinkingText),
    })
  const calls =
    override?.toolCalls?.map((call, index) => ({
      type: 'tool_use' as const,
      id: call.id ?? toolUseId(requestKey, String(index)),
      caller: { type: 'direct' as const },
      name: call.name,
      input: typeof call.arguments === 'string' ? (JSON.parse(call.arguments) as unknown) : call.arguments,
    })) ??
    chooseTools(request, userText, answering).map((tool, index) => ({
      type: 'tool_use' as const,
      id: toolUseId(requestKey, String(index)),
      caller: { type: 'direct' as const },
      name: tool.name,
      input: jsonSchemaInstance(tool.input_schema ?? { type: 'object' }, userText),
    }))
  let stopReason: StopReason = calls.length > 0 ? 'tool_use' : 'end_turn'
  let stopSequence: string | null = null
  if (calls.length === 0 || override?.content !== undefined) {
    const cut = cutAtStop(override?.content ?? answerText(request, userBlocks), request.stop_sequences ?? [])
    if (cut.matched !== null) [stopReason, stopSequence] = ['stop_sequence', cut.matched]
    if (cut.text !== '' || calls.length === 0) blocks.push({ type: 'text', text: cut.text })
  }
  blocks.push(...calls)
  const limited = limitTokens(blocks, request.max_tokens)
  if (limited.cut) [stopReason, stopSequence] = ['max_tokens', null]
  if (override?.finishReason !== undefined) stopReason = STOP_FOR_FINISH[override.finishReason] ?? stopReason
  const total = inputTokens(request)
  const usage: AnswerUsage = {
    input_tokens: override?.usage?.prompt_tokens ?? Math.max(0, total - cache.written - cache.read),
    cache_creation_input_tokens: cache.written,
    cache_read_input_tokens: override?.usage?.cached_tokens ?? cache.read,
    output_tokens: override?.usage?.completion_tokens ?? outputTokens(limited.blocks),
  }
  return { blocks: limited.blocks, stopReason, stopSequence, usage }
}

function outputTokens(blocks: readonly AnswerBlock[]): number {
  return blocks.reduce((sum, block) => {
    if (block.type === 'text') return sum + countTokens(block.text)
    if (block.type === 'thinking') return sum + countTokens(block.thinking)
    return sum + countTokens(`${block.name} ${JSON.stringify(block.input)}`)
  }, 0)
}

/** Keeps at most `budget` output tokens of thinking and text; a cut drops the tool calls. */
function limitTokens(blocks: readonly AnswerBlock[], budget: number): { blocks: AnswerBlock[]; cut: boolean } {
  if (outputTokens(blocks) <= budget) return { blocks: [...blocks], cut: false }
  const kept: AnswerBlock[] = []
  let left = budget
  for (const block of blocks) {
    if (left <= 0 || block.type === 'tool_use') break
    const text = block.type === 'text' ? block.text : block.thinking
    const pieces = tokenPieces(text).slice(0, left)
    left -= pieces.length
    kept.push(block.type === 'text' ? { type: 'text', text: pieces.join('') } : { ...block, thinking: pieces.join('') })
  }
  return { blocks: kept, cut: true }
}
