/**
 * Mistral chat-completions request conformance check (test support).
 *
 * `checkMistralChatRequest(body)` says whether a wire body (what our client puts on the wire, after
 * JSON serialisation) is one the real `POST /v1/chat/completions` would accept as far as the body's
 * SHAPE goes. It combines three layers:
 *
 *  1. The official SDK's wire schema (`@mistralai/mistralai` 2.x). The SDK only ships OUTBOUND
 *     request schemas (camelCase object in → wire JSON out), so we rename the wire keys to the SDK's
 *     camelCase names, parse with `ChatCompletion(Stream)Request$outboundSchema`, and deep-compare the
 *     emitted wire JSON with the original body. A key present in the body but missing from the output
 *     was silently stripped by zod: it is unknown to the API (live: 422 `extra_forbidden`). A value
 *     that differs was changed by the schema. Keys present only in the output are defaults the schema
 *     added (`stream: false`, `prefix: false`, tool-call `index: 0`, …) and are ignored.
 *     The rename table is DERIVED at module load from the SDK's compiled code: every
 *     `remap$(v, { camelName: "wire_name" })` call in the files reachable (by relative import) from
 *     `chatcompletionrequest.js` / `chatcompletionstreamrequest.js`. A wire name that maps to two
 *     different camel names would make the global table ambiguous; that throws at load, so an SDK
 *     upgrade that introduces one fails loudly instead of checking the wrong thing.
 *     Renames are not applied inside free-form objects (tool `parameters`, `json_schema.schema`,
 *     request `metadata`, tool-call `arguments` objects): those are `z.record(z.string(), z.any())`.
 *     A camelCase SDK name sent on the wire (e.g. `maxTokens`) is an unknown key; it is hidden from
 *     the schema so it cannot collide with the renamed wire key, and is reported as extra.
 *  2. The spec's ranges and closed enums, which the SDK does not enforce (its enums are open and it
 *     has no numeric bounds).
 *  3. The rules the API enforces that are in no schema (the 400s quoted in zed-industries/zed#37021,
 *     crewAIInc/crewAI#2194, mistralai/client-ts#106, nearai/ironclaw#1241): 9-char
 *     alphanumeric tool-call ids, role ordering, last role, call/response pairing, non-empty
 *     assistant messages, text/thinking-only system messages, `name` only on tool messages, function names
 *     of `[a-zA-Z0-9_-]{1,64}` (Kochava-Studios/witsy#164), image URLs that are http(s) or `data:image/`
 *     (neuron-core/neuron-ai#596).
 *
 * Model existence is not a body-shape rule (the server answers 404). Pass `knownModels` to check it.
 *
 * Paths are JSON paths on the WIRE body: `$.messages[2].tool_calls[0].id`.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import {
  ChatCompletionRequest$outboundSchema,
  ChatCompletionResponse$inboundSchema,
  ChatCompletionStreamRequest$outboundSchema,
  CompletionChunk$inboundSchema,
} from '@mistralai/mistralai/models/components'

export interface ConformanceViolation {
  /** JSON path on the wire body, e.g. `$.messages[1].name`. */
  path: string
  /** Short rule id, e.g. `extra_forbidden`, `range`, `enum`, `tool_call_id`, `message_order`. */
  rule: string
  message: string
}

export interface CheckMistralChatRequestOptions {
  /**
   * Model ids the server knows. When given, a `model` outside this set is a violation
   * (rule `unknown_model`; the live API answers 404). When absent, model existence is not checked:
   * it is the server's business, not a property of the body's shape.
   */
  knownModels?: Iterable<string> | ((model: string) => boolean)
}

export type PathSegment = string | number

/** Formats path segments as a JSON path: `['messages', 0, 'name']` → `$.messages[0].name`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '$'
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`
    else if (/^[A-Za-z_$][\w$]*$/.test(s)) out += `.${s}`
    else out += `[${JSON.stringify(s)}]`
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// 1. Rename table, derived from the SDK's compiled code (once, at module load).

interface RenameTable {
  /** wire name → SDK camelCase name */
  toCamel: ReadonlyMap<string, string>
  /** SDK camelCase name → wire name */
  toWire: ReadonlyMap<string, string>
  /** files the table was read from (for diagnostics) */
  files: readonly string[]
}

function deriveRenameTable(): RenameTable {
  const require = createRequire(import.meta.url)
  const componentsDir = dirname(require.resolve('@mistralai/mistralai/models/components'))
  const roots = ['chatcompletionrequest.js', 'chatcompletionstreamrequest.js']
  const seen = new Set<string>()
  const queue = [...roots]
  const toCamel = new Map<string, string>()
  const toWire = new Map<string, string>()
  while (queue.length > 0) {
    const file = queue.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    const source = readFileSync(join(componentsDir, file), 'utf8')
    for (const m of source.matchAll(/from "\.\/([\w.-]+\.js)"/g)) queue.push(m[1]!)
    for (const block of source.matchAll(/remap\$\(v, \{([^}]*)\}\)/g)) {
      // Outbound remaps use bare camelCase keys (`maxTokens: "max_tokens"`); inbound ones quote the
      // wire key (`"max_tokens": "maxTokens"`). Only the outbound direction matters here.
      for (const entry of block[1]!.matchAll(/(^|[\s,{])([A-Za-z_$][\w$]*)\s*:\s*("([^"]*)"|null)/g)) {
        const camel = entry[2]!
        const wire = entry[4]
        if (wire === undefined) continue // mapped to null = dropped on output; none in chat today
        const prev = toCamel.get(wire)
        if (prev !== undefined && prev !== camel) {
          throw new Error(
            `mistral-conformance: wire key "${wire}" maps to both "${prev}" and "${camel}" in the SDK; ` +
              'the global rename table is ambiguous — make the rename context-aware.',
          )
        }
        toCamel.set(wire, camel)
        toWire.set(camel, wire)
      }
    }
  }
  for (const camel of toWire.keys()) {
    if (toCamel.has(camel) && toCamel.get(camel) !== camel) {
      throw new Error(`mistral-conformance: "${camel}" is both a camelCase target and a renamed wire key`)
    }
  }
  if (!toCamel.has('max_tokens') || !toCamel.has('tool_call_id') || toCamel.get('schema') !== 'schemaDefinition') {
    throw new Error('mistral-conformance: could not derive the rename table from the SDK compiled code')
  }
  return { toCamel, toWire, files: [...seen].sort() }
}

const RENAMES: RenameTable = deriveRenameTable()

/** The derived wire → SDK-camelCase table (exported for inspection in tests). */
export const MISTRAL_WIRE_TO_SDK_KEYS: ReadonlyMap<string, string> = RENAMES.toCamel

/** Wire paths whose value is a free-form object (`z.record(z.string(), z.any())` in the SDK). */
function isFreeForm(path: readonly PathSegment[]): boolean {
  const n = path.length
  if (n === 1 && path[0] === 'metadata') return true
  if (n === 4 && path[0] === 'tools' && path[2] === 'function' && path[3] === 'parameters') return true
  if (n === 3 && path[0] === 'response_format' && path[1] === 'json_schema' && path[2] === 'schema') return true
  if (
    n === 6 &&
    path[0] === 'messages' &&
    path[2] === 'tool_calls' &&
    path[4] === 'function' &&
    path[5] === 'arguments'
  ) {
    return true
  }
  return false
}

const HIDDEN_PREFIX = '\u0000wire:'

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Wire JSON → SDK camelCase input, recursively, except inside free-form objects. */
function toSdkInput(value: unknown, path: PathSegment[]): unknown {
  if (path.length > 0 && isFreeForm(path)) return value
  if (Array.isArray(value)) return value.map((v, i) => toSdkInput(v, [...path, i]))
  if (!isPlainObject(value)) return value
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value)) {
    const camel = RENAMES.toCamel.get(key)
    // A camelCase SDK name on the wire is unknown to the API: hide it from the schema (so it neither
    // validates nor collides with the renamed wire key); the comparison reports it as stripped.
    const target = camel ?? (RENAMES.toWire.has(key) ? HIDDEN_PREFIX + key : key)
    out[target] = toSdkInput(v, [...path, key])
  }
  return out
}

/** Deep comparison of the original wire body with what the schema emitted. */
function compareWire(
  input: unknown,
  output: unknown,
  path: PathSegment[],
  report: (path: PathSegment[], rule: string, message: string) => void,
): void {
  if (Array.isArray(input)) {
    if (!Array.isArray(output) || output.length !== input.length) {
      report(path, 'value_changed', 'the SDK schema changed this array')
      return
    }
    input.forEach((v, i) => compareWire(v, output[i], [...path, i], report))
    return
  }
  if (isPlainObject(input)) {
    if (!isPlainObject(output)) {
      report(path, 'value_changed', 'the SDK schema changed this object')
      return
    }
    for (const [key, v] of Object.entries(input)) {
      if (!Object.prototype.hasOwnProperty.call(output, key)) {
        report([...path, key], 'extra_forbidden', `unknown key "${key}" (the API rejects it: 422 extra_forbidden)`)
        continue
      }
      compareWire(v, output[key], [...path, key], report)
    }
    // Keys only in `output` are defaults added by the schema; they are not in the body.
    return
  }
  if (!Object.is(input, output)) {
    report(path, 'value_changed', `the SDK schema changed ${JSON.stringify(input)} into ${JSON.stringify(output)}`)
  }
}

interface ZodIssueLike {
  code: string
  path: PropertyKey[]
  message: string
  errors?: ZodIssueLike[][]
}

/** Turns zod issues into violations on wire paths, descending into the most plausible union branch. */
function issuesToViolations(
  issues: readonly ZodIssueLike[],
  base: PathSegment[],
  report: (path: PathSegment[], rule: string, message: string) => void,
): void {
  for (const issue of issues) {
    const path = [...base, ...issue.path.map(wireSegment)]
    if (issue.code === 'invalid_union' && issue.errors && issue.errors.length > 0) {
      // Drop branches that failed on their discriminator (`role`/`type` literal mismatch): they are
      // for another kind of value. Of the rest, the one with the fewest issues is the intended one.
      // Also drop branches that failed at their root (`expected string, received array` for a
      // `string | Chunk[]` content union): the value is plainly of another branch's kind.
      const plausible = issue.errors.filter(
        (branch) =>
          !branch.some(
            (e) =>
              (e.path.length === 0 && e.code === 'invalid_type') ||
              (e.path.length === 1 &&
                (e.path[0] === 'role' || e.path[0] === 'type') &&
                (e.code === 'invalid_value' || e.code === 'invalid_type')),
          ),
      )
      if (plausible.length > 0) {
        const best = plausible.reduce((a, b) => (b.length < a.length ? b : a))
        issuesToViolations(best, path, report)
        continue
      }
      report(path, 'schema', 'matches none of the accepted shapes (unknown role/type discriminator)')
      continue
    }
    report(path, 'schema', issue.message)
  }
}

function wireSegment(seg: PropertyKey): PathSegment {
  if (typeof seg === 'number') return seg
  const s = String(seg)
  if (s.startsWith(HIDDEN_PREFIX)) return s.slice(HIDDEN_PREFIX.length)
  return RENAMES.toWire.get(s) ?? s
}

// ---------------------------------------------------------------------------------------------
// 2 + 3. Spec ranges/enums and the API's unwritten rules.

const ROLES = new Set(['system', 'user', 'assistant', 'tool'])
const CHUNK_TYPES = new Set(['text', 'image_url', 'document_url', 'input_audio', 'file', 'reference', 'thinking'])
const SYSTEM_CHUNK_TYPES = new Set(['text', 'thinking'])
const THINKING_INNER_TYPES = new Set(['text', 'tool_reference', 'reference'])
const TOOL_CHOICE_STRINGS = new Set(['auto', 'none', 'any', 'required'])
const RESPONSE_FORMAT_TYPES = new Set(['text', 'json_object', 'json_schema'])
const REASONING_EFFORTS = new Set(['none', 'minimal', 'low', 'medium', 'high', 'xhigh'])
const SERVICE_TIERS = new Set(['auto', 'standard_only'])
const IMAGE_DETAILS = new Set(['low', 'auto', 'high'])
const TOOL_TYPES = new Set([
  'function',
  'web_search',
  'web_search_premium',
  'code_interpreter',
  'image_generation',
  'document_library',
  'connector',
])
const MAX_TOOLS = 128
/**
 * The live API's tool-call id rule: "Tool call id was … but must be a-z, A-Z, 0-9, with a length of 9."
 * (langchain-ai/langchain#24668, nearai/ironclaw#1241).
 */
export const MISTRAL_TOOL_CALL_ID = /^[a-zA-Z0-9]{9}$/

type Report = (path: PathSegment[], rule: string, message: string) => void

function has(o: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key)
}

function checkNumber(
  body: Record<string, unknown>,
  key: string,
  spec: { min?: number; exclusiveMin?: number; max?: number; integer?: boolean; nullable: boolean },
  report: Report,
): void {
  if (!has(body, key)) return
  const v = body[key]
  if (v === null) {
    if (!spec.nullable) report([key], 'type', `${key} must be a number, not null (not nullable in the spec)`)
    return
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    report([key], 'type', `${key} must be a number`)
    return
  }
  if (spec.integer && !Number.isInteger(v)) report([key], 'type', `${key} must be an integer, got ${v}`)
  if (spec.min !== undefined && v < spec.min) report([key], 'range', `${key} must be ≥ ${spec.min}, got ${v}`)
  if (spec.exclusiveMin !== undefined && v <= spec.exclusiveMin) {
    report([key], 'range', `${key} must be > ${spec.exclusiveMin}, got ${v}`)
  }
  if (spec.max !== undefined && v > spec.max) report([key], 'range', `${key} must be ≤ ${spec.max}, got ${v}`)
}

function checkEnum(
  value: unknown,
  allowed: ReadonlySet<string>,
  nullable: boolean,
  path: PathSegment[],
  report: Report,
): void {
  if (value === null && nullable) return
  if (typeof value !== 'string' || !allowed.has(value)) {
    report(
      path,
      'enum',
      `must be one of ${[...allowed].join('|')}${nullable ? ' or null' : ''}, got ${JSON.stringify(value)}`,
    )
  }
}

function checkTopLevel(body: Record<string, unknown>, options: CheckMistralChatRequestOptions, report: Report): void {
  checkNumber(body, 'temperature', { min: 0, max: 1.5, nullable: true }, report)
  checkNumber(body, 'top_p', { exclusiveMin: 0, max: 1, nullable: false }, report)
  checkNumber(body, 'max_tokens', { min: 0, integer: true, nullable: true }, report)
  checkNumber(body, 'n', { min: 1, integer: true, nullable: true }, report)
  checkNumber(body, 'presence_penalty', { min: -2, max: 2, nullable: false }, report)
  checkNumber(body, 'frequency_penalty', { min: -2, max: 2, nullable: false }, report)
  checkNumber(body, 'random_seed', { min: 0, integer: true, nullable: true }, report)

  if (has(body, 'tool_choice')) {
    const tc = body.tool_choice
    if (typeof tc === 'string') checkEnum(tc, TOOL_CHOICE_STRINGS, false, ['tool_choice'], report)
    else if (isPlainObject(tc)) {
      if (has(tc, 'type') && tc.type !== 'function') {
        report(['tool_choice', 'type'], 'enum', `tool_choice.type must be "function", got ${JSON.stringify(tc.type)}`)
      }
      const fn = tc.function
      if (!isPlainObject(fn) || typeof fn.name !== 'string') {
        report(['tool_choice', 'function'], 'required', 'tool_choice object needs function: {name}')
      }
    } else report(['tool_choice'], 'enum', 'tool_choice must be auto|none|any|required or {type?, function: {name}}')
  }

  if (has(body, 'response_format')) {
    const rf = body.response_format
    if (isPlainObject(rf)) {
      if (has(rf, 'type')) checkEnum(rf.type, RESPONSE_FORMAT_TYPES, false, ['response_format', 'type'], report)
      if (rf.type === 'json_schema') {
        const js = rf.json_schema
        if (!isPlainObject(js)) {
          report(['response_format', 'json_schema'], 'required', 'type json_schema needs json_schema: {name, schema}')
        } else {
          if (typeof js.name !== 'string')
            report(['response_format', 'json_schema', 'name'], 'required', 'json_schema.name is required')
          if (!isPlainObject(js.schema)) {
            report(
              ['response_format', 'json_schema', 'schema'],
              'required',
              'json_schema.schema (an object) is required',
            )
          }
        }
      }
    }
  }

  if (has(body, 'reasoning_effort'))
    checkEnum(body.reasoning_effort, REASONING_EFFORTS, true, ['reasoning_effort'], report)
  if (has(body, 'prompt_mode') && body.prompt_mode !== null && body.prompt_mode !== 'reasoning') {
    report(['prompt_mode'], 'enum', `prompt_mode must be "reasoning" or null, got ${JSON.stringify(body.prompt_mode)}`)
  }
  if (has(body, 'service_tier')) checkEnum(body.service_tier, SERVICE_TIERS, true, ['service_tier'], report)

  if (Array.isArray(body.tools)) {
    if (body.tools.length > MAX_TOOLS)
      report(['tools'], 'max_tools', `at most ${MAX_TOOLS} tools, got ${body.tools.length}`)
    body.tools.forEach((tool, i) => {
      if (!isPlainObject(tool)) return
      // `tools` items are a union discriminated by `type` (SPEC; the SDK union requires it too), so
      // the tag is required although Tool.type has a default.
      if (!has(tool, 'type')) report(['tools', i, 'type'], 'required', 'a tool needs its "type" discriminator')
      else checkEnum(tool.type, TOOL_TYPES, false, ['tools', i, 'type'], report)
      if (!has(tool, 'type') || tool.type === 'function') {
        const fn = tool.function
        if (!isPlainObject(fn))
          report(['tools', i, 'function'], 'required', 'a function tool needs function: {name, parameters}')
        // Live 400 "Function name was X but must be a-z, A-Z, 0-9, or contain underscores and dashes, with a
        // maximum length of 64." (Kochava-Studios/witsy#164).
        else if (typeof fn.name === 'string' && !/^[a-zA-Z0-9_-]{1,64}$/.test(fn.name))
          report(
            ['tools', i, 'function', 'name'],
            'function_name',
            `function name ${JSON.stringify(fn.name)} breaks [a-zA-Z0-9_-]{1,64}`,
          )
        else if (!isPlainObject(fn.parameters)) {
          report(
            ['tools', i, 'function', 'parameters'],
            'required',
            'function.parameters (a JSON-schema object) is required',
          )
        }
      }
    })
  }

  if (options.knownModels !== undefined && typeof body.model === 'string') {
    const known = options.knownModels
    const ok = typeof known === 'function' ? known(body.model) : new Set(known).has(body.model)
    if (!ok) report(['model'], 'unknown_model', `unknown model ${JSON.stringify(body.model)} (the API answers 404)`)
  }
}

function checkChunks(content: unknown, base: PathSegment[], role: string, report: Report): void {
  if (!Array.isArray(content)) return
  content.forEach((chunk, j) => {
    const at = [...base, j]
    if (!isPlainObject(chunk)) return
    const allowed = role === 'system' ? SYSTEM_CHUNK_TYPES : CHUNK_TYPES
    if (!allowed.has(chunk.type as string)) {
      report(
        [...at, 'type'],
        role === 'system' ? 'system_chunk' : 'enum',
        role === 'system'
          ? `system messages carry only text/thinking chunks, got ${JSON.stringify(chunk.type)}`
          : `unknown content chunk type ${JSON.stringify(chunk.type)}`,
      )
      return
    }
    // Live 422 "Image content must be a URL (starting with 'https') or base64 encoded image …" (neuron-core/neuron-ai#596).
    const imageUrl = isPlainObject(chunk.image_url) ? chunk.image_url.url : chunk.image_url
    if (
      chunk.type === 'image_url' &&
      typeof imageUrl === 'string' &&
      !/^(?:https?:\/\/|data:image\/)/i.test(imageUrl.trim())
    )
      report(
        [...at, 'image_url'],
        'image_url',
        `an image URL must be http(s) or data:image/…, got ${JSON.stringify(imageUrl.slice(0, 40))}`,
      )
    if (chunk.type === 'image_url' && isPlainObject(chunk.image_url) && has(chunk.image_url, 'detail')) {
      checkEnum(chunk.image_url.detail, IMAGE_DETAILS, true, [...at, 'image_url', 'detail'], report)
    }
    if (chunk.type === 'thinking' && Array.isArray(chunk.thinking)) {
      chunk.thinking.forEach((inner, k) => {
        if (isPlainObject(inner) && has(inner, 'type')) {
          checkEnum(inner.type, THINKING_INNER_TYPES, false, [...at, 'thinking', k, 'type'], report)
        }
      })
    }
  })
}

function isEmptyContent(content: unknown): boolean {
  // `""` is not treated as empty: whether the API rejects it is unconfirmed (no public report either way).
  return content === undefined || content === null || (Array.isArray(content) && content.length === 0)
}

function checkMessages(body: Record<string, unknown>, report: Report): void {
  const messages = body.messages
  if (!Array.isArray(messages)) return
  if (messages.length === 0) {
    report(['messages'], 'last_role', 'messages must not be empty')
    return
  }
  const roleOf = (m: unknown): string | undefined =>
    isPlainObject(m) && typeof m.role === 'string' ? m.role : undefined

  messages.forEach((m, i) => {
    if (!isPlainObject(m)) return
    const role = roleOf(m)
    if (role === undefined || !ROLES.has(role)) {
      report(['messages', i, 'role'], 'enum', `role must be system|user|assistant|tool, got ${JSON.stringify(m.role)}`)
      return
    }
    if (role !== 'tool' && has(m, 'name')) {
      report(['messages', i, 'name'], 'extra_forbidden', `"name" is only accepted on tool messages, not on ${role}`)
    }
    checkChunks(m.content, ['messages', i, 'content'], role, report)
    if (role === 'assistant') {
      const calls = m.tool_calls
      if (
        isEmptyContent(m.content) &&
        (calls === undefined || calls === null || (Array.isArray(calls) && calls.length === 0))
      ) {
        report(
          ['messages', i],
          'assistant_empty',
          'Assistant message must have either content or tool_calls, but not none.',
        )
      }
      if (Array.isArray(calls)) {
        calls.forEach((call, j) => {
          if (!isPlainObject(call)) return
          const id = has(call, 'id') ? call.id : 'null' // the schema's default id is the string "null"
          if (typeof id !== 'string' || !MISTRAL_TOOL_CALL_ID.test(id)) {
            report(
              ['messages', i, 'tool_calls', j, 'id'],
              'tool_call_id',
              `Tool call id was ${String(id)} but must be a-z, A-Z, 0-9, with a length of 9.`,
            )
          }
          if (has(call, 'type'))
            checkEnum(call.type, new Set(['function']), false, ['messages', i, 'tool_calls', j, 'type'], report)
        })
      }
    }
    if (role === 'tool') {
      const id = m.tool_call_id
      if (id === undefined || id === null) {
        report(['messages', i, 'tool_call_id'], 'tool_call_id', 'Tool call id has to be defined in serving mode.')
      } else if (typeof id === 'string' && !MISTRAL_TOOL_CALL_ID.test(id)) {
        report(
          ['messages', i, 'tool_call_id'],
          'tool_call_id',
          `Tool call id was ${id} but must be a-z, A-Z, 0-9, with a length of 9.`,
        )
      }
    }
    if (i > 0) {
      const prev = roleOf(messages[i - 1])
      if ((prev === 'tool' && role === 'user') || (prev === 'user' && role === 'tool')) {
        report(['messages', i, 'role'], 'message_order', `Unexpected role '${role}' after role '${prev}'`)
      }
    }
  })

  // Last role.
  const lastIndex = messages.length - 1
  const last = messages[lastIndex]
  const lastRole = roleOf(last)
  const prefixed = isPlainObject(last) && last.prefix === true
  if (
    lastRole !== undefined &&
    ROLES.has(lastRole) &&
    !(lastRole === 'user' || lastRole === 'tool' || (lastRole === 'assistant' && prefixed))
  ) {
    report(
      ['messages', lastIndex, 'role'],
      'last_role',
      `Expected last role User or Tool (or Assistant with prefix True) for serving but got ${lastRole}`,
    )
  }

  // Call/response pairing: the run of tool messages right after an assistant answers its calls.
  let i = 0
  while (i < messages.length) {
    const m = messages[i]
    const role = roleOf(m)
    if (role === 'tool') {
      // A tool message not preceded by an assistant with tool_calls (or its run).
      report(
        ['messages', i, 'tool_call_id'],
        'tool_call_pairing',
        'Not the same number of function calls and responses: no matching tool call',
      )
      i++
      continue
    }
    if (role !== 'assistant' || !isPlainObject(m) || !Array.isArray(m.tool_calls) || m.tool_calls.length === 0) {
      i++
      continue
    }
    const callIds = new Map<string, number>() // id → index in tool_calls
    m.tool_calls.forEach((call, j) => {
      const id = isPlainObject(call) && typeof call.id === 'string' ? call.id : 'null'
      if (callIds.has(id)) {
        report(['messages', i, 'tool_calls', j, 'id'], 'tool_call_pairing', `duplicate tool call id ${id}`)
      } else callIds.set(id, j)
    })
    const answered = new Set<string>()
    let k = i + 1
    while (k < messages.length && roleOf(messages[k]) === 'tool') {
      const t = messages[k] as Record<string, unknown>
      const id = typeof t.tool_call_id === 'string' ? t.tool_call_id : undefined
      if (id === undefined || !callIds.has(id)) {
        report(
          ['messages', k, 'tool_call_id'],
          'tool_call_pairing',
          `Not the same number of function calls and responses: ${String(id)} answers no call of messages[${i}]`,
        )
      } else if (answered.has(id)) {
        report(
          ['messages', k, 'tool_call_id'],
          'tool_call_pairing',
          `Not the same number of function calls and responses: ${id} answered twice`,
        )
      } else answered.add(id)
      k++
    }
    for (const [id, j] of callIds) {
      if (!answered.has(id)) {
        report(
          ['messages', i, 'tool_calls', j, 'id'],
          'tool_call_pairing',
          `Not the same number of function calls and responses: call ${id} has no tool message`,
        )
      }
    }
    i = k
  }
}

// ---------------------------------------------------------------------------------------------
// Public API.

/** Checks a Mistral chat-completions wire body. An empty array means it conforms. */
export function checkMistralChatRequest(
  body: unknown,
  options: CheckMistralChatRequestOptions = {},
): ConformanceViolation[] {
  const violations: ConformanceViolation[] = []
  const explicitPaths = new Set<string>()
  const reportExplicit: Report = (path, rule, message) => {
    const p = formatPath(path)
    explicitPaths.add(p)
    violations.push({ path: p, rule, message })
  }
  if (!isPlainObject(body)) {
    return [{ path: '$', rule: 'type', message: 'the request body must be a JSON object' }]
  }

  // Layers 2 and 3 first: their paths and messages are more precise than zod's.
  checkTopLevel(body, options, reportExplicit)
  checkMessages(body, reportExplicit)

  // Layer 1: the official SDK schema. Its findings at a path already reported are dropped.
  const reportSdk: Report = (path, rule, message) => {
    const p = formatPath(path)
    if (explicitPaths.has(p)) return
    if (violations.some((v) => v.path === p && v.rule === rule && v.message === message)) return
    violations.push({ path: p, rule, message })
  }
  const schema =
    body.stream === true ? ChatCompletionStreamRequest$outboundSchema : ChatCompletionRequest$outboundSchema
  const parsed = schema.safeParse(toSdkInput(body, []))
  if (!parsed.success) {
    issuesToViolations(parsed.error.issues, [], reportSdk)
  } else {
    compareWire(body, parsed.data, [], reportSdk)
  }
  return violations
}

/** Formats violations one per line. */
export function formatViolations(violations: readonly ConformanceViolation[]): string {
  return violations.map((v) => `  ${v.path}: [${v.rule}] ${v.message}`).join('\n')
}

/** Throws an Error listing every violation (with its JSON path) if the body does not conform. */
export function assertMistralChatRequest(body: unknown, options?: CheckMistralChatRequestOptions): void {
  const violations = checkMistralChatRequest(body, options)
  if (violations.length > 0) {
    throw new Error(
      `Mistral chat request does not conform (${violations.length} violation${violations.length === 1 ? '' : 's'}):\n` +
        formatViolations(violations) +
        `\nbody: ${truncate(JSON.stringify(body))}`,
    )
  }
}

function truncate(s: string | undefined, max = 2000): string {
  if (s === undefined) return 'undefined'
  return s.length > max ? `${s.slice(0, max)}…` : s
}

/** Paths (in the parsed SDK output) of content chunks the SDK's forward-compatible union could not parse. */
function findUnknownChunks(value: unknown, path: PathSegment[], out: string[]): void {
  if (Array.isArray(value)) value.forEach((v, i) => findUnknownChunks(v, [...path, i], out))
  else if (isPlainObject(value)) {
    if (value.isUnknown === true && has(value, 'raw')) {
      out.push(`${formatPath(path)}: unrecognised content chunk ${truncate(JSON.stringify(value.raw), 200)}`)
      return
    }
    for (const [k, v] of Object.entries(value)) findUnknownChunks(v, [...path, k], out)
  }
}

function zodIssuesText(issues: readonly ZodIssueLike[]): string {
  return issues
    .map((i) => `  ${formatPath(i.path.map((s) => (typeof s === 'number' ? s : String(s))))}: ${i.code}: ${i.message}`)
    .join('\n')
}

/**
 * Asserts a non-streaming chat response parses with the official SDK's
 * `ChatCompletionResponse$inboundSchema`. Content chunks the SDK would silently turn into
 * `{type: "UNKNOWN", isUnknown: true}` are failures too.
 */
export function assertMistralChatResponse(json: unknown): void {
  const parsed = ChatCompletionResponse$inboundSchema.safeParse(json)
  if (!parsed.success) {
    throw new Error(
      `Mistral chat response does not parse with the official SDK schema:\n${zodIssuesText(parsed.error.issues)}\n` +
        `json: ${truncate(JSON.stringify(json))}`,
    )
  }
  const unknown: string[] = []
  findUnknownChunks(parsed.data, [], unknown)
  if (unknown.length > 0)
    throw new Error(`Mistral chat response has content the SDK cannot read:\n  ${unknown.join('\n  ')}`)
}

export interface AssertMistralChunkOptions {
  /**
   * The official `CompletionChunk$inboundSchema` has `usage` optional but NOT nullable, so a
   * literal `"usage": null` makes `@mistralai/mistralai`'s `chat.stream` throw. Live chunks omit
   * `usage` until the last one, and that is what the emulator must do; so by default `usage: null`
   * FAILS this assertion. Pass `allowNullUsage: true` to treat it as absent (for testing a parser's
   * tolerance of the docs' `"usage": null` rendering).
   */
  allowNullUsage?: boolean
}

/** Asserts one streamed chunk (the JSON after `data: `) parses with `CompletionChunk$inboundSchema`. */
export function assertMistralChunk(json: unknown, options: AssertMistralChunkOptions = {}): void {
  let input = json
  if (options.allowNullUsage && isPlainObject(json) && json.usage === null) {
    const { usage: _usage, ...rest } = json
    input = rest
  }
  const parsed = CompletionChunk$inboundSchema.safeParse(input)
  if (!parsed.success) {
    throw new Error(
      `Mistral stream chunk does not parse with the official SDK schema:\n${zodIssuesText(parsed.error.issues)}\n` +
        `json: ${truncate(JSON.stringify(json))}`,
    )
  }
  const unknown: string[] = []
  findUnknownChunks(parsed.data, [], unknown)
  if (unknown.length > 0)
    throw new Error(`Mistral stream chunk has content the SDK cannot read:\n  ${unknown.join('\n  ')}`)
}
