import type { LicenseItem, NewLicenseInput } from '../../../../shared/domain/license.js';
import type { Product } from '../../../../shared/domain/product.js';
import { activeFilterCount, type LicenseQuery, type LicenseView, type ProjectGroup } from '../../../../shared/domain/query.js';
import type { HistoryEntry } from '../../../../shared/domain/usage.js';
import { writeTransaction, type ReadableDb, type WritableDb } from '../../db/connection.js';
import type { Clock } from '../../clock.js';
import { AppError, notFound } from '../../errors.js';
import type { SettingsService } from '../settings.js';
import { buildListQuery, canUseSearchIndex, searchPhrase, type SearchAccess } from './list-query.js';
import { LICENSE_FROM, LICENSE_SELECT, toLicense, type LicenseRow } from './rows.js';
import { planPage, readPage } from './page-query.js';
import { LOCAL_USER, refuseIfRenewal, writeTombstone } from './tombstones.js';
import { assignProject } from './assign-project.js';
import { createLicenseWriter } from './write.js';

export interface LicenseService {
  list(q: LicenseQuery): { total: number; rows: LicenseItem[] };
  groups(view: LicenseView): ProjectGroup[];
  get(id: number): LicenseItem;
  create(input: NewLicenseInput): LicenseItem;
  update(id: number, input: NewLicenseInput): LicenseItem;
  /**
   * Deletes the item with its usage snapshots and history, leaving a tombstone with all of them.
   * Refused for an item recorded as another's renewal: that one would silently count as not renewed.
   */
  remove(id: number): { id: number; itemId: string };
  /** Puts the items on one project (created bare if new), or on none, in one transaction. */
  assignProject(ids: number[], projectCode: string | null): { updated: number };
  history(id: number): HistoryEntry[];
  drawOrder(id: number): LicenseItem[];
  /** Every item of a view (filters, search, sort) as a CSV or JSON file. */
  products(): Product[];
  createProduct(p: { code: string; name: string; editions: string[] }): Product;
}

export function createLicenseService(db: WritableDb, clock: Clock, settings: SettingsService, actor = LOCAL_USER): LicenseService {
  const byId = db.prepare(`${LICENSE_SELECT} WHERE li.id = ?`);
  const writer = createLicenseWriter(db, () => clock.now().toISOString());

  function get(id: number): LicenseItem {
    const row = byId.get(id) as LicenseRow | undefined;
    if (!row) throw notFound('That license');
    return toLicense(row);
  }

  function listProducts(): Product[] {
    const rows = db.prepare('SELECT code, name, editions, built_in FROM products ORDER BY built_in DESC, name').all() as {
      code: string;
      name: string;
      editions: string;
      built_in: number;
    }[];
    return rows.map((r) => ({ code: r.code, name: r.name, editions: JSON.parse(r.editions) as string[], builtIn: r.built_in === 1 }));
  }

  return {
    list: (q) => listLicenses(db, q, settings),
    groups(view) {
      const { where, params } = buildListQuery(view, settings.status(), searchAccess(db, view.search));
      return db
        .prepare(`SELECT pr.handshake_code AS projectCode, count(*) AS count ${LICENSE_FROM} ${where} GROUP BY pr.handshake_code ORDER BY pr.handshake_code IS NULL, pr.handshake_code`)
        .all(params) as ProjectGroup[];
    },
    get,
    create(input) {
      const id = writeTransaction(db, () => {
        if (writer.idForItem(input.itemId) !== null) {
          throw new AppError('CONFLICT', `Item ${input.itemId} is already recorded.`, [{ path: 'itemId', message: `Item ${input.itemId} is already recorded` }]);
        }
        return writer.insert(input, 'manual');
      });
      return get(id);
    },
    update(id, input) {
      writeTransaction(db, () => {
        const existing = writer.current(id);
        if (!existing) throw notFound('That license');
        if (existing.itemId !== input.itemId) {
          throw new AppError('INVALID_INPUT', 'Some values are not valid.', [{ path: 'itemId', message: 'The item ID of a recorded license cannot change' }]);
        }
        writer.update(id, input, 'manual');
      });
      return get(id);
    },
    remove(id) {
      return writeTransaction(db, () => {
        const existing = writer.current(id);
        if (!existing) throw notFound('That license');
        refuseIfRenewal(db, id, existing.itemId);
        writeTombstone(db, id, clock.now().toISOString(), actor);
        db.prepare('DELETE FROM license_items WHERE id = ?').run(id);
        return { id, itemId: existing.itemId };
      });
    },
    assignProject: (ids, projectCode) => writeTransaction(db, () => assignProject(writer, ids, projectCode)),
    history(id) {
      get(id);
      const rows = db.prepare('SELECT id, at, action, source, changes FROM license_history WHERE license_item_id = ? ORDER BY at DESC, id DESC').all(id) as {
        id: number;
        at: string;
        action: HistoryEntry['action'];
        source: string;
        changes: string;
      }[];
      return rows.map((r) => ({ ...r, changes: JSON.parse(r.changes) as Record<string, unknown> }));
    },
    drawOrder(id) {
      const item = get(id);
      if (!item.projectCode) return [item];
      // The license server's default order (docs/domain-notes.md §1): soonest expiry first; items without an
      // expiry (lifetime) last; not-activated items are not drawn on, so they go after. A renewed item
      // stays on the project and, expiring first, is drawn on until its own end (docs/domain-notes.md §4.3).
      const rows = db
        .prepare(
          `${LICENSE_SELECT} WHERE pr.handshake_code = ?
           ORDER BY li.activation_status <> 'activated', li.expires_on IS NULL, li.expires_on, li.quota_amount, li.id`,
        )
        .all(item.projectCode) as LicenseRow[];
      return rows.map(toLicense);
    },
    products: listProducts,
    createProduct(p) {
      writeTransaction(db, () => {
        if (db.prepare('SELECT 1 FROM products WHERE code = ?').get(p.code)) {
          throw new AppError('CONFLICT', `A product with code ${p.code} already exists.`, [{ path: 'code', message: 'This code is taken' }]);
        }
        db.prepare('INSERT INTO products (code, name, editions, built_in) VALUES (?, ?, ?, 0)').run(p.code, p.name, JSON.stringify(p.editions));
      });
      return listProducts().find((x) => x.code === p.code)!;
    },
  };
}

/** Above this many index hits a search is broad, and scanning the search column is quicker for the page. */
const SELECTIVE_SEARCH_LIMIT = 25_000;

/** What the trigram index found for a search: every matching id when selective, else only the count. */
export interface SearchMatches {
  count: number;
  ids: number[] | null;
}

/**
 * The items containing this text, from the trigram index, or null for text it cannot match (under
 * three characters). The ids are read once, up to SELECTIVE_SEARCH_LIMIT, and serve both the count
 * and the page; broader text is only counted (a phrase count is cheap even then: about 10 ms for
 * every one of 100,000 items, against 30 ms for counting by scanning the column).
 */
export function searchMatches(db: ReadableDb, search: string): SearchMatches | null {
  if (!search || !canUseSearchIndex(search)) return null;
  const phrase = searchPhrase(search);
  const ids = db.prepare('SELECT rowid FROM license_search WHERE license_search MATCH ? LIMIT ?').pluck().all(phrase, SELECTIVE_SEARCH_LIMIT + 1) as number[];
  if (ids.length <= SELECTIVE_SEARCH_LIMIT) return { count: ids.length, ids };
  return { count: db.prepare('SELECT count(*) FROM license_search WHERE license_search MATCH ?').pluck().get(phrase) as number, ids: null };
}

/** Known ids for selective text; a scan of the search column otherwise. */
const accessFor = (m: SearchMatches | null): SearchAccess => (m?.ids ? { ids: m.ids } : false);

export function searchIsSelective(db: ReadableDb, search: string): boolean {
  return searchMatches(db, search)?.ids != null;
}

/** How a search reaches the items (for the bench's plans and the groups). */
export function searchAccess(db: ReadableDb, search: string): SearchAccess {
  return accessFor(searchMatches(db, search));
}

export function listLicenses(db: ReadableDb, q: LicenseQuery, settings: SettingsService): { total: number; rows: LicenseItem[] } {
  // One read transaction: the count and the page's statements see the same snapshot while a job writes.
  return db.transaction(() => {
    const matches = searchMatches(db, q.search);
    const plan = planPage(q, settings.status(), accessFor(matches));
    // With the search as the only condition, the index has already counted the matches.
    const total = matches && activeFilterCount(q.filters) === 0 ? matches.count : (db.prepare(plan.countSql).get(plan.countParams) as { n: number }).n;
    return { total, rows: readPage(db, plan, q).map(toLicense) };
  })();
}
