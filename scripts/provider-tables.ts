/**
 * Tables generated from the OpenAI-compatible presets (src/providers/openai-compatible/presets.ts), for
 * docs/providers/openai-compatible.md between `<!-- presets -->` and `<!-- end presets -->`.
 * test/openai/docs.test.ts checks the committed page against it; `npm run docs` can call it too.
 */
import type { OpenAICompatiblePreset } from '../src/providers/openai-compatible/create-provider.js'
import {
  groqPreset,
  openAICompatiblePreset,
  openRouterPreset,
  perplexityPreset,
  requestyPreset,
} from '../src/providers/openai-compatible/presets.js'

export const OPENAI_COMPATIBLE_PRESETS: readonly OpenAICompatiblePreset[] = [
  openAICompatiblePreset,
  groqPreset,
  openRouterPreset,
  requestyPreset,
  perplexityPreset,
]

/** What token.js refuses before sending for a preset (each an InputError unless `dropUnsupportedParams`). */
export function presetRefusals(preset: OpenAICompatiblePreset): string[] {
  const quirks = preset.quirks
  const refused = Object.keys(quirks.rejectedParams ?? {}).map((param) => `\`${param}\``)
  if (quirks.rejectsMessageName === true) refused.push('`name` on messages')
  if (quirks.maxChoices !== undefined) refused.push(`\`n\` above ${quirks.maxChoices}`)
  if (quirks.maxTools !== undefined) refused.push(`more than ${quirks.maxTools} tools`)
  return refused
}

/** How requests to a preset differ from OpenAI's. */
export function presetDifferences(preset: OpenAICompatiblePreset): string[] {
  const quirks = preset.quirks
  const notes: string[] = []
  if (quirks.developerAsSystem === true) notes.push('`developer` sent as `system`')
  if (quirks.requestStreamUsage === true) notes.push('asks for stream usage (`stream_options.include_usage`)')
  if (quirks.maxTemperature !== undefined) notes.push(`temperature up to ${quirks.maxTemperature}`)
  return notes
}

/** The presets table (Markdown). */
export function presetsTable(presets: readonly OpenAICompatiblePreset[] = OPENAI_COMPATIBLE_PRESETS): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`
  const header = ['Provider', 'Base URL', 'Key', 'Refused before sending', 'Requests differ by']
  const rows = presets.map((preset) => [
    `\`${preset.id}\``,
    preset.defaultBaseURL === undefined ? `required (\`${preset.baseURLEnvVar}\`)` : `\`${preset.defaultBaseURL}\``,
    `\`${preset.apiKeyEnvVar}\`${preset.apiKeyOptional ? ' (optional)' : ''}`,
    preset.unavailable !== undefined
      ? '**every request** (unavailable, see below)'
      : presetRefusals(preset).join(', ') || '—',
    presetDifferences(preset).join('; ') || '—',
  ])
  return [
    '<!-- Generated from the presets by scripts/provider-tables.ts; edit the data, not this table. -->',
    line(header),
    line(header.map(() => '---')),
    ...rows.map(line),
  ].join('\n')
}
