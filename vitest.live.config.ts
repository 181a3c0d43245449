import { defineConfig } from 'vitest/config'
import base from './vitest.config.js'

/** `npm run test:live`: only test/live, against the real API (needs MISTRAL_API_KEY; never in CI). */
export default defineConfig({
  ...base,
  test: { ...base.test, include: ['test/live/**/*.test.ts'], exclude: ['**/node_modules/**'], testTimeout: 60_000 },
})
