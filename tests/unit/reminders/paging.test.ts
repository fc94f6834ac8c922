import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../../../electron/core/db/store.js';
import { computeDue, DueList, encodeDue } from '../../../electron/core/services/reminders/due.js';
import { upsertSnapshot } from '../../../electron/core/services/usage.js';
import type { Reminder, ReminderKind } from '../../../shared/domain/reminders.js';
import { TempDirs, newLicenseInput } from '../../fixtures/builders.js';
import { testApi } from '../../fixtures/core.js';
import { allDue } from '../../fixtures/reminders.js';

function reminder(n: number, dueOn: string, kind: ReminderKind = 'order-by', id = `${kind}:${n}:2026-08-14`): Reminder {
  return {
    ...{ id, kind, licenseId: n, itemId: `${500000 + n}`, product: 'Dynamsoft Barcode Reader', alias: n % 2 ? `scanner "${n}" {"id":"x"}` : null, projectCode: null },
    ...{ dueOn, expiresOn: '2026-08-14', orderBy: '2026-07-31', offset: 30, nextOn: null, title: 'Order the renewal', detail: 'Ünïcode ✓ detail', target: { kind: 'license' as const, licenseId: n } },
  };
}

describe('the kept due list (DueList)', () => {
  // Newest day first, as dueReminders sorts; one follow-up id shared by two licenses (one order).
  const list: Reminder[] = [
    reminder(1, '2026-07-10'),
    reminder(2, '2026-07-10', 'order-follow-up', 'order-follow-up:9:2026-07-01'),
    reminder(3, '2026-07-10', 'order-follow-up', 'order-follow-up:9:2026-07-01'),
    reminder(4, '2026-07-09', 'quota-80'),
    reminder(5, '2026-07-09'),
    reminder(6, '2026-07-01', 'expiry'),
  ];
  const due = new DueList(encodeDue(list));

  it('pages, counts and finds without changing what it holds (quotes, braces and non-ASCII in the text included)', () => {
    expect(due.count).toBe(6);
    expect(due.page(0, 100)).toEqual(list);
    expect(due.page(2, 3)).toEqual(list.slice(2, 5));
    expect(due.page(6, 10)).toEqual([]);
    expect(due.page(99, 10)).toEqual([]);
    expect(due.days()).toEqual([
      { day: '2026-07-10', count: 3 },
      { day: '2026-07-09', count: 2 },
      { day: '2026-07-01', count: 1 },
    ]);
    expect(due.byKind()).toMatchObject({ 'order-by': 2, 'order-follow-up': 2, 'quota-80': 1, expiry: 1, late: 0 });
    expect(due.find('quota-80:4:2026-08-14')).toEqual(list[3]);
    // The first of a shared id, as the list orders them; an id only found inside a text is not a reminder.
    expect(due.find('order-follow-up:9:2026-07-01')).toEqual(list[1]);
    expect(due.find('x')).toBeNull();
    expect(due.find('order-by:1')).toBeNull();
  });

  it('without an id: every reminder with it goes, the counts, days and pages follow', () => {
    const less = due.without('order-follow-up:9:2026-07-01').without('expiry:6:2026-08-14');
    const rest = [list[0], list[3], list[4]];
    expect(less.count).toBe(3);
    expect(less.page(0, 10)).toEqual(rest);
    expect(less.page(1, 1)).toEqual([list[3]]);
    expect(less.page(2, 5)).toEqual([list[4]]);
    expect(less.days()).toEqual([
      { day: '2026-07-10', count: 1 },
      { day: '2026-07-09', count: 2 },
    ]);
    expect(less.byKind()).toMatchObject({ 'order-follow-up': 0, expiry: 0, 'order-by': 2 });
    expect(less.find('order-follow-up:9:2026-07-01')).toBeNull();
    // The original is untouched: it may still be answering a page asked before.
    expect(due.count).toBe(6);
  });

  it('an empty list', () => {
    const none = new DueList(encodeDue([]));
    expect([none.count, none.page(0, 50), none.days(), none.find('a')]).toEqual([0, [], [], null]);
  });
});

describe('reminders:list pages and reminders:count over the store', () => {
  const tmp = new TempDirs();
  let store: OpenedStore;
  let api: ReturnType<typeof testApi>;
  /** Each time the due list is worked out: one job of kind "reminders" in the worker. */
  let computed: number;

  beforeEach(async () => {
    store = await openStore(tmp.make());
    api = testApi(store.db, { now: () => new Date('2026-07-10T12:00:00.000Z') });
    computed = 0;
    api.core.events.subscribe((name, p) => {
      if (name === 'job:progress' && (p as { kind: string; state: string }).kind === 'reminders' && (p as { state: string }).state === 'running') computed++;
    });
    // 25 licenses expiring on 14 August (the 30-day reminder is due), 5 with 80 % of their quota used.
    for (let i = 0; i < 25; i++) await api.call('licenses:create', newLicenseInput({ itemId: `${600000 + i}`, expiresOn: '2026-08-14' }));
    for (let i = 0; i < 5; i++) {
      const l = await api.call('licenses:create', newLicenseInput({ itemId: `${610000 + i}`, quotaAmount: 1000, expiresOn: '2027-06-30' }));
      upsertSnapshot(store.db, l.id, `2026-07-0${i + 1}`, 900);
    }
  });

  afterEach(() => {
    if (store.db.open) store.db.close();
    tmp.cleanup();
  });

  it('pages are bounded, follow each other without gap or overlap, and carry the total and every day', async () => {
    const all = computeDue(store.db, '2026-07-10');
    expect(all).toHaveLength(30);
    const first = await api.call('reminders:list', { asOf: '2026-07-10', offset: 0, limit: 7 });
    expect(first).toMatchObject({ count: 30, offset: 0, limit: 7 });
    expect(first.digests.flatMap((d) => d.reminders)).toEqual(all.slice(0, 7));
    expect(first.days.reduce((n, d) => n + d.count, 0)).toBe(30);
    expect(await allDue(api, '2026-07-10', 7)).toEqual(all);
    // Without a page: the first 50 at most.
    expect((await api.call('reminders:list', { asOf: '2026-07-10' })).digests.flatMap((d) => d.reminders)).toHaveLength(30);
    // Past the end: nothing, and still the total.
    expect(await api.call('reminders:list', { asOf: '2026-07-10', offset: 30, limit: 10 })).toMatchObject({ count: 30, digests: [] });
    expect(await api.call('reminders:count', { asOf: '2026-07-10' })).toMatchObject({ count: 30, newestDay: '2026-07-10', byKind: { 'order-by': 25, 'quota-80': 5 } });
  });

  it('refuses a bad page with words', async () => {
    for (const bad of [{ offset: -1 }, { offset: 1.5 }, { limit: 0 }, { limit: 201 }, { limit: '10' }, { offset: null }, { page: 2 }]) {
      const err = await api.fail('reminders:list', { asOf: '2026-07-10', ...bad });
      expect(err.code, JSON.stringify(bad)).toBe('INVALID_INPUT');
    }
    expect((await api.fail('reminders:count', { asOf: '10/07/2026' })).code).toBe('INVALID_INPUT');
  });

  it('works the list out in the job worker once per change of the store, and follows every change', async () => {
    expect((await api.call('reminders:count', { asOf: '2026-07-10' })).count).toBe(30);
    await api.call('reminders:list', { asOf: '2026-07-10', offset: 10, limit: 5 });
    await api.call('reminders:count', { asOf: '2026-07-10' });
    expect(computed).toBe(1);
    // Calls that come while it is worked out wait for the same answer.
    const together = await Promise.all([api.call('reminders:count', { asOf: '2026-07-11' }), api.call('reminders:list', { asOf: '2026-07-11' })]);
    expect(together[0].count).toBe(together[1].count);
    expect(computed).toBe(2);
    // A write through a channel, one straight to this connection, one from another connection.
    await api.call('licenses:create', newLicenseInput({ itemId: '620000', expiresOn: '2026-08-14' }));
    expect((await api.call('reminders:count', { asOf: '2026-07-10' })).count).toBe(31);
    store.db.prepare(`DELETE FROM license_items WHERE item_id = '620000'`).run();
    expect((await api.call('reminders:count', { asOf: '2026-07-10' })).count).toBe(30);
    const other = new Database(store.paths.dbFile);
    try {
      other.prepare(`UPDATE license_items SET expires_on = '2027-06-30' WHERE item_id IN ('600000', '600001')`).run();
    } finally {
      other.close();
    }
    expect((await api.call('reminders:count', { asOf: '2026-07-10' })).count).toBe(28);
    expect(computed).toBe(5);
  });

  it('a burst of writes while the list is worked out queues one more job for the newest store, not one per write', async () => {
    const asOf = '2026-07-10';
    const expire = (itemId: string) => store.db.prepare(`UPDATE license_items SET expires_on = '2027-06-30' WHERE item_id = ?`).run(itemId);
    // Straight to the service: each call reads the store's version before its first await.
    const first = api.deps.reminders.count(asOf);
    expire('600000');
    const second = api.deps.reminders.count(asOf);
    expire('600001');
    const third = api.deps.reminders.count(asOf);
    expire('600002');
    const fourth = api.deps.reminders.count(asOf);
    // The worker reads the store when its job runs, after these writes: an answer is never older than the question.
    expect((await Promise.all([first, second, third, fourth])).map((c) => c.count)).toEqual([27, 27, 27, 27]);
    expect(computed).toBe(2);
    expect((await api.call('reminders:count', { asOf })).count).toBe(27);
    expect(computed).toBe(2);
  });

  it('a dismiss or snooze takes the reminder out of the kept list without working it all out again, equal to doing so', async () => {
    const [a, b] = (await api.call('reminders:list', { asOf: '2026-07-10', limit: 2 })).digests[0]!.reminders;
    expect(computed).toBe(1);
    expect(await api.call('reminders:dismiss', { id: a!.id, asOf: '2026-07-10' })).toMatchObject({ count: 29 });
    expect(await api.call('reminders:snooze', { id: b!.id, choice: 'day', asOf: '2026-07-10' })).toMatchObject({ count: 28 });
    const after = await allDue(api, '2026-07-10', 9);
    expect(computed).toBe(1);
    expect(after).toEqual(computeDue(store.db, '2026-07-10'));
    expect(after.map((r) => r.id)).not.toContain(a!.id);
    // Another day is worked out afresh, with the snoozed one back on its day.
    expect((await allDue(api, '2026-07-11')).map((r) => r.id)).toContain(b!.id);
  });
});
