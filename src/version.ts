/** The package version, sent in the User-Agent header on Node. Kept in sync by a test. */
export const VERSION = '1.0.0-alpha.0'
