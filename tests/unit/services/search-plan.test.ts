import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/core/db/store.js';
import type { WritableDb } from '../../../electron/core/db/connection.js';
import { createLicenseService, searchIsSelective } from '../../../electron/core/services/licenses/service.js';
import { createSettingsService } from '../../../electron/core/services/settings.js';
import { LicenseQuery } from '../../../shared/domain/query.js';
import { FIXED_AS_OF, TempDirs, fixedClock, newLicenseInput } from '../../fixtures/builders.js';

const dirs = new TempDirs();
const open: WritableDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  dirs.cleanup();
});

describe('search plan: the trigram index for selective text, a scan for broad text', () => {
  it('gives the same answers either way', async () => {
    const { db } = await openStore(dirs.make());
    open.push(db);
    const svc = createLicenseService(db, fixedClock(), createSettingsService(db));
    db.transaction(() => {
      for (let i = 0; i < 25_100; i++) svc.create(newLicenseInput({ itemId: String(700000 + i), alias: i < 3 ? `Zeta site ${i}` : `Alpha site ${i}` }));
    })();
    const list = (search: string) => svc.list(LicenseQuery.parse({ asOf: FIXED_AS_OF, search, limit: 5, sort: { key: 'itemId', dir: 'asc' } }));

    expect(searchIsSelective(db, 'zeta')).toBe(true);
    expect(searchIsSelective(db, 'alpha')).toBe(false);
    expect(searchIsSelective(db, 'ze')).toBe(false);
    expect(searchIsSelective(db, '50%')).toBe(false);

    const zeta = list('ZETA');
    expect(zeta.total).toBe(3);
    expect(zeta.rows.map((r) => r.itemId)).toEqual(['700000', '700001', '700002']);
    const alpha = list('alpha site');
    expect(alpha.total).toBe(25_097);
    expect(alpha.rows.map((r) => r.itemId)).toEqual(['700003', '700004', '700005', '700006', '700007']);
    expect(list('site 25099').rows.map((r) => r.itemId)).toEqual(['725099']);
  });
});
