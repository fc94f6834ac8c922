import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: /smoke\.spec\.ts/,
  workers: 1,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: '../../.test-output/electron-results.json' }]],
});
