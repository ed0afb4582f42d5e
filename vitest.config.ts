import { defineConfig } from 'vitest/config';

// Unit tests cover shared/ (pure), integration tests the server on real
// SQLite files. Browser tests run separately under Playwright (tests/e2e).
// Tests that time other requests (a 100 ms budget) run on their own, after
// the integration files, one at a time: on a 2-core machine, other test
// files running beside them would measure the test runner, not Tollgate.
const TIMED = ['tests/integration/importResponsiveness.test.ts'];
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Property tests run hundreds of generated cases: a busy 2-core machine can take longer than vitest's 5 s default.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          exclude: TIMED,
          environment: 'node',
          setupFiles: ['tests/helpers/failOnConsoleError.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'timed',
          include: TIMED,
          environment: 'node',
          setupFiles: ['tests/helpers/failOnConsoleError.ts'],
          testTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
