import { oneTimer, type Clock, type Timers } from '../../clock.js';
import type { DesktopNotification } from '../../platform/port.js';
import type { ReminderService } from './service.js';

export interface DigestNotifier {
  /** Shows today's digest if it is due and not shown yet, then sets the timer for the next look. */
  check(): void;
  /** Resolves once every look started so far has finished (its due list is worked out in the job worker). */
  settled(): Promise<void>;
  stop(): void;
}

/**
 * The desktop digest, at most one per local day, from the digest time the user picked. It looks on
 * start, when the local day changes, on a wake from sleep and when the reminder settings change, and
 * otherwise sleeps on one timer set to the next digest time. Which days were shown is in the store
 * (`claimDigest`), so a restart, a resume or a timer that fires twice never shows a day twice; a
 * machine that slept through several digest times catches up with one, today's.
 */
export function createDigestNotifier(o: { reminders: Pick<ReminderService, 'claimDigest' | 'nextDigestCheck'>; clock: Clock; timers: Timers; notify(n: DesktopNotification): boolean; log?: (message: string) => void }): DigestNotifier {
  const timer = oneTimer(o.timers);
  const arm = () => timer.set(o.reminders.nextDigestCheck().getTime() - o.clock.now().getTime(), check);
  let looking: Promise<void> = Promise.resolve();

  function check(): void {
    if (timer.stopped) return;
    // Recorded as shown only when something took it (a page is open, the system supports it), and
    // not once the notifier has stopped while the due list was being worked out.
    const look = o.reminders
      .claimDigest((d) => !timer.stopped && o.notify({ title: d.title, body: d.body, digestDay: d.day }))
      .then(
        () => undefined,
        (err: unknown) => {
          // A store that cannot be written now (full disk) is tried again at the next look; the in-app list still shows it.
          o.log?.(`[reminders] the desktop digest could not be checked: ${err instanceof Error ? err.message : String(err)}`);
        },
      );
    looking = Promise.all([looking, look]).then(() => undefined);
    // The next look depends on the clock and the settings only, not on this one's outcome.
    arm();
  }

  return { check, settled: () => looking, stop: timer.stop };
}
