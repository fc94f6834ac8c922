import type { WritableDb } from '../../db/connection.js';
import { AppError } from '../../errors.js';

/** Who a deletion is recorded against when the app does not know the person (tests, the preview host). */
export const LOCAL_USER = 'local user';

/**
 * A license recorded as the renewal of others cannot go: their status would silently turn from
 * "renewed" back to expiring or expired. The schema refuses it too (ON DELETE RESTRICT).
 */
export function refuseIfRenewal(db: WritableDb, id: number, itemId: string): void {
  const renewed = (db.prepare('SELECT item_id FROM license_items WHERE renewed_by_id = ? ORDER BY item_id').all(id) as { item_id: string }[]).map((r) => r.item_id);
  if (renewed.length === 0) return;
  const list = renewed.length === 1 ? `item ${renewed[0]}` : `items ${renewed.join(', ')}`;
  throw new AppError(
    'CONFLICT',
    `Item ${itemId} cannot be deleted: it is recorded as the renewal of ${list}, which would then count as not renewed. ` +
      `Delete ${renewed.length === 1 ? 'that item' : 'those items'} first if the renewal was recorded by mistake.`,
  );
}

/** The row's last values with its history and usage, written before the row (and its cascades) go. */
export function writeTombstone(db: WritableDb, id: number, at: string, actor: string): void {
  const last = db.prepare('SELECT * FROM license_items WHERE id = ?').get(id) as Record<string, unknown> & { item_id: string };
  // search_text is derived from the other columns; keeping it would only duplicate them.
  const { search_text: _derived, ...values } = last;
  const history = db.prepare('SELECT at, action, source, json(changes) AS changes FROM license_history WHERE license_item_id = ? ORDER BY at, id').all(id) as { changes: string }[];
  const usage = db.prepare('SELECT taken_on, used FROM usage_snapshots WHERE license_item_id = ? ORDER BY taken_on').all(id);
  db.prepare('INSERT INTO license_tombstones (license_item_id, item_id, deleted_at, deleted_by, last_values, history, usage) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    id,
    last.item_id,
    at,
    actor,
    JSON.stringify(values),
    JSON.stringify(history.map((h) => ({ ...h, changes: JSON.parse(h.changes) as unknown }))),
    JSON.stringify(usage),
  );
}
