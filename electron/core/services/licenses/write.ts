import type { LicenseItemFields } from '../../../../shared/domain/license.js';
import type { WritableDb } from '../../db/connection.js';
import { AppError } from '../../ipc/errors.js';
import { ensureProject } from './projects.js';

/**
 * Row writes shared by manual entry, edits and imports, so every path stores the same columns, keeps
 * the search text current and records history. Callers own the transaction.
 */
export interface LicenseWriter {
  insert(fields: LicenseItemFields, source: string, action?: 'created' | 'imported'): number;
  /** Returns the changed fields as field → [before, after]; empty when nothing changed. */
  update(id: number, fields: LicenseItemFields, source: string, action?: 'updated' | 'imported'): Record<string, [unknown, unknown]>;
  current(id: number): LicenseItemFields | null;
  idForItem(itemId: string): number | null;
}

const COLUMNS: Record<keyof LicenseItemFields, string> = {
  itemId: 'item_id',
  licenseId: 'license_id',
  orderId: 'order_id',
  productCode: 'product_code',
  edition: 'edition',
  version: 'version',
  term: 'term',
  quotaMode: 'quota_mode',
  deviceWindow: 'device_window',
  quotaAmount: 'quota_amount',
  alias: 'alias',
  activationStatus: 'activation_status',
  activatedOn: 'activated_on',
  expiresOn: 'expires_on',
  maintenanceExpiresOn: 'maintenance_expires_on',
  projectCode: 'project_id',
  notes: 'notes',
};
const FIELD_KEYS = Object.keys(COLUMNS) as (keyof LicenseItemFields)[];

/**
 * One lower-cased haystack per item, so search is one LIKE instead of eight across three tables.
 * Lower-cased in JavaScript: SQLite's lower() folds ASCII only, and the query is folded here too.
 */
export const SEARCH_SOURCE_SQL = `
  SELECT li.item_id, li.license_id, li.order_id, li.alias, li.edition, li.version, li.notes, p.name, p.code, pr.handshake_code
  FROM license_items li JOIN products p ON p.code = li.product_code LEFT JOIN projects pr ON pr.id = li.project_id`;

export function searchTextOf(row: Record<string, unknown>): string {
  return Object.values(row)
    .filter((v) => typeof v === 'string' && v !== '')
    .join(' ')
    .toLowerCase();
}

export function createLicenseWriter(db: WritableDb, nowIso: () => string): LicenseWriter {
  const productExists = db.prepare('SELECT 1 FROM products WHERE code = ?');
  const searchSource = db.prepare(`${SEARCH_SOURCE_SQL} WHERE li.id = ?`);
  const setSearch = db.prepare('UPDATE license_items SET search_text = ? WHERE id = ?');
  const refresh = { run: (id: number) => setSearch.run(searchTextOf(searchSource.get(id) as Record<string, unknown>), id) };
  const history = db.prepare('INSERT INTO license_history (license_item_id, at, action, source, changes) VALUES (?, ?, ?, ?, ?)');
  const byItem = db.prepare('SELECT id FROM license_items WHERE item_id = ?');
  const read = db.prepare(
    `SELECT li.*, pr.handshake_code AS project_code FROM license_items li LEFT JOIN projects pr ON pr.id = li.project_id WHERE li.id = ?`,
  );
  const insertStmt = db.prepare(
    `INSERT INTO license_items (${FIELD_KEYS.map((k) => COLUMNS[k]).join(', ')}, created_at, updated_at)
     VALUES (${FIELD_KEYS.map((k) => `@${k}`).join(', ')}, @now, @now)`,
  );
  const updateStmt = db.prepare(
    `UPDATE license_items SET ${FIELD_KEYS.filter((k) => k !== 'itemId').map((k) => `${COLUMNS[k]} = @${k}`).join(', ')}, updated_at = @now WHERE id = @id`,
  );

  function checkProduct(code: string): void {
    if (!productExists.get(code)) {
      throw new AppError('INVALID_INPUT', 'Some values are not valid.', [{ path: 'productCode', message: `Unknown product "${code}"` }]);
    }
  }

  function bind(fields: LicenseItemFields, now: string) {
    return { ...fields, projectCode: fields.projectCode ? ensureProject(db, fields.projectCode, now) : null, now };
  }

  function current(id: number): LicenseItemFields | null {
    const r = read.get(id) as Record<string, unknown> | undefined;
    if (!r) return null;
    const out = {} as Record<keyof LicenseItemFields, unknown>;
    for (const k of FIELD_KEYS) out[k] = k === 'projectCode' ? r.project_code : r[COLUMNS[k]];
    return out as LicenseItemFields;
  }

  return {
    current,
    idForItem(itemId) {
      return (byItem.get(itemId) as { id: number } | undefined)?.id ?? null;
    },
    insert(fields, source, action = 'created') {
      checkProduct(fields.productCode);
      const now = nowIso();
      const id = Number(insertStmt.run(bind(fields, now)).lastInsertRowid);
      refresh.run(id);
      history.run(id, now, action, source, JSON.stringify(fields));
      return id;
    },
    update(id, fields, source, action = 'updated') {
      const before = current(id);
      if (!before) throw new AppError('NOT_FOUND', 'That license was not found. It may have been deleted.');
      checkProduct(fields.productCode);
      const changes: Record<string, [unknown, unknown]> = {};
      for (const k of FIELD_KEYS) if (k !== 'itemId' && before[k] !== fields[k]) changes[k] = [before[k], fields[k]];
      if (Object.keys(changes).length === 0) return changes;
      const now = nowIso();
      updateStmt.run({ ...bind(fields, now), id });
      refresh.run(id);
      history.run(id, now, action, source, JSON.stringify(changes));
      return changes;
    },
  };
}
