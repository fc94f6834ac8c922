import { DEFAULT_REMINDER_SETTINGS, ReminderSettings, type Reminder, type ReminderList, type SnoozeChoice } from '../../../../shared/domain/reminders.js';
import { localDate } from '../../../../shared/status/time.js';
import type { Clock } from '../../clock.js';
import { writeTransaction, type WritableDb } from '../../db/connection.js';
import { AppError } from '../../errors.js';
import type { NotificationShower, SavedFile } from '../../platform/port.js';
import type { SavedFiles } from '../../platform/saved-files.js';
import { calendarFile, EVENTS_PER_LICENSE } from './ics.js';
import { dueReminders, localDay, plusDays, snoozeUntil, type Decision } from './schedule.js';
import { calendarLicenses, reminderCandidates, type CalendarScope } from './sources.js';

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

const SETTINGS_KEY = 'reminders';

/** One day's digest per day, newest first. */
function group(reminders: Reminder[]): ReminderList {
  const byDay = new Map<string, Reminder[]>();
  // Appended in place: copying the day's list for each reminder took 20 s for 36,000 reminders (100,000 items).
  for (const r of reminders) {
    const day = byDay.get(r.dueOn);
    if (day) day.push(r);
    else byDay.set(r.dueOn, [r]);
  }
  const digests = [...byDay.entries()].sort(([a], [b]) => (a < b ? 1 : -1)).map(([day, list]) => ({ day, reminders: list }));
  return { count: reminders.length, digests };
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
 */
export function createReminderService(db: WritableDb, clock: Clock, desktop: { files(): SavedFiles | null; notificationsBy(): NotificationShower }) {
  const getSetting = db.prepare('SELECT value FROM settings WHERE key = ?');
  const putSetting = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const decisionsStmt = db.prepare('SELECT reminder_id AS id, action, until FROM reminder_decisions');
  const decide = db.prepare(
    `INSERT INTO reminder_decisions (reminder_id, license_item_id, action, until, at) VALUES (@id, @licenseId, @action, @until, @at)
     ON CONFLICT(reminder_id) DO UPDATE SET action = excluded.action, until = excluded.until, at = excluded.at`,
  );
  const digestShown = db.prepare('SELECT 1 FROM reminder_digests WHERE day = ?');
  const recordDigest = db.prepare('INSERT INTO reminder_digests (day, shown_at, reminders) VALUES (?, ?, ?)');
  const lastDigest = db.prepare('SELECT max(day) AS day FROM reminder_digests');

  const settings = (): ReminderSettings => {
    const row = getSetting.get(SETTINGS_KEY) as { value: string } | undefined;
    if (!row) return DEFAULT_REMINDER_SETTINGS;
    // A stored value that no longer parses (an older shape) falls back field by field to the defaults.
    const parsed = ReminderSettings.safeParse({ ...DEFAULT_REMINDER_SETTINGS, ...(JSON.parse(row.value) as object) });
    return parsed.success ? parsed.data : DEFAULT_REMINDER_SETTINGS;
  };

  const decisions = (): Map<string, Decision> => new Map((decisionsStmt.all() as (Decision & { id: string })[]).map(({ id, action, until }) => [id, { action, until }]));

  /**
   * The answer depends on the store and the day only, so it is kept until either changes: at 100,000
   * items it takes hundreds of milliseconds on the thread that answers IPC, and every open page asks
   * again after each data change. The store's version is exact and cheap to read: `data_version`
   * moves when another connection (the job worker) commits, `total_changes()` with every row this
   * connection writes (services, upkeep, a test's direct write), whatever the channel.
   */
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  const ownChanges = db.prepare('SELECT total_changes()').pluck();
  let kept: { version: string; days: Map<string, { due: Reminder[]; list: ReminderList }> } = { version: '', days: new Map() };
  const answer = (today: string) => {
    const version = `${String(dataVersion.get())}:${String(ownChanges.get())}`;
    if (kept.version !== version) kept = { version, days: new Map() };
    let day = kept.days.get(today);
    if (!day) {
      const s = settings();
      const due = dueReminders(reminderCandidates(db, s, today), s, today, decisions());
      // A few days at most (the viewer's day, a digest's day); a new version starts afresh anyway.
      if (kept.days.size >= 4) kept.days.clear();
      day = { due, list: group(due) };
      kept.days.set(today, day);
    }
    return day;
  };

  const due = (today: string): Reminder[] => answer(today).due;

  const list = (asOf: string): ReminderList => answer(asOf).list;

  /** The reminder must be due now: acting on one that is not (already dismissed, superseded) is refused. */
  const dueOne = (id: string, asOf: string): Reminder => {
    const r = due(asOf).find((x) => x.id === id);
    if (!r) throw new AppError('NOT_FOUND', 'This reminder is no longer due. The list has been refreshed.');
    return r;
  };

  return {
    settings,
    updateSettings(s: ReminderSettings): ReminderSettings {
      writeTransaction(db, () => putSetting.run(SETTINGS_KEY, JSON.stringify(s)));
      return settings();
    },
    list,
    dismiss({ id, asOf }: { id: string; asOf: string }): ReminderList {
      const r = dueOne(id, asOf);
      writeTransaction(db, () => decide.run({ id, licenseId: r.licenseId, action: 'dismissed', until: null, at: clock.now().toISOString() }));
      return list(asOf);
    },
    snooze({ id, asOf, choice }: { id: string; asOf: string; choice: SnoozeChoice }): ReminderList {
      const r = dueOne(id, asOf);
      const until = snoozeUntil(choice, asOf, r.nextOn);
      if (!until) throw new AppError('INVALID_INPUT', 'This is the last reminder for this license: there is no next one to snooze until. Dismiss it instead.');
      writeTransaction(db, () => decide.run({ id, licenseId: r.licenseId, action: 'snoozed', until, at: clock.now().toISOString() }));
      return list(asOf);
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
     * due, or `deliver` found nothing to show it.
     */
    claimDigest(deliver: (digest: DesktopDigest) => boolean = () => true): DesktopDigest | null {
      const now = clock.now();
      const s = settings();
      const day = localDay(now);
      if (!s.desktopNotifications || now < atTime(day, s.digestTime)) return null;
      return writeTransaction(db, () => {
        if (digestShown.get(day)) return null;
        const reminders = due(day);
        if (reminders.length === 0) return null;
        const first = reminders[0]!;
        const more = reminders.length - 1;
        const digest = {
          day,
          count: reminders.length,
          title: reminders.length === 1 ? 'License Desk: 1 reminder' : `License Desk: ${reminders.length} reminders`,
          body: `${first.title}: ${first.product}${first.alias ? ` (${first.alias})` : ''}${more > 0 ? `, and ${more} more` : ''}.`,
        };
        // Not recorded when nothing took it (no page open in the browser host): the next look tries again.
        if (!deliver(digest)) return null;
        recordDigest.run(day, now.toISOString(), reminders.length);
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
