/** `tokenjs models [--all] [--live]`: the capability table from token.js's data, or the provider's own list. */
import { isRetired, type ModelRow } from '../capabilities.js'
import { mistralModels } from '../providers/mistral/models.js'
import { openAIModels } from '../providers/openai/models.js'
import { capabilityColumns, formatContextLength } from './capability-columns.js'
import { parseOptions } from './parse-options.js'
import { CliError, paint, renderColumns } from './terminal.js'

export const MODELS_HELP = `Usage: tokenjs models [options]

Prints the models token.js knows, with what each supports and any announced shutdown date (from
token.js's data; sources and check dates are on docs/providers/<provider>.md).

Options:
      --provider <id>  mistral (default) or openai
      --all            include ids already shut down, with their replacement
      --live           ask the provider instead: GET \${MISTRAL_BASE_URL}/models with MISTRAL_API_KEY (Mistral)
  -h, --help           show this help

Unknown model ids are accepted by token.js too; this table only says what is checked before sending.`

const DEFAULT_BASE_URL = 'https://api.mistral.ai/v1'

export async function modelsCommand(argv: readonly string[]): Promise<number> {
  const { values } = parseOptions('models', argv, {
    all: { type: 'boolean' },
    live: { type: 'boolean' },
    provider: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  })
  if (values.help === true) {
    process.stdout.write(`${MODELS_HELP}\n`)
    return 0
  }
  const provider = values.provider ?? 'mistral'
  const table = TABLES[provider]
  if (table === undefined)
    throw new CliError(
      `tokenjs models knows no table for provider '${provider}'; use ${Object.keys(TABLES).join(' or ')}.`,
    )
  if (values.live === true && provider !== 'mistral') throw new CliError('tokenjs models --live asks Mistral only.')
  const lines = values.live === true ? await liveTable() : staticTable(table, values.all === true)
  process.stdout.write(`${lines.join('\n')}\n`)
  return 0
}

const yes = (): string => paint('green', '✓')
const no = (): string => paint('dim', '·')

const TABLES: Readonly<Record<string, Readonly<Record<string, ModelRow>>>> = {
  mistral: mistralModels,
  openai: openAIModels,
}

/** `2026-12-11 → gpt-6.1-sol` for a row with an announced shutdown date; empty otherwise. */
function shutdown(row: ModelRow): string {
  const retirement = row.retirement
  if (retirement === undefined) return ''
  return `${retirement.retiresOn}${retirement.replacement === undefined ? '' : ` → ${retirement.replacement}`}`
}

function staticTable(table: Readonly<Record<string, ModelRow>>, all: boolean): string[] {
  const now = Date.now()
  const entries = Object.entries(table)
  const current = entries.filter(([, row]) => !isRetired(row, now))
  // The "shuts down" column only when some current model has an announced shutdown date.
  const announced = current.some(([, row]) => row.retirement !== undefined)
  const header = ['model', 'context', ...capabilityColumns.map((column) => column.short)]
  if (announced) header.push('shuts down')
  const rows = current.map(([id, row]) => [
    id,
    formatContextLength(row.contextLength),
    ...capabilityColumns.map((column) => (row[column.feature] ? yes() : no())),
    ...(announced ? [paint('yellow', shutdown(row))] : []),
  ])
  const lines = renderColumns([header.map((cell) => paint('bold', cell)), ...rows])
  const old = entries.filter(([, row]) => isRetired(row, now))
  if (!all) {
    lines.push('', paint('dim', `${old.length} ids already shut down not shown (tokenjs models --all lists them).`))
    return lines
  }
  lines.push('', paint('bold', 'Shut down (requests are still sent; the provider decides)'))
  lines.push(
    ...renderColumns([
      ['model', 'shut down on', 'use instead'].map((cell) => paint('bold', cell)),
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
