/**
 * The body of `POST /v1/messages` in the emulator's schema language, per API version. Written from
 * Anthropic's API reference (https://platform.claude.com/docs/en/api/messages) for the parts an
 * OpenAI-format client can send; server tools (`type` ending in a date) are accepted with any fields.
 * Version 2026-10-21 removed `temperature`, `top_p` and `top_k`
 * (https://platform.claude.com/docs/en/api/versioning: "A request that sends any … returns a 400").
 */
import type { Shape } from './shape.js'

/** The `anthropic-version` header values the emulator accepts; each has its own request schema. */
export type ApiVersion = '2023-06-01' | '2026-10-21'
/** Every accepted `anthropic-version`, oldest first; another value (or none) answers 400 as the API does. */
export const API_VERSIONS: readonly ApiVersion[] = ['2023-06-01', '2026-10-21']

/** Server-tool `type`s (`web_search_20250305`, `bash_20250124` …) carry a date suffix. */
export const SERVER_TOOL_TYPE = /^[a-z_]+_\d{8}$/

const str: Shape = { kind: 'string' }
const bool: Shape = { kind: 'boolean' }
const record: Shape = { kind: 'record' }
const nullable = (of: Shape): Shape => ({ kind: 'nullable', of })
const array = (of: Shape): Shape => ({ kind: 'array', of })
const object = (fields: Record<string, Shape>, required: readonly string[] = []): Shape => ({
  kind: 'object',
  fields,
  required,
})
const oneOf = (...values: string[]): Shape => ({ kind: 'string', enum: values })

const cacheControl: Shape = nullable(object({ type: oneOf('ephemeral'), ttl: oneOf('5m', '1h') }, ['type']))
const citationParam: Shape = { kind: 'any' }
const textBlock: Shape = object(
  { type: str, text: str, cache_control: cacheControl, citations: nullable(array(citationParam)) },
  ['type', 'text'],
)
const imageSource: Shape = {
  kind: 'tagged',
  tags: {
    base64: object({ type: str, media_type: oneOf('image/jpeg', 'image/png', 'image/gif', 'image/webp'), data: str }, [
      'type',
      'media_type',
      'data',
    ]),
    url: object({ type: str, url: str }, ['type', 'url']),
    file: object({ type: str, file_id: str }, ['type', 'file_id']),
  },
}
const imageBlock: Shape = object({ type: str, source: imageSource, cache_control: cacheControl }, ['type', 'source'])
const documentSource: Shape = {
  kind: 'tagged',
  tags: {
    base64: object({ type: str, media_type: oneOf('application/pdf'), data: str }, ['type', 'media_type', 'data']),
    text: object({ type: str, media_type: oneOf('text/plain'), data: str }, ['type', 'media_type', 'data']),
    url: object({ type: str, url: str }, ['type', 'url']),
    content: object({ type: str, content: { kind: 'string-or-array', of: { kind: 'any' } } }, ['type', 'content']),
    file: object({ type: str, file_id: str }, ['type', 'file_id']),
  },
}
const documentBlock: Shape = object(
  {
    type: str,
    source: documentSource,
    cache_control: cacheControl,
    citations: nullable(object({ enabled: bool })),
    context: nullable(str),
    title: nullable(str),
  },
  ['type', 'source'],
)
const searchResultBlock: Shape = object(
  {
    type: str,
    source: str,
    title: str,
    content: array(textBlock),
    cache_control: cacheControl,
    citations: object({ enabled: bool }),
  },
  ['type', 'source', 'title', 'content'],
)
const toolResultContent: Shape = {
  kind: 'tagged',
  tags: { text: textBlock, image: imageBlock, document: documentBlock, search_result: searchResultBlock },
}
const blocks: Record<string, Shape> = {
  text: textBlock,
  image: imageBlock,
  document: documentBlock,
  search_result: searchResultBlock,
  thinking: object({ type: str, thinking: str, signature: str }, ['type', 'thinking', 'signature']),
  redacted_thinking: object({ type: str, data: str }, ['type', 'data']),
  tool_use: object(
    {
      type: str,
      id: { kind: 'string', pattern: /^[a-zA-Z0-9_-]+$/ },
      name: str,
      input: record,
      cache_control: cacheControl,
      // Responses carry `caller` (who called the tool); clients send it back with the block.
      caller: object({ type: str, tool_id: str }, ['type']),
      toolset_name: nullable(str),
    },
    ['type', 'id', 'name', 'input'],
  ),
  tool_result: object(
    {
      type: str,
      tool_use_id: { kind: 'string', pattern: /^[a-zA-Z0-9_-]+$/ },
      content: { kind: 'string-or-array', of: toolResultContent },
      is_error: bool,
      cache_control: cacheControl,
    },
    ['type', 'tool_use_id'],
  ),
}
export const CONTENT_BLOCK: Shape = { kind: 'tagged', tags: blocks }

const message: Shape = object(
  { role: oneOf('user', 'assistant', 'system'), content: { kind: 'string-or-array', of: CONTENT_BLOCK } },
  ['role', 'content'],
)

const toolChoice: Shape = {
  kind: 'tagged',
  tags: {
    auto: object({ type: str, disable_parallel_tool_use: bool }, ['type']),
    any: object({ type: str, disable_parallel_tool_use: bool }, ['type']),
    tool: object({ type: str, name: str, disable_parallel_tool_use: bool }, ['type', 'name']),
    none: object({ type: str }, ['type']),
  },
}

const customTool: Shape = object(
  {
    type: nullable(oneOf('custom')),
    name: { kind: 'string', pattern: /^[a-zA-Z0-9_-]{1,128}$/ },
    description: str,
    // A JSON schema: any keys (recorded bodies send additionalProperties, $defs…); its `type` is checked in validate-options.ts.
    input_schema: record,
    cache_control: cacheControl,
    strict: bool,
    eager_input_streaming: nullable(bool),
    defer_loading: bool,
    input_examples: array(record),
    allowed_callers: array(str),
  },
  ['name', 'input_schema'],
)

const thinking: Shape = {
  kind: 'tagged',
  tags: {
    enabled: object(
      {
        type: str,
        budget_tokens: { kind: 'number', integer: true, min: 1024 },
        display: nullable(oneOf('summarized', 'omitted')),
      },
      ['type', 'budget_tokens'],
    ),
    adaptive: object({ type: str, display: nullable(oneOf('summarized', 'omitted')) }, ['type']),
    disabled: object({ type: str }, ['type']),
  },
}

const outputConfig: Shape = object({
  effort: nullable(oneOf('low', 'medium', 'high', 'xhigh', 'max')),
  format: nullable(object({ type: oneOf('json_schema'), schema: record }, ['type', 'schema'])),
})

function topLevel(version: ApiVersion, countTokens: boolean): Record<string, Shape> {
  const fields: Record<string, Shape> = {
    model: str,
    messages: array(message),
    system: { kind: 'string-or-array', of: textBlock },
    stop_sequences: array(str),
    stream: bool,
    metadata: object({ user_id: nullable(str) }),
    tools: array({ kind: 'tagged', tags: { custom: customTool }, fallback: 'custom', open: SERVER_TOOL_TYPE }),
    tool_choice: toolChoice,
    thinking,
    output_config: outputConfig,
    cache_control: cacheControl,
    service_tier: oneOf('auto', 'standard_only'),
    inference_geo: nullable(str),
    container: nullable({ kind: 'any' }),
    speed: nullable(oneOf('standard', 'fast')),
    max_tokens: { kind: 'number', integer: true, min: 0 },
  }
  if (version === '2023-06-01') {
    fields.temperature = { kind: 'number', min: 0, max: 1 }
    fields.top_p = { kind: 'number', min: 0, max: 1 }
    fields.top_k = { kind: 'number', integer: true, min: 0 }
  }
  if (countTokens) {
    delete fields.max_tokens
    delete fields.stream
    delete fields.stop_sequences
    delete fields.metadata
    delete fields.service_tier
    delete fields.temperature
    delete fields.top_p
    delete fields.top_k
  }
  return fields
}

const cache = new Map<string, Shape>()

/** The body schema of `POST /v1/messages` (or `/v1/messages/count_tokens`) for an API version. */
export function requestShape(version: ApiVersion, countTokens = false): Shape {
  const key = `${version}:${countTokens}`
  let shape = cache.get(key)
  if (shape === undefined) {
    shape = object(
      topLevel(version, countTokens),
      countTokens ? ['model', 'messages'] : ['model', 'messages', 'max_tokens'],
    )
    cache.set(key, shape)
  }
  return shape
}
