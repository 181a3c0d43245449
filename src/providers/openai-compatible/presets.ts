/**
 * OpenAI-compatible services as data: where they live, which key they read, and what they are known
 * to reject (each entry cites the service's docs). A new service is a new entry here plus a registry line.
 */
import type { OpenAICompatiblePreset } from './create-provider.js'

const noModels = {} as const

/** Any OpenAI-compatible server (Ollama, vLLM, LM Studio, llama.cpp, Together…): base URL required. */
export const openAICompatiblePreset = {
  id: 'openai-compatible',
  displayName: 'OpenAI-compatible',
  defaultBaseURL: undefined,
  apiKeyEnvVar: 'OPENAI_COMPATIBLE_API_KEY',
  baseURLEnvVar: 'OPENAI_COMPATIBLE_BASE_URL',
  apiKeyOptional: true,
  // Local servers mostly know only `system`; usage on the last chunk needs the opt-in (vLLM, Ollama).
  quirks: { developerAsSystem: true, requestStreamUsage: true },
  models: noModels,
} as const satisfies OpenAICompatiblePreset

export const groqPreset = {
  id: 'groq',
  displayName: 'Groq',
  defaultBaseURL: 'https://api.groq.com/openai/v1',
  apiKeyEnvVar: 'GROQ_API_KEY',
  baseURLEnvVar: 'GROQ_BASE_URL',
  apiKeyOptional: false,
  quirks: {
    // console.groq.com/docs/openai: 400 on these, on `messages[].name` and on n other than 1.
    rejectedParams: {
      logprobs: 'Groq rejects logprobs.',
      top_logprobs: 'Groq rejects top_logprobs.',
      logit_bias: 'Groq rejects logit_bias.',
    },
    rejectsMessageName: true,
    maxChoices: 1,
    maxTools: 128,
    developerAsSystem: true,
    requestStreamUsage: true,
  },
  models: noModels,
  docsURL: 'https://console.groq.com/docs/openai',
} as const satisfies OpenAICompatiblePreset

export const openRouterPreset = {
  id: 'openrouter',
  displayName: 'OpenRouter',
  defaultBaseURL: 'https://openrouter.ai/api/v1',
  apiKeyEnvVar: 'OPENROUTER_API_KEY',
  baseURLEnvVar: 'OPENROUTER_BASE_URL',
  apiKeyOptional: false,
  // OpenRouter always sends usage on the last chunk and ignores stream_options.
  quirks: {},
  models: noModels,
  docsURL: 'https://openrouter.ai/docs',
} as const satisfies OpenAICompatiblePreset

export const requestyPreset = {
  id: 'requesty',
  displayName: 'Requesty',
  defaultBaseURL: 'https://router.requesty.ai/v1',
  apiKeyEnvVar: 'REQUESTY_API_KEY',
  baseURLEnvVar: 'REQUESTY_BASE_URL',
  apiKeyOptional: false,
  quirks: { requestStreamUsage: true },
  models: noModels,
  docsURL: 'https://docs.requesty.ai',
} as const satisfies OpenAICompatiblePreset

export const perplexityPreset = {
  id: 'perplexity',
  displayName: 'Perplexity',
  defaultBaseURL: 'https://api.perplexity.ai',
  apiKeyEnvVar: 'PERPLEXITY_API_KEY',
  baseURLEnvVar: 'PERPLEXITY_BASE_URL',
  apiKeyOptional: false,
  unavailable:
    'Perplexity retired its Sonar chat-completions API on 2026-09-27; it is now the Agent API ' +
    '(a Responses-shaped request), which token.js does not translate to yet. For a service that still ' +
    "speaks chat completions, use provider 'openai-compatible' with its baseURL.",
  quirks: {},
  models: noModels,
  docsURL: 'https://docs.perplexity.ai/docs/agent-api/migrate-from-sonar/how-to.md',
} as const satisfies OpenAICompatiblePreset
