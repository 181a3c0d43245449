/** One line per failure, no stack: what went wrong and, where we can tell, what to do. */
import { APIConnectionError, AuthenticationError, NotFoundError, isTokenJSError } from '../errors.js'
import { CliError } from './terminal.js'

/** Where the failing request went: its environment variables, for the advice. */
export interface ErrorContext {
  readonly apiKeyEnvVar: string
  readonly baseURLEnvVar: string
  readonly defaultBaseURL: string | undefined
}

const MISTRAL: ErrorContext = {
  apiKeyEnvVar: 'MISTRAL_API_KEY',
  baseURLEnvVar: 'MISTRAL_BASE_URL',
  defaultBaseURL: 'https://api.mistral.ai/v1',
}

export function isUsageError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')
}

export function describeError(error: unknown, command: string | undefined, context: ErrorContext = MISTRAL): string {
  if (error instanceof CliError) return error.message
  if (isUsageError(error)) return `${(error as Error).message} (tokenjs ${command ?? ''} --help)`.replace('  ', ' ')
  if (isTokenJSError(error)) {
    if (error instanceof NotFoundError) return `${error.message} Run tokenjs models to see the models token.js knows.`
    if (error instanceof AuthenticationError) return `${error.message} Check ${context.apiKeyEnvVar}.`
    if (error instanceof APIConnectionError) {
      const cause = (error as { cause?: { code?: string } }).cause
      const where = process.env[context.baseURLEnvVar] || context.defaultBaseURL || context.baseURLEnvVar
      return `Could not reach ${where}: ${error.message}${cause?.code !== undefined && !error.message.includes(cause.code) ? ` (${cause.code})` : ''}`
    }
    return error.message
  }
  return error instanceof Error ? error.message : String(error)
}
