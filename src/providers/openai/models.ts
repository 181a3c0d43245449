/**
 * OpenAI's chat-completions models, one row per id. Data only. Each row's sources and the dates they
 * were checked are in `model-evidence.ts` (OpenAI's API reference, deprecations page and guides, and
 * copies of them where only a copy is stored), kept apart so they stay out of the first-load bundle.
 * Rules the rows cannot express are in the docs page: reasoning models accept only the default
 * temperature/top_p; GPT-5.4+ reject explicit reasoning_effort together with function tools, and
 * GPT-5.6 / GPT-6 Sol and Luna take function tools only at reasoning_effort 'none'.
 *
 * Conventions:
 * - `documents` follows `images`: "OpenAI models with vision capabilities can also accept PDF files as
 *   input" (developers.openai.com/docs/guides/pdf-files).
 * - `retirement.retiresOn` is the shutdown date on OpenAI's deprecations page (also `shutdown_date` in
 *   `GET /v1/models`); a future date is an announced shutdown. `replacement` is OpenAI's recommended
 *   replacement, or, where that is itself shut down, the end of the chain (model-evidence.ts says so).
 */
import { defineModelTable } from '../../capabilities.js'

const chatModel = {
  chat: true,
  streaming: true,
  jsonMode: true,
  jsonSchema: true,
  images: true,
  documents: true,
  audio: false,
  tools: true,
  n: true,
  reasoning: false,
  prediction: false,
  prefix: false,
  fim: false,
} as const

const noneToMax = ['none', 'low', 'medium', 'high', 'xhigh', 'max'] as const
const noneToXhigh = ['none', 'low', 'medium', 'high', 'xhigh'] as const
const lowToHigh = ['low', 'medium', 'high'] as const
const lowToMax = ['low', 'medium', 'high', 'xhigh', 'max'] as const
/** No image (and so no PDF) input. */
const textOnly = { images: false, documents: false } as const
const audioModel = { ...chatModel, ...textOnly, audio: true, jsonSchema: false, contextLength: 128_000 } as const
const searchModel = { ...chatModel, ...textOnly, tools: false, n: false, contextLength: 128_000 } as const

// Shutdown dates (OpenAI's deprecations page), shared by the rows they name.
const oct23Sol = { retiresOn: '2026-10-23', replacement: 'gpt-5.6-sol' } as const
const oct23Terra = { retiresOn: '2026-10-23', replacement: 'gpt-5.6-terra' } as const
const aug10 = { retiresOn: '2026-08-10', replacement: 'gpt-5.5' } as const
const jul23Search = { retiresOn: '2026-07-23', replacement: 'gpt-4.1-mini' } as const
const jan14 = { retiresOn: '2027-01-14', replacement: 'gpt-6-luna' } as const
const jan20 = { retiresOn: '2027-01-20' } as const
const apr1 = { retiresOn: '2027-04-01' } as const

/** OpenAI's chat models, one row per API id (`model` suggests the ids without a retirement). */
export const openAIModels = defineModelTable({
  // GPT-6 (Chat Completions serves them without function tools: tools need the Responses API).
  'gpt-6.1-sol': {
    ...chatModel,
    reasoning: true,
    reasoningEfforts: lowToMax,
    tools: false,
    contextLength: 1_050_000,
  },
  'gpt-6.1-terra': {
    ...chatModel,
    reasoning: true,
    reasoningEfforts: lowToMax,
    tools: false,
    contextLength: 1_050_000,
  },
  'gpt-6-astra': {
    ...chatModel,
    reasoning: true,
    reasoningEfforts: lowToMax,
    tools: false,
    contextLength: 1_050_000,
  },
  'gpt-6-sol': {
    ...chatModel,
    reasoning: true,
    reasoningEfforts: noneToMax,
    contextLength: 1_050_000,
  },
  'gpt-6-luna': {
    ...chatModel,
    reasoning: true,
    reasoningEfforts: noneToMax,
    contextLength: 1_050_000,
  },
  // GPT-5.x
  'gpt-5.6-sol': {
    ...chatModel,
    reasoning: true,
    reasoningEfforts: noneToMax,
    contextLength: 1_050_000,
  },
  'gpt-5.6-terra': {
    ...chatModel,
    reasoning: true,
    reasoningEfforts: noneToXhigh,
    contextLength: 1_050_000,
  },
  'gpt-5.6-luna': {
    ...chatModel,
    reasoning: true,
    reasoningEfforts: noneToXhigh,
    contextLength: 1_050_000,
  },
  'gpt-5.5': {
    ...chatModel,
    reasoning: true,
    reasoningEfforts: noneToXhigh,
    contextLength: 1_050_000,
  },
  'gpt-5.4': {
    ...chatModel,
    reasoning: true,
    reasoningEfforts: noneToXhigh,
    contextLength: 1_050_000,
  },
  'gpt-5.4-mini': {
    ...chatModel,
    reasoning: true,
    reasoningEfforts: noneToXhigh,
    contextLength: 400_000,
  },
  'gpt-5.4-nano': {
    ...chatModel,
    reasoning: true,
    reasoningEfforts: noneToXhigh,
    contextLength: 400_000,
    retirement: apr1,
  },
  'gpt-5.2': { ...chatModel, reasoning: true, reasoningEfforts: noneToXhigh, contextLength: 400_000 },
  'gpt-5.2-pro': {
    ...chatModel,
    reasoning: true,
    reasoningEfforts: ['medium', 'high', 'xhigh'],
    contextLength: 400_000,
  },
  'gpt-5.1': {
    ...chatModel,
    reasoning: true,
    reasoningEfforts: ['none', 'low', 'medium', 'high'],
    contextLength: 400_000,
    retirement: apr1,
  },
  // GPT-5 and o3: shut down 2026-12-11.
  'gpt-5': {
    ...chatModel,
    reasoning: true,
    reasoningEfforts: ['minimal', 'low', 'medium', 'high'],
    contextLength: 400_000,
    retirement: { retiresOn: '2026-12-11', replacement: 'gpt-6.1-sol' },
  },
  'gpt-5-mini': {
    ...chatModel,
    reasoning: true,
    reasoningEfforts: ['minimal', 'low', 'medium', 'high'],
    contextLength: 400_000,
    retirement: { retiresOn: '2026-12-11', replacement: 'gpt-6.1-terra' },
  },
  'gpt-5-nano': {
    ...chatModel,
    reasoning: true,
    reasoningEfforts: ['minimal', 'low', 'medium', 'high'],
    contextLength: 400_000,
    retirement: { retiresOn: '2026-12-11', replacement: 'gpt-6-luna' },
  },
  o3: {
    ...chatModel,
    reasoning: true,
    reasoningEfforts: lowToHigh,
    contextLength: 200_000,
    retirement: { retiresOn: '2026-12-11', replacement: 'gpt-5.6-sol' },
  },
  // GPT-4.1 and GPT-4o (predicted outputs): shut down 2027-01-14.
  'gpt-4.1': { ...chatModel, prediction: true, contextLength: 1_047_576, retirement: jan14 },
  'gpt-4.1-mini': { ...chatModel, prediction: true, contextLength: 1_047_576, retirement: jan14 },
  'gpt-4o': { ...chatModel, prediction: true, contextLength: 128_000, retirement: jan14 },
  'gpt-4o-mini': { ...chatModel, prediction: true, contextLength: 128_000, retirement: jan14 },
  // Audio models
  'gpt-audio-1.5': { ...audioModel },
  'gpt-audio-mini': { ...audioModel },
  'gpt-audio': { ...audioModel, retirement: jan20 },
  'gpt-4o-audio-preview': { ...audioModel, retirement: jan20 },

  // ===== Shut down =====
  'gpt-5.3-chat-latest': { ...chatModel, contextLength: 128_000, retirement: aug10 },
  'gpt-5.2-chat-latest': {
    ...chatModel,
    reasoning: true,
    reasoningEfforts: ['medium'],
    contextLength: 128_000,
    retirement: aug10,
  },
  'gpt-5-chat-latest': {
    ...chatModel,
    tools: false,
    contextLength: 400_000,
    retirement: { retiresOn: '2026-07-23', replacement: 'gpt-5.5' },
  },
  'gpt-4o-mini-audio-preview': {
    ...audioModel,
    retirement: { retiresOn: '2026-07-23', replacement: 'gpt-audio-mini' },
  },
  'gpt-4o-search-preview': { ...searchModel, retirement: jul23Search },
  'gpt-4o-mini-search-preview': { ...searchModel, retirement: jul23Search },
  'o4-mini': {
    ...chatModel,
    reasoning: true,
    reasoningEfforts: lowToHigh,
    contextLength: 200_000,
    retirement: oct23Terra,
  },
  'o3-mini': {
    ...chatModel,
    ...textOnly,
    reasoning: true,
    reasoningEfforts: lowToHigh,
    contextLength: 200_000,
    retirement: oct23Sol,
  },
  o1: {
    ...chatModel,
    reasoning: true,
    reasoningEfforts: lowToHigh,
    contextLength: 200_000,
    retirement: oct23Sol,
  },
  'gpt-4.1-nano': {
    ...chatModel,
    prediction: true,
    contextLength: 1_047_576,
    retirement: { retiresOn: '2026-10-23', replacement: 'gpt-5.6-luna' },
  },
  'chatgpt-4o-latest': {
    ...chatModel,
    tools: false,
    contextLength: 128_000,
    retirement: { retiresOn: '2026-02-17', replacement: 'gpt-5.5' },
  },
  'gpt-4-turbo': {
    ...chatModel,
    jsonSchema: false,
    contextLength: 128_000,
    retirement: oct23Sol,
  },
  'gpt-4': {
    ...chatModel,
    ...textOnly,
    jsonMode: false,
    jsonSchema: false,
    contextLength: 8_192,
    retirement: oct23Sol,
  },
  'gpt-3.5-turbo': {
    ...chatModel,
    ...textOnly,
    jsonSchema: false,
    contextLength: 16_385,
    retirement: oct23Terra,
  },
})

/** A model id from our table. */
export type OpenAIModelId = keyof typeof openAIModels
