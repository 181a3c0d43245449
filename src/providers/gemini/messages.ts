/**
 * OpenAI messages → Gemini `systemInstruction` + `contents`:
 * - leading system/developer messages → `systemInstruction`; a later one has no place in Gemini (vercel/ai
 *   refuses it too), so it is refused with its index rather than moved;
 * - user → `user`, assistant → `model` (text, then its calls in order, each with the thought signature it
 *   came with), tool → `functionResponse` parts of one `user` turn, named after the call they answer;
 * - consecutive turns of one role are merged into one Content (the API counts them as one turn anyway).
 * On Gemini 3, a call without a known signature (history from another provider) gets Google's documented
 * `skip_thought_signature_validator` on the first call of its turn, which the API requires.
 */
import type { GenerationRequestContext } from '../../core/provider-adapter.js'
import { InputError } from '../../errors.js'
import type { ChatCompletionMessageParam, ChatCompletionMessageToolCall } from '../../types.js'
import { convertUserPart, textOf } from './content.js'
import { isGemini3 } from './models.js'
import { readSignatures, SKIP_SIGNATURE } from './thought-signatures.js'
import type { GeminiContent, GeminiPart } from './wire-types.js'

export interface GeminiMessages {
  readonly systemInstruction?: GeminiContent
  readonly contents: GeminiContent[]
}

type Assistant = Extract<ChatCompletionMessageParam, { role: 'assistant' }>

function push(contents: GeminiContent[], role: 'user' | 'model', parts: GeminiPart[]): void {
  if (parts.length === 0) return
  const last = contents[contents.length - 1]
  if (last?.role === role) last.parts.push(...parts)
  else contents.push({ role, parts })
}

function parseArguments(call: ChatCompletionMessageToolCall, param: string): Record<string, unknown> {
  if (call.type !== 'function')
    throw new InputError(`${param}: Gemini takes function tool calls only.`, `${param}.type`)
  const text = call.function.arguments.trim() === '' ? '{}' : call.function.arguments
  let args: unknown
  try {
    args = JSON.parse(text)
  } catch {
    throw new InputError(
      `${param}.function.arguments is not JSON; Gemini needs the arguments as an object.`,
      `${param}.function.arguments`,
    )
  }
  if (typeof args !== 'object' || args === null || Array.isArray(args))
    throw new InputError(`${param}.function.arguments must be a JSON object for Gemini.`, `${param}.function.arguments`)
  return args as Record<string, unknown>
}

function assistantParts(message: Assistant, index: number, gemini3: boolean, names: Map<string, string>): GeminiPart[] {
  const param = `messages[${index}]`
  const signatures = readSignatures(message.reasoning_details)
  const parts: GeminiPart[] = []
  const text = textOf(message.content, `${param}.content`)
  if (text !== '') parts.push({ text, ...(signatures.text === undefined ? {} : { thoughtSignature: signatures.text }) })
  ;(message.tool_calls ?? []).forEach((call, position) => {
    const callParam = `${param}.tool_calls[${position}]`
    const args = parseArguments(call, callParam)
    if (call.type !== 'function') return
    names.set(call.id, call.function.name)
    const signature = signatures.byCall.get(call.id) ?? (gemini3 && position === 0 ? SKIP_SIGNATURE : undefined)
    parts.push({
      functionCall: { id: call.id, name: call.function.name, args },
      ...(signature === undefined ? {} : { thoughtSignature: signature }),
    })
  })
  return parts
}

function toolResult(content: unknown, param: string): Record<string, unknown> {
  const text = textOf(content, param)
  try {
    const value: unknown = JSON.parse(text)
    // A JSON object is the tool's structured result; anything else is wrapped (`response` must be an object).
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>
  } catch {
    // plain text: wrapped below
  }
  return { content: text }
}

export function convertToGeminiMessages(
  messages: readonly ChatCompletionMessageParam[],
  context: GenerationRequestContext,
): GeminiMessages {
  const system: GeminiPart[] = []
  const contents: GeminiContent[] = []
  const names = new Map<string, string>()
  const gemini3 = isGemini3(context.model)
  messages.forEach((message, index) => {
    const param = `messages[${index}]`
    switch (message.role) {
      case 'system':
      case 'developer': {
        if (contents.length > 0)
          throw new InputError(
            `${param}: Gemini takes system instructions only before the conversation; move this ${message.role} message to the start or send it as a user message.`,
            `${param}.role`,
          )
        const text = textOf(message.content, `${param}.content`)
        if (text !== '') system.push({ text })
        return
      }
      case 'user': {
        const content = message.content
        const parts =
          typeof content === 'string'
            ? [{ text: content }]
            : content.map((part, position) =>
                convertUserPart(part as unknown as Record<string, unknown>, `${param}.content[${position}]`, context),
              )
        return push(contents, 'user', parts)
      }
      case 'assistant':
        return push(contents, 'model', assistantParts(message, index, gemini3, names))
      case 'tool': {
        const name = names.get(message.tool_call_id)
        if (name === undefined)
          throw new InputError(
            `${param}.tool_call_id '${message.tool_call_id}' answers no tool call of an earlier assistant message; Gemini needs the function name.`,
            `${param}.tool_call_id`,
          )
        return push(contents, 'user', [
          {
            functionResponse: {
              id: message.tool_call_id,
              name,
              response: toolResult(message.content, `${param}.content`),
            },
          },
        ])
      }
      case 'function':
        throw new InputError(
          `${param}: the legacy 'function' role is not supported; use tool messages.`,
          `${param}.role`,
        )
      default: {
        const unknown: never = message
        throw new InputError(
          `${param}: unknown role ${JSON.stringify((unknown as { role?: unknown }).role)}.`,
          `${param}.role`,
        )
      }
    }
  })
  if (contents.length === 0)
    throw new InputError(
      `messages: Gemini needs at least one user or assistant message besides system ones.`,
      'messages',
    )
  return { ...(system.length > 0 ? { systemInstruction: { parts: system } } : {}), contents }
}
