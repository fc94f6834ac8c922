import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../../../electron/core/db/store.js';
import { DEFAULT_REMINDER_SETTINGS } from '../../../shared/domain/reminders.js';
import { TempDirs, newLicenseInput } from '../../fixtures/builders.js';
import { testApi, testPlatform, type TestPlatform } from '../../fixtures/core.js';
import { fakeTime, useZone } from '../../fixtures/fake-time.js';
import { weekdayWords } from '../../../shared/status/date-words.js';

const tmp = new TempDirs();
let store: OpenedStore | null = null;
afterEach(() => {
  if (store?.db.open) store.db.close();
  store = null;
  tmp.cleanup();
});

const HOUR = 3_600_000;

/** The app's composition on a fresh store, on a fake clock and timers, with its events recorded. */
async function desktopApp(start: Date, dir = tmp.make()) {
  store = await openStore(dir);
  const time = fakeTime(start);
  const platform: TestPlatform = testPlatform();
  const api = testApi(store.db, time.clock, undefined, { platform, timers: time.timers });
  const days: string[] = [];
  const opened: string[] = [];
  api.core.events.subscribe((name, payload) => {
    if (name === 'day:changed') days.push((payload as { day: string }).day);
    if (name === 'reminders:openDigest') opened.push((payload as { day: string }).day);
  });
  const shown = () => platform.notifications.map((n) => n.digestDay);
  // The digest's due list is worked out in the job worker: a look ends after the call that started it.
  const settle = () => api.core.desktop.settled();
  const recorded = () => (store!.db.prepare('SELECT day FROM reminder_digests ORDER BY day').all() as { day: string }[]).map((r) => r.day);
  return { api, time, platform, days, opened, shown, recorded, settle, dir };
}

// Expires Friday 14 August 2026: its 30-day reminder is due from the day it is added until the 14-day one.
const addDueLicense = (api: ReturnType<typeof testApi>, expiresOn = '2026-08-14') => api.call('licenses:create', newLicenseInput({ itemId: '500001', expiresOn, alias: 'scanner' }));

describe('desktop digest schedule', () => {
  it('waits on one timer for the digest time, shows one digest a day, and the day rolls over at midnight', async () => {
    const app = await desktopApp(new Date(2026, 6, 10, 8, 0));
    await addDueLicense(app.api);
    app.api.core.desktop.start();
    await app.settle();
    expect(app.shown()).toEqual([]);
    // Two timers, no polling: the next local midnight and today's digest time.
    expect(app.time.pendingAt()).toEqual([new Date(2026, 6, 10, 9, 0), new Date(2026, 6, 11, 0, 0)]);

    app.time.advance(new Date(2026, 6, 10, 9, 0));
    await app.settle();
    expect(app.platform.notifications).toEqual([{ title: 'License Desk: 1 reminder', body: `Order the renewal by ${weekdayWords('2026-07-31')}: Dynamsoft Barcode Reader (scanner).`, digestDay: '2026-07-10' }]);
    expect(app.time.pendingAt()).toEqual([new Date(2026, 6, 11, 0, 0), new Date(2026, 6, 11, 9, 0)]);

    app.time.advance(new Date(2026, 6, 10, 23, 59));
    expect(app.days).toEqual([]);
    app.time.advance(new Date(2026, 6, 11, 0, 0));
    expect(app.days).toEqual(['2026-07-11']);
    await app.settle();
    expect(app.shown()).toEqual(['2026-07-10']);
    app.time.advance(new Date(2026, 6, 11, 9, 0));
    await app.settle();
    expect(app.shown()).toEqual(['2026-07-10', '2026-07-11']);
    await app.settle();
    expect(app.recorded()).toEqual(['2026-07-10', '2026-07-11']);
    expect(app.time.pendingAt()).toHaveLength(2);
  });

  it('never shows a day twice across a restart', async () => {
    const first = await desktopApp(new Date(2026, 6, 10, 9, 30));
    await addDueLicense(first.api);
    first.api.core.desktop.start();
    await first.settle();
    expect(first.shown()).toEqual(['2026-07-10']);
    await first.api.core.close();
    // Closing the core leaves no timer behind.
    expect(first.time.pendingAt()).toEqual([]);
    store!.db.close();

    const again = await desktopApp(new Date(2026, 6, 10, 18, 0), first.dir);
    again.api.core.desktop.start();
    await again.settle();
    expect(again.shown()).toEqual([]);
    again.time.advance(new Date(2026, 6, 11, 9, 0));
    await again.settle();
    expect(again.shown()).toEqual(['2026-07-11']);
  });

  it('after a sleep through two digest times, a wake catches up once, with today\'s digest', async () => {
    const app = await desktopApp(new Date(2026, 6, 10, 8, 0));
    await addDueLicense(app.api);
    app.api.core.desktop.start();
    app.time.sleep(2 * 24 * HOUR + 3 * HOUR); // Sunday 12 July, 11:00
    await app.settle();
    expect(app.shown()).toEqual([]);
    app.api.core.desktop.check(); // powerMonitor 'resume'
    expect(app.days).toEqual(['2026-07-12']);
    await app.settle();
    expect(app.shown()).toEqual(['2026-07-12']);
    app.api.core.desktop.check();
    await app.settle();
    expect(app.shown()).toEqual(['2026-07-12']);
    // The late timers were dropped for fresh ones: tomorrow's midnight and digest time.
    expect(app.time.pendingAt()).toEqual([new Date(2026, 6, 13, 0, 0), new Date(2026, 6, 13, 9, 0)]);
    app.time.advance(new Date(2026, 6, 13, 9, 0));
    await app.settle();
    expect(app.shown()).toEqual(['2026-07-12', '2026-07-13']);
    await app.settle();
    expect(app.recorded()).toEqual(['2026-07-12', '2026-07-13']);
  });

  it('records nothing when nothing could show it (no page open), and shows it at the next look', async () => {
    const app = await desktopApp(new Date(2026, 6, 10, 10, 0));
    await addDueLicense(app.api);
    app.platform.canNotify = false;
    app.api.core.desktop.start();
    await app.settle();
    expect(app.recorded()).toEqual([]);
    app.platform.canNotify = true;
    app.api.core.desktop.check(); // the browser host: a page connected
    await app.settle();
    expect(app.shown()).toEqual(['2026-07-10']);
    await app.settle();
    expect(app.recorded()).toEqual(['2026-07-10']);
  });

  it('takes a new digest time at once, and stays quiet with notifications off', async () => {
    const app = await desktopApp(new Date(2026, 6, 10, 8, 0));
    await addDueLicense(app.api);
    app.api.core.desktop.start();
    await app.api.call('reminders:updateSettings', { ...DEFAULT_REMINDER_SETTINGS, digestTime: '07:30' });
    await app.settle();
    expect(app.shown()).toEqual(['2026-07-10']);
    await app.api.call('reminders:updateSettings', { ...DEFAULT_REMINDER_SETTINGS, digestTime: '10:15', desktopNotifications: false });
    app.time.advance(new Date(2026, 6, 11, 12, 0));
    await app.settle();
    expect(app.shown()).toEqual(['2026-07-10']);
    expect(app.time.pendingAt()).toEqual([new Date(2026, 6, 12, 0, 0), new Date(2026, 6, 12, 10, 15)]);
    expect(await app.api.call('reminders:desktop', undefined)).toEqual({ shownBy: 'system', lastDigestOn: '2026-07-10' });
  });

  it('looks that overlap while the due list is worked out show the day once; a look cut short by closing shows nothing', async () => {
    const app = await desktopApp(new Date(2026, 6, 10, 10, 0));
    await addDueLicense(app.api);
    app.api.core.desktop.start();
    app.api.core.desktop.check();
    app.api.core.desktop.check();
    await app.settle();
    expect(app.shown()).toEqual(['2026-07-10']);
    expect(app.recorded()).toEqual(['2026-07-10']);
    await app.api.core.close();
    store!.db.close();

    const other = await desktopApp(new Date(2026, 6, 10, 10, 0));
    await addDueLicense(other.api);
    other.api.core.desktop.start();
    other.api.core.desktop.stop();
    await other.settle();
    expect(other.shown()).toEqual([]);
    expect(other.recorded()).toEqual([]);
  });

  it('a click on the digest asks the pages to open that day', async () => {
    const app = await desktopApp(new Date(2026, 6, 10, 8, 0));
    app.api.core.desktop.openDigest('2026-07-10');
    expect(app.opened).toEqual(['2026-07-10']);
  });
});

describe('Europe/Berlin: the digest time across the DST nights', () => {
  useZone('Europe/Berlin', { beforeAll, afterAll });

  it('spring forward: the next 09:00 is 22 hours after 10:00, and a digest time in the skipped hour comes at 03:30', async () => {
    const app = await desktopApp(new Date(2026, 2, 28, 10, 0));
    expect(new Date(2026, 2, 28).getTimezoneOffset()).toBe(-60);
    await addDueLicense(app.api, '2026-05-15');
    app.api.core.desktop.start();
    await app.settle();
    expect(app.shown()).toEqual(['2026-03-28']);
    const [midnight, digest] = app.time.pendingAt() as [Date, Date];
    expect(midnight.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(digest.toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(digest.getTime() - app.time.clock.now().getTime()).toBe(22 * HOUR);
    app.time.advance(midnight);
    expect(app.days).toEqual(['2026-03-29']);
    // The next midnight, the night after the short day, is 23 hours on.
    expect(app.time.pendingAt()[1]!.getTime() - midnight.getTime()).toBe(23 * HOUR);

    await app.api.call('reminders:updateSettings', { ...DEFAULT_REMINDER_SETTINGS, digestTime: '02:30' });
    expect(app.time.pendingAt()[0]!.toISOString()).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
    app.time.advance(new Date('2026-03-29T01:30:00.000Z'));
    await app.settle();
    expect(app.shown()).toEqual(['2026-03-28', '2026-03-29']);
  });

  it('fall back: the next 09:00 is 24 hours after 10:00, shown once on the 25-hour day', async () => {
    const app = await desktopApp(new Date(2026, 9, 24, 10, 0));
    await addDueLicense(app.api, '2026-12-18');
    app.api.core.desktop.start();
    const [midnight, digest] = app.time.pendingAt() as [Date, Date];
    expect(midnight.toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(digest.toISOString()).toBe('2026-10-25T08:00:00.000Z');
    app.time.advance(new Date(2026, 9, 25, 23, 0));
    await app.settle();
    expect(app.shown()).toEqual(['2026-10-24', '2026-10-25']);
    expect(app.days).toEqual(['2026-10-25']);
  });
});

describe('America/Sao_Paulo: a day without a midnight (4 November 2018)', () => {
  useZone('America/Sao_Paulo', { beforeAll, afterAll });

  it('the day rolls over at 01:00, when that day begins', async () => {
    const app = await desktopApp(new Date(2018, 10, 3, 12, 0));
    app.api.core.desktop.start();
    const midnight = app.time.pendingAt().find((d) => d.getHours() !== 9)!;
    expect(midnight.toISOString()).toBe('2018-11-04T03:00:00.000Z');
    expect(midnight.getHours()).toBe(1);
    app.time.advance(midnight);
    expect(app.days).toEqual(['2018-11-04']);
  });
});
