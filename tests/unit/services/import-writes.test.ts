import { PORTAL_MAPPING, portalFixture } from '../../fixtures/portal.js';
import { describe, expect, it } from 'vitest';
import type { OpenedStore } from '../../../electron/core/db/store.js';
import { ImportFileError, parseCsvText, parseJsonText } from '../../../electron/core/import/parse-file.js';
import { SEARCH_SOURCE_SQL, searchTextOf } from '../../../electron/core/services/licenses/write.js';
import { upsertSnapshot } from '../../../electron/core/services/usage.js';
import { IMPORT_MAX_BYTES, ImportSource, type ColumnMapping } from '../../../shared/domain/import.js';
import { FIXED_NOW_ISO, countRows, newLicenseInput } from '../../fixtures/builders.js';
import { eachFreshStore, type TestApi } from '../../fixtures/core.js';

/**
 * What an import writes besides the items: compact history rows that name the batch, the search text
 * built in JavaScript, the latest usage figure, and the size limit.
 */

let store: OpenedStore;
let api: TestApi;
eachFreshStore((s, a) => {
  store = s;
  api = a;
});

const GOOD = portalFixture('full-license-list.csv');
const WIDE = {
  'Item Id': 'itemId',
  'License Id': 'licenseId',
  Product: 'product',
  Edition: 'edition',
  'Quota Mode': 'quotaMode',
  'Accumulated Quota': 'quotaAmount',
  Used: 'used',
  Project: 'projectCode',
  Alias: 'alias',
  Notes: 'notes',
} as const;
const wide = (rows: string[]) => `${Object.keys(WIDE).join(',')}\n${rows.join('\n')}\n`;

const commit = (text: string, fileName = 'list.csv', mapping: ColumnMapping = WIDE, mode: 'all-or-nothing' | 'valid-only' = 'all-or-nothing') =>
  api.call('import:commit', { format: 'csv', fileName, text, mapping, mode });
const idOf = (itemId: string) => (store.db.prepare('SELECT id FROM license_items WHERE item_id = ?').get(itemId) as { id: number }).id;

/** Every item's stored search text next to the one SEARCH_SOURCE_SQL gives for it now. */
function searchTexts() {
  const stored = store.db.prepare('SELECT id, search_text FROM license_items ORDER BY id').all() as { id: number; search_text: string }[];
  const source = store.db.prepare(`${SEARCH_SOURCE_SQL} WHERE li.id = ?`);
  return stored.map((r) => ({ stored: r.search_text, expected: searchTextOf(source.get(r.id) as Record<string, unknown>) }));
}

describe('import history', () => {
  it('a created item has one "imported" entry naming the batch and file; the batch row holds the report', async () => {
    const r = await commit(GOOD, 'full-license-list.csv', PORTAL_MAPPING);
    expect(r.batchId).toBe(1);
    const rows = store.db.prepare('SELECT license_item_id, at, action, source, changes FROM license_history ORDER BY id').all() as {
      license_item_id: number;
      at: string;
      action: string;
      source: string;
      changes: string;
    }[];
    expect(rows).toHaveLength(15);
    for (const h of rows) {
      expect({ ...h, license_item_id: undefined }).toEqual({
        license_item_id: undefined,
        at: FIXED_NOW_ISO,
        action: 'imported',
        source: 'import:csv',
        changes: JSON.stringify({ batch: 1, file: 'full-license-list.csv' }),
      });
    }
    expect(new Set(rows.map((h) => h.license_item_id)).size).toBe(15);
    const batch = store.db.prepare('SELECT at, imported, updated, skipped, rejected, report FROM import_batches WHERE id = 1').get() as Record<string, unknown>;
    expect({ ...batch, report: undefined }).toEqual({ at: FIXED_NOW_ISO, imported: 15, updated: 0, skipped: 0, rejected: 0, report: undefined });
    expect(JSON.parse(batch.report as string)).toMatchObject({ counts: { imported: 15 }, rejections: [], mapping: PORTAL_MAPPING });

    const [entry] = await api.call('licenses:history', { id: idOf('104200101') });
    expect(entry).toMatchObject({ action: 'imported', source: 'import:csv', changes: { batch: 1, file: 'full-license-list.csv' } });
  });

  it('an updated item records only the changed fields as [before, after]; an unchanged one records nothing', async () => {
    await commit(wide(['300001,,DBR,,scans,1000,,,,', '300002,,DLR,,pages,500,,,,']));
    await commit(wide(['300001,700001,DBR,,scans,2000,,,Front desk,', '300002,,DLR,,pages,500,,,,']), 'second.csv');
    const [latest, created] = await api.call('licenses:history', { id: idOf('300001') });
    expect(latest).toMatchObject({ action: 'imported', source: 'import:csv', changes: { licenseId: [null, '700001'], quotaAmount: [1000, 2000], alias: [null, 'Front desk'] } });
    expect(Object.keys(latest!.changes).sort()).toEqual(['alias', 'licenseId', 'quotaAmount']);
    expect(created!.changes).toEqual({ batch: 1, file: 'list.csv' });
    expect(await api.call('licenses:history', { id: idOf('300002') })).toHaveLength(1);
  });

  it('valid-only: the batch exists before its items and the rejected rows write nothing', async () => {
    const r = await commit(wide(['300001,,DBR,,scans,1000,,,,', '300002,,NOPE,,scans,1000,,,,']), 'mixed.csv', WIDE, 'valid-only');
    expect(r).toMatchObject({ batchId: 1, written: true, counts: { imported: 1, rejected: 1 } });
    expect(countRows(store.db, 'license_items')).toBe(1);
    expect(store.db.prepare('SELECT changes FROM license_history').all()).toEqual([{ changes: JSON.stringify({ batch: 1, file: 'mixed.csv' }) }]);
  });
});

describe('search text written by an import', () => {
  it('matches what SEARCH_SOURCE_SQL gives, for new items and after an update (JavaScript lower-casing)', async () => {
    await commit(
      wide([
        '300001,700001,DBR,JavaScript Edition,scans,1000,10,100123456-ÄBC,Ünïcode Front Desk,"Renew via Reseller, İstanbul"',
        '300002,,DLR,,pages,500,,,,',
        '300003,,Dynamic Web TWAIN,Core Module,devices,25,3,100123456-ÄBC,,',
      ]),
    );
    expect(searchTexts().map((s) => s.stored)).toEqual(searchTexts().map((s) => s.expected));
    expect(searchTexts()[0]!.stored).toBe(
      `300001 700001 ünïcode front desk javascript edition renew via reseller, ${'İstanbul'.toLowerCase()} dynamsoft barcode reader dbr 100123456-äbc`,
    );

    await commit(wide(['300001,700001,DBR,Mobile Edition,scans,1000,10,100999-NEW,Other,', '300002,,DLR,,pages,500,,100999-NEW,Alias Two,']), 'again.csv');
    const after = searchTexts();
    expect(after.map((s) => s.stored)).toEqual(after.map((s) => s.expected));
    expect(after[0]!.stored).toBe('300001 700001 other mobile edition dynamsoft barcode reader dbr 100999-new');
  });

  it('a manual create and edit keep the same search text as before', async () => {
    const item = await api.call('licenses:create', newLicenseInput({ itemId: '400001', alias: 'Ärger', projectCode: '100123-Web' }));
    const { id, productName: _p, used: _u, usedOn: _o, renewedById: _r, createdAt: _c, updatedAt: _t, estimatedDates: _e, ...fields } = item;
    await api.call('licenses:update', { id, fields: { ...fields, notes: 'Some NOTE', version: '11.X' } });
    const [s] = searchTexts();
    expect(s!.stored).toBe(s!.expected);
    expect(s!.stored).toBe('400001 ärger 11.x some note dynamsoft barcode reader dbr 100123-web');
  });
});

describe('usage written by an import', () => {
  it('a new item gets used/used_on with its insert; an update keeps the latest snapshot by date', async () => {
    await commit(wide(['300001,,DBR,,scans,1000,850,,,']));
    const id = idOf('300001');
    const item = () => store.db.prepare('SELECT used, used_on FROM license_items WHERE id = ?').get(id);
    expect(item()).toEqual({ used: 850, used_on: '2026-07-10' });
    expect(store.db.prepare('SELECT taken_on, used FROM usage_snapshots').all()).toEqual([{ taken_on: '2026-07-10', used: 850 }]);

    // A snapshot dated later (usage:add refuses future dates, but a clock set back can leave one)
    // stays the latest when an import records today's.
    upsertSnapshot(store.db, id, '2026-07-20', 990);
    await commit(wide(['300001,,DBR,,scans,1000,900,,,']), 'again.csv');
    expect(item()).toEqual({ used: 990, used_on: '2026-07-20' });
    expect(store.db.prepare('SELECT taken_on, used FROM usage_snapshots ORDER BY taken_on').all()).toEqual([
      { taken_on: '2026-07-10', used: 900 },
      { taken_on: '2026-07-20', used: 990 },
    ]);
  });
});

describe('import size limit', () => {
  it('takes files up to 64 MB and refuses larger ones with a plain message', async () => {
    expect(IMPORT_MAX_BYTES).toBe(64 * 1024 * 1024);
    const ok = ImportSource.safeParse({ format: 'csv', fileName: 'big.csv', text: 'x'.repeat(IMPORT_MAX_BYTES) });
    expect(ok.success).toBe(true);
    const tooBig = { format: 'csv' as const, fileName: 'huge.csv', text: 'x'.repeat(IMPORT_MAX_BYTES + 1) };
    expect(ImportSource.safeParse(tooBig).error?.issues.map((i) => i.message)).toEqual(['Files over 64 MB are not accepted']);
    const e = await api.fail('import:preview', tooBig);
    expect(e.code).toBe('INVALID_INPUT');
    expect(JSON.stringify(e)).toContain('Files over 64 MB are not accepted');
    // The parser refuses it too, for callers that skip the schema.
    expect(() => parseCsvText(tooBig.text)).toThrow('The file is too large to be a license list (over 64 MB).');
    expect(() => parseJsonText(tooBig.text)).toThrow(ImportFileError);
  });

  it('a file over the old 10 MB limit is read, not refused', async () => {
    const row = '300001,,DBR,,scans,1000,,,,';
    const text = wide([row]) + ' '.repeat(12 * 1024 * 1024);
    const p = await api.call('import:preview', { format: 'csv', fileName: 'padded.csv', text });
    expect(p.counts).toMatchObject({ read: 1, imported: 1, rejected: 0 });
  });
});
