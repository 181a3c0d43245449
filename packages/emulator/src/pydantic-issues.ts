/**
 * Pydantic-v2-style validation issues, as FastAPI puts them in a 422 body's `detail` list.
 * The emulator builds every 422 from these so the wording stays in one place.
 */

/** One path segment of `loc`: an object key or an array index. */
export type LocSegment = string | number

/** One entry of a 422 `detail` list. */
export interface ValidationIssue {
  readonly type: string
  readonly loc: readonly LocSegment[]
  readonly msg: string
  readonly input: unknown
  readonly ctx?: Readonly<Record<string, unknown>>
}

/** Issues collect into one list, like pydantic (it does not stop at the first). */
export type IssueSink = ValidationIssue[]

/** Pydantic renders choices as `'a', 'b' or 'c'`. */
export function quoteChoices(values: readonly string[]): string {
  const quoted = values.map((value) => `'${value}'`)
  if (quoted.length <= 1) return quoted.join('')
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`
}

export function issue(
  type: string,
  loc: readonly LocSegment[],
  msg: string,
  input: unknown,
  ctx?: Record<string, unknown>,
): ValidationIssue {
  return ctx === undefined ? { type, loc, msg, input } : { type, loc, msg, input, ctx }
}

/** Messages for the issue types that carry no parameters. */
export const plainMessages = {
  missing: 'Field required',
  extra_forbidden: 'Extra inputs are not permitted',
  string_type: 'Input should be a valid string',
  bool_type: 'Input should be a valid boolean',
  int_type: 'Input should be a valid integer',
  int_from_float: 'Input should be a valid integer, got a number with a fractional part',
  float_type: 'Input should be a valid number',
  list_type: 'Input should be a valid list',
  dict_type: 'Input should be a valid dictionary',
  model_type: 'Input should be a valid dictionary or object to extract fields from',
  model_attributes_type: 'Input should be a valid dictionary or object to extract fields from',
  uuid_parsing: 'Input should be a valid UUID',
} as const

export type PlainIssueType = keyof typeof plainMessages

export function plainIssue(type: PlainIssueType, loc: readonly LocSegment[], input: unknown): ValidationIssue {
  return issue(type, loc, plainMessages[type], input)
}
