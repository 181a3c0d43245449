/** `tokenjs models [--all] [--live]`: the capability table from token.js's data, or the provider's own list. */
import { parseArgs } from 'node:util'
import type { ModelRow } from '../capabilities.js'
import { mistralModels } from '../providers/mistral/models.js'
import { capabilityColumns, formatContextLength } from './capability-columns.js'
import { CliError, paint, renderColumns } from './terminal.js'

export const MODELS_HELP = `Usage: tokenjs models [options]

Prints the Mistral models token.js knows, with what each supports (from token.js's data).

Options:
      --all      include deprecated and retired ids, with their replacement
      --live     ask the provider instead: GET \${MISTRAL_BASE_URL}/models with MISTRAL_API_KEY
  -h, --help     show this help

Unknown model ids are accepted by token.js too; this table only says what is checked before sending.`

const DEFAULT_BASE_URL = 'https://api.mistral.ai/v1'

export async function modelsCommand(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: { all: { type: 'boolean' }, live: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  })
  if (values.help === true) {
    process.stdout.write(`${MODELS_HELP}\n`)
    return 0
  }
  const lines = values.live === true ? await liveTable() : staticTable(values.all === true)
  process.stdout.write(`${lines.join('\n')}\n`)
  return 0
}

const yes = (): string => paint('green', '✓')
const no = (): string => paint('dim', '·')

function staticTable(all: boolean): string[] {
  const entries = Object.entries(mistralModels as Record<string, ModelRow>)
  const current = entries.filter(([, row]) => row.retirement === undefined)
  const header = ['model', 'context', ...capabilityColumns.map((column) => column.short)]
  const rows = current.map(([id, row]) => [
    id,
    formatContextLength(row.contextLength),
    ...capabilityColumns.map((column) => (row[column.feature] ? yes() : no())),
  ])
  const lines = renderColumns([header.map((cell) => paint('bold', cell)), ...rows])
  const old = entries.filter(([, row]) => row.retirement !== undefined)
  if (!all) {
    lines.push('', paint('dim', `${old.length} deprecated or retired ids not shown (tokenjs models --all lists them).`))
    return lines
  }
  lines.push('', paint('bold', 'Deprecated or retired'))
  lines.push(
    ...renderColumns([
      ['model', 'retires on', 'use instead'].map((cell) => paint('bold', cell)),
      ...old.map(([id, row]) => [id, row.retirement?.retiresOn ?? '', row.retirement?.replacement ?? '']),
    ]),
  )
  return lines
}

interface LiveCard {
  id?: unknown
  max_context_length?: unknown
  capabilities?: Record<string, unknown>
  deprecation?: unknown
  deprecation_replacement_model?: unknown
}

async function liveTable(): Promise<string[]> {
  const key = process.env.MISTRAL_API_KEY
  if (key === undefined || key === '')
    throw new CliError('tokenjs models --live needs MISTRAL_API_KEY (environment or ./.env).')
  const baseURL = (process.env.MISTRAL_BASE_URL || DEFAULT_BASE_URL).replace(/\/+$/, '')
  let response: Response
  try {
    response = await fetch(`${baseURL}/models`, {
      headers: { authorization: `Bearer ${key}`, accept: 'application/json' },
    })
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    throw new CliError(`Could not reach ${baseURL}: ${cause?.code ?? cause?.message ?? (error as Error).message}.`)
  }
  const text = await response.text()
  if (!response.ok) throw new CliError(`${baseURL}/models answered ${response.status}: ${errorMessage(text)}`)
  let cards: LiveCard[]
  try {
    cards = (JSON.parse(text) as { data: LiveCard[] }).data
    if (!Array.isArray(cards)) throw new Error('no data array')
  } catch {
    throw new CliError(`${baseURL}/models did not answer with a model list.`)
  }
  const flag = (card: LiveCard, name: string): string => (card.capabilities?.[name] === true ? yes() : no())
  const rows = cards
    .filter((card) => typeof card.id === 'string')
    .sort((a, b) => String(a.id).localeCompare(String(b.id)))
    .map((card) => [
      String(card.id),
      typeof card.max_context_length === 'number' ? formatContextLength(card.max_context_length) : '?',
      flag(card, 'completion_chat'),
      flag(card, 'function_calling'),
      flag(card, 'vision'),
      flag(card, 'audio'),
      flag(card, 'reasoning'),
      flag(card, 'completion_fim'),
      typeof card.deprecation === 'string'
        ? `retires ${card.deprecation.slice(0, 10)}${typeof card.deprecation_replacement_model === 'string' ? ` → ${card.deprecation_replacement_model}` : ''}`
        : '',
    ])
  const header = ['model', 'context', 'chat', 'tools', 'vision', 'audio', 'reason', 'fim', 'deprecation']
  return [
    paint('dim', `From ${baseURL}/models:`),
    ...renderColumns([header.map((cell) => paint('bold', cell)), ...rows]),
  ]
}

function errorMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: unknown; detail?: unknown }
    if (typeof body.message === 'string') return body.message
    if (typeof body.detail === 'string') return body.detail
  } catch {
    // not JSON
  }
  return text.slice(0, 200)
}
