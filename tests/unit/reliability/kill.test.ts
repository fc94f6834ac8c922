import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../bench/generate.js';
import { diskFullRun } from '../../../bench/torture/disk-full.js';
import { killRun, makeVersionOneStore, type Figures, type HarnessOptions } from '../../../bench/torture/harness.js';
import { TEST_WORKER_FILE } from '../../support/build-worker.js';

/**
 * The fast part of the crash suite (the long one is `npm run torture -- --runs 50`): one SIGKILL of a
 * child core during an import, during single writes, during backups and during the migrations of a
 * version-2 store, and one disk-full run on a small tmpfs, each checked for integrity, all-or-nothing
 * imports and acknowledged writes.
 */

const CHILD = path.resolve(__dirname, '../../../dist/test-torture/child.cjs');
let options: HarnessOptions;
let v2: string;
const MIGRATION_ROWS = 5000;

beforeAll(async () => {
  // The child runs in its own Node process, which needs JavaScript: bundled like the job worker.
  await build({
    configFile: false,
    logLevel: 'warn',
    root: path.resolve(__dirname, '../../..'),
    build: {
      ssr: path.resolve(__dirname, '../../../bench/torture/child.ts'),
      outDir: path.dirname(CHILD),
      emptyOutDir: true,
      minify: false,
      sourcemap: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: path.basename(CHILD) } },
    },
  });
  options = { childFile: CHILD, workerFile: TEST_WORKER_FILE, rows: 500 };
  v2 = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-kill-v2-'));
  makeVersionOneStore(v2, MIGRATION_ROWS);
}, 60_000);

afterAll(() => fs.rmSync(v2, { recursive: true, force: true }));

const clean = (f: Figures) => ({ partialImports: f.partialImports, lostAcknowledgedWrites: f.lostAcknowledgedWrites, integrityFailures: f.integrityFailures, problems: f.problems });
const ZERO = { partialImports: 0, lostAcknowledgedWrites: 0, integrityFailures: 0, problems: [] };

describe('kill -9 keeps the invariants', () => {
  it.each(['import', 'writes', 'backup', 'migration'] as const)('during %s', async (scenario) => {
    const f = await killRun(options, scenario, mulberry32(7), { dir: v2, rows: MIGRATION_ROWS });
    expect(clean(f)).toEqual(ZERO);
    expect(f.kills).toBe(1);
  }, 30_000);
});

describe('a full disk', () => {
  it('answers DISK_FULL, writes nothing partial, keeps every acknowledged import and still starts', async () => {
    const r = await diskFullRun(mulberry32(3), TEST_WORKER_FILE);
    if ('skipped' in r) {
      console.warn(`DISK-FULL TEST SKIPPED: ${r.skipped}`);
      return;
    }
    expect(clean(r)).toEqual(ZERO);
    expect(r.acknowledgedWrites).toBeGreaterThan(0);
  }, 30_000);
});
