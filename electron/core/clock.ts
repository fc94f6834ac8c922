/** The core's one source of "now", so tests and the e2e host can fix or advance time. */
export interface Clock {
  now(): Date;
}

/** One-shot timers, passed in beside the clock so tests can run them on a fake one. */
export interface Timers {
  /** Calls `fn` once after `ms`; the handle cancels it. Never keeps the process alive on its own. */
  after(ms: number, fn: () => void): { cancel(): void };
}

// setTimeout's delay is a signed 32-bit count of milliseconds; longer ones fire at once.
const MAX_DELAY = 2 ** 31 - 1;

export const realTimers: Timers = {
  after(ms, fn) {
    const t = setTimeout(fn, Math.min(Math.max(0, ms), MAX_DELAY));
    t.unref();
    return { cancel: () => clearTimeout(t) };
  },
};

/** One timer its owner re-sets after each look (the next midnight, the next digest time); none once stopped. */
export function oneTimer(timers: Timers) {
  let pending: { cancel(): void } | null = null;
  let stopped = false;
  return {
    set(ms: number, fn: () => void): void {
      pending?.cancel();
      pending = stopped ? null : timers.after(ms, fn);
    },
    stop(): void {
      stopped = true;
      pending?.cancel();
      pending = null;
    },
    get stopped(): boolean {
      return stopped;
    },
  };
}
