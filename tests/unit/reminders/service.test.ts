import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../../../electron/core/db/store.js';
import { DEFAULT_REMINDER_SETTINGS } from '../../../shared/domain/reminders.js';
import { TempDirs, countRows, newLicenseInput } from '../../fixtures/builders.js';
import { testApi } from '../../fixtures/core.js';
import { upsertSnapshot } from '../../../electron/core/services/usage.js';
import { weekdayWords } from '../../../shared/status/date-words.js';

const tmp = new TempDirs();
let dir: string;
let store: OpenedStore;
// A clock the test moves: the service reads it for timestamps and the desktop digest.
let nowMs = Date.parse('2026-07-10T12:00:00.000Z');
const clock = { now: () => new Date(nowMs) };
const setNow = (local: Date) => (nowMs = local.getTime());
let api: ReturnType<typeof testApi>;

async function open(): Promise<void> {
  store = await openStore(dir);
  api = testApi(store.db, clock);
}

beforeEach(async () => {
  dir = tmp.make();
  nowMs = Date.parse('2026-07-10T12:00:00.000Z');
  await open();
});

afterEach(() => {
  if (store.db.open) store.db.close();
  tmp.cleanup();
});

// Friday 14 August 2026: order by Friday 31 July; the 30-day reminder came on 1 July, the 14-day one is on 17 July.
const soon = () => api.call('licenses:create', newLicenseInput({ itemId: '500001', expiresOn: '2026-08-14', alias: 'scanner', projectCode: '100200-web' }));
const list = (asOf: string) => api.call('reminders:list', { asOf });

describe('reminders over the store', () => {
  it('lists what is due grouped into one digest per day, and skips licenses with nothing due yet', async () => {
    const a = await soon();
    await api.call('licenses:create', newLicenseInput({ itemId: '500002', expiresOn: '2027-06-30' }));
    const b = await api.call('licenses:create', newLicenseInput({ itemId: '500003', quotaAmount: 1000 }));
    await api.call('usage:add', { licenseId: b.id, takenOn: '2026-07-08', used: 850 });
    const r = await list('2026-07-10');
    expect(r.count).toBe(2);
    // The 30-day reminder fell due before the license was added (today), so it is today's news.
    expect(r.digests.map((d) => [d.day, d.reminders.map((x) => [x.kind, x.licenseId])])).toEqual([
      [
        '2026-07-10',
        [
          ['order-by', a.id],
          ['quota-80', b.id],
        ],
      ],
    ]);
    // Two days on, still unanswered: they stay under the day they came, and a new one starts today's digest.
    // Read on that day (usage:add refuses readings dated after the store's clock, which stays on the 10th).
    upsertSnapshot(store.db, b.id, '2026-07-12', 1000);
    expect((await list('2026-07-12')).digests.map((d) => [d.day, d.reminders.map((x) => x.kind)])).toEqual([
      ['2026-07-12', ['quota-100']],
      ['2026-07-10', ['order-by']],
    ]);
    expect(r.digests[0]!.reminders[0]).toMatchObject({ title: `Order the renewal by ${weekdayWords('2026-07-31')}`, alias: 'scanner', projectCode: '100200-web', nextOn: '2026-07-17' });
  });

  it('reminds when the usage readings forecast the quota running out before expiry, and not when usage is flat', async () => {
    const rising = await api.call('licenses:create', newLicenseInput({ itemId: '500010', quotaAmount: 10000, expiresOn: '2027-06-30' }));
    const flat = await api.call('licenses:create', newLicenseInput({ itemId: '500011', quotaAmount: 10000, expiresOn: '2027-06-30' }));
    await api.call('usage:add', { licenseId: rising.id, takenOn: '2026-07-01', used: 1000 });
    await api.call('usage:add', { licenseId: flat.id, takenOn: '2026-07-01', used: 1000 });
    // One reading says nothing about a rate.
    expect((await list('2026-07-10')).count).toBe(0);
    await api.call('usage:add', { licenseId: rising.id, takenOn: '2026-07-10', used: 2000 });
    await api.call('usage:add', { licenseId: flat.id, takenOn: '2026-07-10', used: 1000 });
    // 1,000 in 9 days: 10,000 is reached in September, long before the June expiry.
    const due = (await list('2026-07-10')).digests.flatMap((d) => d.reminders.map((x) => [x.kind, x.licenseId]));
    expect(due).toEqual([['quota-forecast', rising.id]]);
  });

  it('remembers a dismissal across a restart and never brings the same reminder back', async () => {
    await soon();
    const [due] = (await list('2026-07-10')).digests[0]!.reminders;
    const after = await api.call('reminders:dismiss', { id: due!.id, asOf: '2026-07-10' });
    expect(after.count).toBe(0);
    store.db.close();
    await open();
    expect((await list('2026-07-10')).count).toBe(0);
    expect((await list('2026-07-16')).count).toBe(0);
    expect((await list('2026-07-17')).digests[0]!.reminders.map((x) => x.offset)).toEqual([14]);
    // Acting twice on one reminder is refused with words, and changes nothing.
    const err = await api.fail('reminders:dismiss', { id: due!.id, asOf: '2026-07-10' });
    expect(err).toMatchObject({ code: 'NOT_FOUND', message: 'This reminder is no longer due. The list has been refreshed.' });
  });

  it('snoozes for a day, a week, or until the next reminder; the last one cannot be snoozed to a next', async () => {
    await soon();
    const id = (await list('2026-07-10')).digests[0]!.reminders[0]!.id;
    await api.call('reminders:snooze', { id, choice: 'day', asOf: '2026-07-10' });
    expect((await list('2026-07-10')).count).toBe(0);
    expect((await list('2026-07-11')).digests.map((d) => d.day)).toEqual(['2026-07-11']);
    await api.call('reminders:snooze', { id, choice: 'next', asOf: '2026-07-11' });
    expect((await list('2026-07-16')).count).toBe(0);
    expect((await list('2026-07-17')).digests[0]!.reminders[0]!.offset).toBe(14);
    const last = (await list('2026-08-14')).digests[0]!.reminders[0]!;
    expect(last.kind).toBe('expiry');
    expect(await api.fail('reminders:snooze', { id: last.id, choice: 'next', asOf: '2026-08-14' })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(countRows(store.db, 'reminder_decisions')).toBe(1);
  });

  it('a deleted license takes its decisions with it', async () => {
    const a = await soon();
    const id = (await list('2026-07-10')).digests[0]!.reminders[0]!.id;
    await api.call('reminders:dismiss', { id, asOf: '2026-07-10' });
    await api.call('licenses:delete', { id: a.id });
    expect(countRows(store.db, 'reminder_decisions')).toBe(0);
  });

  it('stores settings, validates them, and the schedule follows them', async () => {
    await soon();
    expect(await api.call('reminders:settings', undefined)).toEqual(DEFAULT_REMINDER_SETTINGS);
    const saved = await api.call('reminders:updateSettings', { ...DEFAULT_REMINDER_SETTINGS, leadTimeDays: 25, offsets: [0, 45] });
    expect(saved.offsets).toEqual([45, 0]);
    // 25 business days before 14 August is Friday 10 July: the order-by day itself.
    expect((await list('2026-07-10')).digests[0]!.reminders[0]).toMatchObject({ title: 'Order the renewal today', orderBy: '2026-07-10' });
    const bad = await api.fail('reminders:updateSettings', { ...DEFAULT_REMINDER_SETTINGS, offsets: [7, 7], digestTime: '25:00' });
    expect(bad.code).toBe('INVALID_INPUT');
    expect((await api.call('reminders:settings', undefined)).leadTimeDays).toBe(25);
  });

  it('saves the calendar through the platform for all, one project or one license, and may open what it saved', async () => {
    const a = await soon();
    await api.call('licenses:create', newLicenseInput({ itemId: '500002', expiresOn: '2027-06-30' }));
    await api.call('licenses:create', newLicenseInput({ itemId: '500009', expiresOn: '2026-07-01' }));
    const uids = (content: string | Uint8Array) => new ICAL.Component(ICAL.parse(String(content))).getAllSubcomponents('vevent').map((e) => String(e.getFirstPropertyValue('uid')));
    const lastSaved = () => api.platform.saved.at(-1)!;
    const all = await api.call('reminders:calendar', { scope: 'all', asOf: '2026-07-10' });
    expect(all).toEqual({ fileName: 'license-desk-all-licenses.ics', events: 4, saved: { path: '/fake/license-desk-all-licenses.ics', bytes: expect.any(Number) } });
    expect(lastSaved().name).toBe('license-desk-all-licenses.ics');
    expect(uids(lastSaved().content)).toEqual(['order-by-500001@license-desk', 'expiry-500001@license-desk', 'order-by-500002@license-desk', 'expiry-500002@license-desk']);
    expect(Buffer.byteLength(String(lastSaved().content))).toBe(all.saved!.bytes);
    // The page may open and reveal the file it was told about, and nothing else.
    await api.call('files:reveal', { path: all.saved!.path });
    expect(api.platform.revealed).toEqual([all.saved!.path]);
    expect(await api.fail('files:open', { path: '/fake/other.ics' })).toMatchObject({ code: 'NOT_FOUND' });

    const project = await api.call('reminders:calendar', { scope: 'project', projectCode: '100200-web', asOf: '2026-07-10' });
    expect(project).toMatchObject({ fileName: 'license-desk-project-100200-web.ics', events: 2 });
    expect(uids(lastSaved().content)).toHaveLength(2);
    expect(await api.call('reminders:calendar', { scope: 'license', licenseId: a.id, asOf: '2026-07-10' })).toMatchObject({ fileName: `license-desk-license-${a.id}.ics`, events: 2 });
    expect(await api.fail('reminders:calendar', { scope: 'project', projectCode: '100200-none', asOf: '2026-07-10' })).toMatchObject({ code: 'NOT_FOUND' });

    // The user closes the save dialog: nothing is written, and the answer says so.
    const before = api.platform.saved.length;
    api.platform.cancelNextSave();
    expect(await api.call('reminders:calendar', { scope: 'all', asOf: '2026-07-10' })).toEqual({ fileName: 'license-desk-all-licenses.ics', events: 4, saved: null });
    expect(api.platform.saved).toHaveLength(before);
  });
});

describe('a license with an open renewal order is in progress', () => {
  it('reminds only to follow up the order, once it has been Sent for the follow-up days', async () => {
    const a = await soon();
    expect((await list('2026-07-10')).count).toBe(1);
    const order = await api.call('orders:create', { kind: 'renewal', channel: 'purchase-order', requestedOn: '2026-07-10', lines: [{ sourceId: a.id }] });
    // A draft: the renewal is in hand, so the order-by reminders stop.
    expect((await list('2026-07-10')).count).toBe(0);
    await api.call('orders:transition', { id: order.id, to: 'sent' });
    expect((await list('2026-07-16')).count).toBe(0);
    const [r] = (await list('2026-07-17')).digests[0]!.reminders;
    expect(r).toMatchObject({ kind: 'order-follow-up', dueOn: '2026-07-17', target: { kind: 'order', orderId: order.id }, title: 'Follow up the renewal order' });
    await api.call('orders:transition', { id: order.id, to: 'cancelled' });
    expect((await list('2026-07-17')).digests[0]!.reminders.map((x) => x.kind)).toEqual(['order-by']);
  });
});

describe('desktop digest', () => {
  it('comes at most once a day, from the digest time on, and again the next day', async () => {
    await soon();
    setNow(new Date(2026, 6, 10, 8, 59));
    expect(await api.deps.reminders.claimDigest()).toBeNull();
    expect(api.deps.reminders.nextDigestCheck()).toEqual(new Date(2026, 6, 10, 9, 0));
    setNow(new Date(2026, 6, 10, 9, 0));
    expect(await api.deps.reminders.claimDigest()).toEqual({ day: '2026-07-10', count: 1, title: 'License Desk: 1 reminder', body: `Order the renewal by ${weekdayWords('2026-07-31')}: Dynamsoft Barcode Reader (scanner).` });
    expect(await api.deps.reminders.claimDigest()).toBeNull();
    expect(api.deps.reminders.nextDigestCheck()).toEqual(new Date(2026, 6, 11, 9, 0));
    // A restart the same day does not show it again.
    store.db.close();
    await open();
    setNow(new Date(2026, 6, 10, 18, 0));
    expect(await api.deps.reminders.claimDigest()).toBeNull();
    setNow(new Date(2026, 6, 11, 9, 30));
    expect(await api.deps.reminders.claimDigest()).toMatchObject({ day: '2026-07-11', count: 1 });
  });

  it('stays quiet when nothing is due or notifications are off', async () => {
    setNow(new Date(2026, 6, 10, 10, 0));
    expect(await api.deps.reminders.claimDigest()).toBeNull();
    await soon();
    await api.call('reminders:updateSettings', { ...DEFAULT_REMINDER_SETTINGS, desktopNotifications: false });
    expect(await api.deps.reminders.claimDigest()).toBeNull();
    expect(countRows(store.db, 'reminder_digests')).toBe(0);
  });
});
