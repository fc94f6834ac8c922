import { parse } from 'csv-parse/sync';
import { PRODUCT_CATALOGUE } from '../shared/domain/catalogue.js';
import { NewLicenseInput, type LicenseItemFields } from '../shared/domain/license.js';
import { openStore } from '../electron/core/db/store.js';
import { suggestMapping } from '../electron/core/import/columns.js';
import { parseCsvText } from '../electron/core/import/parse-file.js';
import { mapRows } from '../electron/core/import/rows.js';
import type { Clock } from '../electron/core/services/licenses/service.js';
import { ensureProject } from '../electron/core/services/licenses/projects.js';
import { upsertSnapshot } from '../electron/core/services/usage.js';
import { StepTimer, round, timed } from './stats.js';

/**
 * Where the import's time goes: the service's steps replayed one by one on a fresh store, each
 * timed on its own. The write statements mirror electron/core/services/licenses/write.ts (its SQL
 * is not exported); the parse, mapRows, ensureProject and upsertSnapshot calls are the real ones.
 */

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

const REFRESH_SEARCH = `
  UPDATE license_items SET search_text = lower(
    item_id || ' ' || coalesce(license_id, '') || ' ' || coalesce(order_id, '') || ' ' || coalesce(alias, '') || ' ' ||
    coalesce(edition, '') || ' ' || coalesce(version, '') || ' ' || notes || ' ' ||
    (SELECT name || ' ' || code FROM products WHERE code = product_code) || ' ' ||
    coalesce((SELECT handshake_code FROM projects WHERE id = project_id), ''))
  WHERE id = ?`;

const UPSERT_SNAPSHOT = `INSERT INTO usage_snapshots (license_item_id, taken_on, used) VALUES (?, ?, ?)
     ON CONFLICT(license_item_id, taken_on) DO UPDATE SET used = excluded.used`;

export interface ImportProfile {
  /** Milliseconds per step, summed over all files. */
  steps: Record<string, number>;
  /** Sum of the steps that the service itself runs (excludes the comparison-only rows). */
  serviceStepsMs: number;
  /** Cost of compiling statements the service prepares per row instead of once. */
  preparePerRow: { statementsPrepared: number; msPerPrepare: number; estimatedMs: number };
  rows: number;
}

/** Steps that are for comparison only and not part of what the service does. */
const COMPARISON_ONLY = new Set(['compare: plain csv-parse (baseline call)', 'compare: zod NewLicenseInput.safeParse alone (inside mapRows)']);

export async function profileImport(dir: string, texts: string[], headers: string[], clock: Clock): Promise<ImportProfile> {
  const store = await openStore(dir, { now: () => clock.now() });
  const db = store.db;
  try {
    const t = new StepTimer();
    const mapping = suggestMapping(headers);
    const productRows = db.prepare('SELECT code, name FROM products').all() as { code: string; name: string }[];
    const knownProducts = productRows.map((r) => ({ ...r, aliases: PRODUCT_CATALOGUE.find((c) => c.code === r.code)?.aliases ?? [] }));
    const productExists = db.prepare('SELECT 1 FROM products WHERE code = ?');
    const byItem = db.prepare('SELECT id FROM license_items WHERE item_id = ?');
    const refresh = db.prepare(REFRESH_SEARCH);
    const history = db.prepare('INSERT INTO license_history (license_item_id, at, action, source, changes) VALUES (?, ?, ?, ?, ?)');
    const insertStmt = db.prepare(
      `INSERT INTO license_items (${FIELD_KEYS.map((k) => COLUMNS[k]).join(', ')}, created_at, updated_at)
       VALUES (${FIELD_KEYS.map((k) => `@${k}`).join(', ')}, @now, @now)`,
    );
    const today = clock.now().toISOString().slice(0, 10);
    let rows = 0;
    let prepares = 0;

    t.run('BEGIN IMMEDIATE', () => db.exec('BEGIN IMMEDIATE'));
    for (const text of texts) {
      const table = t.run('parse: parseCsvText (Buffer, info, line count, cell objects)', () => parseCsvText(text));
      t.run('compare: plain csv-parse (baseline call)', () => parse(text, { bom: true, skip_empty_lines: true }));
      const result = t.run('mapRows (product-name parsing, dates, zod per row)', () => mapRows(table, mapping, { knownProducts }));
      if (result.rejected.length) throw new Error(`profile: ${result.rejected.length} rows rejected`);
      t.run('compare: zod NewLicenseInput.safeParse alone (inside mapRows)', () => {
        for (const row of result.accepted) NewLicenseInput.safeParse(row.fields);
      });
      t.run('analyse: idForItem lookup per row', () => {
        for (const row of result.accepted) byItem.get(row.fields.itemId);
      });
      for (const row of result.accepted) {
        const f = row.fields;
        t.run('write: checkProduct SELECT', () => productExists.get(f.productCode));
        const now = clock.now().toISOString();
        const projectId = t.run('write: ensureProject (prepares its SELECT per call)', () => (f.projectCode ? ensureProject(db, f.projectCode, now) : null));
        if (f.projectCode) prepares++;
        const id = t.run('write: INSERT license_items', () => Number(insertStmt.run({ ...f, projectCode: projectId, now }).lastInsertRowid));
        t.run('write: search_text refresh UPDATE', () => refresh.run(id));
        t.run('write: history JSON.stringify + INSERT', () => history.run(id, now, 'imported', 'import:csv', JSON.stringify(f)));
        if (row.used !== null) {
          t.run('write: upsertSnapshot (prepares 2 statements per call)', () => upsertSnapshot(db, id, today, row.used!));
          prepares += 2;
        }
        rows++;
      }
    }
    t.run('COMMIT', () => db.exec('COMMIT'));

    // Statement compilation alone, for the statements the service prepares on every row.
    const sample = 5000;
    const compile = timed(() => {
      for (let i = 0; i < sample; i++) db.prepare(UPSERT_SNAPSHOT);
    });
    const msPerPrepare = compile.ms / sample;
    const steps = Object.fromEntries(Object.entries(t.totals).map(([k, v]) => [k, round(v, 1)]));
    const serviceStepsMs = round(Object.entries(t.totals).reduce((s, [k, v]) => (COMPARISON_ONLY.has(k) ? s : s + v), 0), 1);
    return { steps, serviceStepsMs, preparePerRow: { statementsPrepared: prepares, msPerPrepare: round(msPerPrepare, 4), estimatedMs: round(msPerPrepare * prepares, 1) }, rows };
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.close();
  }
}
