/**
 * `npx tsx test/packaging/import-time.ts`: builds, packs and installs the package into a scratch project,
 * then prints the cold `await import('token.js')` time (median of 5 fresh Node processes). Timing is
 * noisy on a shared machine, so this reports and never fails on the figure (target ≤ 10 ms).
 */
import { rm } from 'node:fs/promises'
import { buildPackInstall, describeImportTime, measureImportTime } from './support.js'

const packed = await buildPackInstall()
try {
  console.log(describeImportTime(await measureImportTime(packed.consumerDir)))
} finally {
  await rm(packed.workDir, { recursive: true, force: true })
}
