import { defineConfig } from 'vitest/config'

// Two projects, split by file name: *.itg.test.ts start real processes (the
// Distribution registry, git) and get a longer timeout; everything else is a
// pure unit test.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['__tests__/**/*.test.ts'],
          exclude: ['__tests__/**/*.itg.test.ts'],
          testTimeout: 10_000
        }
      },
      {
        test: {
          name: 'itg',
          include: ['__tests__/**/*.itg.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000
        }
      }
    ]
  }
})
