/**
 * Mistral's `GET /v1/models` (`BaseModelCard` / `FTModelCard` in mistralai/platform-docs-public
 * `openapi-public-doc.yaml`) → OpenAI's model list, each
 * entry with `capabilities` in token.js's vocabulary. Mapping (missing keys mean false, as in the SPEC):
 *   chat ← completion_chat · tools ← function_calling · reasoning ← reasoning · fim ← completion_fim
 *   images, documents ← vision (Mistral's document QnA runs on its vision models) · audio ← audio
 *   streaming ← completion_chat (every Mistral chat model streams)
 *   contextLength ← max_context_length (SPEC default 32768) · aliases ← aliases
 *   retirement ← deprecation (date) + deprecation_replacement_model
 * Mistral reports nothing for jsonMode, jsonSchema, n, prediction and prefix: those are `null`.
 */
import { ResponseParseError } from '../../errors.js'
import type { ListedModelCapabilities, Model, ModelsPage } from '../../types.js'

interface MistralModelCard {
  id?: unknown
  created?: unknown
  owned_by?: unknown
  capabilities?: Record<string, unknown> | null
  max_context_length?: unknown
  aliases?: unknown
  deprecation?: unknown
  deprecation_replacement_model?: unknown
}

/** SPEC `BaseModelCard.max_context_length` default. */
const DEFAULT_CONTEXT_LENGTH = 32_768

export function fromMistralModelList(json: unknown, raw: string, context: { readonly provider: string }): ModelsPage {
  const data = (json as { data?: unknown } | null)?.data
  if (typeof json !== 'object' || json === null || !Array.isArray(data)) {
    throw new ResponseParseError(`${context.provider} returned a model list without 'data'.`, raw)
  }
  const models: Model[] = []
  for (const entry of data as (MistralModelCard | null)[]) {
    if (typeof entry !== 'object' || entry === null || typeof entry.id !== 'string') continue
    models.push({
      id: entry.id,
      object: 'model',
      created: typeof entry.created === 'number' ? entry.created : 0,
      owned_by: typeof entry.owned_by === 'string' ? entry.owned_by : 'mistralai',
      capabilities: capabilitiesOf(entry),
    })
  }
  return { object: 'list', data: models }
}

function capabilitiesOf(card: MistralModelCard): ListedModelCapabilities {
  const flags = card.capabilities ?? {}
  const flag = (name: string): boolean => flags[name] === true
  const chat = flag('completion_chat')
  const vision = flag('vision')
  return {
    chat,
    streaming: chat,
    jsonMode: null,
    jsonSchema: null,
    images: vision,
    documents: vision,
    audio: flag('audio'),
    tools: flag('function_calling'),
    n: null,
    reasoning: flag('reasoning'),
    prediction: null,
    prefix: null,
    fim: flag('completion_fim'),
    contextLength: typeof card.max_context_length === 'number' ? card.max_context_length : DEFAULT_CONTEXT_LENGTH,
    aliases: Array.isArray(card.aliases)
      ? card.aliases.filter((alias): alias is string => typeof alias === 'string')
      : [],
    retirement: retirementOf(card),
  }
}

function retirementOf(card: MistralModelCard): ListedModelCapabilities['retirement'] {
  if (typeof card.deprecation !== 'string' || card.deprecation === '') return null
  const retiresOn = card.deprecation.slice(0, 10)
  const replacement = card.deprecation_replacement_model
  return typeof replacement === 'string' && replacement !== '' ? { retiresOn, replacement } : { retiresOn }
}
