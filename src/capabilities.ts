/**
 * The capability vocabulary shared by every provider's model table, and the lookup that
 * validation, model-name types and the generated docs all derive from.
 */

/** `reasoning_effort` values as OpenAI names them. */
export type ReasoningEffort = 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' | 'max'

/** What one model can do through its provider's chat API. `true` means supported. */
export interface ModelFeatures {
  /** Chat completions endpoint. */
  readonly chat: boolean
  /** `stream: true`. */
  readonly streaming: boolean
  /** `response_format: { type: 'json_object' }`. */
  readonly jsonMode: boolean
  /** `response_format: { type: 'json_schema' }` (structured outputs). */
  readonly jsonSchema: boolean
  /** `image_url` content parts. */
  readonly images: boolean
  /** PDF documents (`file` parts with PDF data, or `document_url`). */
  readonly documents: boolean
  /** `input_audio` content parts. */
  readonly audio: boolean
  /** Function calling (`tools`, `tool_choice`). */
  readonly tools: boolean
  /** `n > 1`. */
  readonly n: boolean
  /** Reasoning output (thinking). */
  readonly reasoning: boolean
  /** Predicted outputs (`prediction`). */
  readonly prediction: boolean
  /** Continuing a trailing assistant message (Mistral `prefix: true`). */
  readonly prefix: boolean
  /** Fill-in-the-middle code completion (`suffix`). */
  readonly fim: boolean
}

/** The feature names, in display order. */
export type FeatureName = keyof ModelFeatures

/** The facts of a row that a source can settle: a feature, the context window or the effort list. */
export type ModelCell = FeatureName | 'contextLength' | 'reasoningEfforts'

/**
 * Where a row's facts come from, and when that source was read against the row. The docs print it
 * beside the row so a reader can judge; a row without evidence is published as "unverified".
 */
export interface ModelEvidence {
  /**
   * The public source: a URL, or `owner/repo path@commit` for a file in a public repository
   * (e.g. `mistralai/platform-docs-public src/schema/models/models/codestral-25-08.ts@222f4ba`).
   */
  readonly source: string
  /** ISO date (YYYY-MM-DD) on which the source was checked against the row. */
  readonly checked: string
}

// Kept in a provider's side table (`src/providers/<id>/model-evidence.ts`) rather than on the row, so that
// sources and notes stay out of the first-load bundle: only the docs generator, the `tokenjs` CLI and the
// probes read it.
/** The evidence of one row: its sources, the cells no source settles, and where its retirement comes from. */
export interface ModelRowEvidence {
  /** The sources the row rests on, each with the date it was checked; empty = unverified. */
  readonly evidence: readonly ModelEvidence[]
  /** Cells no source settles (guessed or by analogy): the docs print them as unverified, not ✅/➖. */
  readonly unverified?: readonly ModelCell[]
  /** Where the retirement date and replacement come from, with a note for the docs when needed. */
  readonly retirement?: ModelEvidence & {
    /** E.g. "Mistral named Leanstral 1.5, itself retired; the replacement is token.js's suggestion". */
    readonly note?: string
  }
}

/** A provider's evidence side table: model id → evidence (every id of its model table). */
export type ModelEvidenceTable<Id extends string = string> = Readonly<Record<Id, ModelRowEvidence>>

/** Retirement facts for a deprecated or retired model. */
export interface ModelRetirement {
  /**
   * ISO date (YYYY-MM-DD) on which the provider stops (or stopped) serving the id. A date after today is
   * an announced shutdown (the model is deprecated); it informs errors and docs, never blocks a request.
   */
  readonly retiresOn: string
  /** The id the provider names as the replacement; `undefined` when none was named. */
  readonly replacement?: string
  /** Optional note shown in docs (e.g. "replacement suggested by token.js, not named by Mistral"). */
  readonly note?: string
  /** Where the date and replacement come from (the provider's deprecation notice, changelog or model card). */
  readonly evidence?: ModelEvidence
}

/** One row of a provider's model table. */
export interface ModelRow extends ModelFeatures {
  /** Context window in tokens. */
  readonly contextLength: number
  /**
   * Most tokens the model generates in one answer. Providers that require a limit (Anthropic's
   * `max_tokens`) send it when the caller gives none; absent when unknown.
   */
  readonly maxOutputTokens?: number
  /** For an alias (`mistral-large-latest`), the dated id it points to. */
  readonly aliasOf?: string
  /** Accepted `reasoning_effort` values on the provider's wire; absent when the model takes none. */
  readonly reasoningEfforts?: readonly ReasoningEffort[]
  /** Present when the model is deprecated or retired. */
  readonly retirement?: ModelRetirement
  // Built-in tables keep their labels in the provider's side table (`labels` in `model-evidence.ts`), out of
  // the first-load bundle.
  /** Short human description (family and version) for docs; absent on the built-in tables' rows. */
  readonly label?: string
  /** Third-party model served by the provider (different quirks). */
  readonly thirdParty?: boolean
  /** The sources the row rests on, each with the date it was checked; absent = the row is unverified. */
  readonly evidence?: readonly ModelEvidence[]
  /** Cells no source settles (guessed or by analogy): the docs print them as unverified, not ✅/➖. */
  readonly unverified?: readonly ModelCell[]
}

/** A provider's model table: model id → row. */
export type ModelTable = Readonly<Record<string, ModelRow>>

/** Labels for each feature, used in errors and docs. */
export const featureLabels: Readonly<Record<FeatureName, string>> = {
  chat: 'chat completions',
  streaming: 'streaming',
  jsonMode: 'JSON mode',
  jsonSchema: 'JSON schema outputs',
  images: 'images',
  documents: 'documents',
  audio: 'audio input',
  tools: 'tools',
  n: 'n > 1',
  reasoning: 'reasoning',
  prediction: 'predicted outputs',
  prefix: 'assistant prefix',
  fim: 'fill-in-the-middle',
}

/** Whether a row is retired at `now` (its retirement date has passed). */
export function isRetired(
  row: {
    /** The row's retirement, if it has one. */
    readonly retirement?: ModelRetirement | undefined
  },
  now: number = Date.now(),
): boolean {
  return row.retirement !== undefined && Date.parse(row.retirement.retiresOn) <= now
}

/** `output_dtype` values an embedding model can return (Mistral's names). */
export type EmbeddingDtype = 'float' | 'int8' | 'uint8' | 'binary' | 'ubinary'

/** One row of a provider's embedding-model table. */
export interface EmbeddingModelRow {
  /** Short human description for docs. */
  readonly label: string
  /** Length of the vectors returned when no dimension is asked for. */
  readonly defaultDimensions: number
  /** Largest `dimensions` accepted; absent when the model returns only `defaultDimensions` (no `dimensions` parameter). */
  readonly maxDimensions?: number
  /** `output_dtype` values accepted besides `float`; empty when only floats are returned. */
  readonly outputDtypes: readonly EmbeddingDtype[]
  /** Tokens one input may hold. */
  readonly contextLength: number
  /** For an alias, the dated id it points to. */
  readonly aliasOf?: string
  /** Present when the model is deprecated or retired. */
  readonly retirement?: ModelRetirement
  /** The sources the row rests on, each with the date it was checked; absent = the row is unverified. */
  readonly evidence?: readonly ModelEvidence[]
}

/** A provider's embedding-model table: model id → row. */
export type EmbeddingModelTable = Readonly<Record<string, EmbeddingModelRow>>

/** Ids of rows written with a `retirement`. */
type RetiredKeys<Rows> = {
  [Id in keyof Rows]: Rows[Id] extends { readonly retirement: object } ? Id : never
}[keyof Rows]
/** A row with a retirement. */
export type RetiringModelRow = ModelRow & {
  /** When the provider retires (or retired) the model, and what replaces it. */
  readonly retirement: ModelRetirement
}
/** A model table's type: its current ids and its ids with a retirement. */
export type ModelTableOf<Current extends string, Retiring extends string> = Readonly<Record<Current, ModelRow>> &
  Readonly<Record<Retiring, RetiringModelRow>>
/** The ids of a table without a retirement (no `string` index signature: nothing to suggest there). */
export type CurrentModelId<Table> = {
  [Id in keyof Table]: string extends Id ? never : Table[Id] extends { readonly retirement: object } ? never : Id
}[keyof Table] &
  string

/**
 * Declares a model table; its type keeps only the ids, current and retiring apart (small declarations,
 * suggestions of current ids). A row from a helper counts as retiring when the helper's type says so.
 */
export function defineModelTable<const Rows extends Record<string, ModelRow>>(
  rows: Rows,
): ModelTableOf<Extract<Exclude<keyof Rows, RetiredKeys<Rows>>, string>, Extract<RetiredKeys<Rows>, string>> {
  return rows as never
}
