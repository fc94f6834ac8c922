import path from 'node:path';
import { build } from 'vite';

/**
 * The job worker runs in a worker thread, which Node starts from a JavaScript file: the Vitest
 * processes run TypeScript from source, so the suite bundles `electron/core/jobs/worker.ts` once
 * (dependencies stay external and load from node_modules) and the tests start that bundle. The app
 * runs tsc's output instead (`dist/main/electron/core/jobs/worker.js`).
 */
export const TEST_WORKER_FILE = path.resolve(__dirname, '../../dist/test-worker/worker.cjs');

export async function buildTestWorker(): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: path.resolve(__dirname, '../..'),
    build: {
      ssr: path.resolve(__dirname, '../../electron/core/jobs/worker.ts'),
      outDir: path.dirname(TEST_WORKER_FILE),
      emptyOutDir: true,
      minify: false,
      sourcemap: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: path.basename(TEST_WORKER_FILE) } },
    },
  });
  return TEST_WORKER_FILE;
}

export default async function setup(): Promise<void> {
  await buildTestWorker();
}
