import { beforeEach, describe, expect, it } from 'vitest';
import type { OpenedStore } from '../../../electron/core/db/store.js';
import type { LicenseItem } from '../../../shared/domain/license.js';
import { FIXED_AS_OF, FIXED_NOW_ISO, countRows, newLicenseInput } from '../../fixtures/builders.js';
import { eachFreshStore, type TestApi } from '../../fixtures/core.js';

let store: OpenedStore;
let api: TestApi;
let item: LicenseItem;

eachFreshStore((s, a) => {
  store = s;
  api = a;
});
beforeEach(async () => {
  item = await api.call('licenses:create', newLicenseInput({ itemId: '900001', quotaAmount: 1000 }));
});

const add = (takenOn: string, used: number, licenseId = item.id) => api.call('usage:add', { licenseId, takenOn, used });
const current = async () => {
  const x = await api.call('licenses:get', { id: item.id });
  return { used: x.used, usedOn: x.usedOn };
};
const snapshots = () => api.call('usage:list', { licenseId: item.id });

describe('usage:add', () => {
  it('returns the stored snapshot and puts the figure on the item', async () => {
    expect(await current()).toEqual({ used: null, usedOn: null });
    const s = await add('2026-06-01', 400);
    expect(s).toEqual({ id: expect.any(Number), licenseId: item.id, takenOn: '2026-06-01', used: 400 });
    expect(await current()).toEqual({ used: 400, usedOn: '2026-06-01' });
  });

  it('the item keeps the figure of the LATEST date: a later one replaces it, an older one does not', async () => {
    await add('2026-06-01', 400);
    await add('2026-07-01', 650);
    expect(await current()).toEqual({ used: 650, usedOn: '2026-07-01' });
    await add('2026-05-01', 100);
    expect(await current()).toEqual({ used: 650, usedOn: '2026-07-01' });
    expect((await snapshots()).map((s) => [s.takenOn, s.used])).toEqual([
      ['2026-05-01', 100],
      ['2026-06-01', 400],
      ['2026-07-01', 650],
    ]);
  });

  it('a second figure for the same day corrects the first (one snapshot per day)', async () => {
    const first = await add('2026-07-01', 650);
    const again = await add('2026-07-01', 600);
    expect(again).toEqual({ ...first, used: 600 });
    expect(await snapshots()).toEqual([again]);
    expect(await current()).toEqual({ used: 600, usedOn: '2026-07-01' });
    // correcting an older day leaves the latest figure alone
    await add('2026-06-01', 10);
    await add('2026-06-01', 20);
    expect(await current()).toEqual({ used: 600, usedOn: '2026-07-01' });
    expect(countRows(store.db, 'usage_snapshots')).toBe(2);
  });

  it('refuses a reading dated after today, so it cannot hide the real latest one', async () => {
    await add('2026-07-09', 930);
    await expect(add('2027-06-01', 1000)).rejects.toThrow('{"code":"INVALID_INPUT","message":"A usage reading cannot be dated after today (2026-07-10).","issues":[{"path":"takenOn","message":"Not after today (2026-07-10)"}]}');
    // Today itself is fine.
    await add('2026-07-10', 940);
    expect(await current()).toEqual({ used: 940, usedOn: '2026-07-10' });
    expect(countRows(store.db, 'usage_snapshots')).toBe(2);
  });

  it('asks for confirmation of a reading far over quota, and stores it once confirmed', async () => {
    const absurd = add('2026-07-01', 99_999_999);
    await expect(absurd).rejects.toThrow(
      '"code":"NEEDS_CONFIRMATION","message":"99,999,999 is 100,000 times the quota of 1,000. Check the figure; record it only if the License Server really shows it."',
    );
    expect(countRows(store.db, 'usage_snapshots')).toBe(0);
    // Over quota but plausible (the server allows some overuse): no question.
    await add('2026-07-01', 1_100);
    const kept = await api.call('usage:add', { licenseId: item.id, takenOn: '2026-07-02', used: 99_999_999, confirmed: true });
    expect(kept.used).toBe(99_999_999);
  });

  it('writes a "usage" history entry for each figure, with the date and value', async () => {
    await add('2026-07-01', 650);
    const [latest] = await api.call('licenses:history', { id: item.id });
    expect(latest).toEqual({ id: expect.any(Number), at: FIXED_NOW_ISO, action: 'usage', source: 'manual', changes: { takenOn: '2026-07-01', used: 650 } });
  });

  it('the figure drives the status filters and the used sort', async () => {
    const other = await api.call('licenses:create', newLicenseInput({ itemId: '900002', quotaAmount: 1000 }));
    await add('2026-07-01', 1000);
    await add('2026-07-01', 10, other.id);
    const full = await api.call('licenses:list', { asOf: FIXED_AS_OF, filters: { headlines: ['quota-full'] } });
    expect(full.rows.map((r) => r.itemId)).toEqual(['900001']);
    const byUse = await api.call('licenses:list', { asOf: FIXED_AS_OF, sort: { key: 'used', dir: 'desc' } });
    expect(byUse.rows.map((r) => [r.itemId, r.used])).toEqual([
      ['900001', 1000],
      ['900002', 10],
    ]);
  });

  it.each([
    [{ used: -1 }, 'used', 'Cannot be negative'],
    [{ used: 1.5 }, 'used', 'Whole numbers only'],
    [{ takenOn: '2026-02-30' }, 'takenOn', 'Not a real calendar date'],
    [{ takenOn: '1/7/2026' }, 'takenOn', 'Use the form YYYY-MM-DD'],
  ])('the contract refuses %j before anything is written', async (over, path, message) => {
    const e = await api.fail('usage:add', { licenseId: item.id, takenOn: '2026-07-01', used: 5, ...over });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toContainEqual({ path, message });
    expect(countRows(store.db, 'usage_snapshots')).toBe(0);
    expect(countRows(store.db, 'license_history')).toBe(1);
    expect(await current()).toEqual({ used: null, usedOn: null });
  });

  it('an unknown license is NOT_FOUND for add and list, and writes nothing', async () => {
    expect(await api.fail('usage:add', { licenseId: 999, takenOn: '2026-07-01', used: 5 })).toEqual({
      code: 'NOT_FOUND',
      message: 'That license was not found. It may have been deleted.',
    });
    expect((await api.fail('usage:list', { licenseId: 999 })).code).toBe('NOT_FOUND');
    expect(countRows(store.db, 'usage_snapshots')).toBe(0);
    expect(countRows(store.db, 'license_history')).toBe(1);
  });
});
