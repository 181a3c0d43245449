/**
 * OpenAI's chat-completions models, one row per id (openai-compatible.md §2, November 2026). Data only.
 * Rules the rows cannot express are in the docs page: reasoning models accept only the default
 * temperature/top_p; GPT-5.4+ reject explicit reasoning_effort together with function tools, and
 * GPT-5.6 / GPT-6 Sol and Luna take function tools only at reasoning_effort 'none'.
 */
import { defineModelTable, type ModelRow } from '../../capabilities.js'

const chatModel = {
  chat: true,
  streaming: true,
  jsonMode: true,
  jsonSchema: true,
  images: true,
  documents: false,
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

export const openAIModels = defineModelTable({
  // GPT-6 (Chat Completions serves them without function tools: tools need the Responses API).
  'gpt-6.1-sol': {
    ...chatModel,
    label: 'GPT-6.1 Sol',
    reasoning: true,
    reasoningEfforts: ['low', 'medium', 'high', 'xhigh', 'max'],
    tools: false,
    contextLength: 1_050_000,
  },
  'gpt-6-astra': {
    ...chatModel,
    label: 'GPT-6 Astra',
    reasoning: true,
    reasoningEfforts: ['low', 'medium', 'high', 'xhigh', 'max'],
    tools: false,
    contextLength: 1_050_000,
  },
  'gpt-6-sol': {
    ...chatModel,
    label: 'GPT-6 Sol',
    reasoning: true,
    reasoningEfforts: noneToMax,
    contextLength: 1_050_000,
  },
  'gpt-6-luna': {
    ...chatModel,
    label: 'GPT-6 Luna',
    reasoning: true,
    reasoningEfforts: noneToMax,
    contextLength: 1_050_000,
  },
  // GPT-5.x
  'gpt-5.6-sol': {
    ...chatModel,
    label: 'GPT-5.6 Sol',
    reasoning: true,
    reasoningEfforts: noneToMax,
    contextLength: 1_050_000,
  },
  'gpt-5.6-terra': {
    ...chatModel,
    label: 'GPT-5.6 Terra',
    reasoning: true,
    reasoningEfforts: noneToMax,
    contextLength: 1_050_000,
  },
  'gpt-5.6-luna': {
    ...chatModel,
    label: 'GPT-5.6 Luna',
    reasoning: true,
    reasoningEfforts: noneToMax,
    contextLength: 1_050_000,
  },
  'gpt-5.5': {
    ...chatModel,
    label: 'GPT-5.5',
    documents: true,
    reasoning: true,
    reasoningEfforts: noneToXhigh,
    contextLength: 1_050_000,
  },
  'gpt-5.4': {
    ...chatModel,
    label: 'GPT-5.4',
    documents: true,
    reasoning: true,
    reasoningEfforts: noneToXhigh,
    contextLength: 1_050_000,
  },
  'gpt-5.4-mini': {
    ...chatModel,
    label: 'GPT-5.4 mini',
    reasoning: true,
    reasoningEfforts: noneToXhigh,
    contextLength: 400_000,
  },
  'gpt-5.4-nano': {
    ...chatModel,
    label: 'GPT-5.4 nano',
    reasoning: true,
    reasoningEfforts: noneToXhigh,
    contextLength: 400_000,
  },
  'gpt-5.3-chat-latest': { ...chatModel, label: 'GPT-5.3 Chat', contextLength: 128_000 },
  'gpt-5.2': { ...chatModel, label: 'GPT-5.2', reasoning: true, reasoningEfforts: noneToXhigh, contextLength: 400_000 },
  'gpt-5.2-chat-latest': {
    ...chatModel,
    label: 'GPT-5.2 Chat',
    reasoning: true,
    reasoningEfforts: ['medium'],
    contextLength: 128_000,
  },
  'gpt-5.1': {
    ...chatModel,
    label: 'GPT-5.1',
    reasoning: true,
    reasoningEfforts: ['none', 'low', 'medium', 'high'],
    contextLength: 400_000,
  },
  'gpt-5': {
    ...chatModel,
    label: 'GPT-5',
    reasoning: true,
    reasoningEfforts: ['minimal', 'low', 'medium', 'high'],
    contextLength: 400_000,
  },
  'gpt-5-mini': {
    ...chatModel,
    label: 'GPT-5 mini',
    reasoning: true,
    reasoningEfforts: ['minimal', 'low', 'medium', 'high'],
    contextLength: 400_000,
  },
  'gpt-5-nano': {
    ...chatModel,
    label: 'GPT-5 nano',
    reasoning: true,
    reasoningEfforts: ['minimal', 'low', 'medium', 'high'],
    contextLength: 400_000,
  },
  'gpt-5-chat-latest': { ...chatModel, label: 'GPT-5 Chat', tools: false, contextLength: 400_000 },
  // o-series
  o3: {
    ...chatModel,
    label: 'o3',
    documents: true,
    reasoning: true,
    reasoningEfforts: lowToHigh,
    contextLength: 200_000,
  },
  'o4-mini': { ...chatModel, label: 'o4-mini', reasoning: true, reasoningEfforts: lowToHigh, contextLength: 200_000 },
  'o3-mini': {
    ...chatModel,
    label: 'o3-mini',
    images: false,
    reasoning: true,
    reasoningEfforts: lowToHigh,
    contextLength: 200_000,
  },
  o1: {
    ...chatModel,
    label: 'o1',
    documents: true,
    reasoning: true,
    reasoningEfforts: lowToHigh,
    contextLength: 200_000,
  },
  // GPT-4.1 and GPT-4o (predicted outputs)
  'gpt-4.1': { ...chatModel, label: 'GPT-4.1', documents: true, prediction: true, contextLength: 1_047_576 },
  'gpt-4.1-mini': { ...chatModel, label: 'GPT-4.1 mini', documents: true, prediction: true, contextLength: 1_047_576 },
  'gpt-4.1-nano': { ...chatModel, label: 'GPT-4.1 nano', prediction: true, contextLength: 1_047_576 },
  'gpt-4o': { ...chatModel, label: 'GPT-4o', documents: true, prediction: true, contextLength: 128_000 },
  'gpt-4o-mini': { ...chatModel, label: 'GPT-4o mini', documents: true, prediction: true, contextLength: 128_000 },
  // Audio and search models
  'gpt-audio': {
    ...chatModel,
    label: 'GPT Audio',
    images: false,
    audio: true,
    jsonSchema: false,
    contextLength: 128_000,
  },
  'gpt-4o-audio-preview': {
    ...chatModel,
    label: 'GPT-4o Audio (preview)',
    images: false,
    audio: true,
    jsonSchema: false,
    contextLength: 128_000,
  },
  'gpt-4o-mini-audio-preview': {
    ...chatModel,
    label: 'GPT-4o mini Audio (preview)',
    images: false,
    audio: true,
    jsonSchema: false,
    contextLength: 128_000,
  },
  'gpt-4o-search-preview': {
    ...chatModel,
    label: 'GPT-4o Search (preview)',
    images: false,
    tools: false,
    n: false,
    contextLength: 128_000,
  },
  'gpt-4o-mini-search-preview': {
    ...chatModel,
    label: 'GPT-4o mini Search (preview)',
    images: false,
    tools: false,
    n: false,
    contextLength: 128_000,
  },
  // Legacy
  'chatgpt-4o-latest': { ...chatModel, label: 'ChatGPT-4o', tools: false, contextLength: 128_000 },
  'gpt-4-turbo': { ...chatModel, label: 'GPT-4 Turbo', jsonSchema: false, contextLength: 128_000 },
  'gpt-4': { ...chatModel, label: 'GPT-4', images: false, jsonMode: false, jsonSchema: false, contextLength: 8_192 },
  'gpt-3.5-turbo': { ...chatModel, label: 'GPT-3.5 Turbo', images: false, jsonSchema: false, contextLength: 16_385 },
})

/** A model id from our table. */
export type OpenAIModelId = keyof typeof openAIModels
