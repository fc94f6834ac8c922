/**
 * Main → renderer event names and the one subscribe function the preload (and the browser host's
 * bridge) expose for each, with no imports, so the sandboxed preload can list them without bundling
 * zod. `events.ts` checks at compile time that it has exactly these events.
 *
 * To add an event: its payload schema in `events.ts`, its name and subscriber here, its emitter in
 * the core.
 */
export const EVENT_SUBSCRIBERS = {
  onJobProgress: 'job:progress',
  onDataChanged: 'data:changed',
  onAppCommand: 'app:command',
  onDayChanged: 'day:changed',
  onOpenDigest: 'reminders:openDigest',
} as const;
export type EventSubscriberName = keyof typeof EVENT_SUBSCRIBERS;
export type EventName = (typeof EVENT_SUBSCRIBERS)[EventSubscriberName];
export const EVENT_NAMES = Object.values(EVENT_SUBSCRIBERS) as EventName[];
