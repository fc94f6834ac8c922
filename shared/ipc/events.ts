import { z } from 'zod';
import { CHANNEL_NAMES } from './channels.js';
import type { EventName } from './event-names.js';
import { IsoDate } from '../domain/primitives.js';

/**
 * What the core tells open pages without being asked: event name → zod payload, the sibling of the
 * call contract (VS Code's channels carry both `call` and `listen`). The core validates each payload
 * before sending; the renderer subscribes through one `onX(listener) → unsubscribe` per event.
 */

/** reminders: the due list worked out for the bell and the notifications centre (no progress of its own). */
export const JOB_KINDS = ['import', 'export', 'document', 'backup', 'reminders'] as const;
export const JobKind = z.enum(JOB_KINDS);
export type JobKind = z.infer<typeof JobKind>;

/** waiting: queued behind the current write job; the rest as they read. */
export const JOB_STATES = ['waiting', 'running', 'done', 'failed', 'cancelled'] as const;
export const JobState = z.enum(JOB_STATES);
export type JobState = z.infer<typeof JobState>;

export const JobProgress = z.strictObject({
  jobId: z.string(),
  kind: JobKind,
  /** What the job works on, so a page can pick out its own job (an import's staged id). */
  ref: z.string().nullable(),
  state: JobState,
  /** A short word for the step: reading, checking, writing, indexing, finishing, … */
  phase: z.string(),
  done: z.number().int().min(0),
  /** null while the size is not known yet. */
  total: z.number().int().min(0).nullable(),
  /** Rows per second over the running phase, once there is enough to say. */
  rate: z.number().min(0).nullable(),
  /** For failed and cancelled jobs: words for people. */
  message: z.string().nullable(),
});
export type JobProgress = z.infer<typeof JobProgress>;

/** A data domain is a channel prefix (licenses, usage, keys, import, …): the part before the colon. */
type PrefixOf<C> = C extends `${infer P}:${string}` ? P : never;
export type DataDomain = PrefixOf<(typeof CHANNEL_NAMES)[number]>;
export const DATA_DOMAINS = [...new Set(CHANNEL_NAMES.map((c) => c.slice(0, c.indexOf(':'))))] as DataDomain[];
export const DataChanged = z.strictObject({
  domains: z.array(z.enum(DATA_DOMAINS as [DataDomain, ...DataDomain[]])).min(1),
});
export type DataChanged = z.infer<typeof DataChanged>;

/** The application menu's commands for the page (File → Import…, Edit → Find, …); Electron only. */
export const APP_COMMANDS = ['new', 'import', 'export', 'find', 'settings', 'shortcuts'] as const;
export type AppCommandName = (typeof APP_COMMANDS)[number];
export const AppCommand = z.strictObject({ command: z.enum(APP_COMMANDS) });
export type AppCommand = z.infer<typeof AppCommand>;

/** The local calendar day changed (midnight, or a wake from sleep on a later day): the new day. */
export const DayChanged = z.strictObject({ day: IsoDate });
export type DayChanged = z.infer<typeof DayChanged>;

/** The user clicked a desktop digest: show that day's digest. */
export const OpenDigest = z.strictObject({ day: IsoDate });
export type OpenDigest = z.infer<typeof OpenDigest>;

export const events = {
  'job:progress': JobProgress,
  'data:changed': DataChanged,
  'app:command': AppCommand,
  'day:changed': DayChanged,
  'reminders:openDigest': OpenDigest,
} as const satisfies Record<EventName, z.ZodType>;

export type Events = typeof events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export type { EventName } from './event-names.js';

// events.ts and event-names.ts name the same events, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const eventListMatches: Same<keyof Events, EventName> = true;
void eventListMatches;
