import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/core/db/store.js';
import { writeTransaction, type WritableDb } from '../../../electron/core/db/connection.js';
import { withDeferredSearchIndex } from '../../../electron/core/services/licenses/search-index.js';
import { TempDirs } from '../../fixtures/builders.js';

const dirs = new TempDirs();
const open: WritableDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  dirs.cleanup();
});

async function store(): Promise<WritableDb> {
  const { db } = await openStore(dirs.make());
  open.push(db);
  return db;
}

function insert(db: WritableDb, itemId: string, text: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO license_items (item_id, product_code, term, quota_mode, quota_amount, activation_status, notes, created_at, updated_at, search_text)
         VALUES (?, 'DBR', 'annual', 'scans', 10, 'new', '', 'now', 'now', ?)`,
      )
      .run(itemId, text).lastInsertRowid,
  );
}

const found = (db: WritableDb, text: string) =>
  (db.prepare('SELECT rowid FROM license_search WHERE search_text LIKE ? ORDER BY rowid').all(`%${text}%`) as { rowid: number }[]).map((r) => r.rowid);
const integrity = (db: WritableDb) => db.prepare("INSERT INTO license_search(license_search, rank) VALUES ('integrity-check', 1)").run();

describe('deferred search indexing for bulk imports', () => {
  it('indexes rows added under the hold once, at the end, alongside rows indexed by the trigger', async () => {
    const db = await store();
    const before = insert(db, '1', 'alpha one');
    const ids = writeTransaction(db, () =>
      withDeferredSearchIndex(db, () => {
        const a = insert(db, '2', 'alpha two');
        const b = insert(db, '3', 'beta three');
        db.prepare("UPDATE license_items SET search_text = 'beta three changed' WHERE id = ?").run(b);
        const c = insert(db, '4', 'gamma gone');
        db.prepare('DELETE FROM license_items WHERE id = ?').run(c);
        return [a, b];
      }),
    );
    expect(found(db, 'alpha')).toEqual([before, ids[0]]);
    expect(found(db, 'changed')).toEqual([ids[1]]);
    expect(found(db, 'gamma')).toEqual([]);
    expect(() => integrity(db)).not.toThrow();
    expect(db.prepare('SELECT count(*) AS n FROM search_index_deferred').get()).toEqual({ n: 0 });
  });

  it('rolls back with the transaction: no rows, no index entries, no hold left behind', async () => {
    const db = await store();
    expect(() =>
      writeTransaction(db, () =>
        withDeferredSearchIndex(db, () => {
          insert(db, '2', 'delta');
          throw new Error('disk full, say');
        }),
      ),
    ).toThrow('disk full');
    expect(found(db, 'delta')).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM search_index_deferred').get()).toEqual({ n: 0 });
    insert(db, '5', 'delta after');
    expect(found(db, 'delta')).toHaveLength(1);
    expect(() => integrity(db)).not.toThrow();
  });

  it('refuses to run outside a transaction', async () => {
    const db = await store();
    expect(() => withDeferredSearchIndex(db, () => 1)).toThrow(/inside a write transaction/);
  });
});
