/**
 * Runs this folder's in-process test: `npx vitest run -c bench/concurrent/vitest.config.ts`.
 * The repository's vite.config.ts only includes apps/, packages/ and e2e/ tests, so
 * `npx vitest run bench/concurrent` finds nothing until it also includes bench/**.
 */
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    root: '.',
    include: ['bench/concurrent/**/*.test.ts'],
    testTimeout: 60_000,
  },
})
