import { describe, expect, it } from 'vitest';
import { PRODUCT_CATALOGUE } from '../../../shared/domain/catalogue.js';
import { NewLicenseInput } from '../../../shared/domain/license.js';
import { suggestMapping } from '../../../electron/core/import/columns.js';
import { parseCsvText } from '../../../electron/core/import/parse-file.js';
import { mapRows } from '../../../electron/core/import/rows.js';

const ctx = { knownProducts: PRODUCT_CATALOGUE.map((p) => ({ code: p.code, name: p.name, aliases: [...p.aliases] })) };

function importCsv(lines: string[]) {
  const table = parseCsvText(lines.join('\n'));
  return mapRows(table, suggestMapping(table.headers), ctx);
}

const PORTAL_HEADER = 'Item Id,License Item,Version Info,License Status,Accumulated Quota,Usage/Maintenance Expiry Date';
const SCANS = '"Dynamsoft Barcode Reader JavaScript Edition - All Barcode Types (Annual Runtime License for 10,000 barcode scans)"';

describe('mapRows: portal rows', () => {
  it('builds full fields from a portal row, estimating activation a year before expiry', () => {
    const r = importCsv([PORTAL_HEADER, `104200101,${SCANS},11.X,Active,10000,2026-07-10`]);
    expect(r.rejected).toEqual([]);
    expect(r.accepted).toEqual([
      {
        line: 2,
        used: null,
        estimated: ['activatedOn'],
        fields: {
          itemId: '104200101',
          licenseId: null,
          orderId: null,
          productCode: 'DBR',
          edition: 'JavaScript Edition',
          version: '11.X',
          term: 'annual',
          quotaMode: 'scans',
          deviceWindow: null,
          quotaAmount: 10000,
          alias: null,
          activationStatus: 'activated',
          activatedOn: '2025-07-10',
          expiresOn: '2026-07-10',
          maintenanceExpiresOn: null,
          projectCode: null,
          notes: '',
        },
      },
    ]);
  });

  it('lets explicit columns win over the License Item text', () => {
    const r = importCsv([PORTAL_HEADER + ',Edition', `1,${SCANS},11.X,Active,"20,000",2026-07-10,Mobile Edition`]);
    expect(r.accepted[0]?.fields).toMatchObject({ quotaAmount: 20000, edition: 'Mobile Edition' });
  });

  it('uses "valid till" from the License Item when the expiry cell is empty', () => {
    const item = `"Dynamsoft Barcode Reader JavaScript Edition (Annual Runtime License for 10,000 barcode scans); License valid till July 10, 2026"`;
    const r = importCsv([PORTAL_HEADER, `1,${item},11.X,Active,10000,`]);
    expect(r.accepted[0]?.fields).toMatchObject({ expiresOn: '2026-07-10', activatedOn: '2025-07-10' });
  });

  it('reads a New row without dates', () => {
    const r = importCsv([PORTAL_HEADER, `1,${SCANS},11.X,New,10000,`]);
    expect(r.accepted[0]?.fields).toMatchObject({ activationStatus: 'new', activatedOn: null, expiresOn: null });
    expect(r.accepted[0]?.estimated).toEqual([]);
  });

  it('puts a lifetime row\'s date in maintenanceExpiresOn', () => {
    const r = importCsv([PORTAL_HEADER, '1,Dynamic Web TWAIN Core Module (Lifetime License for Up to 5 Client Computers),18.X,Active,5,2025-10-01']);
    expect(r.rejected).toEqual([]);
    expect(r.accepted[0]?.fields).toMatchObject({ term: 'lifetime', expiresOn: null, maintenanceExpiresOn: '2025-10-01', activatedOn: '2024-10-01' });
  });

  it('accepts the "• Active" bullet and the copied "RENEW NOW >" link text', () => {
    const r = importCsv([PORTAL_HEADER, `1,${SCANS},11.X,\u2022 Active,10000,2026-07-10 RENEW NOW >`]);
    expect(r.rejected).toEqual([]);
    expect(r.accepted[0]?.fields.expiresOn).toBe('2026-07-10');
  });
});

describe('mapRows: separate columns', () => {
  const header = 'Item ID,Product,Quota Mode,Quota,License Type,Activation Date,Expires,Used,Project,Alias,Notes';

  it('reads a row without a License Item and adds one year to the activation when there is no expiry', () => {
    const r = importCsv([header, '7,DLR,Quarterly Active Device,"1,000",Annual,03/15/2026,,250,123456-web,Warehouse,"multi\nline"']);
    expect(r.rejected).toEqual([]);
    expect(r.accepted[0]).toMatchObject({
      used: 250,
      estimated: ['expiresOn'],
      fields: {
        productCode: 'DLR',
        quotaMode: 'devices',
        deviceWindow: 'quarterly',
        quotaAmount: 1000,
        activationStatus: 'activated',
        activatedOn: '2026-03-15',
        expiresOn: '2027-03-15',
        projectCode: '123456-web',
        alias: 'Warehouse',
        notes: 'multi\nline',
      },
    });
  });

  it('treats a row without status or dates as new, and defaults the term to annual', () => {
    const r = importCsv(['Item Id,Product,Quota Mode,Quota', '8,Dynamic Web TWAIN,pages,500']);
    expect(r.accepted[0]?.fields).toMatchObject({ term: 'annual', activationStatus: 'new', quotaMode: 'pages', quotaAmount: 500 });
  });

  it('every accepted row passes NewLicenseInput', () => {
    const r = importCsv([header, '9,DBR,scans,100,Annual,2026-01-01,2027-01-01,,,,']);
    for (const a of r.accepted) expect(NewLicenseInput.safeParse(a.fields).success).toBe(true);
    expect(r.accepted).toHaveLength(1);
  });
});

describe('mapRows: rejections', () => {
  it('reports an invalid date with line, column, code and the value', () => {
    const r = importCsv([PORTAL_HEADER, `1,${SCANS},11.X,Active,10000,2026-07-10`, `2,${SCANS},11.X,Active,10000,31/31/2026`]);
    expect(r.accepted.map((a) => a.line)).toEqual([2]);
    expect(r.rejected).toEqual([
      { line: 3, column: 'Usage/Maintenance Expiry Date', code: 'INVALID_DATE', message: 'Expiry date "31/31/2026" is not a date' },
    ]);
  });

  it('counts lines past a multi-line cell', () => {
    const header = 'Item Id,Product,Quota Mode,Quota,Notes';
    const r = importCsv([header, '1,DBR,scans,10,"a', 'b', 'c"', '2,DBR,scans,ten,']);
    expect(r.rejected).toEqual([{ line: 5, column: 'Quota', code: 'INVALID_NUMBER', message: 'Quota "ten" is not a whole number' }]);
  });

  it('rejects a repeated Item Id on the later row', () => {
    const r = importCsv([PORTAL_HEADER, `5,${SCANS},11.X,Active,10000,2026-07-10`, `6,${SCANS},11.X,New,10000,`, `5,${SCANS},11.X,New,10000,`]);
    expect(r.accepted.map((a) => a.line)).toEqual([2, 3]);
    expect(r.rejected).toEqual([{ line: 4, column: 'Item Id', code: 'DUPLICATE_IN_FILE', message: 'Item Id "5" already appears on line 2' }]);
  });

  it('reports each problem of a row', () => {
    const header = 'Item Id,Product,Quota Mode,Quota,License Status,Used';
    const r = importCsv([header, ',Acme Scanner,per hug,0,Pending,many']);
    expect(r.accepted).toEqual([]);
    expect(r.rejected.map((x) => [x.line, x.column, x.code])).toEqual([
      [2, 'Item Id', 'MISSING_FIELD'],
      [2, 'Product', 'UNKNOWN_PRODUCT'],
      [2, 'Quota Mode', 'UNKNOWN_MODE'],
      [2, 'Used', 'INVALID_NUMBER'],
      [2, 'License Status', 'INVALID_VALUE'],
      [2, 'Quota', 'INVALID_NUMBER'],
    ]);
    expect(r.rejected.find((x) => x.column === 'Quota')?.message).toBe('Quota "0": At least 1');
    expect(r.rejected.find((x) => x.column === 'Product')?.message).toBe('Product "Acme Scanner" is not a known product');
  });

  it('reports a License Item it cannot read', () => {
    const r = importCsv(['Item Id,License Item', '1,Acme Scanner (annual)', '2,Dynamsoft Barcode Reader (annual)']);
    expect(r.rejected).toEqual([
      { line: 2, column: 'License Item', code: 'UNKNOWN_PRODUCT', message: 'License Item "Acme Scanner (annual)" does not name a known product' },
      { line: 2, column: 'License Item', code: 'UNKNOWN_MODE', message: 'License Item "Acme Scanner (annual)" does not say how the quota is counted' },
      { line: 2, column: 'License Item', code: 'MISSING_FIELD', message: 'No quota amount: the row has no Quota and License Item "Acme Scanner (annual)" does not state one' },
      { line: 3, column: 'License Item', code: 'UNKNOWN_MODE', message: 'License Item "Dynamsoft Barcode Reader (annual)" does not say how the quota is counted' },
      { line: 3, column: 'License Item', code: 'MISSING_FIELD', message: 'No quota amount: the row has no Quota and License Item "Dynamsoft Barcode Reader (annual)" does not state one' },
    ]);
  });

  it('maps schema issues to the source column', () => {
    const header = 'Item Id,Product,Quota Mode,Quota,Activation Date,Expires,License Id,Version Info';
    const r = importCsv([
      header,
      '12a,DBR,scans,10,,,,', // not digits
      '2,DBR,scans,10,2026-05-01,2026-01-01,,', // expiry before activation
      '3,DBR,scans,10,,,L-99,', // license id not digits
      '4,DBR,scans,10,,,,' + 'v'.repeat(25), // version too long
    ]);
    expect(r.rejected).toEqual([
      { line: 2, column: 'Item Id', code: 'INVALID_VALUE', message: 'Item ID "12a": Digits only (up to 18)' },
      { line: 3, column: 'Expires', code: 'INVALID_VALUE', message: 'Expiry date "2026-01-01": Expiry must be after activation' },
      { line: 4, column: 'License Id', code: 'INVALID_VALUE', message: 'License ID "L-99": Digits only (up to 18)' },
      { line: 5, column: 'Version Info', code: 'INVALID_VALUE', message: `Version "${'v'.repeat(25)}": is longer than 20 characters` },
    ]);
  });

  it('reports an activated lifetime row with no dates at all as missing its activation date', () => {
    const r = importCsv(['Item Id,Product,Quota Mode,Quota,License Type,License Status', '1,DWT,devices,5,Lifetime,Active']);
    expect(r.rejected).toEqual([
      { line: 2, column: null, code: 'MISSING_FIELD', message: 'Activation date: An activated license needs its activation date' },
    ]);
  });

  it('reports a missing product and mode when neither column nor License Item is given', () => {
    const r = mapRows({ headers: ['Item Id'], rows: [{ line: 7, cells: { 'Item Id': '1' } }] }, { 'Item Id': 'itemId' }, ctx);
    expect(r.rejected.map((x) => [x.line, x.code])).toEqual([
      [7, 'MISSING_FIELD'],
      [7, 'MISSING_FIELD'],
      [7, 'MISSING_FIELD'],
    ]);
  });

  it('rejects a bad term', () => {
    const r = importCsv(['Item Id,Product,Quota Mode,Quota,License Type', '1,DBR,scans,10,monthly']);
    expect(r.rejected).toEqual([{ line: 2, column: 'License Type', code: 'INVALID_VALUE', message: 'Term "monthly" is neither Annual nor Lifetime' }]);
  });
});
