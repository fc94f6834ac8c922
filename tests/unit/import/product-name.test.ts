import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFlexibleDate } from '../../../electron/core/import/dates.js';
import { createProductParser, findProductInText, parseProductSaleName, resolveProduct } from '../../../electron/core/import/product-name.js';
import { parseCount, parseQuotaModeText, parseTermText } from '../../../electron/core/import/quota-text.js';
import { parseActivationStatus, stripRenewLink } from '../../../electron/core/import/row-values.js';
import { PRODUCT_CATALOGUE } from '../../../shared/domain/catalogue.js';

describe('parseProductSaleName', () => {
  it('reads the portal example with a validity clause', () => {
    expect(
      parseProductSaleName(
        'Dynamsoft Barcode Reader JavaScript Edition - All Barcode Types (Annual Runtime License for 10,000 barcode scans); License valid till July 10, 2026',
      ),
    ).toEqual({
      productCode: 'DBR',
      edition: 'JavaScript Edition',
      term: 'annual',
      quotaMode: 'scans',
      deviceWindow: null,
      quotaAmount: 10000,
      validTill: '2026-07-10',
    });
  });

  it('reads a quarterly active per-device DWT license', () => {
    expect(parseProductSaleName('Dynamic Web TWAIN Core Module (Annual License for Up to 25 Quarterly Active End-User Computers)')).toEqual({
      productCode: 'DWT',
      edition: 'Core Module',
      term: 'annual',
      quotaMode: 'devices',
      deviceWindow: 'quarterly',
      quotaAmount: 25,
      validTill: null,
    });
  });

  it('prefers the longer edition name and leaves the window empty when none is named', () => {
    expect(parseProductSaleName('Dynamic Web TWAIN Service Edition Core Module (annual license, up to 30 client devices)')).toEqual({
      productCode: 'DWT',
      edition: 'Service Edition Core Module',
      term: 'annual',
      quotaMode: 'devices',
      deviceWindow: null,
      quotaAmount: 30,
      validTill: null,
    });
  });

  const modes: [string, Partial<ReturnType<typeof parseProductSaleName>>][] = [
    ['(Annual Runtime License, up to 10 concurrent devices)', { quotaMode: 'concurrent-devices', quotaAmount: 10, term: 'annual' }],
    ['(1 annual runtime license, per server deployment)', { quotaMode: 'servers', quotaAmount: 1, term: 'annual' }],
    ['(3 annual runtime licenses, per server deployment)', { quotaMode: 'servers', quotaAmount: 3 }],
    ['(Annual Runtime License, up to 100000 Quarterly Active Devices)', { quotaMode: 'devices', deviceWindow: 'quarterly', quotaAmount: 100000 }],
    ['(Annual Runtime License, up to 500 Daily Active Devices)', { quotaMode: 'devices', deviceWindow: 'daily', quotaAmount: 500 }],
    ['(Annual Runtime License for Employee App up to 30 devices)', { quotaMode: 'devices', deviceWindow: null, quotaAmount: 30 }],
    ['(1 Desktop annual runtime license, up to 10 client computers)', { quotaMode: 'devices', quotaAmount: 10 }],
    ['Dynamic Web TWAIN Core Module (Annual Runtime License for 50,000 pages)', { quotaMode: 'pages', quotaAmount: 50000 }],
    ['(Annual Runtime License, per domain)', { quotaMode: 'domains', quotaAmount: 1 }],
    ['(Annual Runtime License, up to 4 concurrent instances)', { quotaMode: 'concurrent-instances', quotaAmount: 4 }],
    ['(Annual Runtime License, up to 20 offline registered devices)', { quotaMode: 'offline-devices', quotaAmount: 20 }],
    ['Dynamic Web TWAIN Core Module (Lifetime License for Up to 5 Client Computers)', { term: 'lifetime', quotaMode: 'devices', quotaAmount: 5 }],
    ['(1 perpetual runtime license, per server deployment)', { term: 'lifetime', quotaMode: 'servers', quotaAmount: 1 }],
    ['Lifetime license with 1 year annual maintenance, up to 2 servers', { term: 'lifetime', quotaMode: 'servers', quotaAmount: 2 }],
  ];
  it.each(modes)('%s', (text, expected) => {
    expect(parseProductSaleName(text)).toMatchObject(expected);
  });

  it('does not read the validity date as a quota', () => {
    const p = parseProductSaleName('Dynamsoft Barcode Reader (Annual Runtime License); License valid till July 10, 2026');
    expect(p.quotaAmount).toBeNull();
    expect(p.quotaMode).toBeNull();
    expect(p.validTill).toBe('2026-07-10');
  });

  it('gives the DWT add-on to DWT although the name contains "barcode reader"', () => {
    expect(parseProductSaleName('Dynamic Web TWAIN Barcode Reader Add-on (Annual License for Up to 25 Quarterly Active End-User Computers)')).toMatchObject({
      productCode: 'DWT',
      edition: 'Barcode Reader Add-on',
    });
  });

  it('reads order-line short forms', () => {
    expect(parseProductSaleName('DBR JS \u2013 10,000 barcode scans')).toMatchObject({ productCode: 'DBR', edition: 'JavaScript Edition', quotaAmount: 10000 });
    expect(parseProductSaleName('DBR Windows/Linux/Mac Edition \u2013 All Barcode Types (1 annual runtime license, per server deployment)')).toMatchObject({
      productCode: 'DBR',
      edition: 'Windows/Linux/Mac Edition',
      quotaMode: 'servers',
    });
  });

  it('returns nulls for names it does not know', () => {
    expect(parseProductSaleName('Acme Scanner Pro (unlimited seats)')).toEqual({
      productCode: null,
      edition: null,
      term: null,
      quotaMode: null,
      deviceWindow: null,
      quotaAmount: null,
      validTill: null,
    });
    expect(parseProductSaleName('')).toMatchObject({ productCode: null, quotaMode: null });
    // "dbr" must be a whole word, not part of another one.
    expect(parseProductSaleName('Sudbrook Imaging Suite').productCode).toBeNull();
  });

  it('uses the given product list, including user-added products', () => {
    const products = [{ code: 'ACME', name: 'Acme Scanner Pro', aliases: ['acme'] }];
    expect(parseProductSaleName('Acme Scanner Pro Gold Edition (annual, 5 servers)', products)).toMatchObject({
      productCode: 'ACME',
      edition: 'Gold Edition',
      quotaMode: 'servers',
      quotaAmount: 5,
    });
  });
});

describe('product lookup', () => {
  it('matches the longest alias first', () => {
    expect(findProductInText('Dynamsoft Batch Barcode Scanner Mobile Edition')?.code).toBe('BBS');
    expect(findProductInText('Dynamsoft Mobile Document Scanner')?.code).toBe('MDS');
  });
  it('resolves Product cells by code, name or alias', () => {
    expect(resolveProduct('DBR')).toBe('DBR');
    expect(resolveProduct('dwt')).toBe('DWT');
    expect(resolveProduct('  Dynamsoft   Label Recognizer ')).toBe('DLR');
    expect(resolveProduct('Unknown Thing')).toBeNull();
    expect(resolveProduct('')).toBeNull();
  });
});

describe('quota text helpers', () => {
  it('parses counts with separators and refuses decimals', () => {
    expect(parseCount('10,000')).toBe(10000);
    expect(parseCount('1,000,000')).toBe(1000000);
    expect(parseCount(' 25 ')).toBe(25);
    expect(parseCount('10 000')).toBe(10000);
    expect(parseCount('10,00')).toBeNull();
    expect(parseCount('10.000')).toBeNull();
    expect(parseCount('-5')).toBeNull();
    expect(parseCount('abc')).toBeNull();
  });
  it('reads quota-mode cells', () => {
    expect(parseQuotaModeText('concurrent-devices')).toEqual({ quotaMode: 'concurrent-devices', deviceWindow: null });
    expect(parseQuotaModeText('Per barcode scan')).toEqual({ quotaMode: 'scans', deviceWindow: null });
    expect(parseQuotaModeText('Quarterly Active Device')).toEqual({ quotaMode: 'devices', deviceWindow: 'quarterly' });
    expect(parseQuotaModeText('Per concurrent instance')).toEqual({ quotaMode: 'concurrent-instances', deviceWindow: null });
    expect(parseQuotaModeText('per hug')).toBeNull();
  });
  it('reads terms', () => {
    expect(parseTermText('Annual')).toBe('annual');
    expect(parseTermText('Perpetual')).toBe('lifetime');
    expect(parseTermText('monthly')).toBeNull();
  });
});

describe('createProductParser (one per import)', () => {
  const portal = fs
    .readFileSync(path.join(__dirname, '../../fixtures/portal/full-license-list.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => /"([^"]+)"|^[^,]*,([^,]+)/.exec(l))
    .flatMap((m) => (m ? [m[1] ?? m[2] ?? ''] : []));
  const texts = [
    ...portal,
    'Dynamic Web TWAIN Barcode Reader Add-on (Annual License for Up to 25 Quarterly Active End-User Computers)',
    'DBR JS \u2013 10,000 barcode scans',
    'Acme Scanner Pro Gold Edition (annual, 5 servers)',
    'Sudbrook Imaging Suite',
    '',
  ];
  const custom = [
    { code: 'ACME', name: 'Acme Scanner Pro', aliases: ['acme', 'scanner'] },
    { code: 'ZED', name: 'Zed Scanner', aliases: ['scanner'], editions: ['Gold Edition'] },
  ];

  it('reads every text as the one-off functions do, for the catalogue and for a user list', () => {
    expect(texts.length).toBeGreaterThan(15);
    for (const products of [PRODUCT_CATALOGUE, custom]) {
      const parser = createProductParser(products);
      for (const t of texts) {
        expect(parser.parse(t)).toEqual(parseProductSaleName(t, products));
        expect(parser.find(t)).toEqual(findProductInText(t, products));
        expect(parser.resolve(t)).toBe(resolveProduct(t, products));
      }
    }
  });

  it('parses each distinct text once and shares the (frozen) result', () => {
    const parser = createProductParser();
    const a = parser.parse(texts[0]!);
    expect(parser.parse(`${texts[0]!}`)).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    // The one-off function hands out its own copy.
    expect(Object.isFrozen(parseProductSaleName(texts[0]!))).toBe(false);
  });

  it('an exact name shared by two products resolves to the first, as before', () => {
    expect(createProductParser(custom).resolve('Scanner')).toBe('ACME');
    expect(createProductParser([...custom].reverse()).resolve('scanner')).toBe('ZED');
  });
});

describe('fast paths give the general answer', () => {
  it('parseCount: plain digits and separated forms', () => {
    for (const [s, n] of [['0', 0], ['25', 25], ['0025', 25], ['9007199254740991', 9007199254740991], ['9007199254740993', null], ['1,000', 1000]] as const) {
      expect(parseCount(s)).toBe(n);
    }
  });

  it('parseFlexibleDate: plain ISO days, leap days and impossible days', () => {
    expect(parseFlexibleDate('2026-07-10')).toBe('2026-07-10');
    expect(parseFlexibleDate('2024-02-29')).toBe('2024-02-29');
    expect(parseFlexibleDate('2025-02-29')).toBeNull();
    expect(parseFlexibleDate('2100-02-29')).toBeNull();
    expect(parseFlexibleDate('2000-02-29')).toBe('2000-02-29');
    expect(parseFlexibleDate('2026-13-01')).toBeNull();
    expect(parseFlexibleDate('1899-12-31')).toBeNull();
  });

  it('stripRenewLink and parseActivationStatus', () => {
    expect(stripRenewLink('2026-07-10')).toBe('2026-07-10');
    expect(stripRenewLink('2026-07-10 RENEW NOW >')).toBe('2026-07-10');
    expect(stripRenewLink('  2026-07-10 ')).toBe('2026-07-10');
    expect(parseActivationStatus('Active')).toBe('activated');
    expect(parseActivationStatus('• Active')).toBe('activated');
    expect(parseActivationStatus('NOT  activated')).toBe('new');
    expect(parseActivationStatus('New')).toBe('new');
    expect(parseActivationStatus('Maybe')).toBeNull();
  });
});
