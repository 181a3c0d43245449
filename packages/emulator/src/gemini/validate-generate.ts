/**
 * The rules generativelanguage.googleapis.com applies to a `generateContent` body after parsing it.
 * Each message is the recorded one where a recording exists (named beside it); the README lists the
 * assumed ones.
 */
import { badRequest, invalidArgument, type GeminiErrorReply } from './errors.js'
import type { GeminiEmulatorModel } from './models.js'
import { parseWire } from './parse-wire.js'
import { GENERATE_CONTENT_REQUEST } from './wire-spec.js'

/** A JSON object. */
type Json = Record<string, unknown>
/**
 * One part of a `Content` (https://ai.google.dev/api/caching#Part): exactly one data field (`text`,
 * `inlineData`, `fileData`, `functionCall`, `functionResponse`, …) plus optional metadata.
 */
export type Part = Json & {
  /** Text. */
  text?: string
  /** Marks a thought-summary text part (in answers). */
  thought?: boolean
  /** The opaque signature of the model's thinking, to send back with the part it came on. */
  thoughtSignature?: string
  /** A call the model made. */
  functionCall?: {
    /** The call's id. */
    id?: string
    /** The function's name. */
    name?: string
    /** The arguments, as an object. */
    args?: Json
  }
  /** A function's result sent back. */
  functionResponse?: {
    /** The id of the call it answers. */
    id?: string
    /** The function's name (Gemini matches results to calls by name). */
    name?: string
    /** The result, as an object. */
    response?: Json
  }
  /** Inline bytes. */
  inlineData?: {
    /** Media type, e.g. `image/png`, `application/pdf`. */
    mimeType?: string
    /** Base64 data. */
    data?: string
  }
  /** A file by URI. */
  fileData?: {
    /** Media type of the file. */
    mimeType?: string
    /** The file's URI (a Files API URI or a URL). */
    fileUri?: string
  }
}
/** One turn of the conversation (https://ai.google.dev/api/caching#Content). */
export interface Content {
  /** `user` or `model`. */
  role?: string
  /** The turn's parts. */
  parts?: Part[]
}
/** The body of `generateContent` / `streamGenerateContent` as the emulator reads it. */
export interface GenerateRequest {
  /** The conversation. */
  contents: Content[]
  /** The system instruction (text parts). */
  systemInstruction?: Content
  /** The tools. */
  tools?: {
    /** The functions the model may call. */
    functionDeclarations?: FunctionDeclaration[]
  }[]
  /** How the model uses the tools. */
  toolConfig?: {
    /** Function-calling settings. */
    functionCallingConfig?: {
      /** `AUTO`, `ANY`, `NONE` or `VALIDATED`. */
      mode?: string
      /** With `ANY`: the functions the model may call. */
      allowedFunctionNames?: string[]
    }
  }
  /** Sampling and output settings. */
  generationConfig?: GenerationConfig
  /** Safety filter thresholds per harm category. */
  safetySettings?: {
    /** E.g. `HARM_CATEGORY_HARASSMENT`. */
    category?: string
    /** E.g. `BLOCK_NONE`, `BLOCK_ONLY_HIGH`. */
    threshold?: string
  }[]
}
/** A function the model may call (https://ai.google.dev/api/caching#FunctionDeclaration). */
export interface FunctionDeclaration {
  /** The function's name. */
  name?: string
  /** What it does. */
  description?: string
  /** Its arguments in Google's OpenAPI-subset `Schema`. */
  parameters?: Json
  /** Its arguments as JSON Schema (instead of `parameters`). */
  parametersJsonSchema?: unknown
}
/** `generationConfig` (https://ai.google.dev/api/generate-content#GenerationConfig). */
export interface GenerationConfig {
  /** Up to 5 sequences that end generation. */
  stopSequences?: string[]
  /** `text/plain` (default) or `application/json`. */
  responseMimeType?: string
  /** The answer's schema in Google's OpenAPI-subset `Schema` (with `application/json`). */
  responseSchema?: Json
  /** The answer's schema as JSON Schema (instead of `responseSchema`). */
  responseJsonSchema?: unknown
  /** Number of candidates to generate. */
  candidateCount?: number
  /** Largest number of tokens to generate. */
  maxOutputTokens?: number
  /** Sampling temperature, 0–2. */
  temperature?: number
  /** Nucleus sampling. */
  topP?: number
  /** Sample from the top K tokens only. */
  topK?: number
  /** Penalty on tokens already in the answer. */
  presencePenalty?: number
  /** Penalty growing with how often a token occurred. */
  frequencyPenalty?: number
  /** Return log probabilities of the chosen tokens. */
  responseLogprobs?: boolean
  /** Number of top alternatives per position, with `responseLogprobs`. */
  logprobs?: number
  /** Thinking settings; which fields a model takes is its `thinking` style. */
  thinkingConfig?: {
    /** Return thought summaries as `thought: true` parts. */
    includeThoughts?: boolean
    /** Tokens to think for (budget-style models); `-1` dynamic, `0` off where allowed. */
    thinkingBudget?: number
    /** `MINIMAL`, `LOW`, `MEDIUM` or `HIGH` (level-style models). */
    thinkingLevel?: string
  }
}

/** The verdict: the body as read, or the error answer the API would send. */
export type GenerateVerdict =
  | {
      /** The body is valid. */
      ok: true
      /** The body, typed. */
      request: GenerateRequest
    }
  | ({
      /** The body is refused; the other fields are the error answer. */
      ok: false
    } & GeminiErrorReply)

const DATA_FIELDS = [
  'text',
  'inlineData',
  'functionCall',
  'functionResponse',
  'fileData',
  'executableCode',
  'codeExecutionResult',
  'toolCall',
  'toolResponse',
]
const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]{0,127}$/
const JSON_MIME = ['application/json', 'text/x.enum']

const fail = (reply: GeminiErrorReply): GenerateVerdict => ({ ok: false, ...reply })
const bad = (message: string): GenerateVerdict => fail(invalidArgument(message))

function checkParts(request: GenerateRequest): string | undefined {
  if (request.contents.length === 0) return '* GenerateContentRequest.contents: contents is not specified\n'
  const problems: string[] = []
  request.contents.forEach((content, index) => {
    const parts = content.parts ?? []
    if (parts.length === 0)
      problems.push(`* GenerateContentRequest.contents[${index}].parts: contents.parts must not be empty.\n`)
    parts.forEach((part, partIndex) => {
      const fields = DATA_FIELDS.filter((field) => part[field] !== undefined)
      if (fields.length === 0)
        problems.push(
          `* GenerateContentRequest.contents[${index}].parts[${partIndex}].data: required oneof field 'data' must have one initialized field\n`,
        )
    })
  })
  return problems.length > 0 ? problems.join('') : undefined
}

function checkRoles(request: GenerateRequest): string | undefined {
  // Wording: songquanpeng/one-api and litellm threads quote "Please use a valid role: user, model."
  for (const content of request.contents)
    if (content.role !== undefined && content.role !== 'user' && content.role !== 'model')
      return 'Please use a valid role: user, model.'
  return undefined
}

const calls = (content: Content | undefined): Part[] =>
  (content?.parts ?? []).filter((part) => part.functionCall !== undefined)
const responses = (content: Content | undefined): Part[] =>
  (content?.parts ?? []).filter((part) => part.functionResponse !== undefined)

/**
 * Function responses answer every call of the model turn before them, in one user turn
 * (google-gemini/gemini-cli#5443). Consecutive turns of one role count as one: a recorded request
 * with two model turns of one call each, then one user turn of two responses, got a 200
 * (pydantic/pydantic-ai cassette `test_cross_provider_capability_replay[google-gemini-3-flash-preview-…]`).
 */
function checkTurns(request: GenerateRequest): string | undefined {
  const contents = request.contents
  for (let index = 0; index < contents.length; index++) {
    const answered = responses(contents[index]).length
    if (answered === 0 || contents[index - 1]?.role === contents[index]?.role) continue
    let asked = 0
    for (let before = index - 1; before >= 0 && contents[before]?.role === 'model'; before--)
      asked += calls(contents[before]).length
    let answers = 0
    for (let after = index; after < contents.length && contents[after]?.role === contents[index]?.role; after++)
      answers += responses(contents[after]).length
    if (asked !== answers)
      return 'Please ensure that the number of function response parts is equal to the number of function call parts of the function call turn.'
  }
  return undefined
}

/** Gemini 3+: the first call of each model turn in the current turn carries its signature (langgenius/dify#29187). */
function checkSignatures(request: GenerateRequest, model: GeminiEmulatorModel): string | undefined {
  if (!model.signatures) return undefined
  const contents = request.contents
  let start = 0
  contents.forEach((content, index) => {
    const isUserText =
      content.role !== 'model' && (content.parts ?? []).some((part) => part.functionResponse === undefined)
    if (isUserText) start = index + 1
  })
  for (let index = start; index < contents.length; index++) {
    const first = calls(contents[index])[0]
    if (contents[index]?.role === 'model' && first !== undefined && first.thoughtSignature === undefined) {
      const position = (contents[index]?.parts ?? []).indexOf(first) + 1
      return `Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly, and missing thought_signature may lead to degraded model performance. Additional data, function call \`default_api:${first.functionCall?.name ?? ''}\` , position ${position}. Please refer to https://ai.google.dev/gemini-api/docs/thought-signatures for more details.`
    }
  }
  return undefined
}

function checkTools(request: GenerateRequest): string | undefined {
  for (const [toolIndex, tool] of (request.tools ?? []).entries()) {
    for (const [index, declaration] of (tool.functionDeclarations ?? []).entries()) {
      const at = `tools[${toolIndex}].function_declarations[${index}]`
      if (typeof declaration.name !== 'string' || !NAME.test(declaration.name))
        return `* GenerateContentRequest.${at}.name: Invalid function name. Must start with a letter or an underscore. Must be alphameric (a-z, A-Z, 0-9), underscores (_), dots (.), colons (:) or dashes (-), with a maximum length of 128.\n`
      if (declaration.parameters !== undefined && declaration.parametersJsonSchema !== undefined)
        return `* GenerateContentRequest.${at}: parameters and parameters_json_schema are mutually exclusive.\n`
    }
  }
  return undefined
}

function checkGeneration(request: GenerateRequest, model: GeminiEmulatorModel): string | undefined {
  const config = request.generationConfig ?? {}
  const count = config.candidateCount ?? 1
  if (count > 1 && !model.multipleCandidates) return 'Multiple candidates is not enabled for this model'
  if (count < 1 || count > 8)
    return `* GenerateContentRequest.generation_config.candidate_count: must be between 1 and 8.\n`
  // Recorded: vercel/ai fixtures issue-8943-gemini-2.5-*-error.json.
  if ((config.presencePenalty !== undefined || config.frequencyPenalty !== undefined) && !model.penalties)
    return `Penalty is not enabled for models/${model.id}`
  if (config.temperature !== undefined && (config.temperature < 0 || config.temperature > 2))
    return `* GenerateContentRequest.generation_config.temperature: temperature must be between 0 and 2.\n`
  if (config.topP !== undefined && (config.topP < 0 || config.topP > 1))
    return `* GenerateContentRequest.generation_config.top_p: top_p must be between 0 and 1.\n`
  if ((config.stopSequences ?? []).length > 5)
    return '* GenerateContentRequest.generation_config.stop_sequences: at most 5 stop sequences are allowed.\n'
  const max = config.maxOutputTokens
  if (max !== undefined && (max < 1 || max > model.outputTokenLimit))
    return `Unable to submit request because it has a maxOutputTokens value of ${max} but the supported range is from 1 (inclusive) to ${model.outputTokenLimit + 1} (exclusive). Update the value and try again.`
  if (config.logprobs !== undefined && config.responseLogprobs !== true)
    return 'logprobs is only supported when response_logprobs is true.'
  if (
    (config.responseSchema !== undefined || config.responseJsonSchema !== undefined) &&
    !JSON_MIME.includes(config.responseMimeType ?? '')
  )
    return `* GenerateContentRequest.generation_config.response_mime_type: response_mime_type must be one of [application/json, text/x.enum] when response_schema is set.\n`
  if (config.responseSchema !== undefined && config.responseJsonSchema !== undefined)
    return '* GenerateContentRequest.generation_config: response_schema and response_json_schema are mutually exclusive.\n'
  const mode = request.toolConfig?.functionCallingConfig?.mode
  // Recorded: vercel/ai fixtures google-structured-output-with-tools-error.json.
  if (mode === 'ANY' && config.responseMimeType === 'application/json')
    return "Forced function calling (ANY mode) with a response mime type: 'application/json' is unsupported"
  return checkThinking(config, model)
}

function checkThinking(config: GenerationConfig, model: GeminiEmulatorModel): string | undefined {
  const thinking = config.thinkingConfig
  if (thinking === undefined) return undefined
  // Recorded: vercel/ai issue-22372-live-errors.json (gemini-3.1-pro-preview, 2026-10-09).
  if (thinking.thinkingBudget !== undefined && thinking.thinkingLevel !== undefined)
    return 'You can only set only one of thinking budget and thinking level.'
  if (model.thinking === 'none' && (thinking.thinkingBudget !== undefined || thinking.thinkingLevel !== undefined))
    return 'Thinking is not enabled for this model.'
  const level = thinking.thinkingLevel
  if (level !== undefined && model.thinking === 'budget') return 'Thinking level is not supported for this model.'
  // Recorded: vercel/ai google-gemini-3.7-flash-thinking-levels.json.
  if (level !== undefined && level !== 'THINKING_LEVEL_UNSPECIFIED' && !(model.levels ?? []).includes(level))
    return `Thinking level ${level} is not supported for this model. Please retry with other thinking level.`
  if (thinking.thinkingBudget === 0 && model.budgetOff === false)
    return 'Budget 0 is invalid. This model only works in thinking mode.'
  return undefined
}

/** Parses and checks a `generateContent` body for `model`. */
export function validateGenerateRequest(body: unknown, model: GeminiEmulatorModel): GenerateVerdict {
  const parsed = parseWire(body, GENERATE_CONTENT_REQUEST)
  if (parsed.violations.length > 0) return fail(badRequest(parsed.violations))
  const request = { contents: [], ...parsed.value } as GenerateRequest
  const problem =
    checkParts(request) ??
    checkRoles(request) ??
    checkTurns(request) ??
    checkTools(request) ??
    checkGeneration(request, model) ??
    checkSignatures(request, model)
  return problem === undefined ? { ok: true, request } : bad(problem)
}
