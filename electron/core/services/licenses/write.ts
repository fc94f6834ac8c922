import type { Statement } from 'better-sqlite3';
import type { EstimableDate, LicenseItemFields } from '../../../../shared/domain/license.js';
import type { WritableDb } from '../../db/connection.js';
import { AppError } from '../../errors.js';
import { createProjectResolver, ensureProject } from './projects.js';
import { parseEstimated, storeEstimated } from './rows.js';

/**
 * Row writes shared by manual entry, edits and imports, so every path stores the same columns, keeps
 * the search text current and records history. Callers own the transaction. Every statement is
 * prepared once per writer.
 */
export interface LicenseWriter extends RowWriter {
  current(id: number): LicenseItemFields | null;
  idForItem(itemId: string): number | null;
  /** The stored item with this item id and its latest usage figure, in one read. */
  recorded(itemId: string): RecordedItem | null;
  /**
   * Runs `write` with a writer for many rows in the caller's transaction (an import): the product
   * list is read once, each project code looked up once, every row stamped `now`, and history and
   * usage rows written many to a statement once `write` returns.
   */
  batch<T>(now: string, write: (rows: RowWriter) => T): T;
}

export interface RowWriter {
  insert(fields: LicenseItemFields, source: string, action?: 'created' | 'imported', extra?: InsertExtra): number;
  /**
   * Returns the changed fields as field → [before, after]; empty when nothing changed. `before` is
   * the item as stored, when the caller has just read it (in this transaction).
   */
  update(
    id: number,
    fields: LicenseItemFields,
    source: string,
    action?: 'updated' | 'imported',
    before?: LicenseItemFields,
    /** Dates among the changed ones that are estimates (an import); a changed date is otherwise taken as read. */
    estimated?: readonly EstimableDate[],
  ): Record<string, [unknown, unknown]>;
}

export interface InsertExtra {
  /** The history entry's `changes` as JSON; by default the fields as stored. */
  changesJson?: string;
  /**
   * A usage figure read with the item (an import): stored as the item's latest figure and recorded as
   * its first usage snapshot, dated `on`.
   */
  used?: { used: number; on: string } | null;
  /** Dates the import estimated rather than read. */
  estimated?: readonly EstimableDate[];
}

export interface RecordedItem {
  id: number;
  fields: LicenseItemFields;
  used: number | null;
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
const UPDATED_KEYS = FIELD_KEYS.filter((k) => k !== 'itemId');

/**
 * The bound values of these fields' columns in order (the project as its row id), then `after`: one
 * array per row, handed to better-sqlite3 as is.
 */
function values(f: LicenseItemFields, keys: readonly (keyof LicenseItemFields)[], projectId: number | null, ...after: unknown[]): unknown[] {
  const out = new Array<unknown>(keys.length + after.length);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    out[i] = k === 'projectCode' ? projectId : f[k];
  }
  for (let i = 0; i < after.length; i++) out[keys.length + i] = after[i];
  return out;
}

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

/** searchTextOf the SEARCH_SOURCE_SQL row these fields make, built without reading it back. */
export function searchTextFor(f: LicenseItemFields, productName: string): string {
  // The order of SEARCH_SOURCE_SQL's columns; the project's handshake code is the project code.
  const parts = [f.itemId, f.licenseId, f.orderId, f.alias, f.edition, f.version, f.notes, productName, f.productCode, f.projectCode];
  let text = '';
  for (const v of parts) if (typeof v === 'string' && v !== '') text = text === '' ? v : `${text} ${v}`;
  return text.toLowerCase();
}

interface Lookups {
  /** The product's name; throws INVALID_INPUT for an unknown code. */
  productName(code: string): string;
  projectId(code: string, now: string): number;
  now(): string;
  history(id: number, at: string, action: string, source: string, changes: string): void;
  snapshot(id: number, takenOn: string, used: number): void;
}

/** How many rows a buffered insert writes with one statement. */
const CHUNK = 64;

/**
 * Rows for one table, written CHUNK at a time by one multi-row INSERT (cheaper than one statement a
 * row) and the rest by single-row ones on flush. Nothing is written until then, so only rows that
 * nothing else in the transaction reads back may go through here.
 */
function bufferedInsert(db: WritableDb, head: string, width: number) {
  const row = `(${new Array<string>(width).fill('?').join(', ')})`;
  const one = db.prepare(`${head} VALUES ${row}`);
  let many: Statement | null = null;
  let pending: unknown[] = [];
  return {
    add(...values: unknown[]) {
      for (const v of values) pending.push(v);
      if (pending.length === CHUNK * width) {
        many ??= db.prepare(`${head} VALUES ${new Array<string>(CHUNK).fill(row).join(', ')}`);
        many.run(pending);
        pending = [];
      }
    },
    flush() {
      for (let i = 0; i < pending.length; i += width) one.run(pending.slice(i, i + width));
      pending = [];
    },
  };
}

function unknownProduct(code: string): AppError {
  return new AppError('INVALID_INPUT', 'Some values are not valid.', [{ path: 'productCode', message: `Unknown product "${code}"` }]);
}

const HISTORY_INSERT = 'INSERT INTO license_history (license_item_id, at, action, source, changes)';
const SNAPSHOT_INSERT = 'INSERT INTO usage_snapshots (license_item_id, taken_on, used)';

export function createLicenseWriter(db: WritableDb, nowIso: () => string): LicenseWriter {
  const productName = db.prepare('SELECT name FROM products WHERE code = ?').pluck();
  const allProducts = db.prepare('SELECT code, name FROM products');
  const history = db.prepare(`${HISTORY_INSERT} VALUES (?, ?, ?, ?, ?)`);
  // Only an item's first snapshot is written here (see InsertExtra.used): it cannot clash.
  const snapshot = db.prepare(`${SNAPSHOT_INSERT} VALUES (?, ?, ?)`);
  const byItem = db.prepare('SELECT id FROM license_items WHERE item_id = ?').pluck();
  const SELECT_ITEM = `SELECT li.*, pr.handshake_code AS project_code FROM license_items li LEFT JOIN projects pr ON pr.id = li.project_id`;
  const read = db.prepare(`${SELECT_ITEM} WHERE li.id = ?`);
  const readByItem = db.prepare(`${SELECT_ITEM} WHERE li.item_id = ?`);
  const insertStmt = db.prepare(
    `INSERT INTO license_items (${FIELD_KEYS.map((k) => COLUMNS[k]).join(', ')}, used, used_on, estimated_dates, search_text, created_at, updated_at)
     VALUES (${FIELD_KEYS.map(() => '?').join(', ')}, ?, ?, ?, ?, ?, ?)`,
  );
  const readEstimated = db.prepare('SELECT estimated_dates FROM license_items WHERE id = ?').pluck();
  const writeEstimated = db.prepare('UPDATE license_items SET estimated_dates = ? WHERE id = ?');
  const updateStmt = db.prepare(
    `UPDATE license_items SET ${UPDATED_KEYS.map((k) => `${COLUMNS[k]} = ?`).join(', ')}, search_text = ?, updated_at = ? WHERE id = ?`,
  );

  function fieldsOf(r: Record<string, unknown>): LicenseItemFields {
    const out = {} as Record<keyof LicenseItemFields, unknown>;
    for (const k of FIELD_KEYS) out[k] = k === 'projectCode' ? r.project_code : r[COLUMNS[k]];
    return out as LicenseItemFields;
  }

  function current(id: number): LicenseItemFields | null {
    const r = read.get(id) as Record<string, unknown> | undefined;
    return r ? fieldsOf(r) : null;
  }

  function rowWriter(lookups: Lookups): RowWriter {
    return {
      insert(f, source, action = 'created', extra = {}) {
        const name = lookups.productName(f.productCode);
        const now = lookups.now();
        const projectId = f.projectCode ? lookups.projectId(f.projectCode, now) : null;
        const used = extra.used ?? null;
        const estimated = extra.estimated?.length ? storeEstimated(extra.estimated) : null;
        const info = insertStmt.run(values(f, FIELD_KEYS, projectId, used?.used ?? null, used?.on ?? null, estimated, searchTextFor(f, name), now, now));
        const id = Number(info.lastInsertRowid);
        lookups.history(id, now, action, source, extra.changesJson ?? JSON.stringify(f));
        if (used) lookups.snapshot(id, used.on, used.used);
        return id;
      },
      update(id, f, source, action = 'updated', known, estimated = []) {
        const before = known ?? current(id);
        if (!before) throw new AppError('NOT_FOUND', 'That license was not found. It may have been deleted.');
        const name = lookups.productName(f.productCode);
        const changes: Record<string, [unknown, unknown]> = {};
        let changed = false;
        for (const k of FIELD_KEYS) {
          if (k !== 'itemId' && before[k] !== f[k]) {
            changes[k] = [before[k], f[k]];
            changed = true;
          }
        }
        if (!changed) return changes;
        const now = lookups.now();
        const projectId = f.projectCode ? lookups.projectId(f.projectCode, now) : null;
        // The item id never changes, so the search text is built from the stored one.
        const search = searchTextFor({ ...f, itemId: before.itemId }, name);
        updateStmt.run(values(f, UPDATED_KEYS, projectId, search, now, id));
        if ('activatedOn' in changes || 'expiresOn' in changes) {
          // A date that changed is now what the caller says it is: an estimate only if they say so.
          const stored = parseEstimated(readEstimated.get(id) as string | null);
          const kept = stored.filter((d) => !(d in changes));
          const next = storeEstimated([...kept, ...estimated.filter((d) => d in changes)]);
          if (next !== storeEstimated(stored)) writeEstimated.run(next, id);
        }
        lookups.history(id, now, action, source, JSON.stringify(changes));
        return changes;
      },
    };
  }

  const single = rowWriter({
    productName(code) {
      const name = productName.get(code) as string | undefined;
      if (name === undefined) throw unknownProduct(code);
      return name;
    },
    projectId: (code, now) => ensureProject(db, code, now),
    now: nowIso,
    history: (...args) => void history.run(...args),
    snapshot: (...args) => void snapshot.run(...args),
  });

  return {
    ...single,
    current,
    idForItem(itemId) {
      return (byItem.get(itemId) as number | undefined) ?? null;
    },
    recorded(itemId) {
      const r = readByItem.get(itemId) as Record<string, unknown> | undefined;
      return r ? { id: r.id as number, fields: fieldsOf(r), used: r.used as number | null } : null;
    },
    batch(now, write) {
      const names = new Map((allProducts.all() as { code: string; name: string }[]).map((p) => [p.code, p.name]));
      const histories = bufferedInsert(db, HISTORY_INSERT, 5);
      const snapshots = bufferedInsert(db, SNAPSHOT_INSERT, 3);
      const result = write(
        rowWriter({
          productName(code) {
            const name = names.get(code);
            if (name === undefined) throw unknownProduct(code);
            return name;
          },
          projectId: createProjectResolver(db),
          now: () => now,
          history: histories.add,
          snapshot: snapshots.add,
        }),
      );
      histories.flush();
      snapshots.flush();
      return result;
    },
  };
}
