import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRODUCT_CATALOGUE } from '../../../shared/domain/catalogue.js';
import { NewLicenseInput } from '../../../shared/domain/license.js';
import { missingRequired, suggestMapping } from '../../../electron/core/import/columns.js';
import { parseCsvText, parseJsonText, type ParsedTable } from '../../../electron/core/import/parse-file.js';
import { mapRows } from '../../../electron/core/import/rows.js';

const dir = join(__dirname, '../../fixtures/portal');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const ctx = { knownProducts: PRODUCT_CATALOGUE.map((p) => ({ code: p.code, name: p.name, aliases: [...p.aliases] })) };

function importTable(table: ParsedTable) {
  const mapping = suggestMapping(table.headers);
  expect(missingRequired(mapping)).toEqual([]);
  return mapRows(table, mapping, ctx);
}

describe('portal fixture: full-license-list.csv', () => {
  const result = importTable(parseCsvText(read('full-license-list.csv')));

  it('imports every row with no rejections', () => {
    expect(result.rejected).toEqual([]);
    expect(result.accepted).toHaveLength(15);
    expect(result.accepted.map((a) => a.line)).toEqual(Array.from({ length: 15 }, (_, i) => i + 2));
    for (const a of result.accepted) expect(NewLicenseInput.safeParse(a.fields).success).toBe(true);
  });

  it('covers the products, modes and terms it was written for', () => {
    const f = result.accepted.map((a) => a.fields);
    expect(new Set(f.map((x) => x.productCode))).toEqual(new Set(['DBR', 'DWT', 'DLR']));
    expect(new Set(f.map((x) => x.quotaMode))).toEqual(new Set(['scans', 'devices', 'concurrent-devices', 'servers', 'pages', 'domains']));
    expect(f.filter((x) => x.term === 'lifetime').map((x) => x.itemId)).toEqual(['104200109', '104200110']);
    expect(f.filter((x) => x.activationStatus === 'new').map((x) => x.itemId)).toEqual(['104200111']);
  });

  it('reads individual rows correctly', () => {
    const byId = new Map(result.accepted.map((a) => [a.fields.itemId, a.fields]));
    expect(byId.get('104200102')).toMatchObject({ productCode: 'DWT', edition: 'Core Module', quotaMode: 'devices', deviceWindow: 'quarterly', quotaAmount: 25, expiresOn: '2026-03-31', activatedOn: '2025-03-31' });
    expect(byId.get('104200106')).toMatchObject({ productCode: 'DLR', edition: 'JavaScript Edition', deviceWindow: 'quarterly', quotaAmount: 100000 });
    expect(byId.get('104200109')).toMatchObject({ term: 'lifetime', expiresOn: null, maintenanceExpiresOn: '2025-10-01' });
    expect(byId.get('104200111')).toMatchObject({ activationStatus: 'new', activatedOn: null, expiresOn: null, quotaAmount: 100000 });
    expect(byId.get('104200113')).toMatchObject({ productCode: 'DWT', edition: 'Barcode Reader Add-on' });
    // Accumulated Quota (after "Add Quota") wins over the 10,000 in the sale name.
    expect(byId.get('104200115')).toMatchObject({ quotaAmount: 20000 });
  });
});

describe('portal fixture: full-license-list-bad-row.csv', () => {
  it('differs from the good file in one line only', () => {
    const good = read('full-license-list.csv').split('\n');
    const bad = read('full-license-list-bad-row.csv').split('\n');
    expect(bad).toHaveLength(good.length);
    expect(good.filter((l, i) => l !== bad[i])).toHaveLength(1);
  });

  it('rejects exactly the row with the impossible date, naming its line and column', () => {
    const result = importTable(parseCsvText(read('full-license-list-bad-row.csv')));
    expect(result.rejected).toEqual([
      { line: 8, column: 'Usage/Maintenance Expiry Date', code: 'INVALID_DATE', message: 'Expiry date "2025-11-31" is not a date' },
    ]);
    expect(result.accepted).toHaveLength(14);
  });
});

describe('JSON fixture: licenses-export.json', () => {
  it('imports our own field names, including mixed value spellings', () => {
    const result = importTable(parseJsonText(read('licenses-export.json')));
    expect(result.rejected).toEqual([]);
    expect(result.accepted.map((a) => [a.line, a.fields.itemId, a.used])).toEqual([
      [1, '104300201', 3120],
      [2, '104300202', null],
      [3, '104300203', null],
    ]);
    expect(result.accepted[0]?.fields).toMatchObject({ licenseId: '20045001', orderId: '9001234', activatedOn: '2025-07-10', projectCode: '100234-webapp', notes: '' });
    expect(result.accepted[1]?.fields).toMatchObject({ productCode: 'DWT', term: 'lifetime', deviceWindow: 'yearly', quotaAmount: 250, activatedOn: '2024-03-03', maintenanceExpiresOn: '2026-03-03', expiresOn: null });
    expect(result.accepted[2]?.fields).toMatchObject({ productCode: 'DLR', quotaMode: 'concurrent-devices', activationStatus: 'new' });
  });
});
