import type { Reminder, ReminderCount, ReminderDigest, ReminderPage, ReminderSettings, SnoozeChoice } from '../../../../shared/domain/reminders.js';
import { localDate } from '../../../../shared/status/time.js';
import type { Clock } from '../../clock.js';
import { writeTransaction, type WritableDb } from '../../db/connection.js';
import { AppError } from '../../errors.js';
import type { NotificationShower, SavedFile } from '../../platform/port.js';
import type { SavedFiles } from '../../platform/saved-files.js';
import { computeDue, DueList, encodeDue, readReminderSettings, SETTINGS_KEY, type EncodedDue } from './due.js';
import { calendarFile, EVENTS_PER_LICENSE } from './ics.js';
import { localDay, plusDays, snoozeUntil } from './schedule.js';
import { calendarLicenses, type CalendarScope } from './sources.js';

export interface DesktopDigest {
  day: string;
  count: number;
  title: string;
  body: string;
}

export interface CalendarExport {
  fileName: string;
  events: number;
  saved: SavedFile | null;
}

/** Works out the due list for a day off this thread (the job worker's read lane, jobs/reminders.ts). */
export type DueComputer = (today: string) => Promise<EncodedDue>;

/** A page's reminders, one digest per day (they come sorted by day, newest first). */
function group(reminders: Reminder[]): ReminderDigest[] {
  const digests: ReminderDigest[] = [];
  for (const r of reminders) {
    const last = digests.at(-1);
    if (last?.day === r.dueOn) last.reminders.push(r);
    else digests.push({ day: r.dueOn, reminders: [r] });
  }
  return digests;
}

function countOf(list: DueList): ReminderCount {
  return { count: list.count, byKind: list.byKind(), newestDay: list.days()[0]?.day ?? null };
}

/** The instant of `hh:mm` local time on `day`; on a DST day with that time skipped, Date moves it forward. */
function atTime(day: string, time: string): Date {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const d = localDate(day);
  d.setHours(h, m, 0, 0);
  return d;
}

/**
 * Reminders over the store: settings, the due list for a day, dismiss and snooze (kept in the database,
 * so they survive restarts), the desktop digest at most once a day, and the calendar file.
 * `computer` works the due list out elsewhere (the app's job worker); by default it is worked out here.
 */
export function createReminderService(db: WritableDb, clock: Clock, desktop: { files(): SavedFiles | null; notificationsBy(): NotificationShower }, computer?: DueComputer) {
  const putSetting = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const decide = db.prepare(
    `INSERT INTO reminder_decisions (reminder_id, license_item_id, action, until, at) VALUES (@id, @licenseId, @action, @until, @at)
     ON CONFLICT(reminder_id) DO UPDATE SET action = excluded.action, until = excluded.until, at = excluded.at`,
  );
  const digestShown = db.prepare('SELECT 1 FROM reminder_digests WHERE day = ?');
  const recordDigest = db.prepare('INSERT INTO reminder_digests (day, shown_at, reminders) VALUES (?, ?, ?)');
  const lastDigest = db.prepare('SELECT max(day) AS day FROM reminder_digests');

  const settings = (): ReminderSettings => readReminderSettings(db);
  const here = (today: string) => encodeDue(computeDue(db, today));
  const compute: DueComputer = computer ?? ((today) => Promise.resolve(here(today)));

  /**
   * The due list depends on the store and the day only, so it is kept until either changes: at
   * 100,000 items working it out takes over half a second, and every open page asks again after each
   * data change. The store's version is exact and cheap to read: `data_version` moves when another
   * connection (the job worker) commits, `total_changes()` with every row this connection writes
   * (services, upkeep, a test's direct write), whatever the channel. Working it out happens in the job
   * worker; calls that come meanwhile wait for the same answer, and this thread is free to answer others.
   */
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  const ownChanges = db.prepare('SELECT total_changes()').pluck();
  const version = () => `${String(dataVersion.get())}:${String(ownChanges.get())}`;
  let kept: { version: string; days: Map<string, DueList> } = { version: '', days: new Map() };
  /** Per day, the list being worked out and for which version; and the one asked for after it. */
  const running = new Map<string, { version: string; done: Promise<DueList> }>();
  const queued = new Map<string, Promise<DueList>>();

  const keptFor = (v: string, today: string): DueList | undefined => {
    if (kept.version !== v) kept = { version: v, days: new Map() };
    return kept.days.get(today);
  };
  const keep = (v: string, today: string, list: DueList) => {
    // The store changed while it was worked out: the answer goes to those who asked before, not kept.
    if (kept.version !== v) return;
    // A few days at most (the viewer's day, a digest's day); a new version starts afresh anyway.
    if (kept.days.size >= 4) kept.days.clear();
    kept.days.set(today, list);
  };

  const dueList = (today: string): DueList | Promise<DueList> => {
    const v = version();
    const have = keptFor(v, today);
    if (have) return have;
    const now = running.get(today);
    if (now?.version === v) return now.done;
    if (now) {
      // An older store's list is being worked out: one more after it, for the store as it is then,
      // shared by everyone who asks meanwhile, so a burst of writes queues two jobs, not one per write.
      let next = queued.get(today);
      if (!next) {
        const settled = now.done.then(
          () => undefined,
          () => undefined,
        );
        next = settled.then(() => {
          queued.delete(today);
          return dueList(today);
        });
        queued.set(today, next);
      }
      return next;
    }
    const done = compute(today)
      .then((enc) => {
        const list = new DueList(enc);
        keep(v, today, list);
        return list;
      })
      .finally(() => running.delete(today));
    running.set(today, { version: v, done });
    return done;
  };

  /**
   * Records a decision on a due reminder. When the kept list was the store as of this write, the list
   * after it is that list without the reminder (a dismissed or snoozed id is no longer due today), so
   * dismissing one of 40,000 does not work the whole list out again. `data_version` unchanged across
   * the commit means no other connection wrote meanwhile.
   */
  const record = (asOf: string, r: Reminder, action: 'dismissed' | 'snoozed', until: string | null) => {
    let before: { data: string; list: DueList | undefined } = { data: '', list: undefined };
    writeTransaction(db, () => {
      const v = version();
      before = { data: v.split(':')[0]!, list: kept.version === v ? kept.days.get(asOf) : undefined };
      decide.run({ id: r.id, licenseId: r.licenseId, action, until, at: clock.now().toISOString() });
    });
    const after = version();
    if (before.list && after.split(':')[0] === before.data && (action === 'dismissed' || (until !== null && until > asOf))) {
      kept = { version: after, days: new Map([[asOf, before.list.without(r.id)]]) };
    }
  };

  /** The reminder must be due now: acting on one that is not (already dismissed, superseded) is refused. */
  const dueOne = async (id: string, asOf: string): Promise<Reminder> => {
    const r = (await dueList(asOf)).find(id);
    if (!r) throw new AppError('NOT_FOUND', 'This reminder is no longer due. The list has been refreshed.');
    return r;
  };

  return {
    settings,
    updateSettings(s: ReminderSettings): ReminderSettings {
      writeTransaction(db, () => putSetting.run(SETTINGS_KEY, JSON.stringify(s)));
      return settings();
    },
    /** One page of the due list, with the total and each digest day's count. */
    async list({ asOf, offset, limit }: { asOf: string; offset: number; limit: number }): Promise<ReminderPage> {
      const list = await dueList(asOf);
      return { count: list.count, offset, limit, days: list.days(), digests: group(list.page(offset, limit)) };
    },
    /** How many are due (the bell): small at any size. */
    async count(asOf: string): Promise<ReminderCount> {
      return countOf(await dueList(asOf));
    },
    async dismiss({ id, asOf }: { id: string; asOf: string }): Promise<ReminderCount> {
      record(asOf, await dueOne(id, asOf), 'dismissed', null);
      return countOf(await dueList(asOf));
    },
    async snooze({ id, asOf, choice }: { id: string; asOf: string; choice: SnoozeChoice }): Promise<ReminderCount> {
      const r = await dueOne(id, asOf);
      const until = snoozeUntil(choice, asOf, r.nextOn);
      if (!until) throw new AppError('INVALID_INPUT', 'This is the last reminder for this license: there is no next one to snooze until. Dismiss it instead.');
      record(asOf, r, 'snoozed', until);
      return countOf(await dueList(asOf));
    },
    /**
     * Writes the .ics through the platform (the save dialog, or the host's folder) and remembers the
     * path so the page may open or reveal it; `saved` is null when the user closed the dialog.
     */
    async calendar(scope: CalendarScope, asOf: string): Promise<CalendarExport> {
      const out = desktop.files();
      if (!out) throw new AppError('INTERNAL', 'Saving files is not available in this window.');
      const licenses = calendarLicenses(db, scope, asOf);
      const content = calendarFile(licenses, settings(), clock.now());
      const name = scope.scope === 'license' ? `license-${scope.licenseId}` : scope.scope === 'project' ? `project-${scope.projectCode.replace(/[^A-Za-z0-9-]+/g, '_')}` : 'all-licenses';
      const fileName = `license-desk-${name}.ics`;
      const saved = await out.save({ suggestedName: fileName, content, filter: { name: 'Calendar', extensions: ['ics'] } });
      return { fileName, events: licenses.length * EVENTS_PER_LICENSE, saved };
    },

    /**
     * The desktop digest for the current local day, claimed in one write transaction: it is handed to
     * `deliver` at most once per day however often (start, resume, timer) this is asked, and only from
     * the digest time on. Null when notifications are off, it is too early, it was shown, nothing is
     * due, or `deliver` found nothing to show it. The due list comes as for the bell (kept, or worked
     * out in the job worker), so a start or a wake at 100,000 items does not hold up the IPC thread;
     * two looks at once both wait for it, and the transaction lets only the first show the day.
     */
    async claimDigest(deliver: (digest: DesktopDigest) => boolean = () => true): Promise<DesktopDigest | null> {
      const now = clock.now();
      const s = settings();
      const day = localDay(now);
      if (!s.desktopNotifications || now < atTime(day, s.digestTime)) return null;
      if (digestShown.get(day)) return null;
      const due = await dueList(day);
      return writeTransaction(db, () => {
        if (digestShown.get(day)) return null;
        const first = due.page(0, 1)[0];
        if (!first) return null;
        const more = due.count - 1;
        const digest = {
          day,
          count: due.count,
          title: due.count === 1 ? 'License Desk: 1 reminder' : `License Desk: ${due.count} reminders`,
          body: `${first.title}: ${first.product}${first.alias ? ` (${first.alias})` : ''}${more > 0 ? `, and ${more} more` : ''}.`,
        };
        // Not recorded when nothing took it (no page open in the browser host): the next look tries again.
        if (!deliver(digest)) return null;
        recordDigest.run(day, now.toISOString(), due.count);
        return digest;
      });
    },

    /** Who shows the desktop digest (the system, or the page where the browser permits) and the last day one was shown. */
    desktop(): { shownBy: NotificationShower; lastDigestOn: string | null } {
      return { shownBy: desktop.notificationsBy(), lastDigestOn: (lastDigest.get() as { day: string | null } | undefined)?.day ?? null };
    },

    /** When to ask `claimDigest` next: today's digest time if still ahead, else tomorrow's. */
    nextDigestCheck(): Date {
      const now = clock.now();
      const s = settings();
      const today = atTime(localDay(now), s.digestTime);
      return now < today ? today : atTime(plusDays(localDay(now), 1), s.digestTime);
    },
  };
}
export type ReminderService = ReturnType<typeof createReminderService>;
