import type { DeletedLicense } from '../../../../shared/domain/deleted-license.js';
import { writeTransaction, type WritableDb } from '../../db/connection.js';
import { AppError, notFound } from '../../errors.js';
import { SEARCH_SOURCE_SQL, searchTextOf } from './write.js';

interface TombstoneRow {
  id: number;
  license_item_id: number;
  item_id: string;
  deleted_at: string;
  deleted_by: string;
  last_values: string;
  history: string;
  usage: string;
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);
const num = (v: unknown) => (typeof v === 'number' ? v : null);

/**
 * Deleted licenses, read from their tombstones (tombstones.ts keeps the row's last values with its
 * history and usage readings; keys belong to projects, not to the row, so nothing secret is needed),
 * and bringing one back. Tombstones are append-only: a restore leaves the tombstone, and the item
 * being recorded again is what marks it done.
 */
export function createDeletedLicenses(db: WritableDb) {
  const all = db.prepare('SELECT id, license_item_id, item_id, deleted_at, deleted_by, last_values, history, usage FROM license_tombstones ORDER BY deleted_at DESC, id DESC');
  const current = db.prepare('SELECT id FROM license_items WHERE item_id = ?');
  const productName = db.prepare('SELECT name FROM products WHERE code = ?');

  function state(t: TombstoneRow, newestForItem: number): Pick<DeletedLicense, 'state' | 'currentId'> {
    const now = current.get(t.item_id) as { id: number } | undefined;
    if (now) return { state: 'recorded-again', currentId: now.id };
    return { state: t.id === newestForItem ? 'restorable' : 'superseded', currentId: null };
  }

  function rows(): TombstoneRow[] {
    return all.all() as TombstoneRow[];
  }

  function newestByItem(list: TombstoneRow[]): Map<string, number> {
    const newest = new Map<string, number>();
    for (const t of list) if (!newest.has(t.item_id)) newest.set(t.item_id, t.id);
    return newest;
  }

  return {
    list(): DeletedLicense[] {
      const list = rows();
      const newest = newestByItem(list);
      return list.map((t) => {
        const v = JSON.parse(t.last_values) as Record<string, unknown>;
        const code = str(v.product_code) ?? '';
        return {
          tombstoneId: t.id,
          itemId: t.item_id,
          productCode: code,
          productName: (productName.get(code) as { name: string } | undefined)?.name ?? null,
          edition: str(v.edition),
          alias: str(v.alias),
          quotaMode: str(v.quota_mode),
          quotaAmount: num(v.quota_amount),
          expiresOn: str(v.expires_on),
          deletedAt: t.deleted_at,
          deletedBy: t.deleted_by,
          ...state(t, newest.get(t.item_id)!),
        };
      });
    },

    /**
     * Puts the row back as it was (its own id when that is still free), with its history and usage
     * readings. Links to what has gone since are dropped rather than refused: a project removed
     * meanwhile leaves it on no project, a renewal link to an item no longer recorded is cleared.
     */
    restore(tombstoneId: number): { id: number; itemId: string } {
      return writeTransaction(db, () => {
        const list = rows();
        const t = list.find((r) => r.id === tombstoneId);
        if (!t) throw notFound('That deleted license');
        const s = state(t, newestByItem(list).get(t.item_id)!);
        if (s.state === 'recorded-again') throw new AppError('CONFLICT', `Item ${t.item_id} is recorded again, so the deleted copy was not restored. Nothing was changed.`);
        if (s.state === 'superseded') throw new AppError('CONFLICT', `Item ${t.item_id} was deleted again later; restore that later deletion instead. Nothing was changed.`);
        const values = JSON.parse(t.last_values) as Record<string, unknown>;
        const columns = new Set((db.prepare('SELECT name FROM pragma_table_info(?)').all('license_items') as { name: string }[]).map((c) => c.name));
        const exists = (table: string, id: unknown) => typeof id === 'number' && db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
        const row: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(values)) if (columns.has(k)) row[k] = v;
        if (!exists('projects', row.project_id)) row.project_id = null;
        if (!exists('license_items', row.renewed_by_id)) row.renewed_by_id = null;
        if (exists('license_items', row.id)) delete row.id;
        row.search_text = '';
        const keys = Object.keys(row);
        const info = db.prepare(`INSERT INTO license_items (${keys.map((k) => `"${k}"`).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`).run(...keys.map((k) => row[k] as string | number | null));
        const id = Number(info.lastInsertRowid);
        const search = db.prepare(`${SEARCH_SOURCE_SQL} WHERE li.id = ?`).get(id) as Record<string, unknown>;
        db.prepare('UPDATE license_items SET search_text = ? WHERE id = ?').run(searchTextOf(search), id);
        const addHistory = db.prepare('INSERT INTO license_history (license_item_id, at, action, source, changes) VALUES (?, ?, ?, ?, ?)');
        for (const h of JSON.parse(t.history) as { at: string; action: string; source: string; changes: unknown }[]) addHistory.run(id, h.at, h.action, h.source, JSON.stringify(h.changes));
        const addUsage = db.prepare('INSERT INTO usage_snapshots (license_item_id, taken_on, used) VALUES (?, ?, ?)');
        for (const u of JSON.parse(t.usage) as { taken_on: string; used: number }[]) addUsage.run(id, u.taken_on, u.used);
        return { id, itemId: t.item_id };
      });
    },
  };
}
export type DeletedLicenses = ReturnType<typeof createDeletedLicenses>;
