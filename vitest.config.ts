import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Fixture databases are built once per worker; keeping parallelism at the
    // core count avoids oversubscribing the 2-core CI machine.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000
  }
})
