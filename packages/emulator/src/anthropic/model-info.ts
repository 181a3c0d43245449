/**
 * `GET /v1/models` and `GET /v1/models/{id}` bodies (the `ModelInfo` shape of Anthropic's Models API,
 * https://platform.claude.com/docs/en/api/models/list): cursor pages with `data`, `has_more`,
 * `first_id`, `last_id`; `limit` 1–1000 (default 20), `after_id`, `before_id`.
 */
import { invalidRequest, type AnthropicErrorReply } from './errors.js'
import type { AnthropicModelCard } from './types.js'

const supported = (value: boolean) => ({ supported: value })

function line(id: string): string | null {
  return /claude-(haiku|sonnet|opus|fable|mythos)/.exec(id)?.[1] ?? null
}

export function modelInfo(card: AnthropicModelCard): Record<string, unknown> {
  const level = (name: AnthropicModelCard['effortLevels'][number]) => supported(card.effortLevels.includes(name))
  return {
    type: 'model',
    id: card.id,
    display_name: card.display_name,
    created_at: card.created_at,
    max_input_tokens: card.max_input_tokens,
    max_tokens: card.max_tokens,
    lifecycle: card.lifecycle,
    deprecated_at: card.deprecated_at ?? null,
    retires_at: card.retires_at ?? null,
    line: line(card.id),
    capabilities: {
      batch: supported(true),
      citations: supported(true),
      code_execution: supported(true),
      image_input: supported(true),
      pdf_input: supported(true),
      structured_outputs: supported(true),
      effort: {
        supported: card.effortLevels.length > 0,
        low: level('low'),
        medium: level('medium'),
        high: level('high'),
        xhigh: level('xhigh'),
        max: level('max'),
      },
      thinking: {
        supported: true,
        types: {
          adaptive: supported(card.thinking.includes('adaptive')),
          enabled: supported(card.thinking.includes('enabled')),
          disabled: supported(card.thinking.includes('disabled')),
          between_tools: supported(false),
        },
      },
      context_management: {
        supported: false,
        clear_thinking_20251015: null,
        clear_tool_uses_20250919: null,
        compact_20260112: null,
      },
      server_tools: { supported: true, code_execution: supported(true), web_search: supported(true) },
    },
  }
}

/** One page of the catalogue, or the 400 for a bad `limit`. */
export function modelPage(
  models: readonly AnthropicModelCard[],
  query: URLSearchParams,
  defaultLimit: number,
): { readonly page: Record<string, unknown> } | { readonly error: AnthropicErrorReply } {
  const limitText = query.get('limit')
  const limit = limitText === null ? defaultLimit : Number(limitText)
  if (!Number.isInteger(limit))
    return { error: invalidRequest('limit: Input should be a valid integer, unable to parse string as an integer') }
  if (limit < 1) return { error: invalidRequest('limit: Input should be greater than or equal to 1') }
  if (limit > 1000) return { error: invalidRequest('limit: Input should be less than or equal to 1000') }
  const ids = models.map((card) => card.id)
  const after = query.get('after_id')
  const before = query.get('before_id')
  let start = 0
  let end = models.length
  if (after !== null) start = ids.indexOf(after) + 1
  if (before !== null) end = Math.max(0, ids.indexOf(before))
  let slice = models.slice(start, end)
  let hasMore: boolean
  if (before !== null && after === null) {
    hasMore = slice.length > limit
    slice = slice.slice(-limit)
  } else {
    hasMore = slice.length > limit
    slice = slice.slice(0, limit)
  }
  return {
    page: {
      data: slice.map(modelInfo),
      has_more: hasMore,
      first_id: slice[0]?.id ?? null,
      last_id: slice[slice.length - 1]?.id ?? null,
    },
  }
}
