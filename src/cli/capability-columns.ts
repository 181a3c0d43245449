/**
 * The capability columns shown by `tokenjs models` and the generated docs tables, in one order.
 * Every feature of `ModelFeatures` has a column or a reason in `featuresWithoutColumn` (tested).
 */
import type { FeatureName } from '../capabilities.js'

export interface CapabilityColumn {
  readonly feature: FeatureName
  /** Header in the docs tables. */
  readonly title: string
  /** Header in the terminal table. */
  readonly short: string
  /** The OpenAI-format parameter or message part that uses the feature. */
  readonly how: string
}

export const capabilityColumns: readonly CapabilityColumn[] = [
  { feature: 'chat', title: 'Chat', short: 'chat', how: '`chat.completions.create`' },
  { feature: 'streaming', title: 'Streaming', short: 'stream', how: '`stream: true`' },
  { feature: 'jsonMode', title: 'JSON mode', short: 'json', how: "`response_format: { type: 'json_object' }`" },
  { feature: 'jsonSchema', title: 'JSON schema', short: 'schema', how: "`response_format: { type: 'json_schema' }`" },
  { feature: 'images', title: 'Images', short: 'image', how: '`image_url` content parts' },
  { feature: 'documents', title: 'Documents', short: 'pdf', how: '`file` content parts with PDF data' },
  { feature: 'audio', title: 'Audio', short: 'audio', how: '`input_audio` content parts' },
  { feature: 'tools', title: 'Tools', short: 'tools', how: '`tools`, `tool_choice`' },
  { feature: 'n', title: 'n > 1', short: 'n>1', how: '`n` greater than 1' },
  { feature: 'reasoning', title: 'Reasoning', short: 'reason', how: '`reasoning_effort`, `message.reasoning_content`' },
  { feature: 'prediction', title: 'Predicted outputs', short: 'predict', how: '`prediction`' },
  {
    feature: 'prefix',
    title: 'Prefix',
    short: 'prefix',
    how: 'a trailing assistant message is continued (`prefix: true`)',
  },
  {
    feature: 'fim',
    title: 'FIM',
    short: 'fim',
    how: 'fill-in-the-middle: `completions.create` with `prompt` and `suffix`',
  },
]

/** Features in the data with no column, and why (none today). */
export const featuresWithoutColumn: Readonly<Partial<Record<FeatureName, string>>> = {}

/** Compact, for the terminal: `131072` → `128k`, `1048576` → `1M`, `400000` → `400k`, `1050000` → `1.05M`. */
export function formatContextLength(tokens: number): string {
  if (tokens <= 0) return '?'
  if (tokens % 1_048_576 === 0) return `${tokens / 1_048_576}M`
  if (tokens % 1024 === 0) return `${tokens / 1024}k`
  if (tokens >= 1_000_000) return `${Number((tokens / 1_000_000).toFixed(2))}M`
  if (tokens >= 1000) return `${Number((tokens / 1000).toFixed(1))}k`
  return String(tokens)
}
