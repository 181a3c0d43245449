/** The parts of Gemini's REST shapes (v1beta, https://ai.google.dev/api/generate-content) the mapping reads and writes. */

export interface GeminiPart {
  text?: string
  thought?: boolean
  thoughtSignature?: string
  inlineData?: { mimeType: string; data: string }
  fileData?: { mimeType?: string; fileUri: string }
  functionCall?: { id?: string; name: string; args?: Record<string, unknown> }
  functionResponse?: { id?: string; name: string; response: Record<string, unknown> }
  executableCode?: unknown
  codeExecutionResult?: unknown
}

export interface GeminiContent {
  role?: 'user' | 'model'
  parts: GeminiPart[]
}

export interface GeminiUsageMetadata {
  promptTokenCount?: number
  candidatesTokenCount?: number
  thoughtsTokenCount?: number
  cachedContentTokenCount?: number
  toolUsePromptTokenCount?: number
  totalTokenCount?: number
}

export interface GeminiLogprobsCandidate {
  token?: string
  logProbability?: number
}

export interface GeminiCandidate {
  content?: { parts?: GeminiPart[]; role?: string }
  finishReason?: string
  finishMessage?: string
  index?: number
  avgLogprobs?: number
  logprobsResult?: {
    topCandidates?: { candidates?: GeminiLogprobsCandidate[] }[]
    chosenCandidates?: GeminiLogprobsCandidate[]
  }
}

export interface GeminiResponse {
  candidates?: GeminiCandidate[]
  promptFeedback?: { blockReason?: string; blockReasonMessage?: string }
  usageMetadata?: GeminiUsageMetadata
  modelVersion?: string
  responseId?: string
}
