/**
 * Comments stand on their own: no file in src/, test/, scripts/, examples/ or docs/ points at a section
 * sign of notes that are not in the repository, or at a path of a developer's machine. A quirk cites its
 * public source instead (repository + path, an issue thread, or a URL).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { expect, test } from 'vitest'
import { root } from '../examples/run-file.js'

const folders = ['src', 'packages', 'test', 'scripts', 'examples', 'docs', 'bench']
const textFile = /\.(ts|mts|cts|js|mjs|cjs|md|json|yaml|yml)$/

function filesUnder(directory: string): string[] {
  let names: string[]
  try {
    names = readdirSync(directory)
  } catch {
    return []
  }
  return names.flatMap((name) => {
    if (name === 'node_modules' || name === 'dist' || name === 'api') return []
    const path = join(directory, name)
    return statSync(path).isDirectory() ? filesUnder(path) : textFile.test(name) ? [path] : []
  })
}

// Built from parts so that this file does not match itself.
const sectionSign = String.fromCharCode(0xa7)
const machinePaths = new RegExp(['/work', '/', '|/home/[a-z]', '|/Users/[A-Za-z]'].join(''))

test('no section references to notes outside the repository, and no machine paths', () => {
  const offending: string[] = []
  for (const file of folders.flatMap((folder) => filesUnder(join(root, folder)))) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (line.includes(sectionSign) || machinePaths.test(line))
          offending.push(`${relative(root, file)}:${index + 1}: ${line.trim().slice(0, 100)}`)
      })
  }
  expect(offending).toEqual([])
})
