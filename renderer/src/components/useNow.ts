import { useSyncExternalStore } from 'react';

// One shared ticker for every countdown on screen, so a table of 40 rows does not start 40 timers.
let now = new Date();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = new Date();
    timer = setInterval(() => {
      now = new Date();
      listeners.forEach((l) => l());
    }, 15_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** The current time, refreshed every 15 seconds: minutes are the finest unit a countdown shows. */
export function useNow(): Date {
  return useSyncExternalStore(subscribe, () => now);
}

/** The viewer's local calendar date as YYYY-MM-DD (what status filters are computed for). */
export function localIsoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
