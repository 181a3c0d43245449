/**
 * The JSDoc check `npm test` runs (scripts/api-docs-check.ts) finds every kind of gap it claims to: run on a
 * fixture surface (test/fixtures/api-docs/), it reports exactly the undocumented declarations there, and
 * none of those it must accept (inherited comments, `@internal`, private members, data tables, patterns).
 */
import { expect, test } from 'vitest'
import { findUndocumented } from '../../scripts/api-docs-check.js'
import { root } from '../examples/run-file.js'

test('reports each undocumented reachable declaration of a fixture, and nothing else', () => {
  const gaps = findUndocumented(root, ['test/fixtures/api-docs/index.ts'], ['test/fixtures/api-docs'])
  expect(gaps.map((gap) => gap.name).sort()).toEqual(
    [
      'Base.gapMethod',
      'ExportedNoDocGap',
      'GapAfterFileComment',
      'Hidden',
      'Hidden.gapHiddenMember',
      'Level.GapHigh',
      'Options.gapMember',
      'Options.retry.gapNested',
      'Reply.kind',
      'gapFunction',
      'run(options).gapParameterProperty',
    ].sort(),
  )
  expect(gaps.every((gap) => gap.where.startsWith('test/fixtures/api-docs/'))).toBe(true)
})
