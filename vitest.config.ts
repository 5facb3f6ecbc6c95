import { configDefaults, defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // `npm run test:rolling` runs these, behind HAProxy, on the built app
    exclude: [...configDefaults.exclude, 'tests/rolling/**'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    // CI also keeps a machine-readable report, from which .ci/run prints its closing count line
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results.json' }]] : ['default'],
    testTimeout: 30_000,
    hookTimeout: 60_000
  }
})
