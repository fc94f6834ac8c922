import { describe, expect, it } from 'vitest';
import type { OpenedStore } from '../../../electron/core/db/store.js';
import type { DeletedLicense } from '../../../shared/domain/deleted-license.js';
import { newLicenseInput } from '../../fixtures/builders.js';
import { eachFreshStore, testApi } from '../../fixtures/core.js';

let store: OpenedStore;
eachFreshStore((s) => (store = s));

describe('deleted licenses', () => {
  it('are listed with item id, product and quota, and one is brought back with its history and usage; the restore is audited', async () => {
    const api = testApi(store.db);
    const item = await api.call('licenses:create', newLicenseInput({ itemId: '880001', alias: 'Doomed site', quotaAmount: 5000 }));
    await api.call('usage:add', { licenseId: item.id, takenOn: '2026-07-01', used: 5 });
    const historyBefore = await api.call('licenses:history', { id: item.id });
    await api.call('licenses:delete', { id: item.id });

    const [gone] = (await api.call('licenses:deleted', undefined)) as DeletedLicense[];
    expect(gone).toMatchObject({ itemId: '880001', productCode: 'DBR', alias: 'Doomed site', quotaAmount: 5000, state: 'restorable', currentId: null, deletedBy: 'local user' });
    expect(gone!.productName).toEqual(expect.any(String));

    const back = await api.call('licenses:restoreDeleted', { tombstoneId: gone!.tombstoneId });
    expect(back).toEqual({ id: item.id, itemId: '880001' });
    const restored = await api.call('licenses:get', { id: item.id });
    expect(restored).toMatchObject({ itemId: '880001', alias: 'Doomed site', quotaAmount: 5000 });
    expect(await api.call('usage:list', { licenseId: item.id })).toMatchObject([{ takenOn: '2026-07-01', used: 5 }]);
    expect((await api.call('licenses:history', { id: item.id })).map((h) => h.action)).toEqual(historyBefore.map((h) => h.action));
    // Found by search again (its search text is rebuilt).
    expect((await api.call('licenses:list', { asOf: '2026-07-10', search: 'doomed' })).total).toBe(1);
    // The tombstone stays (append-only) and now says the item is recorded again.
    expect(((await api.call('licenses:deleted', undefined)) as DeletedLicense[])[0]).toMatchObject({ state: 'recorded-again', currentId: item.id });
    const entry = store.db.prepare("SELECT channel, summary FROM audit_log WHERE channel = 'licenses:restoreDeleted'").get() as { summary: string } | undefined;
    expect(entry).toBeDefined();
    expect(JSON.parse(entry!.summary)).toMatchObject({ itemId: '880001' });
  });

  it('refuses to restore over an item recorded again, or an older deletion of an item deleted twice; nothing changes', async () => {
    const api = testApi(store.db);
    const first = await api.call('licenses:create', newLicenseInput({ itemId: '880002' }));
    await api.call('licenses:delete', { id: first.id });
    const again = await api.call('licenses:create', newLicenseInput({ itemId: '880002', alias: 'Typed in again' }));
    const [old] = (await api.call('licenses:deleted', undefined)) as DeletedLicense[];
    expect(old!.state).toBe('recorded-again');
    expect((await api.fail('licenses:restoreDeleted', { tombstoneId: old!.tombstoneId })).code).toBe('CONFLICT');
    expect((await api.call('licenses:get', { id: again.id })).alias).toBe('Typed in again');

    await api.call('licenses:delete', { id: again.id });
    const list = (await api.call('licenses:deleted', undefined)) as DeletedLicense[];
    expect(list.map((d) => d.state)).toEqual(['restorable', 'superseded']);
    const err = await api.fail('licenses:restoreDeleted', { tombstoneId: list[1]!.tombstoneId });
    expect(err.message).toBe('Item 880002 was deleted again later; restore that later deletion instead. Nothing was changed.');
    expect((await api.call('licenses:restoreDeleted', { tombstoneId: list[0]!.tombstoneId })).itemId).toBe('880002');
    expect((await api.fail('licenses:restoreDeleted', { tombstoneId: 9999 })).code).toBe('NOT_FOUND');
  });
});
