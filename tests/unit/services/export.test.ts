import type { ChannelInput } from '../../../shared/ipc/contract.js';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../../../electron/core/db/store.js';
import { escapeFormula } from '../../../electron/core/services/licenses/export.js';
import type { LicenseItem } from '../../../shared/domain/license.js';
import { FIXED_AS_OF, TempDirs, itemIdFor, newLicenseInput } from '../../fixtures/builders.js';
import { testApi } from '../../fixtures/core.js';

describe('escapeFormula', () => {
  it.each(['=1+1', '+x', '-x', '@x', '\tx', '\rx', '=HYPERLINK("http://evil")', '-', '@'])('prefixes %j with an apostrophe', (v) => {
    expect(escapeFormula(v)).toBe(`'${v}`);
  });

  it.each(['plain text', '', '100123456-100654321', 'a=b', "it's", ' =1', '1+1', 'x\t'])('leaves %j as it is', (v) => {
    expect(escapeFormula(v)).toBe(v);
  });
});

const HEADER = [
  'Item Id', 'License Id', 'Order Id', 'Product', 'Edition', 'Version Info', 'License Type', 'Quota Mode', 'Device Window', 'Accumulated Quota',
  'Used', 'Used On', 'Status', 'License Status', 'Activation Date', 'Expiry Date', 'Maintenance Expiry Date', 'Project', 'Alias', 'Notes',
];

const tmp = new TempDirs();
let store: OpenedStore;
let api: ReturnType<typeof testApi>;

beforeEach(async () => {
  store = await openStore(tmp.make());
  api = testApi(store.db);
  const { licenses, usage } = api.deps;
  store.db
    .transaction(() => {
      // 250 DBR items with quotas out of id order, and 20 DWT items the view filters out.
      for (let i = 0; i < 250; i++) {
        const item = licenses.create(newLicenseInput({ itemId: itemIdFor(i), quotaAmount: ((i * 37) % 101) + 1, expiresOn: i % 50 === 0 ? '2026-07-15' : '2027-01-15' }));
        if (i === 7) usage.add({ licenseId: item.id, takenOn: '2026-07-01', used: 3 });
      }
      for (let i = 0; i < 20; i++) licenses.create(newLicenseInput({ itemId: itemIdFor(1000 + i), productCode: 'DWT', quotaMode: 'pages' }));
    })
    .immediate();
});

afterEach(() => {
  if (store.db.open) store.db.close();
  tmp.cleanup();
});

const VIEW = { asOf: FIXED_AS_OF, filters: { productCodes: ['DBR'] }, sort: { key: 'itemId' as const, dir: 'desc' as const } };

async function listedAll(): Promise<LicenseItem[]> {
  const rows: LicenseItem[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await api.call('licenses:list', { ...VIEW, offset, limit: 100 });
    rows.push(...page.rows);
    if (rows.length >= page.total) return rows;
  }
}

/** Exports through the job runner; the file is what the (fake) platform was asked to save. */
async function exported(input: ChannelInput<'licenses:export'>) {
  const result = await api.call('licenses:export', input);
  const saved = api.platform.saved.at(-1);
  if (!saved || typeof saved.content !== 'string') throw new Error('nothing was saved');
  return { ...result, content: saved.content };
}

function setNotes(itemId: string, notes: string, alias: string | null = null): void {
  store.db.prepare('UPDATE license_items SET notes = ?, alias = ? WHERE item_id = ?').run(notes, alias, itemId);
}

describe('CSV export', () => {
  it('has a BOM, CRLF line ends and the header row', async () => {
    const file = await exported({ ...VIEW, format: 'csv' });
    expect(file.fileName).toBe('licenses-2026-07-10.csv');
    expect(file.saved).toEqual({ path: '/fake/licenses-2026-07-10.csv', bytes: Buffer.byteLength(file.content) });
    expect(file.rows).toBe(250);
    expect(file.content.charCodeAt(0)).toBe(0xfeff);
    expect(file.content.slice(1).split('\r\n')[0]).toBe(HEADER.join(','));
    expect(file.content.endsWith('\r\n')).toBe(true);
    expect(file.content.match(/\r\n/g)).toHaveLength(251);
    expect(/[^\r]\n/.test(file.content)).toBe(false);
  });

  it('holds every row of the filtered view (not just one page), in the view’s sort order', async () => {
    const file = await exported({ ...VIEW, format: 'csv' });
    const records = parse(file.content, { bom: true, columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(250);
    const listed = await listedAll();
    expect(listed).toHaveLength(250);
    expect(records.map((r) => r['Item Id'])).toEqual(listed.map((x) => x.itemId));
    const ids = records.map((r) => r['Item Id']);
    expect(ids).toEqual([...ids].sort().reverse());
    expect(new Set(records.map((r) => r.Product))).toEqual(new Set(['Dynamsoft Barcode Reader']));
  });

  it('writes readable values: labels, dates, usage and the status of the viewer’s day', async () => {
    const records = parse((await exported({ ...VIEW, format: 'csv' })).content, { bom: true, columns: true }) as Record<string, string>[];
    const byId = new Map(records.map((r) => [r['Item Id'], r]));
    expect(byId.get(itemIdFor(7))).toMatchObject({ 'License Type': 'Annual', 'Quota Mode': 'Per barcode scan', Used: '3', 'Used On': '2026-07-01', Status: 'Active', 'License Status': 'Active', 'Activation Date': '2026-01-15', 'Expiry Date': '2027-01-15', Project: '', Notes: '' });
    expect(byId.get(itemIdFor(50))).toMatchObject({ 'Expiry Date': '2026-07-15', Status: 'Expires soon' });
  });

  it('escapes cells a spreadsheet would run as formulas', async () => {
    setNotes(itemIdFor(3), '=HYPERLINK("x")', '+SUM(A1)');
    setNotes(itemIdFor(4), '@cmd', '-2+3');
    const records = parse((await exported({ ...VIEW, format: 'csv' })).content, { bom: true, columns: true }) as Record<string, string>[];
    const byId = new Map(records.map((r) => [r['Item Id'], r]));
    expect(byId.get(itemIdFor(3))).toMatchObject({ Notes: `'=HYPERLINK("x")`, Alias: "'+SUM(A1)" });
    expect(byId.get(itemIdFor(4))).toMatchObject({ Notes: "'@cmd", Alias: "'-2+3" });
    expect(records.filter((r) => Object.values(r).some((v) => /^[=+\-@\t\r]/.test(v)))).toEqual([]);
  });

  it('an empty view is just the header', async () => {
    const file = await exported({ ...VIEW, search: 'nothing matches this', format: 'csv' });
    expect(file.content).toBe(`\ufeff${HEADER.join(',')}\r\n`);
  });
});

describe('JSON export', () => {
  it('parses, with the count, the day, and each license with its status', async () => {
    const file = await exported({ ...VIEW, format: 'json' });
    expect(file).toMatchObject({ fileName: 'licenses-2026-07-10.json', rows: 250, saved: { path: '/fake/licenses-2026-07-10.json' } });
    const doc = JSON.parse(file.content) as { exportedFor: string; count: number; licenses: (LicenseItem & { status: string })[] };
    expect(doc.exportedFor).toBe(FIXED_AS_OF);
    expect(doc.count).toBe(250);
    expect(doc.licenses).toHaveLength(250);
    expect(doc.licenses.map((l) => l.itemId)).toEqual((await listedAll()).map((x) => x.itemId));
    expect(doc.licenses.find((l) => l.itemId === itemIdFor(7))).toMatchObject({ used: 3, usedOn: '2026-07-01', status: 'active', productName: 'Dynamsoft Barcode Reader' });
    expect(doc.licenses.find((l) => l.itemId === itemIdFor(50))!.status).toBe('expiring-red');
    // status agrees with the list's headline filter for the same day
    const red = await api.call('licenses:list', { ...VIEW, filters: { productCodes: ['DBR'], headlines: ['expiring-red'] } });
    expect(doc.licenses.filter((l) => l.status === 'expiring-red').map((l) => l.itemId).sort()).toEqual(red.rows.map((r) => r.itemId).sort());
  });
});
