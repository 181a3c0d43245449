/**
 * Anthropic Messages request conformance check (test support).
 *
 * `checkAnthropicRequest(body, headers)` lists every way a wire body (and its headers) differs from what
 * api.anthropic.com accepts, as far as the request itself shows. Two layers:
 *  1. SHAPE, derived from `@anthropic-ai/sdk`'s published types (`MessageCreateParamsBase` and
 *     everything it references, read from the installed package's `.d.ts` by the TypeScript compiler,
 *     see `anthropic-sdk-types.ts`): unknown keys, required keys, primitive types, enums, tagged
 *     unions. The SDK describes API version 2026-10-21; with `anthropic-version: 2023-06-01` the three
 *     parameters that version still has (`temperature` 0–1, `top_p` 0–1, `top_k` ≥ 0) are allowed too
 *     (https://platform.claude.com/docs/en/api/versioning).
 *  2. The SPEC's rules the types cannot say, from the SDK's doc comments and Anthropic's docs:
 *     `max_tokens` ≥ 0 integer; at least one message; non-empty text; tool ids `^[a-zA-Z0-9_-]+$`; every
 *     `tool_use` answered by a `tool_result` at the start of the next user turn (consecutive turns of one
 *     role merged first) and no `tool_result` without its `tool_use`; tool names
 *     `^[a-zA-Z0-9_-]{1,128}$` and unique; `tool_choice` any/tool only with tools and naming one;
 *     `budget_tokens` ≥ 1024 and < `max_tokens`; no forced tool use, `temperature` ≠ 1, `top_p` < 0.95
 *     or `top_k` with thinking on; the thinking block first in a replayed tool turn; at most 4 `cache_control` breakpoints; stop sequences not blank;
 *     headers: a key (`x-api-key` or `Authorization: Bearer`) and a known `anthropic-version`.
 *
 * Paths are JSON paths on the wire body (`$.messages[2].content[0].tool_use_id`); header problems are
 * reported at `header:<name>`.
 */
import { checkValue, sdkType, SDK_VERSION, type TypeProblem } from './anthropic-sdk-types.js'

export interface AnthropicViolation {
  readonly path: string
  readonly rule: string
  readonly message: string
}

export { SDK_VERSION as ANTHROPIC_SDK_VERSION }
export const ANTHROPIC_VERSIONS = ['2023-06-01', '2026-10-21'] as const
const PARAMS = sdkType('MessageCreateParamsBase')
const LEGACY_SAMPLING: Readonly<Record<string, { max?: number; integer?: boolean }>> = {
  temperature: { max: 1 },
  top_p: { max: 1 },
  top_k: { integer: true },
}
const ID = /^[a-zA-Z0-9_-]+$/
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,128}$/

type Json = Record<string, unknown>
type Add = (path: string, rule: string, message: string) => void
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

function lower(headers: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name.toLowerCase()] = value
  return out
}

function checkHeaders(headers: Record<string, string>, add: Add): void {
  const bearer = /^Bearer\s+\S+/i.test(headers.authorization ?? '')
  if ((headers['x-api-key'] ?? '') === '' && !bearer)
    add('header:x-api-key', 'auth', 'an x-api-key or Authorization: Bearer header is required')
  const version = headers['anthropic-version']
  if (version === undefined) add('header:anthropic-version', 'required', 'anthropic-version is required')
  else if (!(ANTHROPIC_VERSIONS as readonly string[]).includes(version))
    add('header:anthropic-version', 'enum', `unknown anthropic-version '${version}'`)
}

function blocksOf(content: unknown): Json[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }]
  return Array.isArray(content) ? content.filter(isObject) : []
}

function checkContent(messages: readonly unknown[], add: Add): void {
  messages.forEach((message, at) => {
    if (!isObject(message)) return
    const final = at === messages.length - 1 && message.role === 'assistant'
    const content = message.content
    if ((content === '' || (Array.isArray(content) && content.length === 0)) && !final)
      add(`$.messages[${at}].content`, 'non_empty', 'only the final assistant message may have empty content')
    if (!Array.isArray(content)) return
    content.forEach((block: unknown, index) => {
      if (!isObject(block)) return
      const path = `$.messages[${at}].content[${index}]`
      if (block.type === 'text' && typeof block.text === 'string' && block.text.trim() === '')
        add(`${path}.text`, 'non_empty', 'text blocks must contain non-whitespace text')
      if (block.type === 'tool_use' && typeof block.id === 'string' && !ID.test(block.id))
        add(`${path}.id`, 'pattern', `tool_use ids match ${ID.source}`)
      if (block.type === 'tool_result' && typeof block.tool_use_id === 'string' && !ID.test(block.tool_use_id))
        add(`${path}.tool_use_id`, 'pattern', `tool_use ids match ${ID.source}`)
    })
  })
}

interface TurnBlock {
  readonly block: Json
  readonly path: string
}

function turns(messages: readonly unknown[]): { role: unknown; at: number; blocks: TurnBlock[] }[] {
  const out: { role: unknown; at: number; blocks: TurnBlock[] }[] = []
  messages.forEach((message, at) => {
    if (!isObject(message)) return
    const blocks = blocksOf(message.content).map((block, index) => ({
      block,
      path: `$.messages[${at}].content[${index}]`,
    }))
    const last = out[out.length - 1]
    if (last !== undefined && last.role === message.role) last.blocks.push(...blocks)
    else out.push({ role: message.role, at, blocks })
  })
  return out
}

function checkPairing(messages: readonly unknown[], add: Add): void {
  let open = new Map<string, string>()
  const report = () => {
    for (const [id, path] of open) add(path, 'unanswered', `tool_use ${id} has no tool_result in the next user turn`)
    open = new Map()
  }
  for (const turn of turns(messages)) {
    if (turn.role === 'system') continue
    if (turn.role === 'assistant') {
      report()
      for (const { block, path } of turn.blocks) {
        if (block.type !== 'tool_use' || typeof block.id !== 'string') continue
        if (open.has(block.id)) add(`${path}.id`, 'unique', `tool_use id ${block.id} appears twice`)
        open.set(block.id, `${path}.id`)
      }
      continue
    }
    const answerable = new Set(open.keys())
    let leading = true
    for (const { block, path } of turn.blocks) {
      if (block.type !== 'tool_result') {
        leading = false
        continue
      }
      const id = String(block.tool_use_id)
      if (!answerable.has(id))
        add(`${path}.tool_use_id`, 'tool_use_id', `no tool_use ${id} in the previous assistant turn`)
      else if (!leading) add(path, 'order', 'tool_result blocks must come first in the user turn')
      open.delete(id)
    }
    report()
  }
  report()
}

function checkTools(body: Json, add: Add): void {
  const tools = Array.isArray(body.tools) ? body.tools : []
  const names = new Set<string>()
  tools.forEach((tool: unknown, index) => {
    if (!isObject(tool) || (tool.type !== undefined && tool.type !== null && tool.type !== 'custom')) return
    const name = String(tool.name)
    if (!TOOL_NAME.test(name)) add(`$.tools[${index}].name`, 'pattern', `tool names match ${TOOL_NAME.source}`)
    if (names.has(name)) add(`$.tools[${index}].name`, 'unique', `tool name ${name} appears twice`)
    names.add(name)
  })
  const choice = isObject(body.tool_choice) ? body.tool_choice : undefined
  if ((choice?.type === 'any' || choice?.type === 'tool') && tools.length === 0)
    add('$.tool_choice', 'tool_choice', 'tool_choice any/tool needs tools')
  if (choice?.type === 'tool' && typeof choice.name === 'string' && tools.length > 0 && !names.has(choice.name))
    add('$.tool_choice.name', 'tool_choice', `no tool named ${choice.name}`)
}

function checkThinking(body: Json, add: Add): void {
  const thinking = isObject(body.thinking) ? body.thinking : undefined
  if (thinking?.type === 'enabled' && typeof thinking.budget_tokens === 'number') {
    if (thinking.budget_tokens < 1024) add('$.thinking.budget_tokens', 'range', 'budget_tokens must be at least 1024')
    if (typeof body.max_tokens === 'number' && thinking.budget_tokens >= body.max_tokens)
      add('$.thinking.budget_tokens', 'range', 'budget_tokens must be below max_tokens')
  }
  // The limits below are documented for manual thinking; adaptive thinking with tool_choice any was
  // recorded answering 200 (pydantic-ai cassette test_anthropic_count_tokens_with_adaptive_thinking_and_output_tools).
  if (thinking?.type !== 'enabled') return
  checkThinkingReplay(body, add)
  const choice = isObject(body.tool_choice) ? body.tool_choice.type : undefined
  if (choice === 'any' || choice === 'tool')
    add('$.tool_choice', 'thinking', 'thinking may not be on when tool_choice forces tool use')
  if (body.temperature !== undefined && body.temperature !== 1)
    add('$.temperature', 'thinking', 'temperature may only be 1 with thinking')
  if (typeof body.top_p === 'number' && body.top_p < 0.95)
    add('$.top_p', 'thinking', 'top_p must be >= 0.95 with thinking')
  if (body.top_k !== undefined) add('$.top_k', 'thinking', 'top_k must be unset with thinking')
}

/** With manual thinking, the assistant turn answered by the final tool results must open with its thinking block. */
function checkThinkingReplay(body: Json, add: Add): void {
  const all = turns(Array.isArray(body.messages) ? body.messages : [])
  const last = all[all.length - 1]
  const toolTurn = all[all.length - 2]
  if (last?.role !== 'user' || !last.blocks.some(({ block }) => block.type === 'tool_result')) return
  const first = toolTurn?.role === 'assistant' ? toolTurn.blocks[0] : undefined
  if (first !== undefined && first.block.type !== 'thinking' && first.block.type !== 'redacted_thinking')
    add(
      first.path,
      'thinking',
      'with thinking enabled, the assistant turn before the last tool results must start with its thinking block',
    )
}

function countBreakpoints(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countBreakpoints(item), 0)
  if (!isObject(value)) return 0
  const own = value.cache_control !== undefined && value.cache_control !== null ? 1 : 0
  return own + countBreakpoints(value.content)
}

function checkRules(body: Json, add: Add): void {
  if (typeof body.max_tokens === 'number' && (!Number.isInteger(body.max_tokens) || body.max_tokens < 0))
    add('$.max_tokens', 'range', 'max_tokens is an integer >= 0')
  const messages = Array.isArray(body.messages) ? body.messages : []
  if (Array.isArray(body.messages) && messages.length === 0)
    add('$.messages', 'non_empty', 'at least one message is required')
  checkContent(messages, add)
  checkPairing(messages, add)
  checkTools(body, add)
  checkThinking(body, add)
  const breakpoints =
    (isObject(body.cache_control) ? 1 : 0) +
    countBreakpoints(body.system) +
    countBreakpoints(body.tools) +
    countBreakpoints(messages)
  if (breakpoints > 4) add('$', 'cache_control', `at most 4 cache_control breakpoints (found ${breakpoints})`)
  if (Array.isArray(body.stop_sequences))
    body.stop_sequences.forEach((sequence: unknown, index) => {
      if (typeof sequence === 'string' && sequence.trim() === '')
        add(`$.stop_sequences[${index}]`, 'non_empty', 'stop sequences must contain non-whitespace')
    })
}

function checkLegacySampling(body: Json, add: Add): Json {
  const rest: Json = { ...body }
  for (const [key, range] of Object.entries(LEGACY_SAMPLING)) {
    if (!(key in rest)) continue
    const value = rest[key]
    delete rest[key]
    if (typeof value !== 'number' || (range.integer === true && !Number.isInteger(value)))
      add(`$.${key}`, 'type', `${key} must be a number`)
    else if (value < 0 || (range.max !== undefined && value > range.max))
      add(`$.${key}`, 'range', `${key} = ${value} is out of range`)
  }
  return rest
}

/**
 * Every problem of a `POST /v1/messages` request. `headers` (any case) are checked when given; their
 * `anthropic-version` decides the version (default: the SDK's, 2026-10-21).
 */
export function checkAnthropicRequest(
  body: unknown,
  headers?: Readonly<Record<string, string | undefined>>,
): AnthropicViolation[] {
  const violations: AnthropicViolation[] = []
  const add: Add = (path, rule, message) => violations.push({ path, rule, message })
  const named = headers === undefined ? undefined : lower(headers)
  if (named !== undefined) checkHeaders(named, add)
  if (!isObject(body)) return [...violations, { path: '$', rule: 'type', message: 'the body is not a JSON object' }]
  const legacy = named?.['anthropic-version'] === '2023-06-01'
  const shaped = legacy ? checkLegacySampling(body, add) : body
  const problems: TypeProblem[] = []
  checkValue(shaped, PARAMS, '$', problems, true)
  violations.push(...problems)
  checkRules(body, add)
  return violations
}

export function formatAnthropicViolations(violations: readonly AnthropicViolation[]): string {
  return violations.map((violation) => `${violation.path} [${violation.rule}] ${violation.message}`).join('\n')
}

/** Throws with every violation when the request would not pass the Messages API's validation. */
export function assertAnthropicRequest(body: unknown, headers?: Readonly<Record<string, string | undefined>>): void {
  const violations = checkAnthropicRequest(body, headers)
  if (violations.length > 0)
    throw new Error(
      `Not a valid Anthropic Messages request:\n${formatAnthropicViolations(violations)}\n${JSON.stringify(body)}`,
    )
}
