/**
 * Tool-call ids sent to Anthropic must match `^[a-zA-Z0-9_-]+$` (the API's 400 "tool_use.id: String should
 * match pattern '^[a-zA-Z0-9_-]+$'", quoted in maximhq/bifrost#5097 and openai/openai-agents-python#1147).
 * OpenAI's `call_…`, Mistral's 9-character and Anthropic's own `toolu_…` ids pass unchanged; a foreign id
 * with other characters (`.`, `:`, `|`…) is rewritten deterministically, the same way for the `tool_use`
 * and its `tool_result`, and two different ids never map to one.
 */
const VALID = /^[a-zA-Z0-9_-]+$/

/** A fresh mapper for one request (it remembers which rewritten ids are taken). */
export function createToolCallIdMapper(): (id: string) => string {
  const mapped = new Map<string, string>()
  const taken = new Set<string>()
  return (id) => {
    const known = mapped.get(id)
    if (known !== undefined) return known
    let result = VALID.test(id) ? id : rewrite(id)
    for (let suffix = 2; taken.has(result) && result !== id; suffix++) result = `${rewrite(id)}_${suffix}`
    mapped.set(id, result)
    taken.add(result)
    return result
  }
}

/** Invalid characters become `_`, plus a short hash of the original so `a.b` and `a:b` stay apart. */
function rewrite(id: string): string {
  let hash = 0x811c9dc5
  for (let index = 0; index < id.length; index++) hash = Math.imul(hash ^ id.charCodeAt(index), 0x01000193)
  const cleaned = id.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 56)
  return `${cleaned}_${(hash >>> 0).toString(36)}`
}
