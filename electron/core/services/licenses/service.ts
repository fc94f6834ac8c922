import type { LicenseItem, NewLicenseInput } from '../../../../shared/domain/license.js';
import type { Product } from '../../../../shared/domain/product.js';
import type { LicenseQuery } from '../../../../shared/domain/query.js';
import { writeTransaction, type ReadableDb, type WritableDb } from '../../db/connection.js';
import { AppError, notFound } from '../../ipc/errors.js';
import { buildListQuery } from './list-query.js';
import { ensureProject } from './projects.js';
import { LICENSE_SELECT, toLicense, type LicenseRow } from './rows.js';

export interface Clock {
  now(): Date;
}

export interface LicenseService {
  list(q: LicenseQuery): { total: number; rows: LicenseItem[] };
  get(id: number): LicenseItem;
  create(input: NewLicenseInput): LicenseItem;
  products(): Product[];
}

export function createLicenseService(db: WritableDb, clock: Clock): LicenseService {
  const byId = db.prepare(`${LICENSE_SELECT} WHERE li.id = ?`);

  function get(id: number): LicenseItem {
    const row = byId.get(id) as LicenseRow | undefined;
    if (!row) throw notFound('That license');
    return toLicense(row);
  }

  function assertProduct(code: string): void {
    if (!db.prepare('SELECT 1 FROM products WHERE code = ?').get(code)) {
      throw new AppError('INVALID_INPUT', 'Some values are not valid.', [{ path: 'productCode', message: `Unknown product "${code}"` }]);
    }
  }

  return {
    list(q) {
      return listLicenses(db, q);
    },
    get,
    create(input) {
      const nowIso = clock.now().toISOString();
      const id = writeTransaction(db, () => {
        assertProduct(input.productCode);
        if (db.prepare('SELECT 1 FROM license_items WHERE item_id = ?').get(input.itemId)) {
          throw new AppError('CONFLICT', `Item ${input.itemId} is already recorded.`, [
            { path: 'itemId', message: `Item ${input.itemId} is already recorded` },
          ]);
        }
        const projectId = input.projectCode ? ensureProject(db, input.projectCode, nowIso) : null;
        const info = db
          .prepare(
            `INSERT INTO license_items (item_id, license_id, order_id, product_code, edition, version, term, quota_mode,
               device_window, quota_amount, alias, activation_status, activated_on, expires_on, maintenance_expires_on,
               project_id, notes, created_at, updated_at)
             VALUES (@itemId, @licenseId, @orderId, @productCode, @edition, @version, @term, @quotaMode, @deviceWindow,
               @quotaAmount, @alias, @activationStatus, @activatedOn, @expiresOn, @maintenanceExpiresOn, @projectId, @notes,
               @now, @now)`,
          )
          .run({ ...input, projectId, now: nowIso });
        const newId = Number(info.lastInsertRowid);
        db.prepare(`INSERT INTO license_history (license_item_id, at, action, source, changes) VALUES (?, ?, 'created', 'manual', ?)`).run(
          newId,
          nowIso,
          JSON.stringify(input),
        );
        return newId;
      });
      return get(id);
    },
    products() {
      const rows = db.prepare('SELECT code, name, editions, built_in FROM products ORDER BY built_in DESC, name').all() as {
        code: string;
        name: string;
        editions: string;
        built_in: number;
      }[];
      return rows.map((r) => ({ code: r.code, name: r.name, editions: JSON.parse(r.editions) as string[], builtIn: r.built_in === 1 }));
    },
  };
}

export function listLicenses(db: ReadableDb, q: LicenseQuery): { total: number; rows: LicenseItem[] } {
  const { where, params, orderBy } = buildListQuery(q);
  const from = `FROM license_items li JOIN products p ON p.code = li.product_code LEFT JOIN projects pr ON pr.id = li.project_id ${where}`;
  const total = (db.prepare(`SELECT count(*) AS n ${from}`).get(params) as { n: number }).n;
  const rows = db.prepare(`${LICENSE_SELECT} ${where} ${orderBy} LIMIT @limit OFFSET @offset`).all({ ...params, limit: q.limit, offset: q.offset }) as LicenseRow[];
  return { total, rows: rows.map(toLicense) };
}
