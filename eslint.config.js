// ESLint: type-aware rules for a strict TypeScript library (typescript-eslint's strict type-checked set),
// with formatting left to Prettier (eslint-config-prettier turns off every rule that would fight it).
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'coverage/**',
      'docs/api/**',
      'bench/**',
      'node_modules/**',
      'test/**',
      'scripts/**',
      'examples/**',
      '*.config.ts',
      'eslint.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Numbers read naturally in messages ("retry in 2 s"); objects, undefined and unions stay errors.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `return sendJson(...)` in a function returning void is this codebase's way to end a branch; the
      // rule's fix rewrites such returns into blocks and once turned a returned value into a dropped one.
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // Omitting keys with a rest sibling (`const { stream: _stream, ...rest } = body`) is how an object
      // loses fields without a delete.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // An async iterator's throw(reason) passes the caller's reason on as it is (the iterator protocol).
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
    },
  },
  prettier,
)
