import { defineConfig } from 'vitest/config';

// Unit tests cover shared/ (pure), integration tests the server on real
// SQLite files. Browser tests run separately under Playwright (tests/e2e).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/helpers/failOnConsoleError.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
