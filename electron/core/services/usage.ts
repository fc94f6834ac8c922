import type { AddUsageInput, UsageSnapshot } from '../../../shared/domain/usage.js';
import { writeTransaction, type WritableDb } from '../db/connection.js';
import { notFound } from '../ipc/errors.js';
import type { Clock } from './licenses/service.js';

export interface UsageService {
  list(licenseId: number): UsageSnapshot[];
  add(input: AddUsageInput): UsageSnapshot;
}

/** One snapshot per item per day (a later figure for the same day corrects it); keeps the item's latest figure current. */
export function upsertSnapshot(db: WritableDb, licenseId: number, takenOn: string, used: number): void {
  db.prepare(
    `INSERT INTO usage_snapshots (license_item_id, taken_on, used) VALUES (?, ?, ?)
     ON CONFLICT(license_item_id, taken_on) DO UPDATE SET used = excluded.used`,
  ).run(licenseId, takenOn, used);
  db.prepare(
    `UPDATE license_items SET (used, used_on) = (SELECT used, taken_on FROM usage_snapshots WHERE license_item_id = @id ORDER BY taken_on DESC LIMIT 1)
     WHERE id = @id`,
  ).run({ id: licenseId });
}

/**
 * Usage figures are typed in by hand (the app is offline). One snapshot per item per day: a second
 * entry for the same day corrects the first. The item's latest figure is kept on the item itself.
 */
export function createUsageService(db: WritableDb, clock: Clock): UsageService {
  const select = db.prepare('SELECT id, license_item_id AS licenseId, taken_on AS takenOn, used FROM usage_snapshots WHERE license_item_id = ? ORDER BY taken_on');
  return {
    list(licenseId) {
      if (!db.prepare('SELECT 1 FROM license_items WHERE id = ?').get(licenseId)) throw notFound('That license');
      return select.all(licenseId) as UsageSnapshot[];
    },
    add(input) {
      return writeTransaction(db, () => {
        if (!db.prepare('SELECT 1 FROM license_items WHERE id = ?').get(input.licenseId)) throw notFound('That license');
        upsertSnapshot(db, input.licenseId, input.takenOn, input.used);
        db.prepare(`INSERT INTO license_history (license_item_id, at, action, source, changes) VALUES (?, ?, 'usage', 'manual', ?)`).run(
          input.licenseId,
          clock.now().toISOString(),
          JSON.stringify({ takenOn: input.takenOn, used: input.used }),
        );
        return db
          .prepare('SELECT id, license_item_id AS licenseId, taken_on AS takenOn, used FROM usage_snapshots WHERE license_item_id = ? AND taken_on = ?')
          .get(input.licenseId, input.takenOn) as UsageSnapshot;
      });
    },
  };
}
