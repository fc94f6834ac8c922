import { describe, expect, it } from 'vitest';
import { PRODUCT_CATALOGUE } from '../../../shared/domain/catalogue.js';
import { missingRequired, suggestMapping } from '../../../electron/core/import/columns.js';
import { parseCsvText } from '../../../electron/core/import/parse-file.js';
import { detectPerUnitMode, parseUsageText } from '../../../electron/core/import/quota-text.js';
import { countRejectedRows, mapRows } from '../../../electron/core/import/rows.js';
import { portalFixture } from '../../fixtures/portal.js';

const ctx = { knownProducts: PRODUCT_CATALOGUE.map((p) => ({ code: p.code, name: p.name, aliases: [...p.aliases] })) };

function importCsv(text: string) {
  const table = parseCsvText(text);
  return mapRows(table, suggestMapping(table.headers), ctx);
}

describe('the License Server Items page', () => {
  it('maps its headers: Quantity is the usage text, Start Date the activation', () => {
    const mapping = suggestMapping(['Item Id', 'Item', 'Product', 'Quantity', 'Start Date', 'Expiration Date']);
    expect(mapping).toEqual({
      'Item Id': 'itemId',
      Item: 'licenseItem',
      Product: 'product',
      Quantity: 'usage',
      'Start Date': 'activatedOn',
      'Expiration Date': 'expiresOn',
    });
    expect(missingRequired(mapping)).toEqual([]);
    expect(missingRequired({ 'Item Id': 'itemId', Product: 'product', Quantity: 'usage' })).toEqual([]);
  });

  it('imports every row with quota, usage and mode from the texts, and the dates as read', () => {
    const r = importCsv(portalFixture('license-server-items.csv'));
    expect(r.rejected).toEqual([]);
    expect(r.accepted.map((a) => [a.fields.itemId, a.fields.productCode, a.fields.quotaMode, a.fields.deviceWindow, a.fields.quotaAmount, a.used])).toEqual([
      ['101058772', 'DBR', 'devices', 'quarterly', 100000, 0],
      ['101058773', 'DWT', 'pages', null, 50000, 1234],
      ['101058774', 'DBR', 'scans', null, 10000, 9500],
    ]);
    expect(r.accepted[0]!.fields).toMatchObject({ activationStatus: 'activated', activatedOn: '2022-05-11', expiresOn: '2023-05-12', term: 'annual' });
    // Nothing was guessed: both dates are on the page.
    expect(r.accepted.every((a) => a.estimated?.length === 0)).toBe(true);
  });

  it('reports a Quantity it cannot read in plain words', () => {
    const r = importCsv('Item Id,Item,Quantity\n1,1 * Dynamsoft Barcode Reader per device,lots');
    expect(r.rejected).toEqual([
      { line: 2, column: 'Quantity', code: 'INVALID_VALUE', message: 'Usage "lots" is not in the form "0 of 100000 (0.00 %) devices used"' },
    ]);
  });

  it('reads the usage text and the per-unit phrases', () => {
    expect(parseUsageText('0 of 100000 (0.00 %) devices used')).toEqual({ used: 0, quota: 100000, quotaMode: 'devices' });
    expect(parseUsageText('12,345 of 10,000 (123.45%) barcode scans used')).toEqual({ used: 12345, quota: 10000, quotaMode: 'scans' });
    expect(parseUsageText('3 of 5')).toEqual({ used: 3, quota: 5, quotaMode: null });
    expect(parseUsageText('5')).toBeNull();
    expect(detectPerUnitMode('DBR JS per quarterly active device')).toEqual({ quotaMode: 'devices', deviceWindow: 'quarterly' });
    expect(detectPerUnitMode('Dynamic Web TWAIN per page')).toEqual({ quotaMode: 'pages', deviceWindow: null });
    expect(detectPerUnitMode('Dynamsoft Barcode Reader Server Edition')).toBeNull();
  });
});

describe('counting rejected rows, not problems', () => {
  it('one bad row with three problems among six is one rejected row and five valid ones', () => {
    const header = 'Item Id,Product,Quota Mode,Quota';
    const good = [1, 2, 3, 4, 5].map((i) => `${i},DBR,scans,100`);
    const r = importCsv([header, ...good.slice(0, 2), ',Acme,per hug,100', ...good.slice(2)].join('\n'));
    expect(r.rejected).toHaveLength(3);
    expect(countRejectedRows(r.rejected)).toBe(1);
    expect(r.accepted).toHaveLength(5);
  });

  it('two rows with two problems each are two rejected rows', () => {
    const r = importCsv(['Item Id,Product,Quota Mode,Quota', '1,Acme,per hug,100', '2,Acme,per hug,100'].join('\n'));
    expect(r.rejected).toHaveLength(4);
    expect(countRejectedRows(r.rejected)).toBe(2);
    expect(r.accepted).toHaveLength(0);
  });
});
