import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Finds out once whether PostgreSQL is there; without it, one line says its tests are skipped.
    globalSetup: ['test/setup/postgres.ts'],
  },
})
