/**
 * `npm run docs:api`: the API reference of `token.js` and `@tokenjs/emulator`, generated from the
 * JSDoc with TypeDoc into docs/api/ (gitignored). Every public declaration without JSDoc is reported
 * (TypeDoc's `notDocumented` validation); `--strict` makes such gaps fail the run. TypeDoc also counts
 * every row of the inferred model tables; the check `npm test` runs is scripts/api-docs-check.ts.
 */
import { rm } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { Application, LogLevel } from 'typedoc'

const root = fileURLToPath(new URL('..', import.meta.url))
const out = `${root}docs/api`
const strict = process.argv.includes('--strict')

const app = await Application.bootstrapWithPlugins({
  name: 'token.js',
  entryPoints: [`${root}src/index.ts`, `${root}packages/emulator/src/index.ts`],
  tsconfig: `${root}tsconfig.json`,
  out,
  // The README links to files of the repository; the reference starts at the module index instead.
  readme: 'none',
  disableSources: true,
  excludePrivate: true,
  excludeProtected: true,
  excludeInternal: true,
  // Type errors are `npm run typecheck`'s job; the reference is built from the declarations.
  skipErrorChecking: true,
  validation: { notExported: true, invalidLink: true, notDocumented: true },
  logLevel: LogLevel.Warn,
  treatWarningsAsErrors: false,
})

const project = await app.convert()
if (project === undefined) {
  console.error('docs:api: TypeDoc could not convert the entry points.')
  process.exit(1)
}
app.validate(project)
const gaps = app.logger.warningCount
await rm(out, { recursive: true, force: true })
await app.generateOutputs(project)
console.log(
  `docs:api: wrote ${out} (${gaps} warning${gaps === 1 ? '' : 's'}, mostly public declarations without JSDoc).`,
)
if (strict && gaps > 0) process.exitCode = 1
