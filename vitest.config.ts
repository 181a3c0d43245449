import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig({
  resolve: {
    // Tests import the package by its public name, exactly as users do.
    alias: [
      { find: /^@tokenjs\/emulator$/, replacement: fromRoot('./packages/emulator/src/index.ts') },
      // The retired path (the kit is @tokenjs/emulator since issue 18), kept while in-flight branches land.
      { find: /^token\.js\/emulator$/, replacement: fromRoot('./packages/emulator/src/index.ts') },
      { find: /^token\.js$/, replacement: fromRoot('./src/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/live/**', '**/node_modules/**'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Vitest's default on a 2-core machine is one worker (cores - 1), which leaves a core idle while a
    // test waits on a timer, a socket or a child process. Two forks keep both busy; more only adds
    // contention. TOKENJS_TEST_WORKERS overrides it (e.g. 1 to debug, or more on a bigger machine).
    pool: 'forks',
    maxWorkers: Number(process.env.TOKENJS_TEST_WORKERS ?? Math.max(2, availableParallelism() - 1)),
    minWorkers: 1,
    // Test files share each worker's module cache instead of re-importing everything per file (the
    // official SDKs' schemas the conformance checks load, the emulators): collecting took 57 s of the
    // run, now ~11 s. Files keep no module-level state that another file reads; each starts its own
    // emulators and clients.
    isolate: false,
  },
})
