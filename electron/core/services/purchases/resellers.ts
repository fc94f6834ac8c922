import type { Reseller, StoredReseller } from '../../../../shared/domain/purchase-history.js';
import type { Clock } from '../../clock.js';
import { writeTransaction, type WritableDb } from '../../db/connection.js';
import { notFound } from '../../errors.js';

export interface ResellerService {
  /** The directory, optionally narrowed to regions containing `region` (case-insensitive). */
  list(region: string): StoredReseller[];
  create(r: Reseller): StoredReseller;
  update(id: number, r: Reseller): StoredReseller;
  remove(id: number): { id: number };
}

const COLUMNS = 'id, name, region, country, contact, email, website, notes';

/** The resellers the user keeps: the third way to buy, with whoever sells in their region. */
export function createResellerService(db: WritableDb, clock: Clock): ResellerService {
  function get(id: number): StoredReseller {
    const row = db.prepare(`SELECT ${COLUMNS} FROM resellers WHERE id = ?`).get(id) as StoredReseller | undefined;
    if (!row) throw notFound('That reseller');
    return row;
  }
  return {
    list(region) {
      const needle = `%${region.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return db.prepare(`SELECT ${COLUMNS} FROM resellers WHERE lower(region) LIKE ? ESCAPE '\\' OR lower(country) LIKE ? ESCAPE '\\' ORDER BY region, name`).all(needle, needle) as StoredReseller[];
    },
    create(r) {
      const id = writeTransaction(db, () =>
        db.prepare('INSERT INTO resellers (name, region, country, contact, email, website, notes, created_at) VALUES (@name, @region, @country, @contact, @email, @website, @notes, @at)').run({ ...r, at: clock.now().toISOString() }).lastInsertRowid,
      );
      return get(Number(id));
    },
    update(id, r) {
      writeTransaction(db, () => {
        get(id);
        db.prepare('UPDATE resellers SET name = @name, region = @region, country = @country, contact = @contact, email = @email, website = @website, notes = @notes WHERE id = @id').run({ ...r, id });
      });
      return get(id);
    },
    remove(id) {
      writeTransaction(db, () => {
        get(id);
        db.prepare('DELETE FROM resellers WHERE id = ?').run(id);
      });
      return { id };
    },
  };
}
