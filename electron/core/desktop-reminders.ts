import type { Clock, Timers } from './clock.js';
import { createDayClock, type DayClock } from './day-clock.js';
import type { EventBus } from './events/bus.js';
import type { PlatformPort } from './platform/port.js';
import { createDigestNotifier } from './services/reminders/desktop.js';
import type { ReminderService } from './services/reminders/service.js';

export interface DesktopReminders {
  /** Starts the day clock and looks for today's digest (the app's start). */
  start(): void;
  /** Looks again at once: a wake from sleep (Electron's powerMonitor), or a page that just connected (the browser host). */
  check(): void;
  /** Resolves once the digest looks started so far have finished (the tests wait on it). */
  settled(): Promise<void>;
  /** A desktop digest was clicked: the open pages show that day's digest. */
  openDigest(day: string): void;
  stop(): void;
}

/**
 * The reminders that reach the desktop: the local day rollover (the `day:changed` event, from one
 * timer at the next midnight) and the daily digest through the platform's notify. Both look again on
 * a wake from sleep, and the digest when the reminder settings change, so a new digest time counts at once.
 */
export function createDesktopReminders(o: { events: EventBus; reminders: ReminderService; clock: Clock; timers: Timers; platform: PlatformPort; log?: (message: string) => void }): DesktopReminders {
  const digests = createDigestNotifier({ reminders: o.reminders, clock: o.clock, timers: o.timers, notify: (n) => o.platform.notify(n), log: o.log });
  let day: DayClock | null = null;
  let unsubscribe: (() => void) | null = null;
  return {
    start() {
      if (day) return;
      day = createDayClock(o.clock, o.timers, (today) => {
        o.events.emit('day:changed', { day: today });
        digests.check();
      });
      unsubscribe = o.events.subscribe((name, payload) => {
        if (name === 'data:changed' && (payload as { domains: string[] }).domains.includes('reminders')) digests.check();
      });
      digests.check();
    },
    check() {
      if (!day) return;
      // A day that changed while asleep is announced first (and looks for its digest); the second look finds it claimed.
      day.check();
      digests.check();
    },
    settled: () => digests.settled(),
    openDigest(today) {
      o.events.emit('reminders:openDigest', { day: today });
    },
    stop() {
      day?.stop();
      digests.stop();
      unsubscribe?.();
      day = null;
    },
  };
}
