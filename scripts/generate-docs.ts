/**
 * `npm run docs` writes the generated parts of the docs from the data; `npm run docs:check` (or
 * `--check`) fails when a committed file differs from what the data generates.
 *
 * Generated parts, each between markers (the text outside the markers is written by hand):
 * - `docs/providers/<id>.md`: `<!-- compatibility -->` … `<!-- end compatibility -->`, the supported-models
 *   tables from the provider's model rows (e.g. `mistralModels`).
 * - `README.md`: `<!-- providers -->` … `<!-- end providers -->`, the provider list and a summary table.
 * - Any of those files: `<!-- example: examples/x.ts -->` … `<!-- end example -->`, the example file's
 *   code, verbatim (the examples themselves are run by test/examples).
 */
import { presetsTable } from './provider-tables.js'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ModelCell, ModelEvidence, ModelRow, ModelRowEvidence, ModelTable } from '../src/capabilities.js'
import { capabilityColumns, featuresWithoutColumn } from '../src/cli/capability-columns.js'
import type { ProviderAdapter } from '../src/core/provider-adapter.js'
import { providers } from '../src/providers/index.js'
import { checkedAsOf, providerEvidence, type ProviderEvidence } from '../src/providers/model-evidence.js'

export const repositoryRoot = fileURLToPath(new URL('..', import.meta.url))

/** Providers whose per-model table is repeated in the README (the rest link to their page). */
const README_MODEL_TABLES: readonly string[] = []

const YES = '✅'
const PROVIDER_NO = '➖'
const TOKENJS_NO = '❌'
const UNVERIFIED = '❔'

export interface DocFile {
  /** Path relative to the repository root. */
  readonly path: string
  /** The file as committed (empty when missing). */
  readonly current: string
  /** The file as the data generates it. */
  readonly generated: string
}

/** Every generated file, with its current and generated text. */
export function generateDocs(root: string = repositoryRoot): DocFile[] {
  const files: DocFile[] = []
  const read = (path: string): string => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : '')
  for (const provider of Object.values(providers) as ProviderAdapter[]) {
    const path = `docs/providers/${provider.id}.md`
    const current = read(path)
    // A provider without a hand-written page gets a page generated entirely from its adapter.
    const page = current === '' ? providerPageTemplate(provider) : current
    let generated = replaceBetween(
      page,
      '<!-- compatibility -->',
      '<!-- end compatibility -->',
      compatibilitySection(provider.displayName, provider.models, providerEvidence[provider.id]),
      path,
    )
    if (generated.includes('<!-- presets -->')) {
      generated = replaceBetween(generated, '<!-- presets -->', '<!-- end presets -->', presetsTable(), path)
    }
    generated = includeExamples(generated, root, path)
    files.push({ path, current, generated })
  }
  const readme = read('README.md')
  let generatedReadme = replaceBetween(
    readme,
    '<!-- providers -->',
    '<!-- end providers -->',
    providersSection(),
    'README.md',
  )
  generatedReadme = includeExamples(generatedReadme, root, 'README.md')
  files.push({ path: 'README.md', current: readme, generated: generatedReadme })
  // The guide (everything past the README's quick start) shows examples the same way.
  const guide = read('docs/guide.md')
  files.push({ path: 'docs/guide.md', current: guide, generated: includeExamples(guide, root, 'docs/guide.md') })
  return files
}

/** Replaces the text between two marker lines (markers kept). */
export function replaceBetween(text: string, start: string, end: string, content: string, path: string): string {
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from === -1 || to === -1 || to < from) throw new Error(`${path}: markers ${start} … ${end} not found.`)
  return `${text.slice(0, from + start.length)}\n${content.trim()}\n${text.slice(to)}`
}

const EXAMPLE = /<!-- example: (\S+) -->\n[\s\S]*?<!-- end example -->/g

/** Fills every `<!-- example: path -->` block with the file's code. */
export function includeExamples(text: string, root: string, path: string): string {
  return text.replace(EXAMPLE, (_match, file: string) => {
    const source = join(root, file)
    if (!existsSync(source)) throw new Error(`${path}: example ${file} does not exist.`)
    const code = readFileSync(source, 'utf8').replace(/\s+$/, '')
    return `<!-- example: ${file} -->\n\`\`\`ts\n${code}\n\`\`\`\n<!-- end example -->`
  })
}

/** Exact token counts in the docs: `131,072`. */
function formatContextLength(tokens: number): string {
  return tokens > 0 ? tokens.toLocaleString('en-US') : 'unknown'
}

/** A whole page for a provider that has no hand-written one. */
export function providerPageTemplate(provider: ProviderAdapter): string {
  const docsURL = (provider as { docsURL?: string }).docsURL
  const lines = [
    `# ${provider.displayName}`,
    '',
    '<!-- Generated by `npm run docs` from the provider adapter (src/providers/). Replace it with a hand-written page that keeps the compatibility markers. -->',
    '',
  ]
  if (provider.unavailable !== undefined) lines.push(`> **Unavailable:** ${provider.unavailable}`, '')
  lines.push(
    '## Setup',
    '',
    `Call it with \`provider: '${provider.id}'\`; everything else is as in the [README](../../README.md#usage).`,
    '',
    `- Key: \`${provider.apiKeyEnvVar}\`${provider.apiKeyOptional ? ' (optional: local servers usually need none)' : ''}, or \`new TokenJS({ apiKey })\`.`,
    `- Endpoint: \`${provider.baseURLEnvVar}\`, or \`new TokenJS({ baseURL })\`; ${
      provider.defaultBaseURL === undefined
        ? 'there is no default, so one of them is required.'
        : `default \`${provider.defaultBaseURL}\`.`
    }`,
    '',
    '<!-- compatibility -->',
    '<!-- end compatibility -->',
  )
  if (docsURL !== undefined)
    lines.push('', '## Additional resources', '', `- [${provider.displayName} documentation](${docsURL})`)
  return `${lines.join('\n')}\n`
}

/** A feature cell: ✅ / ➖ when a checked source settles it, ❔ (unverified) otherwise. */
function cell(
  row: ModelRow,
  feature: (typeof capabilityColumns)[number]['feature'],
  evidence: ModelRowEvidence | undefined,
): string {
  if (!isVerified(evidence, feature)) return UNVERIFIED
  return row[feature] ? YES : PROVIDER_NO
}

function isVerified(evidence: ModelRowEvidence | undefined, cell: ModelCell): boolean {
  return evidence !== undefined && evidence.evidence.length > 0 && !(evidence.unverified ?? []).includes(cell)
}

function contextCell(row: ModelRow, evidence: ModelRowEvidence | undefined): string {
  const tokens = formatContextLength(row.contextLength)
  return isVerified(evidence, 'contextLength') ? tokens : `${tokens} ${UNVERIFIED}`
}

/** A row counts as current in the docs until its shutdown date has passed on the table's "as of" date. */
function isCurrentAsOf(row: ModelRow, asOf: string | undefined): boolean {
  return row.retirement === undefined || (asOf !== undefined && row.retirement.retiresOn > asOf)
}

/** Numbers the distinct sources of a table in order of first use; `refs` gives a row's numbers. */
class SourceList {
  private readonly numbers = new Map<string, number>()
  private readonly items: ModelEvidence[] = []
  refs(evidence: readonly ModelEvidence[]): string {
    if (evidence.length === 0) return 'unverified'
    const refs = evidence.map((item) => {
      const key = `${item.source} ${item.checked}`
      let number = this.numbers.get(key)
      if (number === undefined) {
        this.items.push(item)
        number = this.items.length
        this.numbers.set(key, number)
      }
      return `[${number}]`
    })
    return [...new Set(refs)].join(' ')
  }
  markdown(): string[] {
    return this.items.map((item, index) => {
      const source = /^https?:\/\//.test(item.source) ? `<${item.source}>` : `\`${item.source}\``
      return `${index + 1}. ${source}, checked ${item.checked}`
    })
  }
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

function modelName(row: ModelRow): string {
  const parts = [row.label]
  if (row.thirdParty === true) parts.push('(third-party)')
  if (row.aliasOf !== undefined) parts.push(`(alias of \`${row.aliasOf}\`)`)
  return parts.join(' ')
}

function retirementSource(row: ModelRow, evidence: ModelRowEvidence | undefined): ModelEvidence[] {
  return row.retirement === undefined || evidence?.retirement === undefined ? [] : [evidence.retirement]
}

function shutdownNote(row: ModelRow): string {
  const retirement = row.retirement
  if (retirement === undefined) return ''
  const instead = retirement.replacement === undefined ? '' : `; use \`${retirement.replacement}\``
  return ` (shuts down ${retirement.retiresOn}${instead})`
}

/** The supported-models section of a provider page. */
export function compatibilitySection(displayName: string, models: ModelTable, evidence?: ProviderEvidence): string {
  const entries = Object.entries(models)
  if (entries.length === 0) {
    return [
      '<!-- Generated from the model rows by `npm run docs`; edit the data, not this text. -->',
      '## Supported models',
      '',
      `token.js keeps no model table for ${displayName}: every model id is accepted and sent as is, and no feature is checked before sending (the server decides). Declare a model's features with \`extendModelList\` to have its requests checked.`,
    ].join('\n')
  }
  const asOf = checkedAsOf(evidence)
  const current = entries.filter(([, row]) => isCurrentAsOf(row, asOf))
  const old = entries.filter(([, row]) => !isCurrentAsOf(row, asOf))
  const sources = new SourceList()
  const rowEvidence = (id: string): ModelRowEvidence | undefined => evidence?.rows[id]
  const name = (id: string, row: ModelRow): string =>
    modelName({ ...row, label: evidence?.labels[id] ?? row.label ?? id })
  const featureHeader = capabilityColumns.map((column) => column.title)
  const currentTable = table(
    ['Model', 'Name', 'Context', ...featureHeader, 'Sources'],
    current.map(([id, row]) => [
      `\`${id}\``,
      `${name(id, row)}${shutdownNote(row)}`,
      contextCell(row, rowEvidence(id)),
      ...capabilityColumns.map((column) => cell(row, column.feature, rowEvidence(id))),
      sources.refs([...(rowEvidence(id)?.evidence ?? []), ...retirementSource(row, rowEvidence(id))]),
    ]),
  )
  const oldTable = table(
    ['Model', 'Name', 'Retirement date', 'Use instead', 'Note', 'Source'],
    old.map(([id, row]) => {
      const retirement = rowEvidence(id)?.retirement
      return [
        `\`${id}\``,
        name(id, row),
        row.retirement?.retiresOn ?? '',
        row.retirement?.replacement === undefined ? '' : `\`${row.retirement.replacement}\``,
        retirement?.note ?? row.retirement?.note ?? '',
        sources.refs([...(retirement === undefined ? [] : [retirement]), ...(rowEvidence(id)?.evidence ?? [])]),
      ]
    }),
  )
  const legend = table(
    ['Symbol', 'Meaning'],
    [
      [YES, `Supported: token.js sends the parameter to ${displayName} and maps the answer back to OpenAI's format.`],
      [
        PROVIDER_NO,
        `Not supported by ${displayName} for this model: token.js refuses the request before sending it, with an \`InputError\` that names the parameter and a model that supports it.`,
      ],
      [
        TOKENJS_NO,
        `Supported by ${displayName} but not by token.js. No cell above has it: everything ${displayName} offers for these models is mapped.`,
      ],
      [
        UNVERIFIED,
        `Unverified: no checked source settles this cell (the value in token.js's table is a guess or an analogy, and is applied as ${YES}/${PROVIDER_NO} would be). A context length marked ${UNVERIFIED} is the table's reading of a rounded figure.`,
      ],
    ],
  )
  const columns = capabilityColumns.map((column) => `- **${column.title}**: ${column.how}.`)
  const without = Object.entries(featuresWithoutColumn).map(
    ([feature, why]) => `- \`${feature}\` has no column: ${why}.`,
  )
  return [
    '<!-- Generated from the model rows by `npm run docs`; edit the data, not this table. -->',
    '## Supported models',
    '',
    `### Current models (${current.length} ids)`,
    '',
    currentTable,
    '',
    `Context is the context window in tokens. Model ids not listed here are accepted too and sent as they are; nothing is checked for them. A model with an announced shutdown date says so beside its name; the date informs errors and these docs and never blocks a request. The table is as of ${asOf ?? 'an unknown date'} (the newest check date of its sources).`,
    '',
    `### Deprecated and retired models (${old.length} ids)`,
    '',
    `Ids ${displayName} has shut down, with the replacement it names. token.js does not block them: the request is sent and ${displayName} decides, and when it answers that the model does not exist the error names the replacement.`,
    '',
    oldTable,
    '',
    '### Sources',
    '',
    `Every row cites the public sources it rests on (a page, or a repository file at a commit) and the date each was checked; a row without one is published as ${UNVERIFIED} unverified. How often the table is checked, and how to override a row, is in the guide's [model catalogue](../guide.md#model-catalogue) section.`,
    '',
    ...sources.markdown(),
    '',
    '### Legend',
    '',
    legend,
    '',
    '### Columns',
    '',
    ...columns,
    ...without,
  ].join('\n')
}

/** The README's provider list and summary table. */
export function providersSection(): string {
  const list = (Object.values(providers) as ProviderAdapter[]).map((provider) => {
    const entries = Object.values(provider.models)
    const asOf = checkedAsOf(providerEvidence[provider.id])
    const current = entries.filter((row) => isCurrentAsOf(row, asOf)).length
    const url =
      provider.defaultBaseURL === undefined ? 'no default: required' : `default \`${provider.defaultBaseURL}\``
    const models =
      entries.length === 0
        ? 'any model id (no table)'
        : `${current} current model ids${entries.length > current ? `, ${entries.length - current} shut-down ones listed` : ''}`
    const unavailable = provider.unavailable === undefined ? '' : ' **Unavailable** (see its page).'
    return (
      `- [${provider.displayName}](docs/providers/${provider.id}.md): \`provider: '${provider.id}'\`, key \`${provider.apiKeyEnvVar}\`` +
      `${provider.apiKeyOptional ? ' (optional)' : ''}, endpoint \`${provider.baseURLEnvVar}\` (${url}); ${models}.${unavailable}`
    )
  })
  const features = capabilityColumns.filter((column) => column.feature !== 'chat')
  // One row per provider with a model table: how many of its current ids offer each feature.
  const withTables = (Object.values(providers) as ProviderAdapter[]).filter(
    (provider) => Object.keys(provider.models).length > 0,
  )
  const overview = table(
    ['Provider', 'Current ids', ...features.map((column) => column.title)],
    withTables.map((provider) => {
      const asOf = checkedAsOf(providerEvidence[provider.id])
      const current = Object.values(provider.models).filter((row) => isCurrentAsOf(row, asOf))
      return [
        `[${provider.displayName}](docs/providers/${provider.id}.md)`,
        String(current.length),
        ...features.map((column) => String(current.filter((row) => row[column.feature]).length)),
      ]
    }),
  )
  const perModel = withTables
    .filter((provider) => README_MODEL_TABLES.includes(provider.id))
    .map((provider) => {
      // One row per current model, aliases folded into the id they point to.
      const evidence = providerEvidence[provider.id]
      const asOf = checkedAsOf(evidence)
      const current = Object.entries(provider.models).filter(([, row]) => isCurrentAsOf(row, asOf))
      const aliases = new Map<string, string[]>()
      for (const [id, row] of current) {
        if (row.aliasOf !== undefined) aliases.set(row.aliasOf, [...(aliases.get(row.aliasOf) ?? []), id])
      }
      const rows = current
        .filter(([, row]) => row.aliasOf === undefined)
        .map(([id, row]) => [
          `\`${id}\`${(aliases.get(id) ?? []).map((alias) => `<br>\`${alias}\``).join('')}`,
          contextCell(row, evidence?.rows[id]),
          ...features.map((column) => cell(row, column.feature, evidence?.rows[id])),
        ])
      return [
        `**${provider.displayName}**, current models with their aliases (${YES} supported, ${PROVIDER_NO} not offered by ${provider.displayName} for that model, ${UNVERIFIED} unverified; sources, retired ids and the legend are in [docs/providers/${provider.id}.md](docs/providers/${provider.id}.md)):`,
        '',
        table(['Model', 'Context', ...features.map((column) => column.title)], rows),
      ].join('\n')
    })
  const summaries = [
    'How many current model ids of each provider offer each feature (providers without a model table accept any id and check nothing):',
    '',
    overview,
    ...perModel.flatMap((section) => ['', section]),
  ]
  return [
    '<!-- Generated by `npm run docs` from the model rows; edit the data, not this list. -->',
    ...list,
    '',
    ...summaries,
  ].join('\n')
}

function main(): void {
  const check = process.argv.includes('--check')
  const files = generateDocs()
  const drifted = files.filter((file) => file.current !== file.generated)
  if (check) {
    if (drifted.length === 0) {
      console.log(`docs:check: ${files.length} files match the data.`)
      return
    }
    for (const file of drifted) console.error(`docs:check: ${file.path} differs from what the data generates.`)
    console.error('Run `npm run docs` and commit the result.')
    process.exitCode = 1
    return
  }
  for (const file of drifted) writeFileSync(join(repositoryRoot, file.path), file.generated)
  console.log(
    drifted.length === 0
      ? `docs: ${files.length} files already up to date.`
      : `docs: updated ${drifted.map((file) => relative('.', join(repositoryRoot, file.path))).join(', ')}.`,
  )
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main()
