import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    // Bundles the job worker once, for the tests that run jobs in a real worker thread.
    globalSetup: ['tests/support/build-worker.ts'],
  },
});
