import { describe, expect, it } from 'vitest';
import { missingRequired, suggestMapping, TARGET_FIELDS, type ColumnMapping } from '../../../electron/core/import/columns.js';

describe('suggestMapping', () => {
  it('maps the portal "My Full License(s)" headers exactly', () => {
    const headers = ['Item Id', 'License Item', 'Version Info', 'License Status', 'Accumulated Quota', 'Usage/Maintenance Expiry Date', 'Operation'];
    expect(suggestMapping(headers)).toEqual({
      'Item Id': 'itemId',
      'License Item': 'licenseItem',
      'Version Info': 'version',
      'License Status': 'activationStatus',
      'Accumulated Quota': 'quotaAmount',
      'Usage/Maintenance Expiry Date': 'expiresOn',
      Operation: null,
    });
  });

  it('maps the other portal headers', () => {
    expect(suggestMapping(['License Id', 'Order Id', 'Activation Date', 'Project', 'Alias', 'Used', 'Notes'])).toEqual({
      'License Id': 'licenseId',
      'Order Id': 'orderId',
      'Activation Date': 'activatedOn',
      Project: 'projectCode',
      Alias: 'alias',
      Used: 'used',
      Notes: 'notes',
    });
  });

  it('ignores case, spaces and punctuation, and knows common synonyms', () => {
    expect(suggestMapping(['ITEM ID', 'product', 'Quota', 'Expires', 'Handshake Code', 'quota_mode', 'License Type'])).toEqual({
      'ITEM ID': 'itemId',
      product: 'product',
      Quota: 'quotaAmount',
      Expires: 'expiresOn',
      'Handshake Code': 'projectCode',
      quota_mode: 'quotaMode',
      'License Type': 'term',
    });
    expect(suggestMapping(['item_id'])).toEqual({ item_id: 'itemId' });
    expect(suggestMapping(['Item-ID '])).toEqual({ 'Item-ID ': 'itemId' });
    expect(suggestMapping(['Expiry'])).toEqual({ Expiry: 'expiresOn' });
    expect(suggestMapping(['Maintenance ends'])).toEqual({ 'Maintenance ends': 'maintenanceExpiresOn' });
  });

  it('gives each field to one header, preferring the portal name over a synonym', () => {
    expect(suggestMapping(['Id', 'Item Id', 'Expiry', 'Usage/Maintenance Expiry Date'])).toEqual({
      Id: null,
      'Item Id': 'itemId',
      Expiry: null,
      'Usage/Maintenance Expiry Date': 'expiresOn',
    });
    // Same rank: the first header wins.
    expect(suggestMapping(['Expires', 'Expiry'])).toEqual({ Expires: 'expiresOn', Expiry: null });
  });

  it('maps unknown headers to null', () => {
    expect(suggestMapping(['Colour', 'Operation', ''])).toEqual({ Colour: null, Operation: null, '': null });
  });

  it('only suggests real target fields', () => {
    const values = Object.values(suggestMapping(['Item Id', 'Quota Mode', 'Edition', 'Maintenance Expiry Date', 'Product Name']));
    for (const v of values) expect(v === null || (TARGET_FIELDS as readonly string[]).includes(v)).toBe(true);
  });
});

describe('missingRequired', () => {
  it('needs nothing more for the portal list', () => {
    expect(missingRequired(suggestMapping(['Item Id', 'License Item', 'Accumulated Quota']))).toEqual([]);
  });
  it('needs an item id', () => {
    expect(missingRequired({ 'License Item': 'licenseItem' })).toEqual(['itemId']);
  });
  it('without a License Item, needs product, quota mode and quota', () => {
    expect(missingRequired({ 'Item Id': 'itemId' })).toEqual(['product', 'quotaMode', 'quotaAmount']);
    expect(missingRequired({ 'Item Id': 'itemId', P: 'product', M: 'quotaMode' })).toEqual(['quotaAmount']);
    const full: ColumnMapping = { 'Item Id': 'itemId', P: 'product', M: 'quotaMode', Q: 'quotaAmount' };
    expect(missingRequired(full)).toEqual([]);
  });
  it('does not count ignored columns', () => {
    expect(missingRequired({ 'Item Id': null, 'License Item': 'licenseItem' })).toEqual(['itemId']);
  });
});
