import { PRODUCT_CATALOGUE, type CatalogueProduct } from '../../../shared/domain/catalogue.js';
import { KEY_KINDS } from '../../../shared/domain/project.js';
import { DEVICE_WINDOWS, LICENSE_TERMS, QUOTA_MODES } from '../../../shared/domain/quota.js';
import { writeTransaction, type WritableDb } from './connection.js';

/** The schema version whose migration made the list tables (0008-reference-lists). */
export const REFERENCE_TABLES_SINCE = 8;

/** Today's lists, as the app's code knows them; migrations never read these (they hold literal SQL). */
export interface ReferenceLists {
  terms: readonly string[];
  quotaModes: readonly string[];
  deviceWindows: readonly string[];
  keyKinds: readonly string[];
  catalogue: readonly CatalogueProduct[];
}

export const CURRENT_LISTS: ReferenceLists = { terms: LICENSE_TERMS, quotaModes: QUOTA_MODES, deviceWindows: DEVICE_WINDOWS, keyKinds: KEY_KINDS, catalogue: PRODUCT_CATALOGUE };

/**
 * Brings the database's lists up to the app's, at every start: new values are added, none is ever
 * removed (stored rows may use it). Built-in products get today's name and editions; a product the
 * user made keeps its own row even if a later catalogue uses its code. Idempotent: a second run
 * writes nothing. Returns how many rows it added or changed.
 */
export function syncReferenceData(db: WritableDb, lists: ReferenceLists = CURRENT_LISTS): number {
  return writeTransaction(db, () => {
    let changed = 0;
    const tables: [string, readonly string[]][] = [
      ['license_terms', lists.terms],
      ['quota_modes', lists.quotaModes],
      ['device_windows', lists.deviceWindows],
      ['key_kinds', lists.keyKinds],
    ];
    for (const [table, values] of tables) {
      const add = db.prepare(`INSERT INTO ${table} (code) VALUES (?) ON CONFLICT(code) DO NOTHING`);
      for (const v of values) changed += add.run(v).changes;
    }
    const product = db.prepare(
      `INSERT INTO products (code, name, editions, built_in) VALUES (?, ?, ?, 1)
       ON CONFLICT(code) DO UPDATE SET name = excluded.name, editions = excluded.editions
       WHERE products.built_in = 1 AND (products.name IS NOT excluded.name OR products.editions IS NOT excluded.editions)`,
    );
    for (const p of lists.catalogue) changed += product.run(p.code, p.name, JSON.stringify(p.editions)).changes;
    return changed;
  });
}
