import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../../../electron/core/db/store.js';
import { LICENSE_SELECT, toLicense, type LicenseRow } from '../../../electron/core/services/licenses/rows.js';
import { dueReminders, localDay, plusDays, type Decision, type OpenRenewalOrder, type ScheduleLicense } from '../../../electron/core/services/reminders/schedule.js';
import { upsertSnapshot } from '../../../electron/core/services/usage.js';
import { isOpenOrder, ORDER_STATES } from '../../../shared/domain/order.js';
import { productLabel } from '../../../shared/domain/license.js';
import type { Reminder, ReminderSettings } from '../../../shared/domain/reminders.js';
import { forecast, type UsageReading } from '../../../shared/status/forecast.js';
import { TempDirs } from '../../fixtures/builders.js';
import { testApi } from '../../fixtures/core.js';
import { variedReminderStore } from '../../fixtures/reminder-store.js';
import { allDue } from '../../fixtures/reminders.js';
import { REMINDER_KINDS } from '../../../shared/domain/reminders.js';

/**
 * The service narrows licenses in SQL, computes dates once per distinct day and keeps its answer
 * until the data or the day changes. The plain computation it must equal: every license in the
 * store through the schedule, no narrowing, no cache (what the service did before, minus its WHERE).
 */
function plainDue(db: Database.Database, settings: ReminderSettings, today: string): Reminder[] {
  const states = ORDER_STATES.filter(isOpenOrder);
  const open = new Map<number, OpenRenewalOrder>();
  const orders = db
    .prepare(
      `SELECT l.source_id AS licenseId, o.id, o.state, (SELECT max(e.at) FROM order_events e WHERE e.order_id = o.id AND e.to_state = 'sent') AS sentAt
       FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.kind = 'renewal' AND l.source_id IS NOT NULL ORDER BY o.id`,
    )
    .all() as { licenseId: number; id: number; state: string; sentAt: string | null }[];
  for (const r of orders) if (states.includes(r.state as (typeof states)[number])) open.set(r.licenseId, { id: r.id, state: r.state, sentOn: r.sentAt ? localDay(new Date(r.sentAt)) : null });
  const readings = db.prepare('SELECT taken_on AS takenOn, used FROM usage_snapshots WHERE license_item_id = ? ORDER BY taken_on');
  const licenses: ScheduleLicense[] = (db.prepare(LICENSE_SELECT).all() as LicenseRow[]).map((row) => {
    const l = toLicense(row);
    const rs = readings.all(l.id) as UsageReading[];
    const runsOut = l.quotaAmount > 0 && l.used !== null && rs.length >= 2 ? (forecast({ readings: rs, quotaAmount: l.quotaAmount, quotaMode: l.quotaMode, expiresOn: l.expiresOn }).thresholds.find((t) => t.percent === 100)?.on ?? null) : null;
    return {
      ...{ id: l.id, itemId: l.itemId, productCode: l.productCode, product: productLabel(l), alias: l.alias, projectCode: l.projectCode, activationStatus: l.activationStatus },
      ...{ expiresOn: l.expiresOn, renewedById: l.renewedById, quotaMode: l.quotaMode, quotaAmount: l.quotaAmount, used: l.used, usedOn: l.usedOn },
      knownSince: localDay(new Date(l.createdAt)),
      openOrder: open.get(l.id) ?? null,
      quotaRunsOutOn: runsOut,
    };
  });
  const decisions = new Map((db.prepare('SELECT reminder_id AS id, action, until FROM reminder_decisions').all() as (Decision & { id: string })[]).map(({ id, ...d }) => [id, d]));
  return dueReminders(licenses, settings, today, decisions);
}

const TODAY = '2026-07-10';
const NOW_ISO = '2026-07-10T12:00:00.000Z';
const tmp = new TempDirs();
let store: OpenedStore;
let api: ReturnType<typeof testApi>;

beforeAll(async () => {
  store = await openStore(tmp.make());
  api = testApi(store.db, { now: () => new Date(NOW_ISO) });
  await variedReminderStore(store.db, api, 3000, TODAY, NOW_ISO);
}, 60_000);

/** The whole list page by page, checked against the outline every page carries and the bell's count. */
const flat = async (asOf: string) => {
  const all = await allDue(api, asOf);
  const first = await api.call('reminders:list', { asOf, limit: 10 });
  expect(first.count).toBe(all.length);
  const days = [...new Set(all.map((r) => r.dueOn))];
  expect(first.days).toEqual(days.map((day) => ({ day, count: all.filter((r) => r.dueOn === day).length })));
  const count = await api.call('reminders:count', { asOf });
  expect(count).toEqual({ count: all.length, byKind: Object.fromEntries(REMINDER_KINDS.map((k) => [k, all.filter((r) => r.kind === k).length])), newestDay: days[0] ?? null });
  return all;
};

describe('reminders at scale equal the plain computation', () => {
  it('over a varied store of 3,000 items, on days around today, repeated (the kept answer) and after writes', async () => {
    const settings = await api.call('reminders:settings', undefined);
    const kinds = new Set<string>();
    for (const offset of [-3, 0, 1, 2, 3, 8, 15, 40, 90]) {
      const asOf = plusDays(TODAY, offset);
      const expected = plainDue(store.db, settings, asOf);
      expect(await flat(asOf)).toEqual(expected);
      // Asked again: the kept answer, still equal.
      expect(await flat(asOf)).toEqual(expected);
      for (const r of expected) kinds.add(r.kind);
    }
    // The store exercises every kind of reminder, or the comparison proves less than it says.
    expect([...kinds].sort()).toEqual(['expiry', 'late', 'order-by', 'order-follow-up', 'quota-100', 'quota-80', 'quota-forecast']);
    expect(plainDue(store.db, settings, TODAY).length).toBeGreaterThan(500);

    // A write through this connection outside the services (a usage reading), then through another
    // connection (as the import worker writes): the next answer follows each.
    const some = (store.db.prepare(`SELECT id FROM license_items WHERE activation_status = 'activated' AND used IS NOT NULL ORDER BY id LIMIT 1`).pluck().get() as number);
    const before = await flat(TODAY);
    upsertSnapshot(store.db, some, TODAY, 10_000_000);
    const afterReading = await flat(TODAY);
    expect(afterReading).not.toEqual(before);
    expect(afterReading).toEqual(plainDue(store.db, settings, TODAY));
    const other = new Database(store.paths.dbFile);
    try {
      other.prepare(`UPDATE license_items SET expires_on = ? WHERE id IN (SELECT id FROM license_items WHERE activation_status = 'activated' ORDER BY id LIMIT 50)`).run(plusDays(TODAY, 20));
    } finally {
      other.close();
    }
    const afterOther = await flat(TODAY);
    expect(afterOther).not.toEqual(afterReading);
    expect(afterOther).toEqual(plainDue(store.db, settings, TODAY));
    store.db.close();
    tmp.cleanup();
  }, 120_000);
});
