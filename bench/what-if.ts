import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PRODUCT_CATALOGUE } from '../shared/domain/catalogue.js';
import { LicenseQuery, type LicenseQueryInput } from '../shared/domain/query.js';
import type { StatusSettings } from '../shared/status/index.js';
import { openDatabase } from '../electron/core/db/connection.js';
import { DB_FILE, openStore } from '../electron/core/db/store.js';
import { suggestMapping } from '../electron/core/import/columns.js';
import { parseCsvText } from '../electron/core/import/parse-file.js';
import { parseProductSaleName } from '../electron/core/import/product-name.js';
import { mapRows, type AcceptedRow } from '../electron/core/import/rows.js';
import { buildListQuery } from '../electron/core/services/licenses/list-query.js';
import { LICENSE_SELECT } from '../electron/core/services/licenses/rows.js';
import { listLicenses } from '../electron/core/services/licenses/service.js';
import { createSettingsService } from '../electron/core/services/settings.js';
import { median, round, timed } from './stats.js';

/**
 * `--what-if`: measures the fixes proposed for the missed targets, without touching the app's code.
 * List: on a copy of the benchmark store with an index for the default sort, an FTS5 trigram index
 * for search and ANALYZE statistics, with the count query freed of joins it does not need and the
 * expiring-* status filters given the expiry range they imply. Import: what memoising the License
 * Item parsing and a leaner write loop would save. Every proposed query is checked against the
 * service's answer.
 */

export interface ListWhatIf {
  name: string;
  total: number;
  countMs: number;
  pageMs: number;
  sameAnswer: boolean;
  plan: string[];
}

export interface WhatIfFigures {
  setupMs: Record<string, number>;
  list: ListWhatIf[];
  import: {
    productNamePerRowMs: number;
    productNamePerDistinctTextMs: number;
    distinctLicenseItems: number;
    leanWriteMs: number;
    leanWriteRows: number;
  };
}

const TIME_HEADLINES = new Set(['expiring-red', 'expiring-amber']);

function proposedSql(input: LicenseQueryInput, settings: StatusSettings) {
  const q = LicenseQuery.parse(input);
  const { where, params, orderBy } = buildListQuery(q, settings);
  const clauses: string[] = [];
  let w = where.replace(/^WHERE /, '');
  // FTS5's trigram index answers LIKE for patterns with a run of 3+ characters (and no ESCAPE).
  if (q.search.length >= 3 && !/[\\%_]/.test(q.search)) {
    w = w.replace(`li.search_text LIKE @search ESCAPE '\\'`, `li.id IN (SELECT rowid FROM license_search WHERE search_text LIKE @search)`);
  }
  // An expiring-* item is activated and not renewed, so its expiry lies in [today, today + max days].
  if (q.filters.headlines.length && q.filters.headlines.every((h) => TIME_HEADLINES.has(h))) {
    clauses.push(`li.expires_on BETWEEN @today AND date(@today, '+' || max(@redDays, @amberDays) || ' days')`);
  }
  if (w) clauses.push(w);
  const whereSql = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  const needsProject = q.filters.projectCodes.length > 0;
  return {
    count: `SELECT count(*) AS n FROM license_items li ${needsProject ? 'LEFT JOIN projects pr ON pr.id = li.project_id' : ''} ${whereSql}`,
    page: `${LICENSE_SELECT} ${whereSql} ${orderBy} LIMIT @limit OFFSET @offset`,
    params,
    pageParams: { ...params, limit: q.limit, offset: q.offset },
  };
}

export async function whatIfList(storeDir: string, workDir: string, cases: { name: string; input: LicenseQueryInput }[], runs: number) {
  fs.mkdirSync(workDir, { recursive: true });
  for (const suffix of ['', '-wal']) {
    const from = path.join(storeDir, DB_FILE + suffix);
    if (fs.existsSync(from)) fs.copyFileSync(from, path.join(workDir, DB_FILE + suffix));
  }
  const db = openDatabase(path.join(workDir, DB_FILE));
  try {
    // The service's own answers, on the copy before anything is added.
    const settings = createSettingsService(db);
    const expected = cases.map((c) => {
      const r = listLicenses(db, LicenseQuery.parse(c.input), settings);
      return { total: r.total, ids: r.rows.map((row) => row.id) };
    });
    const setupMs: Record<string, number> = {};
    setupMs['CREATE INDEX ((expires_on IS NULL), expires_on)'] = round(timed(() => db.exec('CREATE INDEX license_items_expiry_sort ON license_items((expires_on IS NULL), expires_on)')).ms, 1);
    setupMs['FTS5 trigram index on search_text (build)'] = round(
      timed(() =>
        db.exec(`CREATE VIRTUAL TABLE license_search USING fts5(search_text, content='license_items', content_rowid='id', tokenize='trigram', detail='none');
                 INSERT INTO license_search(license_search) VALUES('rebuild');`),
      ).ms,
      1,
    );
    setupMs.ANALYZE = round(timed(() => db.exec('ANALYZE')).ms, 1);

    const list: ListWhatIf[] = [];
    for (const [i, c] of cases.entries()) {
      const sql = proposedSql(c.input, settings.status());
      const count = db.prepare(sql.count);
      const page = db.prepare(sql.page);
      const total = (count.get(sql.params) as { n: number }).n;
      const ids = (page.all(sql.pageParams) as { id: number }[]).map((r) => r.id);
      const countMs: number[] = [];
      const pageMs: number[] = [];
      for (let i = 0; i < runs + 5; i++) {
        const t0 = performance.now();
        count.get(sql.params);
        const t1 = performance.now();
        page.all(sql.pageParams);
        const t2 = performance.now();
        if (i >= 5) {
          countMs.push(t1 - t0);
          pageMs.push(t2 - t1);
        }
      }
      const plan = (s: string, p: Record<string, unknown>) => (db.prepare(`EXPLAIN QUERY PLAN ${s}`).all(p) as { detail: string }[]).map((r) => r.detail);
      list.push({
        name: c.name,
        total,
        countMs: round(median(countMs), 3),
        pageMs: round(median(pageMs), 3),
        sameAnswer: total === expected[i]!.total && ids.join() === expected[i]!.ids.join(),
        plan: [...plan(sql.count, sql.params).map((d) => `count: ${d}`), ...plan(sql.page, sql.pageParams).map((d) => `page: ${d}`)],
      });
    }
    return { setupMs, list };
  } finally {
    db.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/** Import what-ifs: License Item parsing once per distinct text, and a write loop without per-row waste. */
export async function whatIfImport(dir: string, texts: string[], headers: string[]): Promise<WhatIfFigures['import']> {
  const tables = texts.map(parseCsvText);
  const items = tables.flatMap((t) => t.rows.map((r) => r.cells['License Item'] ?? ''));
  const products = PRODUCT_CATALOGUE.map((p) => ({ code: p.code, name: p.name, aliases: p.aliases }));
  const perRow = timed(() => items.forEach((t) => parseProductSaleName(t, products)));
  const perDistinct = timed(() => {
    const memo = new Map<string, ReturnType<typeof parseProductSaleName>>();
    for (const t of items) if (!memo.has(t)) memo.set(t, parseProductSaleName(t, products));
    return memo.size;
  });

  const mapping = suggestMapping(headers);
  const accepted: AcceptedRow[] = tables.flatMap((t) => mapRows(t, mapping, { knownProducts: products }).accepted);
  const store = await openStore(dir);
  const db = store.db;
  try {
    const names = new Map((db.prepare('SELECT code, name FROM products').all() as { code: string; name: string }[]).map((r) => [r.code, r.name]));
    const insertProject = db.prepare('INSERT INTO projects (handshake_code, organization_id, created_at, updated_at) VALUES (?, ?, ?, ?)');
    const insert = db.prepare(
      `INSERT INTO license_items (item_id, license_id, order_id, product_code, edition, version, term, quota_mode, device_window, quota_amount, alias,
         activation_status, activated_on, expires_on, maintenance_expires_on, project_id, notes, used, used_on, search_text, created_at, updated_at)
       VALUES (@itemId, @licenseId, @orderId, @productCode, @edition, @version, @term, @quotaMode, @deviceWindow, @quotaAmount, @alias,
         @activationStatus, @activatedOn, @expiresOn, @maintenanceExpiresOn, @projectId, @notes, @used, @usedOn, @search, @now, @now)`,
    );
    const snapshot = db.prepare('INSERT INTO usage_snapshots (license_item_id, taken_on, used) VALUES (?, ?, ?)');
    const history = db.prepare('INSERT INTO license_history (license_item_id, at, action, source, changes) VALUES (?, ?, ?, ?, ?)');
    const now = new Date().toISOString();
    const today = now.slice(0, 10);
    const projects = new Map<string, number>();
    const lean = timed(() =>
      db
        .transaction(() => {
          for (const { fields: f, used } of accepted) {
            let projectId: number | null = null;
            if (f.projectCode) {
              projectId = projects.get(f.projectCode) ?? null;
              if (projectId === null) {
                projectId = Number(insertProject.run(f.projectCode, f.projectCode.slice(0, f.projectCode.indexOf('-')), now, now).lastInsertRowid);
                projects.set(f.projectCode, projectId);
              }
            }
            const product = `${names.get(f.productCode) ?? ''} ${f.productCode}`;
            const search = [f.itemId, f.licenseId ?? '', f.orderId ?? '', f.alias ?? '', f.edition ?? '', f.version ?? '', f.notes, product, f.projectCode ?? ''].join(' ').toLowerCase();
            const id = Number(insert.run({ ...f, projectId, used, usedOn: used === null ? null : today, search, now }).lastInsertRowid);
            if (used !== null) snapshot.run(id, today, used);
            history.run(id, now, 'imported', 'import:csv', JSON.stringify(f));
          }
        })
        .immediate(),
    );
    return {
      productNamePerRowMs: round(perRow.ms, 1),
      productNamePerDistinctTextMs: round(perDistinct.ms, 1),
      distinctLicenseItems: perDistinct.value,
      leanWriteMs: round(lean.ms, 1),
      leanWriteRows: accepted.length,
    };
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
