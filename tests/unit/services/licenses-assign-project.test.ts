import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../../../electron/core/db/store.js';
import { AppError } from '../../../electron/core/errors.js';
import type { LicenseService } from '../../../electron/core/services/licenses/service.js';
import { TempDirs, countRows, newLicenseInput } from '../../fixtures/builders.js';
import { testServices } from '../../fixtures/core.js';

const tmp = new TempDirs();
let store: OpenedStore;
let svc: LicenseService;
const clock = { now: () => new Date(Date.UTC(2026, 6, 10, 12)) };
const PROJECT = '100123456-100654321';

beforeEach(async () => {
  store = await openStore(tmp.make());
  svc = testServices(store.db, clock).licenses;
});

afterEach(() => {
  if (store.db.open) store.db.close();
  tmp.cleanup();
});

describe('licenses.assignProject', () => {
  it('puts every chosen item on the project in one write, with a history entry each, and skips those already on it', () => {
    const a = svc.create(newLicenseInput({ itemId: '1' }));
    const b = svc.create(newLicenseInput({ itemId: '2' }));
    const c = svc.create(newLicenseInput({ itemId: '3', projectCode: PROJECT }));
    const untouched = svc.create(newLicenseInput({ itemId: '4' }));
    const historyBefore = countRows(store.db, 'license_history');

    expect(svc.assignProject([a.id, b.id, c.id, a.id], PROJECT)).toEqual({ updated: 2 });

    expect([a, b, c].map((x) => svc.get(x.id).projectCode)).toEqual([PROJECT, PROJECT, PROJECT]);
    expect(svc.get(untouched.id).projectCode).toBeNull();
    expect(countRows(store.db, 'license_history')).toBe(historyBefore + 2);
    expect(svc.history(a.id)[0]!.changes).toMatchObject({ projectCode: [null, PROJECT] });
    // The project exists now, with the organization from the code's prefix.
    expect(store.db.prepare('SELECT organization_id FROM projects WHERE handshake_code = ?').get(PROJECT)).toEqual({ organization_id: '100123456' });
  });

  it('takes items off their project with null', () => {
    const a = svc.create(newLicenseInput({ itemId: '1', projectCode: PROJECT }));
    expect(svc.assignProject([a.id], null)).toEqual({ updated: 1 });
    expect(svc.get(a.id).projectCode).toBeNull();
  });

  it('changes nothing when one of the ids is not recorded', () => {
    const a = svc.create(newLicenseInput({ itemId: '1' }));
    let error: unknown;
    try {
      svc.assignProject([a.id, 9999], PROJECT);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('NOT_FOUND');
    expect((error as AppError).message).toBe('1 of the chosen licenses is no longer recorded; nothing was changed.');
    expect(svc.get(a.id).projectCode).toBeNull();
    expect(countRows(store.db, 'projects')).toBe(0);
  });
});
