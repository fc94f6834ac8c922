import { localDay } from './services/reminders/schedule.js';
import { oneTimer, type Clock, type Timers } from './clock.js';

export interface DayClock {
  /** Looks at the clock now (a wake from sleep): says so if the day changed meanwhile, and re-arms. */
  check(): void;
  stop(): void;
}

/**
 * The local day rollover, from the core's clock: one timer set to the next local midnight (not a busy
 * interval), re-armed each time it fires. On a day whose midnight is skipped by DST the day starts at
 * 01:00, and `new Date(y, m, d + 1)` lands there. A timer that fires early (or late, after sleep) only
 * reports a day that really changed; `check` covers a machine that slept past midnight.
 */
export function createDayClock(clock: Clock, timers: Timers, onDayChange: (day: string) => void): DayClock {
  let day = localDay(clock.now());
  const timer = oneTimer(timers);

  const arm = () => {
    const now = clock.now();
    const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
    timer.set(next.getTime() - now.getTime(), check);
  };

  function check(): void {
    const seen = localDay(clock.now());
    if (seen !== day) {
      day = seen;
      onDayChange(seen);
    }
    arm();
  }

  arm();
  return { check, stop: timer.stop };
}
