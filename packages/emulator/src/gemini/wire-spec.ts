/**
 * The emulator's description of the Gemini REST request messages (v1beta, Developer API), written from
 * Google's REST reference (https://ai.google.dev/api/generate-content, /api/caching#Content,
 * /api/caching#Tool, /api/embeddings, read 2026-12), not from the SDK, so the conformance
 * agreement test compares two independent readings. Proto field names are lowerCamelCase on the wire;
 * proto JSON also accepts the snake_case originals (pydantic-ai's recorded requests send
 * `parameters_json_schema` and get a 200).
 */

export type FieldSpec =
  | 'string'
  | 'bool'
  | 'int'
  | 'float'
  | 'bytes'
  /** `google.protobuf.Struct`: any JSON object. */
  | 'struct'
  /** `google.protobuf.Value`: any JSON value. */
  | 'value'
  /** A message the emulator accepts without looking inside (built-in tools, speech, image config). */
  | 'opaque'
  | { readonly enum: string; readonly values: readonly string[]; readonly caseInsensitive?: boolean }
  | { readonly message: MessageSpec }
  | { readonly repeated: FieldSpec }
  | { readonly map: FieldSpec }

export interface MessageSpec {
  readonly name: string
  readonly fields: Readonly<Record<string, FieldSpec | (() => FieldSpec)>>
}

const V1BETA = 'type.googleapis.com/google.ai.generativelanguage.v1beta'
const enumOf = (name: string, values: readonly string[], caseInsensitive = false): FieldSpec => ({
  enum: `${V1BETA}.${name}`,
  values,
  caseInsensitive,
})
const message = (spec: MessageSpec): FieldSpec => ({ message: spec })
const repeated = (spec: FieldSpec): FieldSpec => ({ repeated: spec })

export const SCHEMA: MessageSpec = {
  name: 'Schema',
  fields: {
    type: enumOf(
      'Type',
      ['TYPE_UNSPECIFIED', 'STRING', 'NUMBER', 'INTEGER', 'BOOLEAN', 'ARRAY', 'OBJECT', 'NULL'],
      true,
    ),
    format: 'string',
    title: 'string',
    description: 'string',
    nullable: 'bool',
    enum: repeated('string'),
    maxItems: 'int',
    minItems: 'int',
    properties: () => ({ map: message(SCHEMA) }),
    required: repeated('string'),
    minProperties: 'int',
    maxProperties: 'int',
    minLength: 'int',
    maxLength: 'int',
    pattern: 'string',
    example: 'value',
    anyOf: () => repeated(message(SCHEMA)),
    propertyOrdering: repeated('string'),
    default: 'value',
    items: () => message(SCHEMA),
    minimum: 'float',
    maximum: 'float',
  },
}

const BLOB: MessageSpec = { name: 'Blob', fields: { mimeType: 'string', data: 'bytes' } }
const FILE_DATA: MessageSpec = { name: 'FileData', fields: { mimeType: 'string', fileUri: 'string' } }
const FUNCTION_CALL: MessageSpec = { name: 'FunctionCall', fields: { id: 'string', name: 'string', args: 'struct' } }
const FUNCTION_RESPONSE: MessageSpec = {
  name: 'FunctionResponse',
  fields: {
    id: 'string',
    name: 'string',
    response: 'struct',
    parts: 'value',
    willContinue: 'bool',
    scheduling: enumOf('FunctionResponse.Scheduling', ['SCHEDULING_UNSPECIFIED', 'SILENT', 'WHEN_IDLE', 'INTERRUPT']),
  },
}
const MEDIA_RESOLUTION = enumOf('MediaResolution', [
  'MEDIA_RESOLUTION_UNSPECIFIED',
  'MEDIA_RESOLUTION_LOW',
  'MEDIA_RESOLUTION_MEDIUM',
  'MEDIA_RESOLUTION_HIGH',
])

export const PART: MessageSpec = {
  name: 'Part',
  fields: {
    text: 'string',
    inlineData: message(BLOB),
    functionCall: message(FUNCTION_CALL),
    functionResponse: message(FUNCTION_RESPONSE),
    fileData: message(FILE_DATA),
    executableCode: 'opaque',
    codeExecutionResult: 'opaque',
    toolCall: 'opaque',
    toolResponse: 'opaque',
    thought: 'bool',
    thoughtSignature: 'bytes',
    videoMetadata: 'opaque',
    partMetadata: 'struct',
    mediaResolution: 'opaque',
  },
}

export const CONTENT: MessageSpec = { name: 'Content', fields: { parts: repeated(message(PART)), role: 'string' } }

const FUNCTION_DECLARATION: MessageSpec = {
  name: 'FunctionDeclaration',
  fields: {
    name: 'string',
    description: 'string',
    behavior: enumOf('FunctionDeclaration.Behavior', ['UNSPECIFIED', 'BLOCKING', 'NON_BLOCKING']),
    parameters: message(SCHEMA),
    parametersJsonSchema: 'value',
    response: message(SCHEMA),
    responseJsonSchema: 'value',
  },
}

const TOOL: MessageSpec = {
  name: 'Tool',
  fields: {
    functionDeclarations: repeated(message(FUNCTION_DECLARATION)),
    googleSearchRetrieval: 'opaque',
    codeExecution: 'opaque',
    googleSearch: 'opaque',
    computerUse: 'opaque',
    urlContext: 'opaque',
    fileSearch: 'opaque',
    googleMaps: 'opaque',
    mcpServers: 'value',
  },
}

export const FUNCTION_CALLING_MODES = ['MODE_UNSPECIFIED', 'AUTO', 'ANY', 'NONE', 'VALIDATED']

const TOOL_CONFIG: MessageSpec = {
  name: 'ToolConfig',
  fields: {
    functionCallingConfig: message({
      name: 'FunctionCallingConfig',
      fields: {
        mode: enumOf('FunctionCallingConfig.Mode', FUNCTION_CALLING_MODES),
        allowedFunctionNames: repeated('string'),
      },
    }),
    retrievalConfig: 'opaque',
    includeServerSideToolInvocations: 'bool',
  },
}

export const HARM_CATEGORIES = [
  'HARM_CATEGORY_UNSPECIFIED',
  'HARM_CATEGORY_DEROGATORY',
  'HARM_CATEGORY_TOXICITY',
  'HARM_CATEGORY_VIOLENCE',
  'HARM_CATEGORY_SEXUAL',
  'HARM_CATEGORY_MEDICAL',
  'HARM_CATEGORY_DANGEROUS',
  'HARM_CATEGORY_HARASSMENT',
  'HARM_CATEGORY_HATE_SPEECH',
  'HARM_CATEGORY_SEXUALLY_EXPLICIT',
  'HARM_CATEGORY_DANGEROUS_CONTENT',
  'HARM_CATEGORY_CIVIC_INTEGRITY',
]

const SAFETY_SETTING: MessageSpec = {
  name: 'SafetySetting',
  fields: {
    category: enumOf('HarmCategory', HARM_CATEGORIES),
    threshold: enumOf('SafetySetting.HarmBlockThreshold', [
      'HARM_BLOCK_THRESHOLD_UNSPECIFIED',
      'BLOCK_LOW_AND_ABOVE',
      'BLOCK_MEDIUM_AND_ABOVE',
      'BLOCK_ONLY_HIGH',
      'BLOCK_NONE',
      'OFF',
    ]),
  },
}

const THINKING_CONFIG: MessageSpec = {
  name: 'ThinkingConfig',
  fields: {
    includeThoughts: 'bool',
    thinkingBudget: 'int',
    thinkingLevel: enumOf('ThinkingConfig.ThinkingLevel', [
      'THINKING_LEVEL_UNSPECIFIED',
      'MINIMAL',
      'LOW',
      'MEDIUM',
      'HIGH',
    ]),
  },
}

export const GENERATION_CONFIG: MessageSpec = {
  name: 'GenerationConfig',
  fields: {
    stopSequences: repeated('string'),
    responseMimeType: 'string',
    responseSchema: message(SCHEMA),
    responseJsonSchema: 'value',
    responseModalities: repeated(
      enumOf('GenerationConfig.Modality', ['MODALITY_UNSPECIFIED', 'TEXT', 'IMAGE', 'AUDIO']),
    ),
    candidateCount: 'int',
    maxOutputTokens: 'int',
    temperature: 'float',
    topP: 'float',
    topK: 'int',
    seed: 'int',
    presencePenalty: 'float',
    frequencyPenalty: 'float',
    responseLogprobs: 'bool',
    logprobs: 'int',
    enableEnhancedCivicAnswers: 'bool',
    speechConfig: 'opaque',
    thinkingConfig: message(THINKING_CONFIG),
    imageConfig: 'opaque',
    mediaResolution: MEDIA_RESOLUTION,
  },
}

export const GENERATE_CONTENT_REQUEST: MessageSpec = {
  name: 'GenerateContentRequest',
  fields: {
    model: 'string',
    contents: repeated(message(CONTENT)),
    tools: repeated(message(TOOL)),
    toolConfig: message(TOOL_CONFIG),
    safetySettings: repeated(message(SAFETY_SETTING)),
    systemInstruction: message(CONTENT),
    generationConfig: message(GENERATION_CONFIG),
    cachedContent: 'string',
    serviceTier: 'string',
    store: 'bool',
  },
}

export const COUNT_TOKENS_REQUEST: MessageSpec = {
  name: 'CountTokensRequest',
  fields: { contents: repeated(message(CONTENT)), generateContentRequest: message(GENERATE_CONTENT_REQUEST) },
}

export const TASK_TYPES = [
  'TASK_TYPE_UNSPECIFIED',
  'RETRIEVAL_QUERY',
  'RETRIEVAL_DOCUMENT',
  'SEMANTIC_SIMILARITY',
  'CLASSIFICATION',
  'CLUSTERING',
  'QUESTION_ANSWERING',
  'FACT_VERIFICATION',
  'CODE_RETRIEVAL_QUERY',
]

export const EMBED_CONTENT_REQUEST: MessageSpec = {
  name: 'EmbedContentRequest',
  fields: {
    model: 'string',
    content: message(CONTENT),
    taskType: enumOf('TaskType', TASK_TYPES),
    title: 'string',
    outputDimensionality: 'int',
  },
}

export const BATCH_EMBED_CONTENTS_REQUEST: MessageSpec = {
  name: 'BatchEmbedContentsRequest',
  fields: { requests: repeated(message(EMBED_CONTENT_REQUEST)) },
}
