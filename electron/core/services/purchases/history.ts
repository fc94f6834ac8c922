import { type PurchaseImportInput, type PurchaseImportReport, type PurchaseLine, type PurchaseRecord } from '../../../../shared/domain/purchase-history.js';
import type { Clock } from '../../clock.js';
import { writeTransaction, type WritableDb } from '../../db/connection.js';
import { AppError, notFound } from '../../errors.js';
import { parsePurchaseHistory } from './history-parse.js';

export interface PurchaseHistoryService {
  list(): PurchaseRecord[];
  get(id: number): PurchaseRecord;
  /** All-or-nothing: a list with a row it cannot read changes nothing and says which line. */
  import(input: PurchaseImportInput): PurchaseImportReport;
  /** Ids of the inventory's license items that came with a portal order. */
  licenseIdsForOrder(orderId: string): number[];
  /** The portal order a license item came from, by its order id. */
  orderForLicense(licenseId: number): PurchaseRecord | null;
}

interface RecordRow {
  id: number;
  kind: PurchaseRecord['kind'];
  ref_id: string;
  paid: number | null;
  user_email: string;
  company: string;
  created_on: string | null;
  valid_from: string | null;
  valid_to: string | null;
  amount_minor: number | null;
  currency: PurchaseRecord['currency'];
  imported_at: string;
  license_count: number;
}

const SELECT = `SELECT r.*, CASE WHEN r.kind = 'order' THEN (SELECT count(*) FROM license_items li WHERE li.order_id = r.ref_id) ELSE 0 END AS license_count FROM purchase_records r`;

export function createPurchaseHistoryService(db: WritableDb, clock: Clock): PurchaseHistoryService {
  const linesOf = db.prepare('SELECT item_id, referrer_item_id, product_name, quantity, amount_minor FROM purchase_record_lines WHERE record_id = ? ORDER BY position');

  function toRecord(r: RecordRow): PurchaseRecord {
    const lines = (linesOf.all(r.id) as { item_id: string | null; referrer_item_id: string | null; product_name: string; quantity: number | null; amount_minor: number | null }[]).map(
      (l): PurchaseLine => ({ itemId: l.item_id, referrerItemId: l.referrer_item_id, productName: l.product_name, quantity: l.quantity, amountMinor: l.amount_minor }),
    );
    return {
      id: r.id,
      kind: r.kind,
      refId: r.ref_id,
      paid: r.paid === null ? null : r.paid === 1,
      userEmail: r.user_email,
      company: r.company,
      createdOn: r.created_on,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      amountMinor: r.amount_minor,
      currency: r.currency,
      importedAt: r.imported_at,
      lines,
      licenseCount: r.license_count,
    };
  }

  function get(id: number): PurchaseRecord {
    const row = db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as RecordRow | undefined;
    if (!row) throw notFound('That order or quote');
    return toRecord(row);
  }

  return {
    list() {
      return (db.prepare(`${SELECT} ORDER BY coalesce(r.created_on, '') DESC, r.id DESC`).all() as RecordRow[]).map(toRecord);
    },
    get,
    import(input) {
      const parsed = parsePurchaseHistory(input.text, input.kind);
      if (parsed.rejected.length > 0) {
        throw new AppError('INVALID_INPUT', `Nothing was imported: ${parsed.rejected.length} ${parsed.rejected.length === 1 ? 'row' : 'rows'} could not be read. ${parsed.rejected[0]!.message}`, parsed.rejected.slice(0, 50).map((r) => ({ path: `line ${r.line}`, message: r.message })));
      }
      if (parsed.records.length === 0) throw new AppError('INVALID_INPUT', `No ${input.kind === 'order' ? 'orders' : 'quotes'} found in that list.`);
      const now = clock.now().toISOString();
      return writeTransaction(db, () => {
        const find = db.prepare('SELECT id FROM purchase_records WHERE kind = ? AND ref_id = ?');
        const insert = db.prepare(
          `INSERT INTO purchase_records (kind, ref_id, paid, user_email, company, created_on, valid_from, valid_to, amount_minor, currency, imported_at)
           VALUES (@kind, @refId, @paid, @userEmail, @company, @createdOn, @validFrom, @validTo, @amountMinor, 'USD', @now)`,
        );
        const update = db.prepare(
          `UPDATE purchase_records SET paid = @paid, user_email = @userEmail, company = @company, created_on = @createdOn, valid_from = @validFrom,
             valid_to = @validTo, amount_minor = @amountMinor, imported_at = @now WHERE id = @id`,
        );
        const clearLines = db.prepare('DELETE FROM purchase_record_lines WHERE record_id = ?');
        const addLine = db.prepare('INSERT INTO purchase_record_lines (record_id, position, item_id, referrer_item_id, product_name, quantity, amount_minor) VALUES (?, ?, ?, ?, ?, ?, ?)');
        const report: PurchaseImportReport = { added: 0, updated: 0, lines: 0, rejected: [] };
        for (const r of parsed.records) {
          const params = { ...r, paid: r.paid === null ? null : r.paid ? 1 : 0, now };
          const existing = find.get(r.kind, r.refId) as { id: number } | undefined;
          let id: number;
          if (existing) {
            id = existing.id;
            update.run({ ...params, id });
            report.updated += 1;
          } else {
            id = Number(insert.run(params).lastInsertRowid);
            report.added += 1;
          }
          // An order copied without its expanded lines keeps the lines an earlier import gave it.
          if (r.lines.length > 0) {
            clearLines.run(id);
            r.lines.forEach((l, i) => addLine.run(id, i + 1, l.itemId, l.referrerItemId, l.productName, l.quantity, l.amountMinor));
            report.lines += r.lines.length;
          }
        }
        return report;
      });
    },
    licenseIdsForOrder(orderId) {
      return (db.prepare('SELECT id FROM license_items WHERE order_id = ? ORDER BY item_id').all(orderId) as { id: number }[]).map((r) => r.id);
    },
    orderForLicense(licenseId) {
      const row = db.prepare(`${SELECT} JOIN license_items li ON li.order_id = r.ref_id WHERE r.kind = 'order' AND li.id = ?`).get(licenseId) as RecordRow | undefined;
      return row ? toRecord(row) : null;
    },
  };
}
