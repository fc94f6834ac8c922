import { format } from 'date-fns';
import { USAGE_CONFIRM_RATIO, type AddUsageInput, type UsageSnapshot } from '../../../shared/domain/usage.js';
import { writeTransaction, type WritableDb } from '../db/connection.js';
import { AppError, notFound } from '../errors.js';
import type { Clock } from '../clock.js';

export interface UsageService {
  list(licenseId: number): UsageSnapshot[];
  add(input: AddUsageInput): UsageSnapshot;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * A reading dated after today would stand as the latest one and hide the real readings until that
 * day comes, so it is refused; one far over quota is kept only once the person confirms it.
 */
export function checkReading(input: AddUsageInput, quotaAmount: number, today: string): void {
  if (input.takenOn > today) {
    throw new AppError('INVALID_INPUT', `A usage reading cannot be dated after today (${today}).`, [
      { path: 'takenOn', message: `Not after today (${today})` },
    ]);
  }
  if (!input.confirmed && input.used > USAGE_CONFIRM_RATIO * quotaAmount) {
    const times = input.used / quotaAmount;
    const ratio = times >= 10 ? `${count(Math.round(times))} times` : `${times.toFixed(1)} times`;
    const message = `${count(input.used)} is ${ratio} the quota of ${count(quotaAmount)}. Check the figure; record it only if the License Server really shows it.`;
    throw new AppError('NEEDS_CONFIRMATION', message, [{ path: 'used', message }]);
  }
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
  const quotaOf = db.prepare('SELECT quota_amount FROM license_items WHERE id = ?').pluck();
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
        const quota = quotaOf.get(input.licenseId) as number | undefined;
        if (quota === undefined) throw notFound('That license');
        const now = clock.now();
        checkReading(input, quota, format(now, 'yyyy-MM-dd'));
        writer.upsert(input.licenseId, input.takenOn, input.used);
        history.run(input.licenseId, now.toISOString(), JSON.stringify({ takenOn: input.takenOn, used: input.used }));
        return selectDay.get(input.licenseId, input.takenOn) as UsageSnapshot;
      });
    },
  };
}
