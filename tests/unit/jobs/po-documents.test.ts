import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OpenedStore } from '../../../electron/core/db/store.js';
import type { JobProgress } from '../../../shared/ipc/events.js';
import { fixedClock, type TempDirs } from '../../fixtures/builders.js';
import { eachFreshStore, testApi, testPlatform } from '../../fixtures/core.js';
import { companyProfile, poDraft } from '../../fixtures/purchase.js';

let store: OpenedStore;
let tmp: TempDirs;
eachFreshStore((s, _api, t) => {
  store = s;
  tmp = t;
});

function pdfText(pdf: Uint8Array): string {
  const file = path.join(tmp.make(), 'preview.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('PO documents in the job worker', () => {
  it('po:generate renders in a worker with progress, while other calls keep answering, and saves through the platform', async () => {
    const platform = testPlatform();
    const api = testApi(store.db, fixedClock(), undefined, { platform });
    const progress: JobProgress[] = [];
    api.core.events.subscribe((name, payload) => {
      if (name === 'job:progress') progress.push(payload as JobProgress);
    });
    await api.call('company:update', companyProfile());
    const po = await api.call('po:create', poDraft(200));

    const order: string[] = [];
    const generating = api.call('po:generate', { id: po.id }).then((r) => (order.push('generate'), r));
    const listing = api.call('po:list', undefined).then((r) => (order.push('list'), r));
    const [r, list] = await Promise.all([generating, listing]);
    // The IPC thread answered the list while pdfmake laid out 200 lines elsewhere.
    expect(order).toEqual(['list', 'generate']);
    expect(list).toHaveLength(1);

    if (!r.saved) throw new Error('not saved');
    expect(platform.saved.map((f) => f.name)).toEqual([`${po.number}.pdf`, `${po.number}.eml`]);
    expect(Buffer.from(platform.saved[0]!.content as Uint8Array).subarray(0, 5).toString()).toBe('%PDF-');

    const mine = progress.filter((p) => p.kind === 'document' && p.ref === po.number);
    expect(mine.map((p) => p.state)).toContain('running');
    expect(mine.some((p) => p.phase === 'rendering')).toBe(true);
    expect(mine.at(-1)).toMatchObject({ state: 'done', phase: 'done' });
  });

  it('po:previewPdf renders the unsaved draft with the number it will get, and saves nothing', async () => {
    const platform = testPlatform();
    const api = testApi(store.db, fixedClock(), undefined, { platform });
    await api.call('company:update', companyProfile());
    const draft = poDraft(2, { notes: 'Not saved yet: a note typed a moment ago' });
    const fresh = await api.call('po:previewPdf', { draft, id: null });
    expect(fresh.number).toBe('PO-00001');
    const text = pdfText(Buffer.from(fresh.pdfBase64, 'base64'));
    expect(text).toContain('PO number: PO-00001');
    expect(text).toContain('Not saved yet: a note typed a moment ago');
    expect(platform.saved).toHaveLength(0);
    expect(await api.call('po:list', undefined)).toHaveLength(0);

    const stored = await api.call('po:create', poDraft(1));
    const edited = await api.call('po:previewPdf', { draft: { ...poDraft(1), notes: 'Edited after saving' }, id: stored.id });
    expect(edited.number).toBe(stored.number);
    expect(pdfText(Buffer.from(edited.pdfBase64, 'base64'))).toContain('Edited after saving');
  });

  it('a full disk or an unwritable folder: a clear message after the worker has rendered, and the PO kept as it was', async () => {
    const platform = testPlatform();
    const api = testApi(store.db, fixedClock(), undefined, { platform });
    await api.call('company:update', companyProfile());
    const po = await api.call('po:create', poDraft(3));
    platform.failNextSave('ENOSPC');
    const full = await api.fail('po:generate', { id: po.id });
    expect(full).toMatchObject({ code: 'CONFLICT', message: `The disk is full. Purchase order ${po.number} is kept as it was; try another place.` });
    platform.failNextSave('EROFS');
    expect((await api.fail('po:generate', { id: po.id })).message).toBe(`That folder cannot be written to. Purchase order ${po.number} is kept as it was; try another place.`);
    expect(await api.call('po:get', { id: po.id })).toEqual(po);
    expect(platform.saved).toHaveLength(0);
    // The next try, somewhere writable, goes through.
    expect((await api.call('po:generate', { id: po.id })).saved).toBe(true);
  });

  it('po:previewPdf without a company profile says what to fill in', async () => {
    const api = testApi(store.db);
    const e = await api.fail('po:previewPdf', { draft: poDraft(1), id: null });
    expect(e.message).toMatch(/Fill in the company profile in Settings first/);
  });
});
