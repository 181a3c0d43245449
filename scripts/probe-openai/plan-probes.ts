/**
 * The OpenAI probe plan (pure): for every current model of token.js's OpenAI table, one tiny request per
 * capability (`max_completion_tokens: 1`), with the answer our table predicts. Prefix and FIM have no
 * OpenAI wire form and are not probed; `reasoning` sends the first listed effort, and `effortNone` checks
 * the one effort value tables get wrong most (`none`: gone on GPT-6.1, present on GPT-5.1+).
 */
import { isRetired, type ModelRow, type ModelTable } from '../../src/capabilities.js'
import type { Probe } from '../probe-mistral/run-probes.js'

export type OpenAIProbedFeature =
  | 'chat'
  | 'streaming'
  | 'jsonMode'
  | 'jsonSchema'
  | 'images'
  | 'documents'
  | 'audio'
  | 'tools'
  | 'n'
  | 'reasoning'
  | 'effortNone'
  | 'prediction'

export interface OpenAIProbe extends Probe {
  readonly feature: OpenAIProbedFeature
  readonly path: '/chat/completions'
}

/** 1×1 transparent PNG. */
const PIXEL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='

/** A one-page PDF that says "OK", base64. */
function tinyPdf(): string {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '<< /Length 33 >>\nstream\nBT /F1 12 Tf 10 30 Td (OK) Tj ET\nendstream',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let text = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((object, index) => {
    offsets.push(text.length)
    text += `${index + 1} 0 obj\n${object}\nendobj\n`
  })
  const xref = text.length
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) text += `${String(offset).padStart(10, '0')} 00000 n \n`
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return btoa(text)
}

/** 0.1 s of 8 kHz 16-bit mono silence as a WAV file, base64. */
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
const tool = {
  type: 'function',
  function: { name: 'ping', description: 'Ping', parameters: { type: 'object', properties: {} } },
}

function chatProbes(model: string, row: ModelRow): OpenAIProbe[] {
  const chat = (feature: OpenAIProbedFeature, expected: boolean, extra: Record<string, unknown>): OpenAIProbe => ({
    model,
    feature,
    expected,
    path: '/chat/completions',
    body: { model, messages: say, max_completion_tokens: 1, ...extra },
  })
  const parts = (part: Record<string, unknown>): Record<string, unknown> => ({
    messages: [{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, part] }],
  })
  const efforts = row.reasoningEfforts ?? []
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
    chat('images', row.images, parts({ type: 'image_url', image_url: { url: PIXEL } })),
    chat(
      'documents',
      row.documents,
      parts({ type: 'file', file: { filename: 'ok.pdf', file_data: `data:application/pdf;base64,${tinyPdf()}` } }),
    ),
    chat('audio', row.audio, parts({ type: 'input_audio', input_audio: { data: silentWav(), format: 'wav' } })),
    chat('tools', row.tools, { tools: [tool] }),
    chat('n', row.n, { n: 2 }),
    chat('reasoning', row.reasoning, { reasoning_effort: efforts.find((effort) => effort !== 'none') ?? 'low' }),
    chat('effortNone', efforts.includes('none'), { reasoning_effort: 'none' }),
    chat('prediction', row.prediction, { prediction: { type: 'content', content: 'OK' } }),
  ]
}

/** Every probe, in table order. `now` decides which models are current; aliases share their row. */
export function planOpenAIProbes(models: ModelTable, now: number = Date.now()): OpenAIProbe[] {
  const probes: OpenAIProbe[] = []
  for (const [model, row] of Object.entries(models)) {
    if (row.aliasOf !== undefined || isRetired(row, now) || !row.chat) continue
    probes.push(...chatProbes(model, row))
  }
  return probes
}
