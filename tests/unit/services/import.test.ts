import { PORTAL_MAPPING, portalFixture } from '../../fixtures/portal.js';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStore, type OpenedStore } from '../../../electron/core/db/store.js';
import type { ImportCommitInput } from '../../../shared/domain/import.js';
import { FIXED_AS_OF, FIXED_NOW_ISO, TempDirs, countRows } from '../../fixtures/builders.js';
import { testApi } from '../../fixtures/core.js';

const tmp = new TempDirs();
let store: OpenedStore;
let api: ReturnType<typeof testApi>;
let onInternalError: ReturnType<typeof vi.fn<(channel: string, err: unknown) => void>>;

const portal = portalFixture;
const GOOD = portal('full-license-list.csv');
const BAD = portal('full-license-list-bad-row.csv');
const JSON_EXPORT = portal('licenses-export.json');
const TABLES = ['products', 'projects', 'license_items', 'usage_snapshots', 'license_history', 'license_keys', 'import_batches', 'settings'];

beforeEach(async () => {
  store = await openStore(tmp.make());
  onInternalError = vi.fn<(channel: string, err: unknown) => void>();
  api = testApi(store.db, undefined, onInternalError);
});

afterEach(() => {
  if (store.db.open) store.db.close();
  tmp.cleanup();
});

const csv = (text: string, fileName = 'full-license-list.csv') => ({ format: 'csv' as const, fileName, text });
const commit = (text: string, mode: ImportCommitInput['mode'] = 'all-or-nothing', mapping = PORTAL_MAPPING) =>
  api.call('import:commit', { ...csv(text), mapping, mode });

/** Every row of every table, plus the bytes of the data file and its WAL: "exactly as it was". */
function snapshot() {
  const rows = Object.fromEntries(TABLES.map((t) => [t, store.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
  const hash = (f: string) => (fs.existsSync(f) ? crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex') : null);
  return { rows, main: hash(store.paths.dbFile), wal: hash(`${store.paths.dbFile}-wal`) };
}
const historyCount = () => countRows(store.db, 'license_history');

describe('import:preview', () => {
  it('suggests the portal mapping and counts every row as new', async () => {
    const p = await api.call('import:preview', csv(GOOD));
    expect(p.headers).toEqual(Object.keys(PORTAL_MAPPING));
    expect(p.mapping).toEqual(PORTAL_MAPPING);
    expect(p.missingRequired).toEqual([]);
    expect(p.counts).toEqual({ read: 15, imported: 15, updated: 0, skipped: 0, rejected: 0, problems: 0 });
    expect(p.sample).toHaveLength(15);
    expect(p.sample[0]).toEqual({ line: 2, itemId: '104200101', product: 'DBR · JavaScript Edition', quota: '10,000 scans', expiresOn: '2026-07-10', outcome: 'new' });
    expect(countRows(store.db, 'license_items')).toBe(0);
  });

  it('reports the bad row by line and column', async () => {
    const p = await api.call('import:preview', csv(BAD));
    expect(p.counts).toEqual({ read: 15, imported: 14, updated: 0, skipped: 0, rejected: 1, problems: 1 });
    expect(p.rejections).toEqual([{ line: 8, column: 'Usage/Maintenance Expiry Date', code: 'INVALID_DATE', message: 'Expiry date "2025-11-31" is not a date' }]);
  });

  it('lists missing required fields, and commit then refuses', async () => {
    const mapping = { ...PORTAL_MAPPING, 'Item Id': null };
    const p = await api.call('import:preview', { ...csv(GOOD), mapping });
    expect(p.missingRequired).toEqual(['itemId']);
    expect(p.counts).toEqual({ read: 15, imported: 0, updated: 0, skipped: 0, rejected: 0, problems: 0 });
    const e = await api.fail('import:commit', { ...csv(GOOD), mapping, mode: 'valid-only' });
    expect(e).toEqual({ code: 'INVALID_INPUT', message: 'Map a column to: itemId' });
    expect(countRows(store.db, 'license_items') + countRows(store.db, 'import_batches')).toBe(0);
  });

  it('a mapping naming a column the file does not have is INVALID_INPUT', async () => {
    const mapping = { ...PORTAL_MAPPING, 'Expiry (typo)': 'expiresOn' as const };
    for (const e of [await api.fail('import:preview', { ...csv(GOOD), mapping }), await api.fail('import:commit', { ...csv(GOOD), mapping, mode: 'valid-only' })]) {
      expect(e).toEqual({ code: 'INVALID_INPUT', message: 'The mapping names columns the file does not have: Expiry (typo)' });
    }
    expect(countRows(store.db, 'license_items')).toBe(0);
  });

  it('a file that is not readable CSV is INVALID_INPUT with a plain message', async () => {
    const e = await api.fail('import:preview', csv('Item Id,License Item\n104200101,"never closed\n', 'broken.csv'));
    expect(e).toEqual({ code: 'INVALID_INPUT', message: 'broken.csv could not be read: The file could not be read as CSV near line 2: a quoted value is never closed.' });
    const j = await api.fail('import:commit', { format: 'json', fileName: 'x.json', text: '{"licenses": 5}', mapping: {}, mode: 'valid-only' });
    expect(j.code).toBe('INVALID_INPUT');
    expect(j.message).toMatch(/^x\.json could not be read: The JSON file should hold a list of licenses/);
    expect(onInternalError).not.toHaveBeenCalled();
  });
});

describe('import:commit', () => {
  it('all-or-nothing with a bad row writes nothing at all and names line 8', async () => {
    const before = snapshot();
    const r = await commit(BAD);
    expect(r).toEqual({
      batchId: null,
      written: false,
      counts: { read: 15, imported: 14, updated: 0, skipped: 0, rejected: 1, problems: 1 },
      rejections: [expect.objectContaining({ line: 8, code: 'INVALID_DATE' })],
      message: 'Nothing was imported: 1 row was rejected. Correct the file, or import the 14 valid rows only.',
    });
    expect(snapshot()).toEqual(before);
  });

  it('valid-only writes the 14 good rows and records the batch; the good file then adds the 15th', async () => {
    const r = await commit(BAD, 'valid-only');
    expect(r).toMatchObject({ batchId: 1, written: true, counts: { imported: 14, rejected: 1 } });
    expect(r.message).toBe('Imported 14 new, updated 0, skipped 0 unchanged, left out 1 row rejected.');
    expect(countRows(store.db, 'license_items')).toBe(14);
    expect(store.db.prepare("SELECT count(*) AS n FROM license_items WHERE item_id = '104200107'").get()).toEqual({ n: 0 });
    const batch = store.db.prepare('SELECT at, source, file_name, file_sha256, mode, imported, updated, skipped, rejected, report FROM import_batches').get() as Record<string, unknown>;
    expect({ ...batch, report: undefined }).toEqual({
      at: FIXED_NOW_ISO,
      source: 'csv',
      file_name: 'full-license-list.csv',
      file_sha256: crypto.createHash('sha256').update(BAD).digest('hex'),
      mode: 'valid-only',
      imported: 14,
      updated: 0,
      skipped: 0,
      rejected: 1,
      report: undefined,
    });
    expect(JSON.parse(batch.report as string)).toMatchObject({ rejections: [{ line: 8 }], mapping: PORTAL_MAPPING });
    const history = store.db.prepare('SELECT DISTINCT action, source FROM license_history').all();
    expect(history).toEqual([{ action: 'imported', source: 'import:csv' }]);
    expect(historyCount()).toBe(14);

    const good = await commit(GOOD);
    expect(good).toMatchObject({ batchId: 2, written: true, counts: { read: 15, imported: 1, updated: 0, skipped: 14, rejected: 0, problems: 0 } });
    expect(countRows(store.db, 'license_items')).toBe(15);
    expect(historyCount()).toBe(15);
  });

  it('re-importing the identical file changes nothing: 0 new, 0 updated, 15 skipped, no history', async () => {
    await commit(GOOD);
    const items = store.db.prepare('SELECT * FROM license_items ORDER BY id').all();
    const history = historyCount();
    const again = await commit(GOOD);
    expect(again.counts).toEqual({ read: 15, imported: 0, updated: 0, skipped: 15, rejected: 0, problems: 0 });
    expect(again.message).toBe('Nothing new: all 15 items in full-license-list.csv are already recorded as they are.');
    expect(store.db.prepare('SELECT * FROM license_items ORDER BY id').all()).toEqual(items);
    expect(historyCount()).toBe(history);
    expect((await api.call('import:preview', csv(GOOD))).sample.every((s) => s.outcome === 'same')).toBe(true);
  });

  it('a changed row is one update, with an "imported" history entry of what changed', async () => {
    await commit(GOOD);
    const changed = GOOD.replace('per server deployment)",11.X,Active,1,2026-09-01', 'per server deployment)",11.X,Active,1,2026-10-01');
    expect(changed).not.toBe(GOOD);
    const p = await api.call('import:preview', csv(changed));
    expect(p.counts).toEqual({ read: 15, imported: 0, updated: 1, skipped: 14, rejected: 0, problems: 0 });
    expect(p.sample.filter((s) => s.outcome === 'update').map((s) => [s.line, s.itemId])).toEqual([[6, '104200105']]);
    const history = historyCount();
    const r = await commit(changed);
    expect(r.counts).toMatchObject({ imported: 0, updated: 1, skipped: 14 });
    expect(historyCount()).toBe(history + 1);
    const id = (store.db.prepare("SELECT id FROM license_items WHERE item_id = '104200105'").get() as { id: number }).id;
    const [latest] = await api.call('licenses:history', { id });
    expect(latest).toMatchObject({ action: 'imported', source: 'import:csv', changes: { expiresOn: ['2026-09-01', '2026-10-01'] } });
    expect((await api.call('licenses:get', { id })).expiresOn).toBe('2026-10-01');
  });

  it('re-importing the portal list keeps what only the app knows: alias, notes and project are not wiped', async () => {
    await commit(GOOD);
    const id = (store.db.prepare("SELECT id FROM license_items WHERE item_id = '104200101'").get() as { id: number }).id;
    const { id: _i, productName: _p, used: _u, usedOn: _o, renewedById: _r, createdAt: _c, updatedAt: _t, estimatedDates: _e, ...fields } = await api.call('licenses:get', { id });
    const edited = await api.call('licenses:update', { id, fields: { ...fields, alias: 'Front desk', notes: 'Renew via reseller', projectCode: '100123456-100654321' } });
    // The portal file has no Alias, Notes or Project column, so it has nothing to say about them.
    const again = await commit(GOOD);
    expect(again.counts).toMatchObject({ updated: 0, skipped: 15 });
    expect(await api.call('licenses:get', { id })).toEqual(edited);
  });

  it('the JSON export imports with its usage figure and project', async () => {
    const src = { format: 'json' as const, fileName: 'licenses-export.json', text: JSON_EXPORT };
    const p = await api.call('import:preview', src);
    expect(p.counts).toEqual({ read: 3, imported: 3, updated: 0, skipped: 0, rejected: 0, problems: 0 });
    const r = await api.call('import:commit', { ...src, mapping: p.mapping, mode: 'all-or-nothing' });
    expect(r.counts.imported).toBe(3);
    const list = await api.call('licenses:list', { asOf: FIXED_AS_OF, sort: { key: 'itemId', dir: 'asc' } });
    expect(list.rows.map((x) => [x.itemId, x.used, x.usedOn, x.projectCode])).toEqual([
      ['104300201', 3120, '2026-07-10', '100234-webapp'],
      ['104300202', null, null, null],
      ['104300203', null, null, null],
    ]);
    expect(store.db.prepare('SELECT source FROM import_batches').all()).toEqual([{ source: 'json' }]);
  });

  it('a Used column records a usage snapshot and sets used; a new figure is an update', async () => {
    const head = 'Item Id,Product,Quota Mode,Accumulated Quota,Used,Usage/Maintenance Expiry Date\n';
    const text = (used: number) => `${head}300001,DBR,scans,1000,${used},2027-01-31\n300002,DLR,pages,500,,2027-02-28\n`;
    const mapping = { 'Item Id': 'itemId', Product: 'product', 'Quota Mode': 'quotaMode', 'Accumulated Quota': 'quotaAmount', Used: 'used', 'Usage/Maintenance Expiry Date': 'expiresOn' } as const;
    expect((await api.call('import:preview', csv(text(850)))).mapping).toEqual(mapping);
    await commit(text(850), 'all-or-nothing', mapping);
    const rows = () => store.db.prepare('SELECT li.item_id, li.used, li.used_on, s.taken_on, s.used AS snap FROM license_items li LEFT JOIN usage_snapshots s ON s.license_item_id = li.id ORDER BY li.item_id').all();
    expect(rows()).toEqual([
      { item_id: '300001', used: 850, used_on: '2026-07-10', taken_on: '2026-07-10', snap: 850 },
      { item_id: '300002', used: null, used_on: null, taken_on: null, snap: null },
    ]);
    const high = await api.call('licenses:list', { asOf: FIXED_AS_OF, filters: { headlines: ['quota-high'] } });
    expect(high.rows.map((x) => x.itemId)).toEqual(['300001']);

    expect((await commit(text(850), 'all-or-nothing', mapping)).counts).toMatchObject({ updated: 0, skipped: 2 });
    expect((await commit(text(900), 'all-or-nothing', mapping)).counts).toMatchObject({ updated: 1, skipped: 1 });
    expect(rows()[0]).toEqual({ item_id: '300001', used: 900, used_on: '2026-07-10', taken_on: '2026-07-10', snap: 900 });
  });

  it('a Project value that is not a project ID is a row rejection (line and column), not a failed import', async () => {
    const text = 'Item Id,Product,Quota Mode,Accumulated Quota,Project\n300001,DBR,scans,1000,100123456-ok\n300002,DBR,scans,1000,Warehouse\n';
    const p = await api.call('import:preview', csv(text));
    expect(p.counts).toMatchObject({ imported: 1, rejected: 1 });
    expect(p.rejections).toEqual([expect.objectContaining({ line: 3, column: 'Project' })]);
    const r = await api.call('import:commit', { ...csv(text), mapping: p.mapping, mode: 'valid-only' });
    expect(r).toMatchObject({ written: true, counts: { imported: 1, rejected: 1 } });
  });
});

describe('an interrupted import', () => {
  it('disk full (max_page_count) mid-import: SQLITE_FULL, nothing committed, and the store still works', async () => {
    const big =
      'Item Id,License Item,Accumulated Quota,Usage/Maintenance Expiry Date\n' +
      Array.from({ length: 3000 }, (_, i) => `${500000 + i},"Dynamsoft Barcode Reader JavaScript Edition - All Barcode Types (Annual Runtime License for 10,000 barcode scans)",10000,2027-0${(i % 9) + 1}-15`).join('\n');
    await commit(GOOD);
    const before = snapshot().rows;
    const pages = store.db.pragma('page_count', { simple: true }) as number;
    // max_page_count binds one connection: this runs the import service on it directly (the job
    // worker runs the same service on its own connection; the worker's failure paths are in tests/unit/jobs).
    store.db.pragma(`max_page_count = ${pages + 5}`);
    const mapping = { 'Item Id': 'itemId', 'License Item': 'licenseItem', 'Accumulated Quota': 'quotaAmount', 'Usage/Maintenance Expiry Date': 'expiresOn' } as const;
    let thrown: unknown = null;
    try {
      api.deps.imports.commit({ ...csv(big, 'big.csv'), mapping, mode: 'all-or-nothing' });
    } catch (err) {
      thrown = err;
    }
    expect((thrown as { code?: string }).code).toBe('SQLITE_FULL');
    expect(store.db.inTransaction).toBe(false);
    expect(snapshot().rows).toEqual(before);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');

    store.db.pragma('max_page_count = 1073741823');
    expect((await commit(big.split('\n').slice(0, 3).join('\n'), 'all-or-nothing', { 'Item Id': 'itemId', 'License Item': 'licenseItem', 'Accumulated Quota': 'quotaAmount', 'Usage/Maintenance Expiry Date': 'expiresOn' })).counts.imported).toBe(2);
  });
});

describe('import counts and report', () => {
  const HEADER = 'Item Id,Product,Quota Mode,Quota';
  const mapping = { 'Item Id': 'itemId', Product: 'product', 'Quota Mode': 'quotaMode', Quota: 'quotaAmount' } as const;

  it('a row with three problems is one rejected row; the other five are offered', async () => {
    const text = [HEADER, '1,DBR,scans,100', '2,DBR,scans,100', ',Acme,per hug,100', '3,DBR,scans,100', '4,DBR,scans,100', '5,DBR,scans,100'].join('\n');
    const p = await api.call('import:preview', csv(text));
    expect(p.counts).toEqual({ read: 6, imported: 5, updated: 0, skipped: 0, rejected: 1, problems: 3 });
    const r = await api.call('import:commit', { ...csv(text), mapping, mode: 'all-or-nothing' });
    expect(r.message).toBe('Nothing was imported: 1 row was rejected (3 problems). Correct the file, or import the 5 valid rows only.');
    const valid = await api.call('import:commit', { ...csv(text), mapping, mode: 'valid-only' });
    expect(valid.counts).toMatchObject({ imported: 5, rejected: 1, problems: 3 });
    expect(valid.message).toBe('Imported 5 new, updated 0, skipped 0 unchanged, left out 1 row rejected.');
  });

  it('two rows with two problems each: two rejected rows and nothing to offer', async () => {
    const text = [HEADER, '1,Acme,per hug,100', '2,Acme,per hug,100'].join('\n');
    const r = await api.call('import:commit', { ...csv(text), mapping, mode: 'all-or-nothing' });
    expect(r.counts).toEqual({ read: 2, imported: 0, updated: 0, skipped: 0, rejected: 2, problems: 4 });
    expect(r.message).toBe('Nothing was imported: 2 rows were rejected (4 problems). Correct the file and import it again.');
  });

  it('a header over 200 characters previews and imports, and is never logged', async () => {
    const long = `Notes ${'x'.repeat(300)}`;
    const text = `${HEADER},${long}\n1,DBR,scans,100,hello`;
    const p = await api.call('import:preview', csv(text));
    expect(p.headers).toContain(long);
    const r = await api.call('import:commit', { ...csv(text), mapping: { ...mapping, [long]: 'notes' }, mode: 'all-or-nothing' });
    expect(r.counts.imported).toBe(1);
    expect(onInternalError).not.toHaveBeenCalled();
  });

  it('a header over the limit gets a message that quotes only its start', async () => {
    const huge = 'y'.repeat(5000);
    const err = await api.call('import:preview', csv(`${HEADER},${huge}\n1,DBR,scans,100,x`)).catch((e: Error) => e);
    expect(String(err)).toContain('The header of column 5 is 5,000 characters long');
    expect(String(err)).not.toContain('y'.repeat(100));
  });

  it('stores which dates were estimated; a typed-in date is no longer an estimate', async () => {
    await commit(GOOD);
    const id = (store.db.prepare("SELECT id FROM license_items WHERE item_id = '104200101'").get() as { id: number }).id;
    const item = await api.call('licenses:get', { id });
    expect(item.estimatedDates).toEqual(['activatedOn']);
    const { id: _i, productName: _p, used: _u, usedOn: _o, renewedById: _r, createdAt: _c, updatedAt: _t, estimatedDates: _e, ...fields } = item;
    // Editing another field keeps the mark; correcting the date clears it.
    expect((await api.call('licenses:update', { id, fields: { ...fields, notes: 'x' } })).estimatedDates).toEqual(['activatedOn']);
    expect((await api.call('licenses:update', { id, fields: { ...fields, activatedOn: '2025-07-01' } })).estimatedDates).toEqual([]);
  });
});
