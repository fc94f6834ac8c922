import type { AddUsageInput, UsageSnapshot } from '../../../shared/domain/usage.js';
import { writeTransaction, type WritableDb } from '../db/connection.js';
import { notFound } from '../errors.js';
import type { Clock } from '../clock.js';

export interface UsageService {
  list(licenseId: number): UsageSnapshot[];
  add(input: AddUsageInput): UsageSnapshot;
}

/** Snapshot writes with their statements prepared once. Callers own the transaction. */
export interface UsageWriter {
  /** One snapshot per item per day (a later figure for the same day corrects it); keeps the item's latest figure current. */
  upsert(licenseId: number, takenOn: string, used: number): void;
}

export function createUsageWriter(db: WritableDb): UsageWriter {
  const upsert = db.prepare(
    `INSERT INTO usage_snapshots (license_item_id, taken_on, used) VALUES (?, ?, ?)
     ON CONFLICT(license_item_id, taken_on) DO UPDATE SET used = excluded.used`,
  );
  const refresh = db.prepare(
    `UPDATE license_items SET (used, used_on) = (SELECT used, taken_on FROM usage_snapshots WHERE license_item_id = @id ORDER BY taken_on DESC LIMIT 1)
     WHERE id = @id`,
  );
  return {
    upsert(licenseId, takenOn, used) {
      upsert.run(licenseId, takenOn, used);
      refresh.run({ id: licenseId });
    },
  };
}

const writers = new WeakMap<WritableDb, UsageWriter>();

/** One snapshot per item per day (a later figure for the same day corrects it); keeps the item's latest figure current. */
export function upsertSnapshot(db: WritableDb, licenseId: number, takenOn: string, used: number): void {
  let writer = writers.get(db);
  if (!writer) {
    writer = createUsageWriter(db);
    writers.set(db, writer);
  }
  writer.upsert(licenseId, takenOn, used);
}

/**
 * Usage figures are typed in by hand (the app is offline). One snapshot per item per day: a second
 * entry for the same day corrects the first. The item's latest figure is kept on the item itself.
 */
export function createUsageService(db: WritableDb, clock: Clock): UsageService {
  const writer = createUsageWriter(db);
  const exists = db.prepare('SELECT 1 FROM license_items WHERE id = ?');
  const select = db.prepare('SELECT id, license_item_id AS licenseId, taken_on AS takenOn, used FROM usage_snapshots WHERE license_item_id = ? ORDER BY taken_on');
  const selectDay = db.prepare('SELECT id, license_item_id AS licenseId, taken_on AS takenOn, used FROM usage_snapshots WHERE license_item_id = ? AND taken_on = ?');
  const history = db.prepare(`INSERT INTO license_history (license_item_id, at, action, source, changes) VALUES (?, ?, 'usage', 'manual', ?)`);
  return {
    list(licenseId) {
      if (!exists.get(licenseId)) throw notFound('That license');
      return select.all(licenseId) as UsageSnapshot[];
    },
    add(input) {
      return writeTransaction(db, () => {
        if (!exists.get(input.licenseId)) throw notFound('That license');
        writer.upsert(input.licenseId, input.takenOn, input.used);
        history.run(input.licenseId, clock.now().toISOString(), JSON.stringify({ takenOn: input.takenOn, used: input.used }));
        return selectDay.get(input.licenseId, input.takenOn) as UsageSnapshot;
      });
    },
  };
}
