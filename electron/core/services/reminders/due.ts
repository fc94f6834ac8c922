import { DEFAULT_REMINDER_SETTINGS, REMINDER_KINDS, ReminderSettings, type Reminder, type ReminderKind } from '../../../../shared/domain/reminders.js';
import type { ReadableDb } from '../../db/connection.js';
import { dueReminders, type Decision } from './schedule.js';
import { reminderCandidates } from './sources.js';

export const SETTINGS_KEY = 'reminders';

export function readReminderSettings(db: ReadableDb): ReminderSettings {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(SETTINGS_KEY) as { value: string } | undefined;
  if (!row) return DEFAULT_REMINDER_SETTINGS;
  // A stored value that no longer parses (an older shape) falls back field by field to the defaults.
  const parsed = ReminderSettings.safeParse({ ...DEFAULT_REMINDER_SETTINGS, ...(JSON.parse(row.value) as object) });
  return parsed.success ? parsed.data : DEFAULT_REMINDER_SETTINGS;
}

/** Everything due on `today` over one connection: the service's own, or the job worker's. */
export function computeDue(db: ReadableDb, today: string): Reminder[] {
  const settings = readReminderSettings(db);
  const rows = db.prepare('SELECT reminder_id AS id, action, until FROM reminder_decisions').all() as (Decision & { id: string })[];
  const decisions = new Map(rows.map(({ id, action, until }) => [id, { action, until }]));
  return dueReminders(reminderCandidates(db, settings, today), settings, today, decisions);
}

/**
 * The due list in a form that crosses from the job worker for free: one byte buffer (transferred, not
 * copied) holding each reminder's JSON in list order, and where each starts. At 100,000 items the list
 * is ~40,000 reminders and 18 MB as JSON: cloning it as objects took ~350 ms on the receiving thread,
 * which is the thread that answers IPC; this way a page decodes only the reminders it shows.
 */
export interface EncodedDue {
  bytes: Uint8Array;
  /** Byte offset of reminder i; one more entry than reminders, the last being the length. */
  starts: Uint32Array;
  /** Each reminder's kind, as its index in REMINDER_KINDS. */
  kinds: Uint8Array;
  /** One digest per day, newest first: the list is sorted by day, so each is one run of it. */
  days: { day: string; start: number; count: number }[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const KIND_INDEX = new Map<string, number>(REMINDER_KINDS.map((k, i) => [k, i]));
/** Every reminder's JSON starts with its id (written so below), which lets `find` search the bytes. */
const idPrefix = (id: string) => encoder.encode(`{"id":${JSON.stringify(id)},`);

export function encodeDue(list: readonly Reminder[]): EncodedDue {
  const json = list.map(({ id, ...rest }) => JSON.stringify({ id, ...rest }));
  const starts = new Uint32Array(list.length + 1);
  let total = 0;
  for (let i = 0; i < json.length; i++) {
    starts[i] = total;
    total += Buffer.byteLength(json[i]!);
  }
  starts[list.length] = total;
  // Its own ArrayBuffer (never a slice of Node's pool), so the worker can transfer it.
  const bytes = new Uint8Array(total);
  for (let i = 0; i < json.length; i++) encoder.encodeInto(json[i]!, bytes.subarray(starts[i]));
  const kinds = new Uint8Array(list.length);
  const days: EncodedDue['days'] = [];
  list.forEach((r, i) => {
    kinds[i] = KIND_INDEX.get(r.kind)!;
    const last = days.at(-1);
    if (last?.day === r.dueOn) last.count++;
    else days.push({ day: r.dueOn, start: i, count: 1 });
  });
  return { bytes, starts, kinds, days };
}

/**
 * The kept due list as the IPC thread reads it: counts, a page, one reminder by id, and the list less
 * one dismissed or snoozed id (`without`), all without decoding more than what is asked for.
 * `removed` are positions taken out since it was computed, in order.
 */
export class DueList {
  readonly count: number;
  private readonly gone: ReadonlySet<number>;
  // Worked out once: the bell and every page ask for them after each change.
  private kindCounts: Record<ReminderKind, number> | null = null;
  private dayCounts: { day: string; count: number }[] | null = null;

  constructor(
    private readonly enc: EncodedDue,
    private readonly removed: readonly number[] = [],
  ) {
    this.count = enc.kinds.length - removed.length;
    this.gone = new Set(removed);
  }

  private decode(i: number): Reminder {
    return JSON.parse(decoder.decode(this.enc.bytes.subarray(this.enc.starts[i], this.enc.starts[i + 1]))) as Reminder;
  }

  byKind(): Record<ReminderKind, number> {
    if (this.kindCounts) return { ...this.kindCounts };
    const counts = Object.fromEntries(REMINDER_KINDS.map((k) => [k, 0])) as Record<ReminderKind, number>;
    const { kinds } = this.enc;
    for (let i = 0; i < kinds.length; i++) if (!this.gone.has(i)) counts[REMINDER_KINDS[kinds[i]!]!]++;
    this.kindCounts = counts;
    return { ...counts };
  }

  /** Each digest day with how many reminders it holds now, newest first. */
  days(): { day: string; count: number }[] {
    this.dayCounts ??= this.enc.days
      .map(({ day, start, count }) => ({ day, count: count - this.removed.filter((i) => i >= start && i < start + count).length }))
      .filter((d) => d.count > 0);
    return this.dayCounts.map((d) => ({ ...d }));
  }

  /** Reminders `offset` to `offset + limit` of the list as it is now. */
  page(offset: number, limit: number): Reminder[] {
    let i = offset;
    // Each removed position at or before the one sought moves it one further.
    for (const r of this.removed) if (r <= i) i++;
    const out: Reminder[] = [];
    const n = this.enc.kinds.length;
    for (; i < n && out.length < limit; i++) if (!this.gone.has(i)) out.push(this.decode(i));
    return out;
  }

  private positionsOf(id: string): number[] {
    const { bytes, starts } = this.enc;
    const hay = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const needle = idPrefix(id);
    const found: number[] = [];
    for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
      // The prefix can only begin a reminder (inside a string a quote is escaped), but check anyway.
      let lo = 0;
      let hi = starts.length - 2;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= at) lo = mid;
        else hi = mid - 1;
      }
      if (starts[lo] === at && !this.gone.has(lo)) found.push(lo);
    }
    return found;
  }

  /** The first reminder due with this id (an order's follow-up has one id on each of its licenses). */
  find(id: string): Reminder | null {
    const [i] = this.positionsOf(id);
    return i === undefined ? null : this.decode(i);
  }

  /** The list once every reminder with this id has gone (dismissed, or snoozed past the day). */
  without(id: string): DueList {
    return new DueList(this.enc, [...this.removed, ...this.positionsOf(id)].sort((a, b) => a - b));
  }
}
