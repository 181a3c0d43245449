/**
 * The probe plan (pure): for every current model of token.js's Mistral tables, one tiny request per
 * capability, with the answer our table predicts. Aliases are skipped (they share their model's row);
 * `documents` is not probed (it needs a real PDF; the table derives it from `images`).
 */
import { isRetired, type EmbeddingModelTable, type ModelRow, type ModelTable } from '../../src/capabilities.js'
import type { Probe as RunnerProbe } from './run-probes.js'

export type ProbedFeature =
  | 'chat'
  | 'streaming'
  | 'jsonMode'
  | 'jsonSchema'
  | 'tools'
  | 'images'
  | 'audio'
  | 'n'
  | 'reasoning'
  | 'effortNone'
  | 'prediction'
  | 'prefix'
  | 'fim'
  | 'embeddings'
  | 'dimensions'

export interface Probe extends RunnerProbe {
  readonly feature: ProbedFeature
  /** Path under the base URL (`/chat/completions`, `/fim/completions`, `/embeddings`). */
  readonly path: string
}

/** 1×1 transparent PNG. */
const PIXEL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='

/** 0.1 s of 8 kHz 16-bit mono silence as a WAV file, base64 (Mistral's `input_audio` is a bare base64 string). */
function silentWav(): string {
  const samples = 800
  const bytes = new Uint8Array(44 + samples * 2)
  const view = new DataView(bytes.buffer)
  const ascii = (offset: number, text: string): void => {
    for (let index = 0; index < text.length; index++) view.setUint8(offset + index, text.charCodeAt(index))
  }
  ascii(0, 'RIFF')
  view.setUint32(4, 36 + samples * 2, true)
  ascii(8, 'WAVE')
  ascii(12, 'fmt ')
  view.setUint32(16, 16, true)
  view.setUint16(20, 1, true)
  view.setUint16(22, 1, true)
  view.setUint32(24, 8000, true)
  view.setUint32(28, 16000, true)
  view.setUint16(32, 2, true)
  view.setUint16(34, 16, true)
  ascii(36, 'data')
  view.setUint32(40, samples * 2, true)
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

const say = [{ role: 'user', content: 'Reply with OK.' }]
const tiny = { max_tokens: 1 }
const tool = {
  type: 'function',
  function: { name: 'ping', description: 'Ping', parameters: { type: 'object', properties: {} } },
}

function chatProbes(model: string, row: ModelRow): Probe[] {
  const chat = (feature: ProbedFeature, expected: boolean, extra: Record<string, unknown>): Probe => ({
    model,
    feature,
    expected,
    path: '/chat/completions',
    body: { model, messages: say, ...tiny, ...extra },
  })
  const effort =
    row.reasoningEfforts === undefined || row.reasoningEfforts.includes('high')
      ? 'high'
      : (row.reasoningEfforts.find((value) => value !== 'none') ?? 'high')
  return [
    chat('chat', row.chat, {}),
    chat('streaming', row.streaming, { stream: true }),
    chat('jsonMode', row.jsonMode, {
      response_format: { type: 'json_object' },
      messages: [{ role: 'user', content: 'Reply with a JSON object.' }],
    }),
    chat('jsonSchema', row.jsonSchema, {
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'probe', schema: { type: 'object', properties: { ok: { type: 'boolean' } } } },
      },
    }),
    chat('tools', row.tools, { tools: [tool] }),
    chat('images', row.images, {
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Colour?' },
            { type: 'image_url', image_url: PIXEL },
          ],
        },
      ],
    }),
    chat('audio', row.audio, {
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Sound?' },
            { type: 'input_audio', input_audio: silentWav() },
          ],
        },
      ],
    }),
    chat('n', row.n, { n: 2 }),
    chat('reasoning', row.reasoning, { reasoning_effort: effort }),
    // The effort value tables get wrong most: GLM 5.3 rejects `none`, Mistral's own reasoning models take it.
    chat('effortNone', row.reasoningEfforts?.includes('none') ?? false, { reasoning_effort: 'none' }),
    chat('prediction', row.prediction, { prediction: { type: 'content', content: 'OK' } }),
    chat('prefix', row.prefix, { messages: [...say, { role: 'assistant', content: 'O', prefix: true }] }),
    {
      model,
      feature: 'fim',
      expected: row.fim,
      path: '/fim/completions',
      body: { model, prompt: 'def add(a, b):\n    return ', suffix: '\n', ...tiny },
    },
  ]
}

/** Every probe, in table order. `now` decides which models are current. */
export function planProbes(
  models: ModelTable,
  embeddingModels: EmbeddingModelTable,
  now: number = Date.now(),
): Probe[] {
  const probes: Probe[] = []
  for (const [model, row] of Object.entries(models)) {
    if (row.aliasOf !== undefined || isRetired(row, now)) continue
    probes.push(...chatProbes(model, row))
  }
  for (const [model, row] of Object.entries(embeddingModels)) {
    if (row.aliasOf !== undefined || isRetired(row, now)) continue
    probes.push({
      model,
      feature: 'embeddings',
      expected: true,
      path: '/embeddings',
      body: { model, input: ['probe'] },
    })
    probes.push({
      model,
      feature: 'dimensions',
      expected: row.maxDimensions !== undefined,
      path: '/embeddings',
      body: { model, input: ['probe'], output_dimension: 256 },
    })
  }
  return probes
}
