import type { WritableDb } from '../../db/connection.js';

/**
 * Runs a bulk insert with the search index's per-row trigger held off, then indexes every new row
 * in one statement. Must run inside the caller's write transaction, so a failure anywhere rolls
 * back the rows, the index and the hold together.
 */
export function withDeferredSearchIndex<T>(db: WritableDb, fn: () => T): T {
  if (!db.inTransaction) throw new Error('withDeferredSearchIndex must run inside a write transaction');
  const since = (db.prepare('SELECT coalesce(max(id), 0) AS id FROM license_items').get() as { id: number }).id;
  db.prepare('INSERT INTO search_index_deferred (since_id) VALUES (?)').run(since);
  const result = fn();
  db.prepare('INSERT INTO license_search (rowid, search_text) SELECT id, search_text FROM license_items WHERE id > ?').run(since);
  db.prepare('DELETE FROM search_index_deferred').run();
  return result;
}
