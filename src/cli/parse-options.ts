/**
 * `node:util` parseArgs with the CLI's own usage errors: an unknown flag names the closest known one
 * ("did you mean --temperature?") instead of parseArgs's advice about `--` and quoting.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { closestName } from '../core/closest-name.js'
import { CliError } from './terminal.js'

type Options = NonNullable<ParseArgsConfig['options']>

export function parseOptions<T extends Options>(
  command: string,
  argv: readonly string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals })
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw error
    const flag = /^Unknown option '([^']+)'/.exec((error as Error).message)?.[1] ?? String(argv[0])
    const flags = Object.entries(options).flatMap(([name, option]) => [
      `--${name}`,
      ...(option.short === undefined ? [] : [`-${option.short}`]),
    ])
    const suggestion = flag.startsWith('--')
      ? closestName(
          flag,
          flags.filter((name) => name.startsWith('--')),
        )
      : undefined
    const hint = suggestion === undefined ? '' : `; did you mean '${suggestion}'?`
    throw new CliError(`Unknown option '${flag}'${hint} (tokenjs ${command} --help)`, 2)
  }
}
