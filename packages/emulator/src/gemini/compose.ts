/**
 * The Gemini emulator's deterministic "model": candidates derived from the request alone, in the
 * spirit of the Mistral emulator's (`You said: <last user text>`, `The tool <name> returned: …`,
 * schema instances for JSON output). Gemini-shaped details follow recordings: function calls carry
 * 8-character ids and a `thoughtSignature` on the first call on Gemini 3+ (pydantic/pydantic-ai
 * cassette `test_cross_provider_capability_replay_google-gemini-3-flash-preview-…`), text answers of
 * Gemini 3+ carry a signature on their last part (vercel/ai `google-gemini-3.7-flash-thinking-levels.json`),
 * thoughts are billed as `thoughtsTokenCount` even when not returned (vercel/ai `google-threshold-live.json`).
 */
import { countTokens, tokenPieces } from '../count-tokens.js'
import { sha256 } from '../deterministic-ids.js'
import { jsonSchemaInstance } from '../json-schema-instance.js'
import type { GeminiEmulatorModel } from './models.js'
import type { GeminiScript } from './types.js'
import type { Content, FunctionDeclaration, GenerateRequest, Part } from './validate-generate.js'

type Json = Record<string, unknown>

export interface ComposedCandidate {
  readonly index: number
  /** Thought summary text (returned only with `includeThoughts`). */
  readonly thought?: string
  readonly text?: string
  readonly calls: readonly { readonly id?: string; readonly name: string; readonly args: Json }[]
  /** Signature carried by the first call, or by the last text part. */
  readonly signature?: string
  readonly finishReason: string
}

export interface ComposedAnswer {
  readonly candidates: readonly ComposedCandidate[]
  readonly blockReason?: string
  readonly usage: {
    readonly prompt: number
    readonly candidates: number
    readonly thoughts: number
    readonly cached: number
  }
}

const QUOTE_LIMIT = 200
const cap = (text: string): string => {
  const points = Array.from(text)
  return points.length <= QUOTE_LIMIT ? text : `${points.slice(0, QUOTE_LIMIT).join('')}…`
}
const textOf = (content: Content | undefined): string =>
  (content?.parts ?? [])
    .filter((part) => typeof part.text === 'string' && part.thought !== true)
    .map((part) => part.text)
    .join('')

function lastUserText(request: GenerateRequest): string {
  for (let index = request.contents.length - 1; index >= 0; index--) {
    const content = request.contents[index]
    if (content?.role !== 'model' && (content?.parts ?? []).some((part) => typeof part.text === 'string'))
      return textOf(content)
  }
  return ''
}

const base64url = (bytes: Buffer): string =>
  bytes.toString('base64').replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')

/** 8 characters of `[a-z0-9]`, the shape of the ids gemini-3-flash-preview returns. */
export function functionCallId(...parts: readonly string[]): string {
  const bytes = sha256('function-call', ...parts)
  let id = ''
  for (let index = 0; index < 8; index++) id += 'abcdefghijklmnopqrstuvwxyz0123456789'.charAt((bytes[index] ?? 0) % 36)
  return id
}

/** A base64 signature the emulator can recognise when it comes back. */
export function thoughtSignature(...parts: readonly string[]): string {
  return Buffer.concat([Buffer.from('emulated-signature:'), sha256('signature', ...parts)]).toString('base64')
}

export function responseId(key: string): string {
  return base64url(sha256('response', key)).slice(0, 23)
}

/** An OpenAPI-subset `Schema` (upper-case types) as the JSON Schema `jsonSchemaInstance` reads. */
function asJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(asJsonSchema)
  if (typeof schema !== 'object' || schema === null) return schema
  const out: Json = {}
  for (const [key, value] of Object.entries(schema as Json)) {
    out[key] =
      key === 'type' && typeof value === 'string' ? value.toLowerCase() : key === 'enum' ? value : asJsonSchema(value)
  }
  return out
}

function declarations(request: GenerateRequest): FunctionDeclaration[] {
  return (request.tools ?? []).flatMap((tool) => tool.functionDeclarations ?? [])
}

function plannedCalls(request: GenerateRequest, userText: string): FunctionDeclaration[] {
  const all = declarations(request)
  const config = request.toolConfig?.functionCallingConfig
  const mode = config?.mode ?? 'AUTO'
  if (all.length === 0 || mode === 'NONE') return []
  const allowed = config?.allowedFunctionNames ?? []
  const pool = allowed.length > 0 ? all.filter((declaration) => allowed.includes(declaration.name ?? '')) : all
  const named = pool.filter(
    (declaration) => (declaration.name ?? '') !== '' && userText.includes(declaration.name ?? ''),
  )
  const last = request.contents[request.contents.length - 1]
  const lastIsUserText = last?.role !== 'model' && (last?.parts ?? []).some((part) => typeof part.text === 'string')
  if (mode === 'ANY') return named.length > 0 ? named : pool.slice(0, 1)
  return lastIsUserText ? named : []
}

function argsFor(declaration: FunctionDeclaration, userText: string): Json {
  const schema = declaration.parametersJsonSchema ?? asJsonSchema(declaration.parameters)
  const value = schema === undefined ? {} : jsonSchemaInstance(schema as Json, userText)
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {}
}

function answerText(request: GenerateRequest, userText: string, index: number): string {
  const config = request.generationConfig ?? {}
  const suffix = index > 0 ? ` (candidate ${index + 1})` : ''
  if (config.responseMimeType === 'application/json') {
    const schema =
      config.responseJsonSchema ??
      (config.responseSchema === undefined ? undefined : asJsonSchema(config.responseSchema))
    if (schema !== undefined) return JSON.stringify(jsonSchemaInstance(schema as Json, userText))
    return JSON.stringify({ answer: `You said: ${cap(userText)}` })
  }
  const last = request.contents[request.contents.length - 1]
  const response = (last?.parts ?? []).find((part) => part.functionResponse !== undefined)?.functionResponse
  if (response !== undefined)
    return `The tool ${response.name ?? 'tool'} returned: ${cap(JSON.stringify(response.response ?? {}))}${suffix}`
  return `You said: ${cap(userText)}${suffix}`
}

function cutAtStop(text: string, stops: readonly string[]): string {
  let cut = -1
  for (const stop of stops) {
    const at = stop.length > 0 ? text.indexOf(stop) : -1
    if (at >= 0 && (cut < 0 || at < cut)) cut = at
  }
  return cut < 0 ? text : text.slice(0, cut)
}

function thinks(request: GenerateRequest, model: GeminiEmulatorModel): boolean {
  if (model.thinking === 'none') return false
  return request.generationConfig?.thinkingConfig?.thinkingBudget !== 0
}

function composeCandidate(
  request: GenerateRequest,
  model: GeminiEmulatorModel,
  key: string,
  index: number,
): ComposedCandidate {
  const userText = lastUserText(request)
  const thought = thinks(request, model)
    ? `**Reading the request**\n\nThe user wrote "${cap(userText)}". Echoing it answers.`
    : undefined
  const planned = plannedCalls(request, userText)
  const signature = model.signatures ? thoughtSignature(key, String(index)) : undefined
  if (planned.length > 0) {
    const calls = planned.map((declaration, position) => ({
      ...(model.signatures ? { id: functionCallId(key, String(index), String(position)) } : {}),
      name: declaration.name ?? '',
      args: argsFor(declaration, userText),
    }))
    return {
      index,
      ...(thought === undefined ? {} : { thought }),
      calls,
      ...(signature === undefined ? {} : { signature }),
      finishReason: 'STOP',
    }
  }
  const config = request.generationConfig ?? {}
  const text = cutAtStop(answerText(request, userText, index), config.stopSequences ?? [])
  const pieces = tokenPieces(text)
  const budget = config.maxOutputTokens ?? Number.POSITIVE_INFINITY
  const cut = pieces.length > budget
  return {
    index,
    ...(thought === undefined ? {} : { thought }),
    text: cut ? pieces.slice(0, budget).join('') : text,
    calls: [],
    ...(signature === undefined ? {} : { signature }),
    finishReason: cut ? 'MAX_TOKENS' : 'STOP',
  }
}

function partTokens(part: Part): number {
  if (typeof part.text === 'string') return countTokens(part.text)
  if (part.functionCall !== undefined)
    return countTokens(`${part.functionCall.name ?? ''} ${JSON.stringify(part.functionCall.args ?? {})}`)
  if (part.functionResponse !== undefined) return countTokens(JSON.stringify(part.functionResponse.response ?? {}))
  return 258 // an image or file part: Gemini bills 258 tokens per image tile (ai.google.dev/gemini-api/docs/tokens)
}

/** Prompt tokens: the emulator tokenizer over every part of `systemInstruction`, `contents` and the tools JSON. */
export function promptTokens(request: GenerateRequest): number {
  const contents =
    request.systemInstruction === undefined ? request.contents : [request.systemInstruction, ...request.contents]
  const parts = contents.flatMap((content) => content.parts ?? [])
  const tools = request.tools === undefined ? 0 : countTokens(JSON.stringify(request.tools))
  return parts.reduce((sum, part) => sum + partTokens(part), tools)
}

export function candidateTokens(candidate: ComposedCandidate): number {
  const calls = candidate.calls.map((call) => `${call.name} ${JSON.stringify(call.args)}`).join(' ')
  return countTokens(candidate.text ?? '') + countTokens(calls)
}

/** Applies a scripted reply over the generated candidates. */
function scripted(
  answer: ComposedCandidate[],
  script: GeminiScript | undefined,
  model: GeminiEmulatorModel,
  key: string,
): ComposedCandidate[] {
  if (script?.kind !== 'reply' && script?.kind !== 'gemini-reply') return answer
  const first = answer[0]
  if (first === undefined) return answer
  const text = script.kind === 'reply' ? script.content : script.text
  const calls = script.kind === 'reply' ? script.toolCalls : script.functionCalls
  const thought = script.kind === 'reply' ? script.reasoning : script.thought
  const finish = script.kind === 'reply' ? FROM_OPENAI[script.finishReason ?? ''] : script.finishReason
  const replaced: ComposedCandidate = {
    ...first,
    ...(text === undefined ? {} : { text }),
    ...(thought === undefined ? {} : { thought }),
    ...(calls === undefined
      ? {}
      : {
          text: text ?? '',
          calls: calls.map((call, position) => ({
            ...(call.id !== undefined
              ? { id: call.id }
              : model.signatures
                ? { id: functionCallId(key, 'script', String(position)) }
                : {}),
            name: call.name,
            args: typeof call.arguments === 'string' ? (JSON.parse(call.arguments) as Json) : { ...call.arguments },
          })),
        }),
    ...(finish === undefined ? {} : { finishReason: finish }),
  }
  return [replaced, ...answer.slice(1)]
}

const FROM_OPENAI: Readonly<Record<string, string>> = {
  stop: 'STOP',
  length: 'MAX_TOKENS',
  tool_calls: 'STOP',
  error: 'OTHER',
  content_filter: 'SAFETY',
}

/** The full answer for a validated request. */
export function composeGeminiAnswer(
  request: GenerateRequest,
  model: GeminiEmulatorModel,
  key: string,
  script: GeminiScript | undefined,
): ComposedAnswer {
  const count = request.generationConfig?.candidateCount ?? 1
  const generated = Array.from({ length: count }, (_, index) => composeCandidate(request, model, key, index))
  const candidates = scripted(generated, script, model, key)
  const prompt = promptTokens(request)
  const blockReason = script?.kind === 'gemini-reply' ? script.blockReason : undefined
  const usage = script?.kind === 'gemini-reply' ? script.usage : undefined
  if (blockReason !== undefined)
    return {
      candidates: [],
      blockReason,
      usage: { prompt: usage?.promptTokenCount ?? prompt, candidates: 0, thoughts: 0, cached: 0 },
    }
  const thoughts = candidates.reduce(
    (sum, candidate) => sum + (thinks(request, model) ? countTokens(candidate.thought ?? '') : 0),
    0,
  )
  return {
    candidates,
    usage: {
      prompt: usage?.promptTokenCount ?? prompt,
      candidates:
        usage?.candidatesTokenCount ?? candidates.reduce((sum, candidate) => sum + candidateTokens(candidate), 0),
      thoughts: usage?.thoughtsTokenCount ?? thoughts,
      cached: usage?.cachedContentTokenCount ?? 0,
    },
  }
}
