/** `value` as text for a test message: a string as it is, anything else as `String()` shows it. */
export const text = (value: unknown): string => (typeof value === 'string' ? value : String(value))

/** JSON.stringify, typed as it behaves: undefined for undefined, functions and symbols. */
export const stringify: (value: unknown) => string | undefined = JSON.stringify
