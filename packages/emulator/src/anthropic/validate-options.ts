/**
 * The Messages API's rules on options, per model and API version. Sources: the SDK's doc comments
 * (`budget_tokens` at least 1,024 and below `max_tokens`; "Models released after Claude Opus 4.6 do not
 * support setting temperature. A value of 1.0 will be accepted …"), Anthropic's extended-thinking docs
 * (https://platform.claude.com/docs/en/build-with-claude/extended-thinking#feature-compatibility:
 * temperature/top_k not with thinking, top_p 0.95–1, no forced tool use), prompt caching docs (at most
 * 4 breakpoints), and the 400s quoted in BerriAI/litellm#15097 ("`temperature` and `top_p` cannot both
 * be specified for this model") and mastra-ai/mastra#7507 (forced tool use with thinking). Messages
 * whose exact wording no public source quotes are marked "(wording assumed)".
 */
import { invalidRequest, type AnthropicErrorReply } from './errors.js'
import type { ApiVersion } from './request-schema.js'
import type { AnthropicModelCard } from './types.js'
import { blocksOf, type WireBlock, type WireRequest } from './wire.js'

const THINKING_DOCS = 'https://docs.claude.com/en/docs/build-with-claude/extended-thinking'

/** Thinking is on when asked for, or by default on the models that always think. */
export function thinkingOn(request: WireRequest, card: AnthropicModelCard): boolean {
  const type = request.thinking?.type
  if (type === undefined) return card.thinksByDefault
  return type !== 'disabled'
}

function checkThinking(request: WireRequest, card: AnthropicModelCard): AnthropicErrorReply | undefined {
  const thinking = request.thinking
  if (thinking !== undefined && !card.thinking.includes(thinking.type)) {
    // (wording assumed)
    const hint = card.thinking.includes('adaptive')
      ? ' Use `thinking.type.adaptive` and `output_config.effort` to control thinking behavior.'
      : ''
    return invalidRequest(
      `thinking.type.${thinking.type}: \`${thinking.type}\` thinking is not supported for this model.${hint}`,
    )
  }
  if (thinking?.type === 'enabled' && (thinking.budget_tokens ?? 0) >= request.max_tokens)
    return invalidRequest(
      `\`max_tokens\` must be greater than \`thinking.budget_tokens\`. Please consult our documentation at ${THINKING_DOCS}#max-tokens-and-context-window-size`,
    )
  const effort = request.output_config?.effort
  if (effort !== undefined && effort !== null && card.effortLevels.length === 0)
    return invalidRequest('output_config.effort: This model does not support the effort parameter.') // (wording assumed)
  if (effort !== undefined && effort !== null && !(card.effortLevels as readonly string[]).includes(effort))
    return invalidRequest(
      `This model does not support effort level '${effort}'. Supported levels: ${[...card.effortLevels].sort().join(', ')}.`,
    )
  // The feature limits are documented for manual (`enabled`) thinking; a recording shows adaptive
  // thinking with tool_choice any answered 200 (pydantic-ai cassette
  // test_anthropic_count_tokens_with_adaptive_thinking_and_output_tools.yaml, 2026-08).
  if (thinking?.type !== 'enabled') return undefined
  if (request.temperature !== undefined && request.temperature !== 1)
    return invalidRequest(
      `\`temperature\` may only be set to 1 when thinking is enabled. Please consult our documentation at ${THINKING_DOCS}#feature-compatibility`,
    )
  if (request.top_p !== undefined && request.top_p < 0.95)
    return invalidRequest(
      `\`top_p\` must be greater than or equal to 0.95 or unset when thinking is enabled. Please consult our documentation at ${THINKING_DOCS}#feature-compatibility`,
    )
  if (request.top_k !== undefined)
    return invalidRequest(
      `\`top_k\` must be unset when thinking is enabled. Please consult our documentation at ${THINKING_DOCS}#feature-compatibility`,
    )
  const forced = request.tool_choice?.type
  if (forced === 'any' || forced === 'tool')
    return invalidRequest('Thinking may not be enabled when tool_choice forces tool use.')
  return undefined
}

function checkSampling(request: WireRequest, card: AnthropicModelCard): AnthropicErrorReply | undefined {
  const { temperature, top_p: topP, top_k: topK } = request
  if (card.fixedSampling) {
    // (wording assumed) the SDK only says other values "will be rejected with a 400 error".
    if (temperature !== undefined && temperature !== 1)
      return invalidRequest(`temperature: This model only supports the default temperature of 1.0.`)
    if (topP !== undefined && topP < 0.99)
      return invalidRequest('top_p: This model only supports top_p values of 0.99 or above.')
    if (topK !== undefined) return invalidRequest('top_k: This model does not support top_k.')
    return undefined
  }
  if (temperature !== undefined && topP !== undefined)
    return invalidRequest('`temperature` and `top_p` cannot both be specified for this model. Please use only one.')
  return undefined
}

function checkTools(request: WireRequest): AnthropicErrorReply | undefined {
  const tools = request.tools ?? []
  const names = new Set<string>()
  for (const [index, tool] of tools.entries()) {
    const custom = tool.type === undefined || tool.type === null || tool.type === 'custom'
    if (custom && tool.input_schema?.type !== 'object')
      return invalidRequest(`tools.${index}.custom.input_schema.type: Input should be 'object'`)
    if (names.has(tool.name)) return invalidRequest('tools: Tool names must be unique.')
    names.add(tool.name)
  }
  const choice = request.tool_choice
  if ((choice?.type === 'any' || choice?.type === 'tool') && tools.length === 0)
    return invalidRequest('tool_choice: tool_choice may only be specified while providing tools.') // (wording assumed)
  if (choice?.type === 'tool' && choice.name !== undefined && !names.has(choice.name))
    return invalidRequest(`tool_choice.tool.name: Tool '${choice.name}' not found in tools.`) // (wording assumed)
  return undefined
}

function countBreakpoints(blocks: readonly WireBlock[]): number {
  let count = 0
  for (const block of blocks) {
    if (block.cache_control !== undefined && block.cache_control !== null) count++
    if (Array.isArray(block.content)) count += countBreakpoints(block.content)
  }
  return count
}

/** Breakpoints: `cache_control` on system blocks, tools, message blocks (tool-result content included) and the top level. */
export function cacheBreakpoints(request: WireRequest): number {
  let count = request.cache_control !== undefined && request.cache_control !== null ? 1 : 0
  if (Array.isArray(request.system)) count += countBreakpoints(request.system)
  for (const tool of request.tools ?? []) if (tool.cache_control !== undefined && tool.cache_control !== null) count++
  for (const message of request.messages) count += countBreakpoints(blocksOf(message.content))
  return count
}

/** The first option rule `request` breaks for `card`, or `undefined`. */
export function checkOptions(
  request: WireRequest,
  card: AnthropicModelCard,
  version: ApiVersion,
  countTokens: boolean,
): AnthropicErrorReply | undefined {
  if (!countTokens && request.max_tokens > card.max_tokens)
    return invalidRequest(
      `max_tokens: ${request.max_tokens} > ${card.max_tokens}, which is the maximum allowed number of output tokens for ${card.id}`,
    )
  for (const sequence of request.stop_sequences ?? [])
    if (sequence.trim() === '') return invalidRequest('stop_sequences: each stop sequence must contain non-whitespace') // (wording assumed)
  const breakpoints = cacheBreakpoints(request)
  if (breakpoints > 4)
    return invalidRequest(`A maximum of 4 blocks with cache_control may be provided. Found ${breakpoints}.`)
  return (
    (version === '2023-06-01' ? checkSampling(request, card) : undefined) ??
    checkTools(request) ??
    (countTokens ? undefined : checkThinking(request, card))
  )
}
