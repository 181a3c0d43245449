/**
 * The 422 layer: the shape of `ChatCompletionRequest` from Mistral's OpenAPI spec, where the
 * request, every message and every content chunk are `additionalProperties: false`.
 */
import type { IssueSink } from './pydantic-issues.js'
import {
  array,
  boolean,
  dict,
  integer,
  literal,
  nullable,
  number,
  object,
  optional,
  required,
  string,
  tagged,
  union,
  uuid,
  type Check,
} from './schema-checks.js'

const textChunk = object({ type: optional(literal(['text'])), text: required(string) })

const referenceChunk = object({
  type: optional(literal(['reference'])),
  reference_ids: required(
    array(
      union([
        { kind: 'number', label: 'int', check: integer() },
        { kind: 'string', label: 'str', check: string },
      ]),
    ),
  ),
})

const toolReferenceChunk = object({
  type: optional(literal(['tool_reference'])),
  tool: required(string),
  title: required(string),
  url: optional(nullable(string)),
  favicon: optional(nullable(string)),
  description: optional(nullable(string)),
})

const thinkChunk = object({
  type: optional(literal(['thinking'])),
  thinking: required(
    array(tagged('type', { text: textChunk, tool_reference: toolReferenceChunk, reference: referenceChunk })),
  ),
  signature: optional(nullable(string)),
  closed: optional(boolean),
})

const imageUrl = object({ url: required(string), detail: optional(nullable(literal(['low', 'auto', 'high']))) })

/** `ContentChunk`, discriminated by `type`. */
export const contentChunk = tagged('type', {
  text: textChunk,
  image_url: object({
    type: optional(literal(['image_url'])),
    image_url: required(
      union([
        { kind: 'string', label: 'str', check: string },
        { kind: 'object', label: 'ImageURL', check: imageUrl },
      ]),
    ),
  }),
  document_url: object({
    type: optional(literal(['document_url'])),
    document_url: required(string),
    document_name: optional(nullable(string)),
  }),
  input_audio: object({ type: required(literal(['input_audio'])), input_audio: required(string) }),
  file: object({ type: optional(literal(['file'])), file_id: required(uuid) }),
  reference: referenceChunk,
  thinking: thinkChunk,
})

function contentUnion(chunk: Check, listLabel: string): Check {
  return union([
    { kind: 'string', label: 'str', check: string },
    { kind: 'array', label: listLabel, check: array(chunk) },
  ])
}

const anyContent = contentUnion(contentChunk, 'list[ContentChunk]')
const systemContent = contentUnion(
  tagged('type', { text: textChunk, thinking: thinkChunk }),
  'list[SystemMessageContentChunks]',
)

const toolCall = object({
  id: optional(string),
  type: optional(literal(['function'])),
  function: required(
    object({
      name: required(string),
      arguments: required(
        union([
          { kind: 'object', label: 'dict[str,any]', check: dict },
          { kind: 'string', label: 'str', check: string },
        ]),
      ),
    }),
  ),
  index: optional(integer()),
})

/** A message, discriminated by `role`. */
export const message = tagged('role', {
  system: object({ role: required(literal(['system'])), content: required(systemContent) }),
  user: object({ role: required(literal(['user'])), content: required(nullable(anyContent)) }),
  assistant: object({
    role: optional(literal(['assistant'])),
    content: optional(nullable(anyContent)),
    tool_calls: optional(nullable(array(toolCall))),
    prefix: optional(boolean),
  }),
  tool: object({
    role: required(literal(['tool'])),
    content: required(nullable(anyContent)),
    tool_call_id: optional(nullable(string)),
    name: optional(nullable(string)),
  }),
})

const toolConfiguration = nullable(
  object({
    include: optional(nullable(array(string))),
    exclude: optional(nullable(array(string))),
    requires_confirmation: optional(nullable(array(string))),
  }),
)

function builtInTool(name: string): Check {
  return object({ type: required(literal([name])), tool_configuration: optional(toolConfiguration) })
}

const functionTool = object({
  type: optional(literal(['function'])),
  function: required(
    object({
      name: required(string),
      description: optional(string),
      strict: optional(boolean),
      parameters: required(dict),
    }),
  ),
})

/**
 * A tool: a function or one of Mistral's built-in tools, discriminated by `type`. An absent tag means
 * "function": the real API answered 200 to tools sent without `type` (pydantic/pydantic-ai cassettes
 * test_tool_choice_matrix/* and test_multimodal_tool_returns/*, 2026-01-29 to 2026-02-17), although the
 * SDK's union requires the tag.
 */
export const tool = tagged(
  'type',
  {
    function: functionTool,
    web_search: builtInTool('web_search'),
    web_search_premium: builtInTool('web_search_premium'),
    code_interpreter: builtInTool('code_interpreter'),
    image_generation: builtInTool('image_generation'),
    document_library: object({
      type: required(literal(['document_library'])),
      library_ids: required(array(string, 1)),
      tool_configuration: optional(toolConfiguration),
    }),
    connector: object({
      type: required(literal(['connector'])),
      connector_id: required(string),
      authorization: optional(nullable(dict)),
      tool_configuration: optional(toolConfiguration),
    }),
  },
  'function',
)

const toolChoice = union([
  { kind: 'string', label: 'enum[ToolChoiceEnum]', check: literal(['auto', 'none', 'any', 'required']) },
  {
    kind: 'object',
    label: 'ToolChoice',
    check: object({ type: optional(literal(['function'])), function: required(object({ name: required(string) })) }),
  },
])

const responseFormat = object({
  type: optional(literal(['text', 'json_object', 'json_schema'])),
  json_schema: optional(
    nullable(
      object({
        name: required(string),
        description: optional(nullable(string)),
        schema: required(dict),
        strict: optional(boolean),
      }),
    ),
  ),
})

const guardrail = object({
  block_on_error: optional(boolean),
  moderation_llm_v1: optional(nullable(dict)),
  moderation_llm_v2: optional(nullable(dict)),
})

const stop = union([
  { kind: 'string', label: 'str', check: string },
  { kind: 'array', label: 'list[str]', check: array(string) },
])

/** `ChatCompletionRequest` (SPEC), nullability as the spec states it. */
const chatCompletionRequest = object({
  model: required(string),
  messages: required(array(message)),
  temperature: optional(nullable(number({ ge: 0, le: 1.5 }))),
  // SPEC: inclusive minimum 0; the live API rejects 0 later, with a 400 (validate-sampling.ts).
  top_p: optional(number({ ge: 0, le: 1 })),
  max_tokens: optional(nullable(integer({ ge: 0 }))),
  stream: optional(boolean),
  stop: optional(nullable(stop)),
  random_seed: optional(nullable(integer({ ge: 0 }))),
  metadata: optional(nullable(dict)),
  response_format: optional(responseFormat),
  tools: optional(nullable(array(tool))),
  tool_choice: optional(toolChoice),
  // Explicit null accepted (pydantic/pydantic-ai cassette test_mistral_history_uses_prompt_cache, 2026-07-24).
  presence_penalty: optional(nullable(number({ ge: -2, le: 2 }))),
  frequency_penalty: optional(nullable(number({ ge: -2, le: 2 }))),
  n: optional(nullable(integer({ ge: 1 }))),
  prediction: optional(object({ type: optional(literal(['content'])), content: optional(string) })),
  parallel_tool_calls: optional(boolean),
  reasoning_effort: optional(nullable(literal(['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max']))),
  prompt_mode: optional(nullable(literal(['reasoning']))),
  guardrails: optional(nullable(array(guardrail))),
  prompt_cache_key: optional(nullable(string)),
  service_tier: optional(nullable(literal(['auto', 'standard_only']))),
  safe_prompt: optional(boolean),
})

/** Collects every 422 issue of a parsed body, with `loc` starting at `"body"`. */
export function checkRequestShape(body: unknown, sink: IssueSink): void {
  if (body === undefined) return void sink.push({ type: 'missing', loc: ['body'], msg: 'Field required', input: null })
  // FastAPI reports a non-object body on the body itself, not as a field of it.
  chatCompletionRequest(body, ['body'], sink)
  const first = sink[0]
  if (first !== undefined && first.type === 'model_type' && first.loc.length === 1) {
    sink[0] = { ...first, type: 'model_attributes_type' }
  }
}
