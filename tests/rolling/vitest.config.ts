import { defineConfig } from 'vitest/config'

// `npm run test:rolling` only: it needs HAProxy and the built app, and takes its own time.
export default defineConfig({
  test: {
    include: ['tests/rolling/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000
  }
})
