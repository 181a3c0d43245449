/**
 * The emulator's own vocabulary for a served model: what a provider's API accepts for an id. The shapes
 * match token.js's capability rows field for field (so a table of either kind can be passed as
 * `models`), but they are declared here: the emulator stands in for the provider and never reads the
 * SDK's tables or modules.
 */

/** `reasoning_effort` values as OpenAI names them. */
export type ReasoningEffort = 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' | 'max'

/** What one model accepts through its provider's chat API. `true` means the API accepts it. */
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

/** The feature names. */
export type FeatureName = keyof ModelFeatures

/** Retirement facts for a deprecated or retired model. */
export interface ModelRetirement {
  /** ISO date (YYYY-MM-DD) from which the emulator answers the id as the provider does for a retired model. */
  readonly retiresOn: string
  /** The id the provider names as the replacement; `undefined` when none was named. */
  readonly replacement?: string
}

/** One served chat model. */
export interface ModelRow extends ModelFeatures {
  /** Context window in tokens. */
  readonly contextLength: number
  /** Most tokens the model generates in one answer; absent when unknown. */
  readonly maxOutputTokens?: number
  /** For an alias (`mistral-large-latest`), the dated id it points to. */
  readonly aliasOf?: string
  /** Accepted `reasoning_effort` values on the provider's wire; absent when the model takes none. */
  readonly reasoningEfforts?: readonly ReasoningEffort[]
  /** Present when the model is deprecated or retired. */
  readonly retirement?: ModelRetirement
  /** Short human description (family and version), served in model cards where the API has one. */
  readonly label?: string
  /** Third-party model served by the provider. */
  readonly thirdParty?: boolean
}

/** `output_dtype` values an embedding model can return (Mistral's names). */
export type EmbeddingDtype = 'float' | 'int8' | 'uint8' | 'binary' | 'ubinary'

/** One served embedding model. */
export interface EmbeddingModelRow {
  /** Short human description. */
  readonly label: string
  /** Length of the vectors returned when no dimension is asked for. */
  readonly defaultDimensions: number
  /** Largest `dimensions` accepted; absent when the model returns only `defaultDimensions`. */
  readonly maxDimensions?: number
  /** `output_dtype` values accepted besides `float`; empty when only floats are returned. */
  readonly outputDtypes: readonly EmbeddingDtype[]
  /** Tokens one input may hold. */
  readonly contextLength: number
  /** For an alias, the dated id it points to. */
  readonly aliasOf?: string
  /** Present when the model is deprecated or retired. */
  readonly retirement?: ModelRetirement
}

/** Whether a row is retired at `now` (its retirement date has passed). */
export function isRetired(
  row: { readonly retirement?: ModelRetirement | undefined },
  now: number = Date.now(),
): boolean {
  return row.retirement !== undefined && Date.parse(row.retirement.retiresOn) <= now
}
