import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/core/db/store.js';
import type { WritableDb } from '../../../electron/core/db/connection.js';
import { createLicenseService, listLicenses, searchIsSelective } from '../../../electron/core/services/licenses/service.js';
import { createSettingsService } from '../../../electron/core/services/settings.js';
import { buildListQuery } from '../../../electron/core/services/licenses/list-query.js';
import { LICENSE_FROM } from '../../../electron/core/services/licenses/rows.js';
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
    // A phrase has no wildcards: `%` is a plain character, found through the index like any other.
    expect(searchIsSelective(db, '50%')).toBe(true);

    const zeta = list('ZETA');
    expect(zeta.total).toBe(3);
    expect(zeta.rows.map((r) => r.itemId)).toEqual(['700000', '700001', '700002']);
    const alpha = list('alpha site');
    expect(alpha.total).toBe(25_097);
    expect(alpha.rows.map((r) => r.itemId)).toEqual(['700003', '700004', '700005', '700006', '700007']);
    expect(list('site 25099').rows.map((r) => r.itemId)).toEqual(['725099']);
  });

  it('finds through the index exactly what a scan of the search column finds', async () => {
    const { db } = await openStore(dirs.make());
    open.push(db);
    const settings = createSettingsService(db);
    const svc = createLicenseService(db, fixedClock(), settings);
    const aliases = ['50% off', '5_0 plant', 'back\\slash', 'say "hi"', 'Ünïcödé Straße', 'ΣΊΣΥΦΟΣ', '東京 倉庫', 'aaaa', 'aaa', 'emoji 😀 kiosk', 'Line  two spaces', null];
    db.transaction(() => {
      aliases.forEach((alias, i) => svc.create(newLicenseInput({ itemId: String(810000 + i), alias, notes: i % 3 === 0 ? 'Reader at gate 10401' : '' })));
    })();
    // Every text a user might type: pieces of what is stored, across field boundaries, and misses.
    const searches = ['50%', '0% o', '5_0', '_0 ', 'k\\s', '"hi"', 'y "', 'ünï', 'STRASSE', 'straße', 'σίσ', 'ΣΥΦ', '東京 倉', 'aaa', 'aaaa', 'aaaaa', '😀 k', '  t', '810003', '1000 ', 'gate 10401', '0401', 'zzz', '%%%'];
    let matched = 0;
    for (const search of searches) {
      const q = LicenseQuery.parse({ asOf: FIXED_AS_OF, search, limit: 100, sort: { key: 'itemId', dir: 'asc' } });
      const { where, params, orderBy } = buildListQuery(q, settings.status(), false);
      const scanned = db.prepare(`SELECT li.id ${LICENSE_FROM} ${where} ${orderBy}`).pluck().all(params);
      const listed = listLicenses(db, q, settings);
      expect({ search, ids: listed.rows.map((r) => r.id), total: listed.total }).toEqual({ search, ids: scanned, total: scanned.length });
      if (scanned.length > 0) matched++;
    }
    expect(matched).toBeGreaterThanOrEqual(18);
  });
});

