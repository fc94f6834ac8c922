import { describe, expect, it } from 'vitest';
import type { OpenedStore } from '../../../electron/core/db/store.js';
import { createLicenseService } from '../../../electron/core/services/licenses/service.js';
import { createSettingsService } from '../../../electron/core/services/settings.js';
import { createUsageService } from '../../../electron/core/services/usage.js';
import { FIXED_NOW_ISO, countRows, fixedClock, newLicenseInput } from '../../fixtures/builders.js';
import { eachFreshStore, testApi } from '../../fixtures/core.js';

let store: OpenedStore;
eachFreshStore((s) => (store = s));

const service = () => createLicenseService(store.db, fixedClock(), createSettingsService(store.db), 'alice');
const tombstones = () =>
  (store.db.prepare('SELECT license_item_id, item_id, deleted_at, deleted_by, last_values, history, usage FROM license_tombstones ORDER BY id').all() as { item_id: string; last_values: string; history: string; usage: string }[]).map((t) => ({
    ...t,
    last_values: JSON.parse(t.last_values) as Record<string, unknown>,
    history: JSON.parse(t.history) as { action: string }[],
    usage: JSON.parse(t.usage) as unknown[],
  }));

describe('deleting a license keeps a trace that survives the row', () => {
  it('who, when, the last values, the history and the usage are kept after the row and its cascades are gone', () => {
    const svc = service();
    const item = svc.create(newLicenseInput({ itemId: '880001', alias: 'Doomed site', notes: 'last words' }));
    svc.update(item.id, newLicenseInput({ itemId: '880001', alias: 'Doomed site', notes: 'edited once' }));
    createUsageService(store.db, fixedClock()).add({ licenseId: item.id, takenOn: '2026-07-01', used: 5 });
    svc.remove(item.id);
    expect(countRows(store.db, 'license_items')).toBe(0);
    expect(countRows(store.db, 'license_history')).toBe(0);
    const [t] = tombstones();
    expect(t).toMatchObject({ license_item_id: item.id, item_id: '880001', deleted_at: FIXED_NOW_ISO, deleted_by: 'alice', usage: [{ taken_on: '2026-07-01', used: 5 }] });
    expect(t!.last_values).toMatchObject({ item_id: '880001', alias: 'Doomed site', notes: 'edited once', product_code: 'DBR', used: 5 });
    expect(t!.last_values).not.toHaveProperty('search_text');
    expect(t!.history.map((h) => h.action)).toEqual(['created', 'updated', 'usage']);
  });

  it('tombstones cannot be changed or removed', () => {
    const svc = service();
    svc.remove(svc.create(newLicenseInput({ itemId: '880002' })).id);
    expect(() => store.db.prepare("UPDATE license_tombstones SET deleted_by = 'mallory'").run()).toThrow('license tombstones cannot be changed');
    expect(() => store.db.prepare('DELETE FROM license_tombstones').run()).toThrow('license tombstones cannot be removed');
    expect(tombstones()).toHaveLength(1);
  });

  it('a license recorded as the renewal of another is not deleted, with a message saying why; nothing changes', async () => {
    const api = testApi(store.db);
    const old = await api.call('licenses:create', newLicenseInput({ itemId: '100001' }));
    const renewal = await api.call('licenses:create', newLicenseInput({ itemId: '100002' }));
    store.db.prepare('UPDATE license_items SET renewed_by_id = ? WHERE id = ?').run(renewal.id, old.id);
    const err = await api.fail('licenses:delete', { id: renewal.id });
    expect(err).toEqual({
      code: 'CONFLICT',
      message: 'Item 100002 cannot be deleted: it is recorded as the renewal of item 100001, which would then count as not renewed. Delete that item first if the renewal was recorded by mistake.',
    });
    expect((await api.call('licenses:get', { id: old.id })).renewedById).toBe(renewal.id);
    expect(tombstones()).toEqual([]);
    // The schema refuses it too, whatever code tries.
    expect(() => store.db.prepare('DELETE FROM license_items WHERE id = ?').run(renewal.id)).toThrow(/FOREIGN KEY/);
    // The older item can go; its renewal stays as it was.
    await api.call('licenses:delete', { id: old.id });
    expect((await api.call('licenses:get', { id: renewal.id })).itemId).toBe('100002');
    expect(tombstones().map((t) => t.item_id)).toEqual(['100001']);
  });
});
