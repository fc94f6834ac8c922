import { describe, expect, it } from 'vitest';
import type { LicenseItem } from '../../../shared/domain/license';
import { EMPTY_FORM, defaultExpiry, fromItem, issuesToErrors, toInput, validateForm, type LicenseFormValues } from '../../../renderer/src/features/licenses/form-model';

const filled: LicenseFormValues = {
  ...EMPTY_FORM,
  itemId: ' 5001 ',
  productCode: 'DBR',
  quotaMode: 'scans',
  quotaAmount: '10,000',
  activatedOn: '2026-03-01',
  expiresOn: '2027-03-01',
  alias: '  ',
};

describe('license form model', () => {
  it('turns typed text into the fields main stores: trimmed, empty as null, digits with separators as a number', () => {
    const input = toInput(filled);
    expect(input.itemId).toBe('5001');
    expect(input.quotaAmount).toBe(10000);
    expect(input.alias).toBeNull();
    expect(input.licenseId).toBeNull();
    // Fields the chosen term or mode cannot have are not sent, whatever the hidden field still holds.
    expect(toInput({ ...filled, maintenanceExpiresOn: '2030-01-01' }).maintenanceExpiresOn).toBeNull();
    expect(toInput({ ...filled, deviceWindow: 'monthly' }).deviceWindow).toBeNull();
    expect(toInput({ ...filled, activationStatus: 'new' }).activatedOn).toBeNull();
  });

  it('accepts a complete form and returns what the shared schema parsed', () => {
    const result = validateForm(filled);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.input).toMatchObject({ itemId: '5001', productCode: 'DBR', quotaAmount: 10000, expiresOn: '2027-03-01' });
  });

  it('marks every required field and every cross-field problem at once', () => {
    const result = validateForm({ ...EMPTY_FORM, expiresOn: '2026-01-01', activatedOn: '2026-02-01' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.itemId).toBe('Required');
    expect(result.errors.productCode).toBe('Required');
    expect(result.errors.quotaAmount).toBe('Required');
    expect(result.errors.expiresOn).toBe('Expiry must be after activation');
  });

  it('says "Enter a number" for a quota that is not one', () => {
    const result = validateForm({ ...filled, quotaAmount: 'lots' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.quotaAmount).toBe('Enter a number');
  });

  it('round-trips a stored item through the form unchanged', () => {
    const item: LicenseItem = {
      id: 9, itemId: '5002', licenseId: 'L-1', orderId: null, productCode: 'DWT', productName: 'Dynamic Web TWAIN', edition: 'Core Module', version: '19.X',
      term: 'annual', quotaMode: 'devices', deviceWindow: 'monthly', quotaAmount: 25, alias: null, activationStatus: 'activated', activatedOn: '2026-01-10',
      expiresOn: '2027-01-10', maintenanceExpiresOn: null, projectCode: null, notes: 'n', used: null, usedOn: null, renewedById: null, estimatedDates: [],
      createdAt: '2026-01-10T00:00:00.000Z', updatedAt: '2026-01-10T00:00:00.000Z',
    };
    const values = fromItem(item);
    expect(values.quotaAmount).toBe('25');
    expect(values.orderId).toBe('');
    const { id: _id, productName: _n, used: _u, usedOn: _o, renewedById: _r, createdAt: _c, updatedAt: _up, estimatedDates: _e, ...fields } = item;
    expect(toInput(values)).toEqual(fields);
  });

  it('offers one year from activation as the default expiry, and nothing for a half-typed date', () => {
    expect(defaultExpiry('2026-03-01')).toBe('2027-03-01');
    expect(defaultExpiry('2026-03')).toBe('');
    expect(defaultExpiry('')).toBe('');
  });

  it("maps main's field issues onto form fields, first message per field, ignoring unknown paths", () => {
    expect(
      issuesToErrors([
        { path: 'itemId', message: 'Item ID 5001 already exists' },
        { path: 'itemId', message: 'second' },
        { path: 'fields.nothing', message: 'x' },
        { path: 'expiresOn.0', message: 'bad date' },
      ]),
    ).toEqual({ itemId: 'Item ID 5001 already exists', expiresOn: 'bad date' });
  });
});
