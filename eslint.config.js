// ESLint: type-aware rules for a strict TypeScript library (typescript-eslint's strict type-checked set),
// with formatting left to Prettier (eslint-config-prettier turns off every rule that would fight it).
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      'coverage/**',
      'docs/api/**',
      '**/node_modules/**',
      'bench/.peers/**',
      'test/fixtures/**',
      // The seed example exactly as the original README printed it (the examples test runs it verbatim).
      'test/examples/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Numbers read naturally in messages ("retry in 2 s"); objects, undefined and unions stay errors.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `return sendJson(...)` in a function returning void is this codebase's way to end a branch; the
      // rule's fix rewrites such returns into blocks and once turned a returned value into a dropped one.
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // Omitting keys with a rest sibling (`const { stream: _stream, ...rest } = body`) is how an object
      // loses fields without a delete; a leading underscore marks a binding unused on purpose
      // (`for await (const _chunk of stream)` drains a stream).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, varsIgnorePattern: '^_', argsIgnorePattern: '^_' },
      ],
      // An async iterator's throw(reason) passes the caller's reason on as it is (the iterator protocol).
      // node:test's test() and hooks return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'before', 'after'] },
          ],
        },
      ],
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
    },
  },
  {
    // Tests read parsed JSON (`await response.json()`, recorded bodies, SSE data) and assert on its shape:
    // the expectation is the check, so using such `any` values, `!` on a value the test just asserted,
    // `as any` to send what the types forbid (the runtime error a JavaScript caller gets) and deleting
    // keys to build an invalid body are allowed there. Floating promises, unnecessary conditions and
    // unused code stay errors in tests too.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-dynamic-delete': 'off',
      '@typescript-eslint/restrict-plus-operands': ['error', { allowAny: true }],
    },
  },
  {
    // Examples are the README's code: `choices[0]!` is what a user writes under noUncheckedIndexedAccess.
    files: ['examples/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Plain JavaScript (benchmarks, packaging consumers, this file): no types to check, Node's globals.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // The CommonJS consumer checks of the packaging test load the package the CommonJS way.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The typed CommonJS consumer check: `import x = require(...)` is what it tests.
    files: ['**/*.cts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
)
