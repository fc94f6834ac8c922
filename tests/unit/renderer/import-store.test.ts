import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportReport } from '../../../shared/domain/import';
import { useFileImport } from '../../../renderer/src/features/import/store';

type Result = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

const COUNTS = { read: 2, imported: 2, updated: 0, skipped: 0, rejected: 0, problems: 0 };
const PREVIEW: ImportPreview = { headers: ['Item ID'], mapping: { 'Item ID': 'itemId' }, missingRequired: [], counts: COUNTS, rejections: [], sample: [] };
const REPORT: ImportReport = { batchId: 1, written: true, counts: COUNTS, rejections: [], message: 'Imported 2 new.' };
const STAGED = { stagedId: 'stg-abcdefgh', fileName: 'list.csv', format: 'csv', bytes: 10, sha256: 'x', expiresAt: '2026-12-01T12:00:00Z' };

/**
 * A bridge whose import:commit stays open until the test settles it, as a running job does; jobs:cancel
 * records that it was asked. Stands in for the preload's window.api.
 */
function bridge() {
  let settle!: (r: Result) => void;
  const cancels: unknown[] = [];
  const api: Record<string, (input: unknown) => Promise<Result>> = {
    'import:stage': async () => ({ ok: true, value: STAGED }),
    'import:preview': async () => ({ ok: true, value: PREVIEW }),
    'import:discard': async () => ({ ok: true, value: null }),
    'import:commit': () => new Promise<Result>((res) => (settle = res)),
    'jobs:active': async () => ({ ok: true, value: [{ jobId: 'job-1', ref: STAGED.stagedId }] }),
    'jobs:cancel': async (input) => {
      cancels.push(input);
      return { ok: true, value: { cancelled: true } };
    },
  };
  (globalThis as { window?: unknown }).window = { api };
  return { settle: (r: Result) => settle(r), cancels };
}

async function staged(): Promise<void> {
  await useFileImport.getState().chooseFile(new File(['Item ID\n1\n2\n'], 'list.csv', { type: 'text/csv' }));
  expect(useFileImport.getState().preview).toEqual(PREVIEW);
}

const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => useFileImport.getState().reset());
afterEach(() => delete (globalThis as { window?: unknown }).window);

describe('the file import store: Cancel', () => {
  it('a cancelled job ends in the "nothing was written" notice, not a report', async () => {
    const b = bridge();
    await staged();
    const done = useFileImport.getState().commit('all-or-nothing');
    useFileImport.getState().cancel();
    await flush();
    expect(b.cancels).toEqual([{ jobId: 'job-1' }]);
    b.settle({ ok: false, error: { code: 'CANCELLED', message: 'The import was cancelled. Nothing was written.' } });
    expect(await done).toBeNull();
    const s = useFileImport.getState();
    expect(s.error).toEqual({ severity: 'info', message: 'The import was cancelled. Nothing was written.' });
    expect([s.report, s.busy, s.cancelling, s.lateCancel]).toEqual([null, null, false, false]);
  });

  it('a Cancel that arrives after the import was written is said to have come too late', async () => {
    const b = bridge();
    await staged();
    const done = useFileImport.getState().commit('all-or-nothing');
    useFileImport.getState().cancel();
    b.settle({ ok: true, value: REPORT });
    expect(await done).toEqual(REPORT);
    const s = useFileImport.getState();
    expect([s.report, s.error, s.lateCancel, s.cancelling]).toEqual([REPORT, null, true, false]);
  });

  it('an import run to the end without Cancel does not mention it, and the next run starts clear', async () => {
    const b = bridge();
    await staged();
    const first = useFileImport.getState().commit('all-or-nothing');
    useFileImport.getState().cancel();
    b.settle({ ok: true, value: REPORT });
    await first;
    await staged();
    const second = useFileImport.getState().commit('all-or-nothing');
    b.settle({ ok: true, value: REPORT });
    await second;
    expect(useFileImport.getState().lateCancel).toBe(false);
  });
});
